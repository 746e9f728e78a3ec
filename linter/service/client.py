"""Talk to the warm service (``daemon.py``), starting it when it is not there.

``WorkerBackend`` is the grammar backend the CLI uses by default: the same
answers as ``HarperBackend``, without paying Harper's one-second dictionary
load on every run. The worker listens on a Unix socket in the cache folder
whose name carries a hash of the code it runs (``place``), so changed
code is served by a new worker, which stops the one it replaces.

Starting is race-free: a client that cannot connect takes an exclusive
``flock`` on a lock file, connects again (another run may have just
started one), and only then removes a dead worker's socket file and
spawns ``python -m linter.service.daemon SOCKET`` in its own session,
with its output in ``worker.log``. A worker that vanishes mid-run is
started again once per request; if that fails too the request raises
``WorkerUnavailable``: a draft is never reported clean because the
checker was gone.

It imports only small standard modules; ``subprocess`` only when a
worker must be started.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from typing import Any

from linter.grammar.base import GrammarIssue, GrammarUnavailable, say_waiting
from linter.service.place import LOG_NAME, Connection, RefusedSocket, cache_dir, connect, package_root, socket_path
from linter.service.protocol import message
from linter.service.running import CHECK_TIMEOUT

__all__ = ["CHECK_TIMEOUT", "RequestStopped", "WorkerBackend", "WorkerUnavailable"]

START_TIMEOUT = 10.0  # seconds from spawn to the first answered ping
REQUEST_TIMEOUT = 30.0
_MAX_TRIES = 4  # connections per request; at most one of them to a worker we started
_MAX_LOG = 1 << 20


class WorkerUnavailable(GrammarUnavailable):
    """The worker could not be started, or died and could not be restarted."""


class RequestStopped(WorkerUnavailable):
    """The worker stopped this request at its time limit (and restarts)."""


# -- the backend --------------------------------------------------------------

class WorkerBackend:
    """Harper in the warm worker; the worker is started on first use.

    ``check`` and ``ping`` reuse one connection for the life of this
    object. Not thread-safe: use one ``WorkerBackend`` per thread. With a
    ``lane`` number, each new connection asks the service for that lane
    (``own``) and talks to the lane's socket instead, as process ``lane``
    of a pooled run does.
    """

    def __init__(
        self,
        *,
        cache: str | None = None,
        start_timeout: float = START_TIMEOUT,
        request_timeout: float = REQUEST_TIMEOUT,
        start: bool = True,
        lane: int | None = None,
    ) -> None:
        from linter.grammar.installed import harper_version

        self._may_start = start  # False: use a running worker, never start one
        self._lane = lane
        self._cache = cache
        self._path: str | None = None
        self._conn: Connection | None = None
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
        reply = self._ask(message("grammar", text=text, dialect=dialect))
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

    def ping(self) -> dict[str, Any]:
        """The worker's status (pid, rss, requests served, ...); starts it if needed."""
        return self._ask(message("ping"))

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
        spawned = owning = False
        for attempt in range(1, _MAX_TRIES + 1):
            if self._conn is None:
                try:
                    self._conn, fresh = self._open()
                except OSError as exc:
                    raise WorkerUnavailable(f"cannot reach the grammar worker: {exc}") from None
                spawned = spawned or fresh
                owning = self._lane is not None
            conn = self._conn
            try:
                if owning:  # once per connection; refused (or an older service): served as before
                    owning = False
                    conn = self._to_lane(conn, conn.ask(message("own", harper=self._lane), self._request_timeout))
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
                        f"help; see {os.path.join(self._cache or cache_dir(), LOG_NAME)}"
                    ) from None
                time.sleep(0.05 * attempt)  # let a dying worker finish closing its socket
                continue
            if reply.get("timed_out"):
                self.close()
                raise RequestStopped(str(reply.get("error", "the request took too long")))
            if not reply.get("ok"):
                raise WorkerUnavailable(f"the grammar worker failed: {reply.get('error', '?')}")
            return reply
        raise AssertionError("unreachable")

    def _to_lane(self, conn: Connection, reply: dict[str, Any]) -> Connection:
        """The connection to the lane ``reply`` names, in place of ``conn``;
        ``conn`` itself when there is none or it cannot be reached."""
        path = reply.get("socket")
        if not reply.get("own") or not isinstance(path, str):
            return conn
        try:
            sock = connect(path)
        except (OSError, GrammarUnavailable):
            sock = None
        if sock is None:
            return conn
        conn.close()
        self._conn = Connection(sock)
        return self._conn

    def _open(self) -> tuple[Connection, bool]:
        """A connection, and whether this call started the worker behind it."""
        path = self.socket_path
        sock = connect(path)
        if sock is not None:
            return Connection(sock), False
        if not self._may_start:
            raise WorkerUnavailable("no warm worker is running")
        assert self._cache is not None
        lock_path = os.path.join(self._cache, f"{os.path.basename(path)}.lock")
        with open(lock_path, "a") as lock:
            self._lock(lock)
            try:
                sock = connect(path)  # someone may have started it meanwhile
                if sock is not None:
                    return Connection(sock), False
                return self._spawn(path), True
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _lock(self, lock: Any) -> None:
        deadline = time.monotonic() + self._start_timeout + 5
        told = False
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if not told:
                    say_waiting("waiting for another followup-lint run that is starting the warm worker")
                    told = True
                if time.monotonic() > deadline:
                    raise WorkerUnavailable(
                        "another followup-lint run has been starting the grammar "
                        f"worker for too long (lock {lock.name})"
                    ) from None
                time.sleep(0.02)

    def _spawn(self, path: str) -> Connection:
        """Start a worker on ``path`` (we hold the lock) and wait for its ping."""
        import subprocess  # only when starting a worker: every other run skips its import

        assert self._cache is not None
        say_waiting("starting the warm worker: it loads Harper's dictionary once, later runs reuse it")
        try:
            os.unlink(path)  # a dead worker's socket file
        except FileNotFoundError:
            pass
        log_path = os.path.join(self._cache, LOG_NAME)
        try:
            fresh = os.path.getsize(log_path) > _MAX_LOG  # keep the log small: start over
        except OSError:
            fresh = False
        from linter.grammar.private_files import private_log

        with private_log(log_path, fresh=fresh) as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "linter.service.daemon", path],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=package_root(),  # so it imports this very copy of the code
                start_new_session=True,
                close_fds=True,
            )
        deadline = time.monotonic() + self._start_timeout
        while time.monotonic() < deadline:
            sock = connect(path)
            if sock is not None:
                conn = Connection(sock)
                try:
                    if conn.ask(message("ping"), self._request_timeout).get("ok"):
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
