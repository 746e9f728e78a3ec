"""``followup-lint worker status|stop``: see and stop the warm service."""

from __future__ import annotations

import os
import time
from typing import Any

from linter.service.place import Connection, cache_dir, connect, socket_path
from linter.grammar.languagetool.state import pid_exists
from linter.service.protocol import message

__all__ = ["stop_worker", "worker_status"]


def worker_status(cache: str | None = None) -> dict[str, Any]:
    """The current code's worker: ``{"running": False, "socket": ...}`` or
    ``{"running": True, "socket", "pid", "backend", "started", "requests",
    "idle_timeout", "rss"}``. Never starts a worker."""
    path = socket_path(cache or cache_dir())
    sock = connect(path)
    if sock is None:
        return {"running": False, "socket": path}
    conn = Connection(sock)
    try:
        reply = conn.ask(message("ping"), 5.0)
    except (OSError, ValueError):
        return {"running": False, "socket": path}
    finally:
        conn.close()
    reply.pop("ok", None)
    return {"running": True, **reply}


def stop_worker(cache: str | None = None, timeout: float = 5.0) -> int:
    """Stop every worker in the cache folder (this version's and older ones
    still idling); returns how many were running. Removes stale socket files."""
    directory = cache or cache_dir()
    paths = {socket_path(directory)}
    try:
        paths.update(
            os.path.join(directory, n)
            for n in os.listdir(directory)
            if n.startswith("worker-") and n.endswith(".sock")
        )
    except OSError:
        pass
    stopped = 0
    for path in sorted(paths):
        sock = connect(path)
        if sock is None:
            if os.path.exists(path):
                try:
                    os.unlink(path)
                except OSError:
                    pass
            continue
        conn = Connection(sock)
        pid = None
        try:
            pid = conn.ask(message("ping"), timeout).get("pid")
            conn.ask(message("stop"), timeout)
        except (OSError, ValueError):
            pass
        finally:
            conn.close()
        stopped += 1
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and os.path.exists(path):
            time.sleep(0.01)
        if isinstance(pid, int) and _alive(pid):
            _wait_gone(pid, deadline)
    return stopped


def _alive(pid: int) -> bool:
    if not pid_exists(pid):
        return False
    try:  # our own child that exited but was not reaped yet
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done == 0
    except ChildProcessError:
        return True


def _wait_gone(pid: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        if not _alive(pid):
            return
        time.sleep(0.01)
    try:
        os.kill(pid, 15)
    except ProcessLookupError:
        pass
