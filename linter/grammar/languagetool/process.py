"""The server's and the watchdog's processes: identify, spawn, stop.

psutil is imported inside the functions: a check run never gets here.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from linter.grammar.languagetool.install import MAIN_CLASS
from linter.grammar.languagetool.state import ServerState
from linter.grammar.private_files import private_log

__all__ = ["WATCHDOG_MODULE", "server_process", "spawn_watchdog", "kill", "terminate"]

WATCHDOG_MODULE = "linter.grammar.languagetool.watchdog"


def _process(pid: int, create_time: float, marker: str) -> Any | None:
    """The psutil process if ``pid`` is still the one we started, else None.

    A pid can be reused by an unrelated program after ours died, so we also
    compare the start time and look for ``marker`` in its command line.
    """
    import psutil  # type: ignore[import-untyped,unused-ignore]

    try:
        proc = psutil.Process(pid)
        if abs(proc.create_time() - create_time) > 1.0:
            return None
        if proc.status() == psutil.STATUS_ZOMBIE:
            return None
        if not any(marker in part for part in proc.cmdline()):
            return None
        return proc
    except (psutil.Error, OSError):
        return None


def server_process(state: ServerState) -> Any | None:
    return _process(state.pid, state.create_time, MAIN_CLASS)


def spawn_watchdog(cache: Path, state: ServerState, log: Path) -> ServerState:
    """Start the idle watchdog of ``state``'s server; the state with its pid."""
    cmd = [sys.executable, "-m", WATCHDOG_MODULE, str(cache), str(state.pid),
           repr(state.create_time), repr(state.idle_timeout)]
    env = dict(os.environ)
    # The watchdog imports this package; make sure it finds the same copy.
    package_root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    with private_log(log) as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, cwd=cache, env=env,
                                start_new_session=True)
    return ServerState(**{**asdict(state), "watchdog_pid": proc.pid})


def kill(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def terminate(state: ServerState, *, stop_watchdog: bool = True) -> None:
    """Stop the server (TERM, then KILL after 10 s) and its watchdog."""
    import psutil  # type: ignore[import-untyped,unused-ignore]

    proc = server_process(state)
    if proc is not None:
        try:
            proc.terminate()
            proc.wait(10)
        except psutil.TimeoutExpired:
            proc.kill()
        except psutil.Error:
            pass
    if stop_watchdog and state.watchdog_pid and state.watchdog_pid != os.getpid():
        try:
            watchdog = psutil.Process(state.watchdog_pid)
            if any(WATCHDOG_MODULE in part for part in watchdog.cmdline()):
                watchdog.send_signal(signal.SIGTERM)
        except psutil.Error:
            pass
