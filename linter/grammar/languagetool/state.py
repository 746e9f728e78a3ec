"""The running server's state file and last-use stamp (cheap to import).

Kept apart from ``server.py`` so a check run, which only reads the state
and touches the stamp, does not import subprocess, psutil and the installer.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from linter.grammar.languagetool.paths import cache_dir

__all__ = ["HOST", "STATE", "LAST_USED", "ServerState", "read_state",
           "pid_exists", "touch"]

HOST = "127.0.0.1"
STATE = "server.json"
LAST_USED = "last-used"


@dataclass(frozen=True)
class ServerState:
    """What ``server.json`` records about a running server."""

    pid: int
    port: int
    version: str
    started_at: float     # wall clock, for uptime and idle time
    create_time: float    # the OS's process start time, to detect pid reuse
    heap: str
    idle_timeout: float
    watchdog_pid: int | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"


def read_state(cache: Path | None = None) -> ServerState | None:
    """The recorded state, unchecked (the process may be gone)."""
    path = (cache or cache_dir()) / STATE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return ServerState(**raw)
    except (OSError, ValueError, TypeError):
        return None


def pid_exists(pid: int) -> bool:
    """Cheap liveness test without psutil (used on the CLI's hot path)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def touch(cache: Path) -> None:
    """Record a use of the server now (read by the idle watchdog)."""
    path = cache / LAST_USED
    try:
        os.utime(path)
    except FileNotFoundError:
        try:
            path.touch()
        except OSError:
            pass
    except OSError:
        pass
