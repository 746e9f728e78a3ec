"""Lanes of the warm service (op ``own``): a process forked from it, with a
socket of its own, for each process of a pooled run. Real service processes."""

from __future__ import annotations

import os
import time

import psutil

from linter.service.client import WorkerBackend
from linter.service.lanes import lane_path
from linter.service.place import message, socket_path
from tests.grammar.test_worker import TEXT, cache, harper, wait_dead, workers_in  # noqa: F401 (fixtures)


def test_a_client_that_asks_gets_a_lane_process_with_the_same_answers(cache, harper):
    shared = WorkerBackend()
    service = shared.ping()
    assert (service["lane"], service["lanes"]) == (None, 0)
    own = WorkerBackend(lane=0)
    mine = own.ping()
    assert mine["lane"] == 0 and mine["pid"] != service["pid"]
    assert psutil.Process(mine["pid"]).ppid() == service["pid"]
    assert own.check(TEXT) == harper.check(TEXT)
    assert own.check(TEXT, "en-GB") == harper.check(TEXT, "en-GB")
    assert shared.check(TEXT) == harper.check(TEXT)  # everyone else is still served by the service
    assert shared.ping()["lanes"] == 1
    own.close()
    again = WorkerBackend(lane=0)  # the lane outlives its client, with what its Harper cached
    assert again.ping()["pid"] == mine["pid"]
    assert again.check(TEXT) == harper.check(TEXT)
    again.close()
    shared.close()


def test_each_number_has_its_lane_up_to_one_per_core(cache):
    cores = len(os.sched_getaffinity(0))
    clients = [WorkerBackend(lane=n) for n in range(cores + 1)]
    pings = [c.ping() for c in clients]
    assert [p["lane"] for p in pings] == [*range(cores), None]  # past the last core: served by the service
    assert len({p["pid"] for p in pings}) == cores + 1
    assert os.path.exists(lane_path(socket_path(), 0))
    for client in clients:
        client.close()


def test_a_lane_serves_grammar_and_ping_and_stop_ends_only_that_lane(cache):
    shared = WorkerBackend()
    service = shared.ping()["pid"]
    own = WorkerBackend(lane=0)
    lane = own.ping()["pid"]
    assert own._conn is not None
    assert own._conn.ask(message("check"), 5.0) == {"ok": False, "error": "'check' is not served on a lane"}
    assert own._conn.ask(message("own"), 5.0) == {"ok": True, "own": False}
    assert own._ask(message("stop")) == {"ok": True}
    assert wait_dead(lane)
    assert shared.ping()["pid"] == service and os.path.exists(socket_path())
    restarted = own.ping()  # its next request opens a connection and asks again: a new lane 0
    assert restarted["lane"] == 0 and restarted["pid"] not in (lane, service)
    own.close()
    shared.close()


def test_an_over_long_request_on_a_lane_is_refused_and_the_lane_lives_on(cache, harper):
    from linter.service import protocol

    own = WorkerBackend(lane=0)
    lane = own.ping()["pid"]
    assert own._conn is not None
    own._conn.sock.sendall(b"x" * (protocol.MAX_LINE + 1))  # no line end, one byte past the limit: refused
    assert own._conn.reader.readline() == b'{"ok": false, "error": "request too large"}\n'
    own.close()
    again = WorkerBackend(lane=0)
    assert again.ping()["pid"] == lane
    assert again.check(TEXT) == harper.check(TEXT)
    again.close()


def test_lanes_end_with_the_service(cache):
    shared = WorkerBackend()
    service = shared.ping()["pid"]
    own = WorkerBackend(lane=0)
    lane = own.ping()["pid"]
    own.close()
    assert shared._ask(message("stop")) == {"ok": True}
    shared.close()
    assert wait_dead(service) and wait_dead(lane)
    deadline = time.monotonic() + 5
    while os.path.exists(lane_path(socket_path(), 0)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not os.path.exists(lane_path(socket_path(), 0))
    assert workers_in(cache) == []


def test_a_lane_waiting_for_its_first_client_is_not_stopped_by_the_time_limit(cache, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER_REQUEST_LIMIT", "1")
    shared = WorkerBackend()
    service = shared.ping()["pid"]
    assert shared._ask(message("own", harper=0))["socket"] == lane_path(socket_path(), 0)  # asked, never used
    lanes = [c for c in psutil.Process(service).children() if c.status() != psutil.STATUS_ZOMBIE]
    assert len(lanes) == 1
    time.sleep(2.5)  # past the limit: the request that forked the lane is the service's, not the lane's
    assert lanes[0].is_running() and lanes[0].status() != psutil.STATUS_ZOMBIE
    own = WorkerBackend(lane=0)
    assert own.ping()["pid"] == lanes[0].pid
    own.close()
    shared.close()
