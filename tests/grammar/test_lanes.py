"""A client of the warm service served by a lane of its own (op ``own``),
with real service processes."""

from __future__ import annotations

import os
import time

from linter.service.client import WorkerBackend
from linter.service.place import message, socket_path
from tests.grammar.test_worker import TEXT, cache, harper  # noqa: F401 (fixtures)


def _lanes_when(backend: WorkerBackend, want: dict[str, int], timeout: float = 5.0) -> dict[str, int]:
    """The service's lane counts once they are ``want`` (or at ``timeout``):
    a lane is let go when the service sees its client close."""
    deadline = time.monotonic() + timeout
    while True:
        found: dict[str, int] = backend.ping()["lanes"]
        if found == want or time.monotonic() > deadline:
            return found
        time.sleep(0.02)


def test_a_client_that_asks_gets_a_lane_with_the_same_answers(cache, harper):
    shared = WorkerBackend()
    status = shared.ping()
    assert (status["lane"], status["lanes"]) == (None, {"busy": 0, "idle": 0})
    own = WorkerBackend(lane=0)
    mine = own.ping()
    assert (mine["pid"], mine["lane"], mine["lanes"]) == (status["pid"], 0, {"busy": 1, "idle": 0})
    assert own.check(TEXT) == harper.check(TEXT)
    assert own.check(TEXT, "en-GB") == harper.check(TEXT, "en-GB")
    assert shared.check(TEXT) == harper.check(TEXT)  # everyone else is still served
    own.close()
    assert _lanes_when(shared, {"busy": 0, "idle": 1}) == {"busy": 0, "idle": 1}
    again = WorkerBackend(lane=1)  # the idle Harper serves the next client, whatever number it asks
    assert (again.ping()["lane"], again.ping()["lanes"]) == (0, {"busy": 1, "idle": 0})
    assert again.check(TEXT) == harper.check(TEXT)  # a Harper built in one lane's thread works in another's
    again.close()
    shared.close()


def test_one_lane_per_core_then_the_service_serves_as_before(cache):
    cores = len(os.sched_getaffinity(0))
    clients = [WorkerBackend(lane=0) for _ in range(cores + 1)]
    assert [c.ping()["lane"] for c in clients] == [*range(cores), None]
    assert clients[-1].ping()["lanes"] == {"busy": cores, "idle": 0}
    for client in clients:
        client.close()


def test_a_lane_serves_grammar_and_ping_and_stop_ends_only_the_lane(cache):
    shared = WorkerBackend()
    pid = shared.ping()["pid"]
    own = WorkerBackend(lane=0)
    own.ping()
    assert own._conn is not None
    assert own._conn.ask(message("check"), 5.0) == {"ok": False, "error": "'check' is not served on a lane"}
    assert own._conn.ask(message("own"), 5.0) == {"ok": True, "own": False}
    assert own._ask(message("stop")) == {"ok": True}
    assert _lanes_when(shared, {"busy": 0, "idle": 1}) == {"busy": 0, "idle": 1}
    assert shared.ping()["pid"] == pid and os.path.exists(socket_path())
    assert own.ping()["lane"] == 0  # its next request opens a connection and asks again
    own.close()
    shared.close()


def test_an_over_long_request_on_a_lane_closes_only_that_lane(cache, harper):
    from linter.service import protocol

    shared = WorkerBackend()
    own = WorkerBackend(lane=0)
    own.ping()
    assert own._conn is not None
    own._conn.sock.sendall(b"x" * (protocol.MAX_LINE + 2) + b"\n")
    assert own._conn.reader.readline() == b""  # closed
    own.close()
    assert _lanes_when(shared, {"busy": 0, "idle": 1}) == {"busy": 0, "idle": 1}
    assert shared.check(TEXT) == harper.check(TEXT)
    shared.close()


def test_a_client_gets_the_harper_it_asks_for_when_it_is_idle(cache):
    first, second = WorkerBackend(lane=0), WorkerBackend(lane=1)
    assert (first.ping()["lane"], second.ping()["lane"]) == (0, 1)
    first.close()
    second.close()
    watcher = WorkerBackend()
    assert _lanes_when(watcher, {"busy": 0, "idle": 2}) == {"busy": 0, "idle": 2}
    again = [WorkerBackend(lane=1), WorkerBackend(lane=0)]  # a run over the same folder, in another order
    assert [c.ping()["lane"] for c in again] == [1, 0]
    for client in [*again, watcher]:
        client.close()


def test_each_harper_the_service_holds_may_cache_its_share_before_a_shed() -> None:
    from linter.service.daemon import _SHED_ABOVE, over_budget

    grown = 100 + 2 * _SHED_ABOVE  # two lanes' Harpers built and warm: not yet a reason to drop their caches
    assert (over_budget(grown, 100, 1), over_budget(grown, 100, 3)) == (True, False)
    assert over_budget(100 + 3 * _SHED_ABOVE + 1, 100, 3) is True
