"""Talk to the warm worker (``worker.py``), starting it when it is not there.

``WorkerBackend`` is the grammar backend the CLI uses by default: the same
answers as ``HarperBackend``, without paying Harper's one-second dictionary
load on every run. The worker listens on a Unix socket in the cache folder
(``FOLLOWUP_LINT_CACHE``, else the platform's user cache folder +
``followup-lint``); the socket's name carries a hash of the package
version, the harper-py version, the interpreter and the modification
times of ``linter/grammar/*.py`` and ``linter/readability.py``, so
changed code is served by a new worker, which stops the one it replaces.

Starting is race-free: a client that cannot connect takes an exclusive
``flock`` on a lock file, connects again (another run may have just
started one), and only then removes a dead worker's socket file and
spawns ``python -m linter.grammar.worker SOCKET`` in its own session,
with its output in ``worker.log``. A worker that vanishes mid-run is
started again once per request; if that fails too the request raises
``WorkerUnavailable``: a draft is never reported clean because the
checker was gone.

This module is imported by every CLI run, so it imports only small
standard modules (socket, json, fcntl, zlib); ``subprocess`` only when
a worker must be started and ``platformdirs`` only when
``FOLLOWUP_LINT_CACHE`` is not set.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import sys
import time
import zlib
from typing import Any

from linter.grammar.base import GrammarIssue, GrammarUnavailable

__all__ = [
    "WorkerBackend",
    "WorkerUnavailable",
    "cache_dir",
    "socket_path",
    "stop_worker",
    "worker_key",
    "worker_status",
]

START_TIMEOUT = 10.0  # seconds from spawn to the first answered ping
REQUEST_TIMEOUT = 30.0
_MAX_TRIES = 4  # connections per request; at most one of them to a worker we started
_MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux, 104 on macOS
_LOG_NAME = "worker.log"
_MAX_LOG = 1 << 20


class WorkerUnavailable(GrammarUnavailable):
    """The worker could not be started, or died and could not be restarted."""


# -- where the worker lives -------------------------------------------------

def cache_dir() -> str:
    """``FOLLOWUP_LINT_CACHE`` or the user cache folder; created if missing."""
    path = os.environ.get("FOLLOWUP_LINT_CACHE", "").strip()
    if not path:
        import platformdirs  # ~3 ms, so only when needed

        path = platformdirs.user_cache_dir("followup-lint", appauthor=False)
    os.makedirs(path, exist_ok=True)
    return path


def _package_root() -> str:
    """The folder holding the ``linter`` package this client was imported from."""
    here = os.path.dirname(os.path.abspath(__file__))  # .../linter/grammar
    return os.path.dirname(os.path.dirname(here))


def _key_sources() -> list[str]:
    """The files whose code runs in the worker: every module of the
    ``linter`` and ``checks`` packages (it runs whole check commands)."""
    root = _package_root()
    sources: list[str] = []
    for package in ("linter", "checks"):
        for folder, dirs, files in os.walk(os.path.join(root, package)):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
            sources.extend(os.path.join(folder, n) for n in sorted(files) if n.endswith(".py"))
    return sources


def worker_key() -> str:
    """A short hash naming the worker that matches the code in this process."""
    from linter import __version__
    from linter.grammar.embedded import harper_version

    parts = [__version__, harper_version(), sys.executable]
    for path in _key_sources():
        try:
            parts.append(f"{os.path.basename(path)}={os.stat(path).st_mtime_ns}")
        except OSError:
            parts.append(f"{os.path.basename(path)}=?")
    return _digest("|".join(parts))


def _digest(text: str) -> str:
    """16 hex digits naming ``text``. zlib is loaded by every run already;
    hashlib would add ~3 ms of OpenSSL loading for a file name."""
    data = text.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def socket_path(directory: str | None = None, key: str | None = None) -> str:
    """The worker's socket in the cache folder, or, when that path is too
    long for a Unix socket, a name in the temp folder derived from it."""
    directory = directory or cache_dir()
    key = key or worker_key()
    path = os.path.join(directory, f"worker-{key}.sock")
    if len(os.fsencode(path)) <= _MAX_SOCKET_PATH:
        return path
    tag = _digest(os.path.abspath(directory))[:8]
    tmp = os.environ.get("TMPDIR") or "/tmp"
    return os.path.join(tmp, f"followup-lint-{os.getuid()}-{tag}-{key}.sock")


def _connect(path: str, timeout: float = 2.0) -> socket.socket | None:
    """A connection to a live worker, or None (no file, or nobody listening).

    A socket file owned by another user is refused: drafts are private,
    and in a shared temp folder anyone could have put it there."""
    try:
        owner = os.stat(path).st_uid
    except FileNotFoundError:
        return None
    if owner != os.getuid():
        raise WorkerUnavailable(f"refusing {path}: it belongs to another user")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
    except (FileNotFoundError, ConnectionRefusedError, ConnectionResetError):
        sock.close()
        return None
    except OSError:
        sock.close()
        raise
    return sock


class _Connection:
    """One persistent connection: a line out, a line back."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.reader = sock.makefile("rb")

    def ask(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        self.sock.settimeout(timeout)
        self.sock.sendall(json.dumps(request).encode() + b"\n")
        line = self.reader.readline()
        if not line:
            raise ConnectionResetError("the worker closed the connection")
        reply = json.loads(line)
        if not isinstance(reply, dict):
            raise ConnectionResetError("the worker sent a malformed reply")
        return reply

    def close(self) -> None:
        try:
            self.reader.close()
        finally:
            self.sock.close()


CHECK_TIMEOUT = 600.0  # a whole check command: many files, or LanguageTool

# -- the backend --------------------------------------------------------------

class WorkerBackend:
    """Harper in the warm worker; the worker is started on first use.

    ``check`` and ``grade`` reuse one connection for the life of this
    object. Not thread-safe: use one ``WorkerBackend`` per thread.
    """

    def __init__(
        self,
        *,
        cache: str | None = None,
        start_timeout: float = START_TIMEOUT,
        request_timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        from linter.grammar.embedded import harper_version

        self._cache = cache
        self._path: str | None = None
        self._conn: _Connection | None = None
        self._start_timeout = start_timeout
        self._request_timeout = request_timeout
        self._name = f"harper {harper_version()}"

    @property
    def name(self) -> str:
        return self._name

    @property
    def socket_path(self) -> str:
        if self._path is None:
            self._cache = self._cache or cache_dir()
            self._path = socket_path(self._cache)
        return self._path

    # GrammarBackend
    def check(self, text: str, dialect: str = "any") -> list[GrammarIssue]:
        reply = self._ask({"op": "grammar", "text": text, "dialect": dialect})
        try:
            return [
                GrammarIssue(
                    start=int(i["start"]),
                    end=int(i["end"]),
                    rule_id=str(i["rule"]),
                    category=str(i["category"]),
                    message=str(i["message"]),
                    replacements=tuple(str(r) for r in i["replacements"]),
                    accepted_in=tuple(str(d) for d in i.get("accepted_in") or ()),
                )
                for i in reply["issues"]
            ]
        except (KeyError, TypeError, ValueError) as exc:
            raise WorkerUnavailable(f"the grammar worker sent a malformed reply ({exc})") from None

    def grade(self, text: str) -> float:
        """Coleman-Liau grade of ``text`` (``Tools.readability``)."""
        reply = self._ask({"op": "grade", "text": text})
        try:
            return float(reply["grade"])
        except (KeyError, TypeError, ValueError) as exc:
            raise WorkerUnavailable(f"the grammar worker sent a malformed reply ({exc})") from None

    def ping(self) -> dict[str, Any]:
        """The worker's status (pid, rss, requests served, ...); starts it if needed."""
        return self._ask({"op": "ping"})

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> WorkerBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    # -- internals -----------------------------------------------------------
    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        """Send ``request``; if the worker is gone, start it again once.

        A connection to a worker this call did not start may fail without
        costing the restart: a killed worker's threads can hold its socket
        open for a moment after it died, so a connect succeeds and is then
        reset. Once this call has started a worker, the next failure is final.
        """
        spawned = False
        for attempt in range(1, _MAX_TRIES + 1):
            if self._conn is None:
                try:
                    self._conn, fresh = self._open()
                except OSError as exc:
                    raise WorkerUnavailable(f"cannot reach the grammar worker: {exc}") from None
                spawned = spawned or fresh
            conn = self._conn
            try:
                reply = conn.ask(request, self._request_timeout)
            except TimeoutError:
                self.close()
                raise WorkerUnavailable(
                    f"the grammar worker did not answer within {self._request_timeout:g} s"
                ) from None
            except (OSError, ValueError) as exc:  # died, reset, half a line
                self.close()
                if spawned or attempt == _MAX_TRIES:
                    raise WorkerUnavailable(
                        f"the grammar worker stopped answering ({exc}) and a restart did not "
                        f"help; see {os.path.join(self._cache or cache_dir(), _LOG_NAME)}"
                    ) from None
                time.sleep(0.05 * attempt)  # let a dying worker finish closing its socket
                continue
            if not reply.get("ok"):
                raise WorkerUnavailable(f"the grammar worker failed: {reply.get('error', '?')}")
            return reply
        raise AssertionError("unreachable")

    def _open(self) -> tuple[_Connection, bool]:
        """A connection, and whether this call started the worker behind it."""
        path = self.socket_path
        sock = _connect(path)
        if sock is not None:
            return _Connection(sock), False
        assert self._cache is not None
        lock_path = os.path.join(self._cache, f"{os.path.basename(path)}.lock")
        with open(lock_path, "a") as lock:
            self._lock(lock)
            try:
                sock = _connect(path)  # someone may have started it meanwhile
                if sock is not None:
                    return _Connection(sock), False
                return self._spawn(path), True
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _lock(self, lock: Any) -> None:
        deadline = time.monotonic() + self._start_timeout + 5
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WorkerUnavailable(
                        "another followup-lint run has been starting the grammar "
                        f"worker for too long (lock {lock.name})"
                    ) from None
                time.sleep(0.02)

    def _spawn(self, path: str) -> _Connection:
        """Start a worker on ``path`` (we hold the lock) and wait for its ping."""
        import subprocess  # only when starting a worker: ~3 ms saved on every other run

        assert self._cache is not None
        try:
            os.unlink(path)  # a dead worker's socket file
        except FileNotFoundError:
            pass
        log_path = os.path.join(self._cache, _LOG_NAME)
        try:
            fresh = os.path.getsize(log_path) > _MAX_LOG  # keep the log small: start over
        except OSError:
            fresh = False
        with open(log_path, "wb" if fresh else "ab") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "linter.grammar.worker", path],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=_package_root(),  # so it imports this very copy of the code
                start_new_session=True,
                close_fds=True,
            )
        deadline = time.monotonic() + self._start_timeout
        while time.monotonic() < deadline:
            sock = _connect(path)
            if sock is not None:
                conn = _Connection(sock)
                try:
                    if conn.ask({"op": "ping"}, self._request_timeout).get("ok"):
                        return conn
                except (OSError, ValueError):
                    pass
                conn.close()
            code = proc.poll()
            if code is not None:
                raise WorkerUnavailable(
                    f"the grammar worker exited at start-up (status {code}): "
                    f"{_last_line(log_path)} (log: {log_path})"
                )
            time.sleep(0.02)
        proc.kill()
        proc.wait()
        raise WorkerUnavailable(
            f"the grammar worker did not answer within {self._start_timeout:g} s "
            f"(log: {log_path}); set FOLLOWUP_LINT_WORKER=0 to check in process"
        )


