"""Forked workers for a folder run on Linux, without ``multiprocessing``.

Each worker is an ``os.fork()`` of the parent, so it inherits the run as it
stands (the files, the settings, the transform, the imported and compiled
checks): nothing is pickled on the way there. It works through the tasks
given to it at the fork, in order, and writes each task's result down a
pipe of its own (a length, then a pickle). The parent reads a worker's
results in the order they were given, and while it does its own share it
drains whatever the workers have written, so a worker ahead of it never
waits on a full pipe.

A worker that raises sends the exception and exits; the parent raises it
again. A worker that dies without a word is a ``RuntimeError``. Workers
still running when the parent stops (an error, an interrupt, a reader that
gave up) are killed and reaped.

Compared with ``concurrent.futures.ProcessPoolExecutor``: no import of
``multiprocessing`` and its queues, no feeder or manager threads competing
with the parent's own linting for the interpreter, no tasks pickled.
"""

from __future__ import annotations

import os
import select
import struct
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import Any

from linter import regexes

# The C pickler alone: pickle.py, over it, costs a run more to import than
# all its results take to pickle.
try:
    import _pickle as pickle
except ImportError:  # pragma: no cover - an interpreter without the C pickler
    import pickle  # type: ignore[no-redef]

__all__ = ["Worker", "fork_worker", "in_turn"]

_HEADER = struct.Struct("!Q")
_READ = 1 << 16


class Worker:
    """The parent's end of one forked worker: its process and its pipe."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self.fd = fd
        self.buffer = bytearray()
        self.open = True  # the pipe has not reached its end

    def drain(self) -> None:
        """Read what the worker has written so far, without waiting."""
        while self.open and select.select([self.fd], [], [], 0)[0]:
            if not self._read():
                return

    def _read(self) -> bool:
        data = os.read(self.fd, _READ)
        if not data:
            self.open = False
            return False
        self.buffer += data
        return True

    def result(self) -> Any:
        """The worker's next result (waiting for it); its exception raised again."""
        while True:
            if len(self.buffer) >= _HEADER.size:
                (size,) = _HEADER.unpack_from(self.buffer)
                end = _HEADER.size + size
                if len(self.buffer) >= end:
                    ok, value = pickle.loads(bytes(memoryview(self.buffer)[_HEADER.size : end]))
                    del self.buffer[:end]
                    if ok:
                        return value
                    raise value
            if not self.open or not self._read():
                raise RuntimeError(f"a worker process of the run stopped early ({self._status()})")

    def _status(self) -> str:
        pid, status = os.waitpid(self.pid, 0)
        self.pid = 0
        return f"exit status {os.waitstatus_to_exitcode(status)}" if pid else "gone"

    def stop(self) -> None:
        """Close the pipe; kill the worker if it still runs, and reap it."""
        os.close(self.fd)
        if not self.pid:
            return
        pid, _ = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            import signal

            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        self.pid = 0


def fork_worker(start: Callable[[], None], tasks: Iterable[Any], work: Callable[[Any], Any]) -> Worker:
    """Fork a worker that calls ``start()``, then sends ``work(task)`` for
    each of ``tasks`` in order, then exits (``linter.regexes.save()`` first,
    which its exit skips)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return Worker(pid, read_end)
    os.close(read_end)  # pragma: no cover - runs in the child, which exits below
    code = 0
    try:
        # Ctrl-C: the parent reports it, the worker just stops. The C module:
        # signal.py, over it, is slow to import in a worker just forked.
        import _signal  # type: ignore[import-not-found]

        _signal.signal(_signal.SIGINT, _signal.SIG_DFL)
        start()
        todo = list(tasks)
        for task in todo[:-1]:
            _send(write_end, (True, work(task)))
        last = [work(task) for task in todo[-1:]]
        # It leaves without atexit: the patterns it compiled are written here,
        # before its last result, as the parent stops a worker once it has them all.
        regexes.save()
        for done in last:
            _send(write_end, (True, done))
    except BaseException as exc:  # noqa: BLE001 - everything goes to the parent
        code = 1
        try:
            _send(write_end, (False, _picklable(exc)))
        except BaseException:  # noqa: BLE001 - the parent is gone: nobody to tell
            pass
    finally:
        os._exit(code)  # no atexit handlers, no flushing the parent's buffers a second time


def _send(fd: int, message: Any) -> None:
    data = pickle.dumps(message, protocol=-1)  # the highest
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def in_turn(
    tasks: Sequence[Any], jobs: int, start: Callable[[int], None], work: Callable[[Any], Any], here: Callable[[Any], Any]
) -> Iterator[Any]:
    """The result of each task, in order: task ``k`` is done in this process
    (``here(task)``) when ``k % jobs`` is 0, else by worker ``w = k % jobs``
    (``work(task)``, after ``start(w)``), forked when this is first iterated
    with its share of the tasks. Workers still running when this stops are
    killed."""
    workers: list[Worker] = []
    try:
        for w in range(1, min(jobs, len(tasks))):
            workers.append(fork_worker(partial(start, w), tasks[w::jobs], work))
        for k, task in enumerate(tasks):
            if k % jobs:
                yield workers[k % jobs - 1].result()
                continue
            done = here(task)
            for worker in workers:
                worker.drain()  # a worker ahead of this process never waits on a full pipe
            yield done
    finally:
        for worker in workers:
            worker.stop()
