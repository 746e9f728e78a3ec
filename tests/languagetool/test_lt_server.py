"""Server lifecycle: status, stale state, concurrent starts, idle stop."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil  # type: ignore[import-untyped,unused-ignore]
import pytest

from linter.grammar.languagetool import server
from linter.grammar.languagetool.errors import ServerFailed
from linter.grammar.languagetool.install import MAIN_CLASS


def java_servers(cache: Path) -> list[psutil.Process]:
    """LanguageTool processes started for ``cache`` (its config path is in argv)."""
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        cmdline = proc.info["cmdline"] or []
        if MAIN_CLASS in cmdline and str(cache / server.CONFIG) in cmdline:
            found.append(proc)
    return found


def write_state(cache: Path, pid: int, create_time: float) -> None:
    state = {"pid": pid, "port": 9, "version": "6.8", "started_at": time.time(),
             "create_time": create_time, "heap": "512m", "idle_timeout": 0,
             "watchdog_pid": None}
    (cache / server.STATE).write_text(json.dumps(state))


def test_status_when_stopped(tmp_path: Path) -> None:
    assert server.status(tmp_path) is None
    assert server.stop(tmp_path) is None


def test_start_status_stop(tmp_cache: Path) -> None:
    started = server.start(tmp_cache, idle_timeout=0, heap="384m", warm=False)
    assert not started.already_running
    current = server.status(tmp_cache)
    assert current is not None and current.healthy
    assert current.state == started.state
    assert current.rss_bytes > 50 * 2**20
    # Bound to loopback only.
    proc = psutil.Process(started.state.pid)
    listening = [c.laddr for c in proc.net_connections("tcp") if c.status == "LISTEN"]
    assert listening and all(addr.ip in ("127.0.0.1", "::ffff:127.0.0.1")
                             for addr in listening)
    assert "-Xmx384m" in proc.cmdline()
    config = (tmp_cache / server.CONFIG).read_text()
    assert "pipelineCaching=true" in config
    assert server.stop(tmp_cache) == started.state
    assert server.status(tmp_cache) is None
    assert not (tmp_cache / server.STATE).exists()
    assert not psutil.pid_exists(started.state.pid) or \
        psutil.Process(started.state.pid).status() == psutil.STATUS_ZOMBIE


def test_state_of_a_dead_process_is_replaced(tmp_cache: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    write_state(tmp_cache, gone.pid, time.time())
    assert server.status(tmp_cache) is None
    started = server.start(tmp_cache, idle_timeout=0, warm=False)
    assert not started.already_running
    assert started.state.pid != gone.pid
    assert server.status(tmp_cache) is not None


def test_pid_reused_by_another_program_is_not_ours(tmp_cache: Path) -> None:
    # Our own pid and start time: a live process that is not LanguageTool.
    me = psutil.Process()
    write_state(tmp_cache, me.pid, me.create_time())
    assert server.status(tmp_cache) is None
    assert server.stop(tmp_cache) is None  # and it did not signal us
    assert not (tmp_cache / server.STATE).exists()


def test_concurrent_starts_start_one_server(tmp_cache: Path) -> None:
    code = ("import sys; from pathlib import Path; "
            "from linter.grammar.languagetool import server; "
            "r = server.start(Path(sys.argv[1]), idle_timeout=0, warm=False); "
            "print(r.state.pid, r.already_running)")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_cache)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True) for _ in range(3)]
    outputs = [p.communicate(timeout=180)[0].split() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    pids = {pid for pid, _ in outputs}
    assert len(pids) == 1
    assert sorted(already for _, already in outputs) == ["False", "True", "True"]
    assert [p.pid for p in java_servers(tmp_cache)] == [int(pids.pop())]


def test_idle_server_stops_itself(tmp_cache: Path) -> None:
    started = server.start(tmp_cache, idle_timeout=2, warm=False)
    assert started.state.watchdog_pid
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.read_state(tmp_cache) is not None:
        time.sleep(0.5)
    assert server.read_state(tmp_cache) is None
    assert java_servers(tmp_cache) == []
    assert "idle for" in (tmp_cache / server.LOG).read_text(errors="replace")


def test_use_keeps_the_server_alive(tmp_cache: Path) -> None:
    server.start(tmp_cache, idle_timeout=3, warm=False)
    for _ in range(8):  # 4 s of use, more than the idle timeout
        server.touch(tmp_cache)
        time.sleep(0.5)
    assert server.status(tmp_cache) is not None


def test_ensure_server_reuses_the_running_one(tmp_cache: Path) -> None:
    url = server.ensure_server(tmp_cache, idle_timeout=0)
    state = server.read_state(tmp_cache)
    assert state is not None and url == state.url
    assert server.ensure_server(tmp_cache) == url
    assert len(java_servers(tmp_cache)) == 1
    assert os.path.exists(tmp_cache / server.LOG)


def test_server_dying_at_start_is_a_one_line_error(tmp_cache: Path) -> None:
    # The JVM refuses a 1 KiB heap and exits at once.
    with pytest.raises(ServerFailed, match=r"^LanguageTool exited at start \(code 1\): ") as info:
        server.start(tmp_cache, heap="1k", idle_timeout=0)
    assert "\n" not in str(info.value)
    assert server.read_state(tmp_cache) is None
    assert java_servers(tmp_cache) == []