def _last_line(path: str) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(max(0, os.path.getsize(path) - 2000))
            lines = f.read().decode(errors="replace").strip().splitlines()
    except OSError:
        return "no log"
    return lines[-1] if lines else "no output"


# -- management (``followup-lint worker status|stop``) --------------------------

def worker_status(cache: str | None = None) -> dict[str, Any]:
    """The current code's worker: ``{"running": False, "socket": ...}`` or
    ``{"running": True, "socket", "pid", "backend", "started", "requests",
    "idle_timeout", "rss"}``. Never starts a worker."""
    path = socket_path(cache or cache_dir())
    sock = _connect(path)
    if sock is None:
        return {"running": False, "socket": path}
    conn = _Connection(sock)
    try:
        reply = conn.ask({"op": "ping"}, 5.0)
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
        sock = _connect(path)
        if sock is None:
            if os.path.exists(path):
                try:
                    os.unlink(path)
                except OSError:
                    pass
            continue
        conn = _Connection(sock)
        pid = None
        try:
            pid = conn.ask({"op": "ping"}, timeout).get("pid")
            conn.ask({"op": "stop"}, timeout)
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
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
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


def run_check_in_worker(request: Any, stdin: bytes | None) -> Any:
    """Run a ``followup-lint check`` request in the warm worker, which has
    every check loaded and compiled; None when no worker can be had (the
    caller then runs in process)."""
    import base64

    from linter.command import CheckOutcome

    env = {k: v for k, v in os.environ.items() if k.startswith("FOLLOWUP_LINT_") or k in ("CI", "NO_COLOR")}
    message = {
        "op": "check",
        "request": request.to_json(),
        "cwd": os.getcwd(),
        "env": env,
        "stdin": base64.b64encode(stdin).decode("ascii") if stdin is not None else None,
    }
    client = WorkerBackend(request_timeout=CHECK_TIMEOUT)
    try:
        reply = client._ask(message)
    except WorkerUnavailable:
        return None
    finally:
        client.close()
    if not reply.get("ok"):
        return None
    return CheckOutcome(str(reply["report"]), tuple(str(e) for e in reply["errors"]), int(reply["code"]))
