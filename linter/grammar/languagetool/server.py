"""Start, stop and inspect the local LanguageTool HTTP server.

One server per cache folder. Its files live in that folder:

    server.json        state: pid, port, version, start time (JSON)
    server.lock        flock held while starting or stopping
    server.log         the server's output (the previous one in server.log.1)
    server.properties  LanguageTool's config (pipeline caching, sentence cache)
    last-used          touched by every client check; its mtime is the last use

LanguageTool binds to the loopback interface unless given ``--public``, which
we never pass, so the server is reachable from this machine only.

LanguageTool has no idle timeout, so ``start`` also launches a small detached
Python watchdog (``watchdog.py``) that stops the server once ``last-used`` is
older than the idle timeout, and exits on its own when the server is gone.
Clients only touch a file, which costs microseconds and needs no IPC.

Here: the state file, ``status``, ``start``, ``stop`` and ``ensure_server``;
the process itself is launched by ``launch.py``, identified and stopped by
``process.py``, and asked for its health by ``health.py``.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from linter.grammar.base import say_waiting
from linter.grammar.languagetool.errors import (
    LanguageToolError,
    NotInstalled,
)
from linter.grammar.languagetool.health import WARM_TEXT, healthy
from linter.grammar.languagetool.install import (
    cache_dir,
    find_installation,
    find_java,
)
from linter.grammar.languagetool.launch import CONFIG, LOG, SERVER_CONFIG, launch
from linter.grammar.languagetool.lockfile import file_lock
from linter.grammar.languagetool.process import server_process, spawn_watchdog, terminate
from linter.grammar.languagetool.state import (
    LAST_USED,
    STATE,
    ServerState,
    pid_exists,
    read_state,
    touch,
)

__all__ = [
    "DEFAULT_HEAP",
    "DEFAULT_IDLE_TIMEOUT",
    "ServerState",
    "ServerStatus",
    "StartResult",
    "read_state",
    "status",
    "start",
    "stop",
    "ensure_server",
    "touch",
    "pid_exists",
    "STATE",
    "LAST_USED",
    "LOG",
    "CONFIG",
    "SERVER_CONFIG",
    "WARM_TEXT",
]

DEFAULT_HEAP = "512m"
DEFAULT_IDLE_TIMEOUT = 1800.0
LOCK = "server.lock"
LOCK_TIMEOUT = 150.0  # seconds: longer than a start may hold the lock (its timeout + health check)
_HEAP_RE = re.compile(r"^[1-9]\d*[kKmMgG]?$")


@dataclass(frozen=True)
class ServerStatus:
    state: ServerState
    healthy: bool
    rss_bytes: int
    uptime: float


@dataclass(frozen=True)
class StartResult:
    state: ServerState
    already_running: bool


def _state_path(cache: Path) -> Path:
    return cache / STATE


def _write_state(cache: Path, state: ServerState) -> None:
    tmp = cache / f".{STATE}.{os.getpid()}"
    tmp.write_text(json.dumps(asdict(state), indent=2), encoding="utf-8")
    os.replace(tmp, _state_path(cache))


def _remove_state(cache: Path) -> None:
    try:
        _state_path(cache).unlink()
    except FileNotFoundError:
        pass


def status(cache: Path | None = None, *,
           health_timeout: float = 2.0) -> ServerStatus | None:
    """The running server of this cache folder, or None.

    A state file whose process is gone, or whose pid now belongs to another
    program, counts as not running (``start`` replaces it). ``healthy`` says
    whether it answered within ``health_timeout`` seconds.
    """
    cache = cache or cache_dir()
    state = read_state(cache)
    if state is None:
        return None
    proc = server_process(state)
    if proc is None:
        return None
    try:
        rss = int(proc.memory_info().rss)
    except Exception:  # the process may exit between the two calls
        rss = 0
    return ServerStatus(state, healthy(state.url, health_timeout), rss,
                        max(0.0, time.time() - state.started_at))


def start(cache: Path | None = None, *, heap: str = DEFAULT_HEAP,
          idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
          env: Mapping[str, str] = os.environ, timeout: float = 120.0,
          log: TextIO | None = None, warm: bool = True) -> StartResult:
    """Start the server for ``cache`` unless one is running already.

    Holds ``server.lock`` throughout, so concurrent calls start one server:
    the others wait and then find it running. ``idle_timeout`` is in seconds;
    0 means never stop on idleness. ``warm`` sends one short check before
    returning, so the first real check does not pay for loading the English
    rules (several seconds).
    """
    cache = cache or cache_dir(env=env)
    if not _HEAP_RE.match(heap):
        raise LanguageToolError(f"bad heap size {heap!r} (expected e.g. 512m or 1g)")
    if idle_timeout < 0:
        raise LanguageToolError("idle timeout must be 0 (never) or more seconds")
    installation = find_installation(cache)
    if installation is None:
        raise NotInstalled("LanguageTool is not installed in "
                           f"{cache}: run 'followup-lint languagetool install'")
    with file_lock(cache / LOCK, LOCK_TIMEOUT, "starting or stopping LanguageTool"):
        # Patient: a busy server on a loaded machine must not be replaced.
        current = status(cache, health_timeout=15.0)
        if current is not None and current.healthy:
            return StartResult(current.state, already_running=True)
        java = find_java(env)
        if current is not None:  # alive but not answering: replace it
            terminate(current.state)
        _remove_state(cache)
        say_waiting("starting LanguageTool (a Java server; it takes a while, once)")
        state = launch(cache, java, installation, heap, idle_timeout,
                       timeout, log or sys.stderr, warm)
        _write_state(cache, state)
        if idle_timeout > 0:
            state = spawn_watchdog(cache, state, cache / LOG)
            _write_state(cache, state)
        touch(cache)
        return StartResult(state, already_running=False)


def stop(cache: Path | None = None, *, only_pid: int | None = None) -> ServerState | None:
    """Stop the server of ``cache``; returns what was stopped, or None.

    ``only_pid`` stops it only if the state still names that server (the
    watchdog uses it, so it never stops a server started after its own).
    """
    cache = cache or cache_dir()
    with file_lock(cache / LOCK, LOCK_TIMEOUT, "starting or stopping LanguageTool"):
        state = read_state(cache)
        if state is None or (only_pid is not None and state.pid != only_pid):
            return None
        alive = server_process(state) is not None
        terminate(state, stop_watchdog=only_pid is None)
        _remove_state(cache)
        return state if alive else None


def ensure_server(cache: Path | None = None, *, heap: str = DEFAULT_HEAP,
                  idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
                  env: Mapping[str, str] = os.environ) -> str:
    """URL of the running server, starting one if an install exists.

    Raises ``NotInstalled`` when there is nothing to start, and the other
    ``LanguageToolError`` subclasses when starting fails.
    """
    cache = cache or cache_dir(env=env)
    current = status(cache)
    if current is not None and current.healthy:
        return current.state.url
    # Quiet: the caller is a check run, whose output must not change.
    result = start(cache, heap=heap, idle_timeout=idle_timeout, env=env,
                   log=io.StringIO())
    return result.state.url
