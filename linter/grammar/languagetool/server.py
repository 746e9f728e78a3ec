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
"""

from __future__ import annotations

import http.client
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from linter.grammar.languagetool.errors import (
    LanguageToolError,
    NotInstalled,
    ServerFailed,
)
from linter.grammar.languagetool.install import (
    MAIN_CLASS,
    Installation,
    cache_dir,
    find_installation,
    find_java,
)
from linter.grammar.base import say_waiting
from linter.grammar.languagetool.lockfile import file_lock
from linter.grammar.private_files import private_log
from linter.grammar.languagetool.state import (
    HOST,
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
]

DEFAULT_HEAP = "512m"
DEFAULT_IDLE_TIMEOUT = 1800.0
LOCK = "server.lock"
LOCK_TIMEOUT = 150.0  # seconds: longer than a start may hold the lock (its timeout + health check)
LOG = "server.log"
CONFIG = "server.properties"
WATCHDOG_MODULE = "linter.grammar.languagetool.watchdog"

# Pipeline caching keeps LanguageTool's per-language rule pipelines between
# requests (the main cost of a request otherwise); cacheSize caches results
# per sentence, so re-checking a draft after a small edit is cheap.
SERVER_CONFIG = {
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "10",
    "pipelineExpireTimeInSeconds": "3600",
    "cacheSize": "2000",
    "cacheTTLSeconds": "3600",
}
WARM_TEXT = "Thank you for the interview yesterday. I enjoyed our talk."
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


def _process(pid: int, create_time: float, marker: str) -> Any | None:
    """The psutil process if ``pid`` is still the one we started, else None.

    A pid can be reused by an unrelated program after ours died, so we also
    compare the start time and look for ``marker`` in its command line.
    """
    import psutil  # type: ignore[import-untyped,unused-ignore]  # ~15 ms: not on the hot path

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


def _server_process(state: ServerState) -> Any | None:
    return _process(state.pid, state.create_time, MAIN_CLASS)


def _http(url: str, method: str, path: str, body: bytes | None = None,
          timeout: float = 5.0) -> tuple[int, bytes]:
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        conn.request(method, path, body=body, headers=headers if body else {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def _healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        code, _ = _http(url, "GET", "/v2/languages", timeout=timeout)
    except (OSError, http.client.HTTPException):
        return False
    return code == 200


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
    proc = _server_process(state)
    if proc is None:
        return None
    try:
        rss = int(proc.memory_info().rss)
    except Exception:  # the process may exit between the two calls
        rss = 0
    return ServerStatus(state, _healthy(state.url, health_timeout), rss,
                        max(0.0, time.time() - state.started_at))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _write_config(cache: Path) -> Path:
    path = cache / CONFIG
    text = "".join(f"{key}={value}\n" for key, value in SERVER_CONFIG.items())
    path.write_text(text, encoding="utf-8")
    return path


def _rotate_log(cache: Path) -> Path:
    log = cache / LOG
    if log.exists():
        os.replace(log, cache / (LOG + ".1"))
    return log


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
            _terminate(current.state)
        _remove_state(cache)
        say_waiting("starting LanguageTool (a Java server; it takes a while, once)")
        state = _launch(cache, java, installation, heap, idle_timeout,
                        timeout, log or sys.stderr, warm)
        _write_state(cache, state)
        if idle_timeout > 0:
            state = _with_watchdog(cache, state)
            _write_state(cache, state)
        touch(cache)
        return StartResult(state, already_running=False)


def _launch(cache: Path, java: str, installation: Installation, heap: str,
            idle_timeout: float, timeout: float, log: TextIO,
            warm: bool) -> ServerState:
    config = _write_config(cache)
    for _attempt in range(3):  # the free port may be taken before Java binds it
        port = _free_port()
        cmd = [java, f"-Xmx{heap}", "-Djava.awt.headless=true",
               "-cp", installation.classpath,
               MAIN_CLASS, "--config", str(config), "--port", str(port)]
        log.write(f"Starting LanguageTool on {HOST}:{port} (heap {heap})...\n")
        log.flush()
        started_at = time.time()
        with private_log(_rotate_log(cache), fresh=True) as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, cwd=cache,
                                    start_new_session=True)
        try:
            state = _wait_healthy(proc, port, started_at, heap, idle_timeout,
                                  timeout, log, installation.version, warm)
        except ServerFailed as exc:
            _kill(proc)
            raise ServerFailed(f"{exc}; see {cache / LOG}") from None
        except BaseException:  # never leave an unrecorded server behind
            _kill(proc)
            raise
        if state is not None:
            return state
        if "Address already in use" not in _log_tail(cache):
            raise ServerFailed(f"LanguageTool exited at start (code {proc.returncode}): "
                               f"{_last_error(cache)}; see {cache / LOG}")
    raise ServerFailed(f"LanguageTool could not bind a free port; see {cache / LOG}")


def _wait_healthy(proc: subprocess.Popen[bytes], port: int, started_at: float,
                  heap: str, idle_timeout: float, timeout: float,
                  log: TextIO, version: str, warm: bool) -> ServerState | None:
    """Poll until the server answers, then warm it up; None if it exited."""
    import psutil  # type: ignore[import-untyped,unused-ignore]

    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return None
        if _healthy(url, timeout=1.0):
            healthy = time.time() - started_at
            log.write(f"LanguageTool {version} healthy after {healthy:.1f} s\n")
            if warm:
                version = _warm(url)
                log.write(f"Warmed up after {time.time() - started_at:.1f} s\n")
            create_time = psutil.Process(proc.pid).create_time()
            return ServerState(proc.pid, port, version, started_at,
                               create_time, heap, idle_timeout)
        time.sleep(0.1)
    raise ServerFailed(f"LanguageTool did not answer within {timeout:.0f} s")


def _log_tail(cache: Path, size: int = 8000) -> str:
    try:
        with open(cache / LOG, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - size))
            return handle.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _last_error(cache: Path) -> str:
    """The most telling line of the log, for a one-line error message."""
    lines = [line.strip() for line in _log_tail(cache).splitlines() if line.strip()]
    for line in reversed(lines):
        if "Exception" in line or "Error" in line:
            return line[:200]
    return lines[-1][:200] if lines else "no output"


def _warm(url: str) -> str:
    """One check so the first real check does not pay for loading rules;
    returns the version the server reports."""
    from urllib.parse import urlencode

    body = urlencode({"language": "en-US", "text": WARM_TEXT}).encode()
    code, raw = _http(url, "POST", "/v2/check", body, timeout=60.0)
    if code != 200:
        raise ServerFailed(f"LanguageTool answered {code} to its warm-up check")
    return str(json.loads(raw)["software"]["version"])


def _with_watchdog(cache: Path, state: ServerState) -> ServerState:
    cmd = [sys.executable, "-m", WATCHDOG_MODULE, str(cache), str(state.pid),
           repr(state.create_time), repr(state.idle_timeout)]
    env = dict(os.environ)
    # The watchdog imports this package; make sure it finds the same copy.
    package_root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    with private_log(cache / LOG) as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, cwd=cache, env=env,
                                start_new_session=True)
    return ServerState(**{**asdict(state), "watchdog_pid": proc.pid})


def _kill(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _terminate(state: ServerState, *, stop_watchdog: bool = True) -> None:
    """Stop the server (TERM, then KILL after 10 s) and its watchdog."""
    import psutil  # type: ignore[import-untyped,unused-ignore]

    proc = _server_process(state)
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
        alive = _server_process(state) is not None
        _terminate(state, stop_watchdog=only_pid is None)
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
