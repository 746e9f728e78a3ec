"""The warm service: Harper, textstat and every check loaded once, served over a socket.

Run as ``python -m linter.service.daemon SOCKET`` (``client`` starts it on
demand; nobody needs to start it by hand). It builds Harper's linter and
imports textstat *before* it listens, so the first connection that
succeeds is answered at once; then it serves one request per line and
writes one reply per line (``protocol``), on any number of persistent
connections. A request that runs past ``FOLLOWUP_LINT_WORKER_REQUEST_LIMIT``
seconds is answered with an error and the service exits (see ``_guard``).

It is single-threaded (Harper's ``Linter`` is not thread-safe, and one
thread keeps glibc from growing per-thread heaps); a request takes a few
milliseconds, so queuing them costs nothing noticeable. The exception is
a client that will send many requests alongside others (each process of a
pooled folder run): it asks for a lane (``own``), a process forked from
this one that serves a socket of its own (``lanes``), so Harper runs on
every core. When no request
has come for a second it returns freed heap to the OS, and if it has
grown past its start-up size by more than ``_SHED_ABOVE`` it first drops
Harper's per-text cache, so its memory stays flat (the README gives the
figures). It exits after
``FOLLOWUP_LINT_WORKER_IDLE`` seconds (default 900) without a request, on
``stop`` or SIGTERM, or when its socket file is removed or replaced (no
client can reach it then), and removes its socket file on the way out.

Over 300 lines on purpose: the process's life (bind, serve, time limit,
retire older services, shed memory) is one concern, read in one place.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import socket
import sys
import time
from typing import Any

from linter.service.client_check import _run_check
from linter.service.lanes import Lane, Lanes
from linter.service.peer import peer_pid, same_rights
from linter.service.protocol import MAX_LINE, CheckCall, message, version_error
from linter.memory import _rss, _trim_heap

__all__ = ["DEFAULT_IDLE", "main", "idle_timeout"]

DEFAULT_IDLE = 900.0
DEFAULT_REQUEST_LIMIT = 120.0  # seconds one request may run before the worker stops it
_SHED_ABOVE = 32 << 20  # bytes over the start-up RSS that make a quiet worker shed caches
SOCKET_CHECK = 2.0  # seconds between checks that the socket file is still this worker's


def idle_timeout() -> float:
    raw = os.environ.get("FOLLOWUP_LINT_WORKER_IDLE", "").strip()
    if not raw:
        return DEFAULT_IDLE
    try:
        value = float(raw)
    except ValueError:
        _log(f"FOLLOWUP_LINT_WORKER_IDLE={raw!r} is not a number; using {DEFAULT_IDLE:g} s")
        return DEFAULT_IDLE
    return value if value > 0 else DEFAULT_IDLE


def request_limit() -> float:
    """``FOLLOWUP_LINT_WORKER_REQUEST_LIMIT`` seconds, else the default."""
    raw = os.environ.get("FOLLOWUP_LINT_WORKER_REQUEST_LIMIT", "").strip()
    try:
        value = float(raw) if raw else DEFAULT_REQUEST_LIMIT
    except ValueError:
        value = DEFAULT_REQUEST_LIMIT
    return value if value > 0 else DEFAULT_REQUEST_LIMIT


def _log(message: str) -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    print(f"{stamp} worker {os.getpid()}: {message}", file=sys.stderr, flush=True)


class _Worker:
    def __init__(self, path: str, idle: float) -> None:
        from linter.grammar.embedded import shared_harper

        self.path = path
        self.idle = idle
        self.started = time.time()
        self.requests = 0
        clock = time.perf_counter()
        self.grammar = shared_harper()
        self.grammar.warm()
        self.grammar.check("Warm up the linter.")
        built = time.perf_counter()
        _trim_heap()
        self.baseline = _rss()
        self.startup = f"harper {built - clock:.2f} s, trim {time.perf_counter() - built:.2f} s"
        self.stopping = False
        self.limit = request_limit()
        self.current: tuple[float, socket.socket] | None = None  # the request being served
        self.peer: int | None = None  # the process id of the client being served
        self.inode = 0
        self.lanes = Lanes(log=_log)
        self.lane: Lane | None = None  # set in a lane process (``become_lane``)
        self.listener: socket.socket | None = None
        self.buffers: dict[socket.socket, bytearray] = {}

    def become_lane(self, number: int, path: str) -> None:
        """Turn this process, just forked from the service, into lane
        ``number`` serving ``path``: the service's sockets closed, its own
        memory the mark for shedding Harper's cache."""
        for sock in [self.listener, *self.buffers]:
            if sock is not None:
                sock.close()
        self.buffers = {}
        self.current = self.peer = None  # the service's request that forked this lane is not the lane's
        self.lane = Lane(number, os.getppid())
        self.lanes = Lanes(log=_log, limit=0)
        self.path = path
        self.requests = 0
        self.started = time.time()
        self.baseline = _rss()
        self.startup = f"lane {number} of the service {self.lane.parent}"

    # -- the time limit ------------------------------------------------------
    def _guard(self) -> None:
        """A thread that stops a request running past the limit.

        Python cannot interrupt the serving thread, so the worker answers the
        stuck client with an error and exits; the next run starts a fresh
        one. Meanwhile other clients are not kept waiting: they find the
        worker busy (no ping answer) and check in their own process."""
        while True:
            time.sleep(min(1.0, self.limit / 4))
            current = self.current
            if current is None or time.monotonic() - current[0] < self.limit:
                continue
            conn = current[1]
            _log(f"a request ran over {self.limit:g} s; stopping the worker")
            self._send(conn, {
                "ok": False,
                "timed_out": True,
                "error": f"the warm worker stopped this run after {self.limit:g} s "
                         "(FOLLOWUP_LINT_WORKER_REQUEST_LIMIT); see its log",
            })
            try:  # a lane's guard removes the lane's socket, the service's its own
                if os.stat(self.path).st_ino == self.inode:
                    os.unlink(self.path)
            except OSError:
                pass
            os._exit(3)

    # -- requests ----------------------------------------------------------
    def handle(self, line: bytes) -> dict[str, Any]:
        try:
            request = json.loads(line)
        except ValueError as exc:
            return {"ok": False, "error": f"malformed request: {exc}"}
        if not isinstance(request, dict):
            return {"ok": False, "error": "a request must be a JSON object"}
        op = request.get("op")
        self.requests += 1
        refused = version_error(request)
        if refused is not None:
            return {"ok": False, "error": refused}
        try:
            if op == "ping":
                return {
                    "ok": True,
                    "pid": os.getpid(),
                    "python": sys.executable,
                    "root": _package_root(),
                    "backend": self.grammar.name,
                    "socket": self.path,
                    "started": self.started,
                    "requests": self.requests,
                    "idle_timeout": self.idle,
                    "rss": _rss(),
                    "lane": self.lane.number if self.lane else None,  # this process's lane, if it is one
                    "lanes": self.lanes.count(),  # the service's lanes running
                }
            if op == "grammar":
                text = request.get("text")
                if not isinstance(text, str):
                    return {"ok": False, "error": f"'{op}' needs a 'text' string"}
                dialect = str(request.get("dialect") or "any")
                return {
                    "ok": True,
                    "issues": [
                        {
                            "start": i.start,
                            "end": i.end,
                            "rule": i.rule_id,
                            "category": i.category,
                            "message": i.message,
                            "replacements": list(i.replacements),
                            "accepted_in": list(i.accepted_in),
                        }
                        for i in self.grammar.check(text, dialect)
                    ],
                }
            if self.lane is not None:  # a lane serves grammar and ping only
                if op == "stop":
                    self.stopping = True
                    return {"ok": True}
                if op == "own":
                    return {"ok": True, "own": False}
                return {"ok": False, "error": f"{op!r} is not served on a lane"}
            if op == "own":
                return self.lanes.address(self, request.get("harper", 0))
            if op == "check":
                if not same_rights(self.peer):
                    _log(f"client {self.peer} has other rights than this worker; it lints in its own process")
                    return {"ok": False, "error": "the client's rights differ from the worker's", "refused": True}
                return _run_check(CheckCall.from_wire(request))
            if op == "stop":
                self.stopping = True
                return {"ok": True}
            return {"ok": False, "error": f"unknown op {op!r}"}
        except Exception as exc:  # one bad request must not kill the worker
            _log(f"{op} failed: {type(exc).__name__}: {exc}")
            return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}

    # -- serving -----------------------------------------------------------
    def _bind(self) -> socket.socket | None:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(self.path)
        except OSError:
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                probe.connect(self.path)
            except OSError:  # a dead worker's file: take its place
                os.unlink(self.path)
                listener.bind(self.path)
            else:
                _log("another worker already serves this socket; exiting")
                listener.close()
                return None
            finally:
                probe.close()
        os.chmod(self.path, 0o600)  # drafts are private: only their writer may connect
        listener.listen(64)
        listener.setblocking(False)
        return listener

    def serve(self, listener: socket.socket | None = None) -> None:
        """Serve until stopped; ``listener``: a socket bound already (a lane's)."""
        listener = self.listener = listener or self._bind()
        if listener is None:
            return
        inode = self.inode = os.stat(self.path).st_ino
        import threading

        threading.Thread(target=self._guard, name="request-limit", daemon=True).start()
        self._retire_superseded()
        _log(f"serving {self.path} ({self.grammar.name}, idle timeout {self.idle:g} s, "
             f"rss {_rss() >> 20} MB; ready in {self.startup})")
        selector = selectors.DefaultSelector()
        selector.register(listener, selectors.EVENT_READ, None)
        buffers = self.buffers
        last = checked = time.monotonic()
        trimmed = True
        try:
            while not self.stopping:
                events = selector.select(timeout=min(1.0, self.idle / 4))
                if time.monotonic() - checked >= SOCKET_CHECK:
                    checked = time.monotonic()
                    if not self._still_ours(inode):
                        break
                    if self.lane is not None and os.getppid() != self.lane.parent:
                        _log(f"lane {self.lane.number}: the service is gone; exiting")
                        break
                if not events:
                    if time.monotonic() - last >= self.idle:
                        _log(f"idle for {self.idle:g} s; exiting")
                        break
                    if not trimmed:  # quiet now: give back what the requests freed
                        if _rss() > self.baseline + _SHED_ABOVE:
                            self.grammar.shed_caches()
                        _trim_heap()
                        trimmed = True
                    continue
                trimmed = False
                for key, _ in events:
                    sock = key.fileobj
                    assert isinstance(sock, socket.socket)
                    if sock is listener:
                        try:
                            conn, _addr = listener.accept()
                        except BlockingIOError:
                            continue
                        conn.setblocking(True)
                        conn.settimeout(10.0)
                        buffers[conn] = bytearray()
                        selector.register(conn, selectors.EVENT_READ, None)
                        last = time.monotonic()
                        continue
                    if not self._read(sock, buffers[sock]):
                        selector.unregister(sock)
                        del buffers[sock]
                        sock.close()
                    last = time.monotonic()
        finally:
            self.lanes.stop_all()
            try:  # first the name, so no new client connects to a closing worker
                if os.stat(self.path).st_ino == inode:
                    os.unlink(self.path)
            except OSError:
                pass
            for conn in list(buffers):
                conn.close()
            listener.close()
            selector.close()

    def _still_ours(self, inode: int) -> bool:
        """Whether the socket file is still the one this worker bound. Removed
        or replaced, no client can reach this worker again: it exits."""
        try:
            if os.stat(self.path).st_ino == inode:
                return True
        except OSError:
            pass
        _log(f"the socket file {self.path} was removed or replaced; exiting")
        return False

    def _retire_superseded(self) -> None:
        """Stop the workers this one replaces: same interpreter, same code
        folder, older code (another name). Without this, every edit to the
        grammar code would leave a worker idling for the full timeout.

        Only a worker whose socket carries the current code's name does
        this, so a long-running client with an old name in memory that
        starts a worker never stops the current one."""
        from linter.grammar.base import GrammarUnavailable
        from linter.service.place import Connection, connect, worker_key

        folder, name = os.path.split(self.path)
        if name != f"worker-{worker_key()}.sock":
            return
        try:
            others = [n for n in os.listdir(folder) if n.startswith("worker-") and n.endswith(".sock")]
        except OSError:
            return
        for other in sorted(set(others) - {name}):
            try:
                sock = connect(os.path.join(folder, other), timeout=2.0)
            except (OSError, GrammarUnavailable):
                continue
            if sock is None:
                continue
            conn = Connection(sock)
            try:
                reply = conn.ask(message("ping"), 2.0)
                if reply.get("python") == sys.executable and reply.get("root") == _package_root():
                    conn.ask(message("stop"), 2.0)
                    _log(f"stopped worker {reply.get('pid')} ({other}): superseded by this code")
            except (OSError, ValueError):
                pass
            finally:
                conn.close()

    def _read(self, conn: socket.socket, buffer: bytearray) -> bool:
        """Serve the complete lines waiting on ``conn``; false when it closed."""
        try:
            chunk = conn.recv(1 << 16)
        except OSError:
            return False
        if not chunk:
            return False
        buffer += chunk
        while True:
            cut = buffer.find(b"\n")
            if cut < 0:
                if len(buffer) > MAX_LINE:
                    self._send(conn, {"ok": False, "error": "request too large"})
                    return False
                return True
            line = bytes(buffer[:cut])
            del buffer[: cut + 1]
            if not line.strip():
                continue
            self.current = (time.monotonic(), conn)
            self.peer = peer_pid(conn)
            try:
                reply = self.handle(line)
            finally:
                self.current = None
            if not self._send(conn, reply) or self.stopping:
                return False

    @staticmethod
    def _send(conn: socket.socket, reply: dict[str, Any]) -> bool:
        try:
            conn.sendall(json.dumps(reply).encode() + b"\n")
            return True
        except OSError:
            return False


def _package_root() -> str:
    """The folder holding the ``linter`` package this worker runs."""
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m linter.service.daemon SOCKET", file=sys.stderr)
        return 2

    def _terminate(signum: int, frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        worker = _Worker(args[0], idle_timeout())
    except Exception as exc:
        _log(f"cannot start: {type(exc).__name__}: {exc}")
        return 1
    worker.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main())
