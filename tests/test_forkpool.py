"""The forked workers of a folder run (``linter.forkpool``): results in
order, a worker's exception raised again here, a worker that dies or is left
behind never left running."""

from __future__ import annotations

import os
import sys
import time

import pytest

from linter.forkpool import fork_worker, in_turn

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _double(n: int) -> int:
    if n == 3:
        raise ValueError("three is not allowed")
    return 2 * n


def test_results_come_in_order_and_a_workers_exception_is_raised_here() -> None:
    started: list[int] = []
    worker = fork_worker(lambda: started.append(1), [1, 2, 3, 4], _double)
    try:
        assert [worker.result(), worker.result()] == [2, 4]
        with pytest.raises(ValueError, match="^three is not allowed$"):
            worker.result()
        with pytest.raises(RuntimeError, match=r"^a worker process of the run stopped early \(exit status 1\)$"):
            worker.result()  # it stopped at its error: task 4 never ran
    finally:
        worker.stop()
    assert started == []  # start() ran in the worker, not here


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    worker = fork_worker(lambda: None, [1, 2], lambda n: n if n == 1 else os._exit(7))
    try:
        assert worker.result() == 1
        with pytest.raises(RuntimeError, match=r"^a worker process of the run stopped early \(exit status 7\)$"):
            worker.result()
    finally:
        worker.stop()


def test_a_worker_still_running_is_killed_and_reaped() -> None:
    worker = fork_worker(lambda: None, [1], lambda n: time.sleep(60))
    pid = worker.pid
    worker.stop()
    assert worker.pid == 0 and _gone(pid)


def test_draining_lets_a_worker_run_ahead_of_a_full_pipe() -> None:
    """Its results outgrow the pipe; drained while they are not yet wanted,
    the worker finishes all of them before the first is read."""
    big = "x" * 50_000
    worker = fork_worker(lambda: None, range(8), lambda n: (n, big))
    try:
        deadline = time.monotonic() + 30
        while worker.open and time.monotonic() < deadline:
            worker.drain()
            time.sleep(0.005)
        assert not worker.open  # the worker wrote everything and exited
        assert [worker.result()[0] for _ in range(8)] == list(range(8))
    finally:
        worker.stop()


_number = [0]  # set by ``start`` in each forked worker


def _start(number: int) -> None:
    _number[0] = number


def _where(task: int) -> tuple[int, int, int]:
    return task, os.getpid(), _number[0]


def test_in_turn_every_jobs_th_task_is_done_here_and_the_rest_by_the_workers() -> None:
    done = list(in_turn(list(range(10)), 3, _start, _where, _where))
    assert [task for task, _, _ in done] == list(range(10))
    by_pid: dict[int, list[int]] = {}
    for task, pid, _ in done:
        by_pid.setdefault(pid, []).append(task)
    assert by_pid.pop(os.getpid()) == [0, 3, 6, 9]
    assert sorted(by_pid.values()) == [[1, 4, 7], [2, 5, 8]]
    assert {task: number for task, _, number in done} == {t: t % 3 for t in range(10)}  # each worker knows its number
