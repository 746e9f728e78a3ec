"""The warm worker and its client, with real worker processes.

Every test gets its own cache folder (so its own socket and lock file) and
stops every worker it started, even when it fails.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from linter.service import client as worker_client
from linter.grammar.base import GrammarUnavailable
from linter.backends import make_embedded_backend, make_tools_for
from linter.grammar.embedded import HarperBackend
from linter.service import place
from linter.service.client import WorkerBackend, WorkerUnavailable
from linter.service.manage import stop_worker, worker_status
from linter.service.place import socket_path, worker_key
from linter.readability import coleman_liau_grade

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Hi Dana,\n\nI realy enjoyed the the tour. It was an pleasure to meet the team.\n"


def workers_in(cache: Path) -> list[psutil.Process]:
    """Live worker processes serving a socket under ``cache``."""
    found = []
    for proc in psutil.process_iter(["cmdline", "status"]):
        cmd = proc.info["cmdline"] or []
        if "linter.service.daemon" in cmd and proc.info["status"] != psutil.STATUS_ZOMBIE:
            if any(str(cache) in part for part in cmd):
                found.append(proc)
    return found


def wait_dead(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.02)
    return False


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "c"
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE", str(folder))
    monkeypatch.delenv("FOLLOWUP_LINT_WORKER", raising=False)
    monkeypatch.delenv("FOLLOWUP_LINT_WORKER_IDLE", raising=False)
    yield folder
    stop_worker(str(folder))
    for proc in workers_in(folder):  # a test that broke a worker on purpose
        proc.kill()


@pytest.fixture(scope="module")
def harper() -> HarperBackend:
    return HarperBackend()


def test_starts_on_demand_and_answers_like_harper_in_process(cache, harper):
    assert worker_status()["running"] is False
    with WorkerBackend() as backend:
        assert backend.name == harper.name
        assert backend.check(TEXT) == harper.check(TEXT)
        status = worker_status()
    assert status["running"] is True
    assert status["socket"] == socket_path() == str(cache / f"worker-{worker_key()}.sock")
    assert psutil.Process(status["pid"]).is_running()
    assert (cache / "worker.log").read_text().count("serving") == 1


def test_the_dialect_makes_the_trip(cache, harper):
    text = "I liked the colour and the color of the centre."
    with WorkerBackend() as backend:
        found = backend.check(text, "en-GB")
    assert found == harper.check(text, "en-GB")
    assert [(text[i.start : i.end], i.accepted_in) for i in found] == [("color", ("en-US",))]


def test_offsets_survive_the_trip_for_any_unicode(cache, harper):
    text = "Hi Ana,\r\n\r\nI realy 😀 liked the the team. 𝒜 \udcff it was an pleasure.\r\n"
    with WorkerBackend() as backend:
        found = backend.check(text)
    assert found == harper.check(text)
    assert [text[i.start : i.end] for i in found] == ["realy", "the the", "an"]


def test_one_connection_serves_many_requests_and_a_second_client_reuses_the_worker(cache):
    first = WorkerBackend()
    status = first.ping()
    pid, served = status["pid"], status["requests"]
    conn = first._conn
    first.check(TEXT)
    first.check(TEXT + " Again.")
    assert first._conn is conn and first.ping()["requests"] == served + 3
    second = WorkerBackend()
    assert second.ping()["pid"] == pid
    assert [p.pid for p in workers_in(cache)] == [pid]
    first.close()
    second.close()


def test_concurrent_first_calls_start_one_worker(cache):
    script = "from linter.service.client import WorkerBackend; print(WorkerBackend().ping()['pid'])"
    procs = [
        subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    pids = {int(p.communicate(timeout=30)[0]) for p in procs}
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(WorkerBackend().ping()["pid"])) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(pids) == 1 and set(results) == pids
    assert [p.pid for p in workers_in(cache)] == list(pids)
    assert (cache / "worker.log").read_text().count("serving") == 1


def test_threads_racing_on_a_cold_cache_start_one_worker(cache):
    barrier = threading.Barrier(4)
    results: list[int] = []

    def first_call() -> None:
        backend = WorkerBackend()
        barrier.wait()
        results.append(backend.ping()["pid"])
        backend.close()

    threads = [threading.Thread(target=first_call) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and len(set(results)) == 1
    assert len(workers_in(cache)) == 1


def test_a_stale_socket_file_is_replaced(cache):
    cache.mkdir(parents=True, exist_ok=True)
    path = socket_path()
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(path)  # the file stays after close: nobody listens on it
    dead.close()
    assert os.path.exists(path) and worker_status()["running"] is False
    backend = WorkerBackend()
    assert backend.check("It was an pleasure.")[0].rule_id == "AnA"
    assert worker_status()["running"] is True
    backend.close()


def test_the_socket_is_private(cache):
    with WorkerBackend() as backend:
        path = backend.ping()["socket"]
        assert os.stat(path).st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to hand a file to another user")
def test_a_socket_owned_by_another_user_is_refused(cache):
    cache.mkdir(parents=True, exist_ok=True)
    path = socket_path()
    planted = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    planted.bind(path)
    planted.listen(1)
    os.chown(path, 65534, 65534)
    try:
        with pytest.raises(WorkerUnavailable, match="belongs to another user"):
            WorkerBackend().check(TEXT)
    finally:
        planted.close()
        os.unlink(path)


def test_a_killed_worker_is_started_again(cache):
    backend = WorkerBackend()
    old = backend.ping()["pid"]
    os.kill(old, signal.SIGKILL)
    assert wait_dead(old)
    assert [i.rule_id for i in backend.check(TEXT)] == ["SpellCheck", "RepeatedWords", "AnA"]
    new = backend.ping()["pid"]
    assert new != old and psutil.Process(new).is_running()
    backend.close()


def peer_pid(conn) -> int:
    creds = conn.sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[0]


def test_a_worker_that_keeps_dying_raises_after_one_restart(cache, monkeypatch):
    backend = WorkerBackend()
    first = backend.ping()["pid"]
    spawned: list[int] = []
    killed: list[int] = []
    real_spawn, real_ask = WorkerBackend._spawn, place.Connection.ask

    def counting_spawn(self, path):
        spawned.append(1)
        return real_spawn(self, path)

    def poisoned_ask(self, request, timeout):
        if request["op"] == "grammar":  # this text kills whichever worker reads it
            pid = peer_pid(self)
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
            wait_dead(pid)
        return real_ask(self, request, timeout)

    with monkeypatch.context() as patch:
        patch.setattr(WorkerBackend, "_spawn", counting_spawn)
        patch.setattr(place.Connection, "ask", poisoned_ask)
        with pytest.raises(WorkerUnavailable, match="a restart did not help") as err:
            backend.check(TEXT)
    assert isinstance(err.value, GrammarUnavailable)
    assert len(spawned) == 1 and len(killed) == 2 and killed[0] == first


def test_a_worker_that_cannot_start_raises_a_clear_error(cache, monkeypatch):
    monkeypatch.setattr(worker_client, "socket_path", lambda *a, **k: str(cache / "no" / "such" / "x.sock"))
    backend = WorkerBackend()
    started = time.monotonic()
    with pytest.raises(WorkerUnavailable, match=r"exited at start-up \(status 1\)"):
        backend.check(TEXT)
    assert time.monotonic() - started < 8
    assert "No such file or directory" in (cache / "worker.log").read_text()


def test_idle_timeout_makes_the_worker_exit_and_remove_its_socket(cache, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER_IDLE", "0.5")
    backend = WorkerBackend()
    status = backend.ping()
    assert status["idle_timeout"] == 0.5
    backend.close()
    assert wait_dead(status["pid"], timeout=10)
    assert not os.path.exists(status["socket"])
    assert "idle for 0.5 s; exiting" in (cache / "worker.log").read_text()


def test_a_client_outliving_its_idle_worker_gets_a_new_one(cache, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER_IDLE", "0.3")
    backend = WorkerBackend()
    old = backend.ping()["pid"]
    assert wait_dead(old)
    assert backend.check("It was an pleasure.")[0].rule_id == "AnA"
    assert backend.ping()["pid"] != old
    backend.close()


def test_a_worker_for_new_code_stops_the_one_it_replaces(cache, monkeypatch):
    with monkeypatch.context() as patch:  # a client still holding an older code's name
        patch.setattr(place, "worker_key", lambda: "0000000000000000")
        old_client = WorkerBackend()
        old = old_client.ping()
        old_client.close()
    assert old["socket"].endswith("worker-0000000000000000.sock")
    assert old["root"] == str(ROOT) and old["python"] == sys.executable
    current = WorkerBackend()
    new = current.ping()["pid"]
    assert wait_dead(old["pid"], timeout=5)
    assert [p.pid for p in workers_in(cache)] == [new]
    assert f"stopped worker {old['pid']} (worker-0000000000000000.sock)" in (cache / "worker.log").read_text()
    current.close()


def test_stop_worker_and_status(cache):
    assert stop_worker() == 0
    pid = WorkerBackend().ping()["pid"]
    assert stop_worker() == 1
    assert wait_dead(pid, timeout=5)
    assert worker_status() == {"running": False, "socket": socket_path()}
    assert not os.path.exists(socket_path())


def test_malformed_requests_get_errors_and_the_worker_lives_on(cache):
    backend = WorkerBackend()
    backend.ping()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as raw:
        raw.connect(socket_path())
        reader = raw.makefile("rb")
        replies = []
        for line in (b"not json\n", b"[1]\n", b'{"v": 1, "op": "dance"}\n', b'{"v": 1, "op": "grammar"}\n',
                     b'{"op": "ping"}\n', b'{"v": 2, "op": "ping"}\n', b'{"v": 1, "op": "check"}\n'):
            raw.sendall(line)
            replies.append(json.loads(reader.readline()))
        reader.close()
    assert replies == [
        {"ok": False, "error": "malformed request: Expecting value: line 1 column 1 (char 0)"},
        {"ok": False, "error": "a request must be a JSON object"},
        {"ok": False, "error": "unknown op 'dance'"},
        {"ok": False, "error": "'grammar' needs a 'text' string"},
        {"ok": False, "error": "protocol version None is not 1: client and service are different releases"},
        {"ok": False, "error": "protocol version 2 is not 1: client and service are different releases"},
        {"ok": False, "error": "ProtocolError: 'check' needs 'request', 'cwd' and 'env'"},
    ]
    with pytest.raises(WorkerUnavailable, match="needs a 'text' string"):
        backend._ask({"v": 1, "op": "grammar", "text": None})
    assert backend.check("It was an pleasure.")[0].rule_id == "AnA"
    backend.close()


def test_a_code_change_names_a_new_socket(monkeypatch, tmp_path):
    source = tmp_path / "module.py"
    source.write_text("x = 1\n")
    monkeypatch.setattr(place, "_key_sources", lambda: [str(source)])
    before = worker_key()
    os.utime(source, ns=(0, 10**18))
    assert worker_key() != before
    assert socket_path(str(tmp_path), worker_key()).endswith(f"worker-{worker_key()}.sock")


def test_the_phrasings_and_model_tables_are_part_of_the_workers_key():
    names = {os.path.relpath(p, place.package_root()) for p in place._key_sources()}
    assert {
        os.path.join("checks", "content", "no_thanks.yaml"),
        os.path.join("checks", "content", "no_specific_detail.nouns"),
        os.path.join("linter", "sense", "words.tsv"),
        os.path.join("linter", "sense", "ngrams.tsv"),
        os.path.join("linter", "sense", "kinds.tsv"),
        os.path.join("linter", "service", "place.py"),
    } <= names


def test_a_too_long_cache_path_puts_the_socket_in_the_temp_folder(tmp_path):
    deep = str(tmp_path / ("x" * 120))
    path = socket_path(deep, "0123456789abcdef")
    assert len(path) <= 100 and path.endswith("-0123456789abcdef.sock")
    assert socket_path(deep, "0123456789abcdef") == path


def test_worker_off_runs_harper_in_process(cache, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER", "0")
    backend = make_embedded_backend()
    assert isinstance(backend, HarperBackend)
    assert [i.rule_id for i in backend.check(TEXT)] == ["SpellCheck", "RepeatedWords", "AnA"]
    assert isinstance(make_embedded_backend(use_worker=True), WorkerBackend)
    monkeypatch.delenv("FOLLOWUP_LINT_WORKER")
    assert isinstance(make_embedded_backend(use_worker=False), HarperBackend)
    assert not cache.exists() or not any(cache.glob("*.sock"))
    assert workers_in(cache) == []


def test_the_reading_grade_never_goes_to_the_worker(cache):
    for use_worker in (True, False):
        tools = make_tools_for("embedded", None, None, use_worker)
        assert tools.readability is coleman_liau_grade
    assert workers_in(cache) == []  # building the tools starts nothing


def test_client_module_imports_nothing_heavy():
    code = (
        "import sys; import linter.service.client, linter.grammar.embedded; "
        "heavy = {'harper', 'textstat', 'nltk', 'platformdirs', 'importlib.metadata'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
