"""Lanes: a thread and a Harper of its own for one client of the warm
service (op ``own``).

Each process of a pooled folder run has one connection and sends a request
as soon as the last is answered; served one at a time, they would queue and
Harper would run on one core. So each asks for a lane: the service hands
its connection to a thread of its own that lints with a Harper of its own
(a ``Linter`` must not be shared between threads; harper-py lets go of the
GIL while it lints, so lanes run on every core). The service goes on serving
everyone else. When the client closes, the lane's Harper waits, warm and
with what it has cached, for the next client that asks. Each Harper has a
number, and a client may ask for one (a pooled run's process ``k`` asks for
Harper ``k``): a run over the same folder again sends each process the same
drafts, so its Harper answers them from its cache.

At most one lane per core the service may use; past that a client is told
``own: false`` and is served as before. A lane answers ``grammar`` and
``ping``; ``stop`` ends the lane, not the service.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from linter.grammar.embedded import HarperBackend
from linter.service.protocol import MAX_LINE

if TYPE_CHECKING:
    from linter.service.daemon import _Worker

__all__ = ["Lane", "Lanes"]


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class Lane:
    """One client's thread: its Harper (and the Harper's number), and the
    request it is serving."""

    grammar: HarperBackend
    number: int
    closing: bool = False
    current: tuple[float, socket.socket] | None = None  # for the service's time limit


@dataclass
class Lanes:
    """The service's lanes: those serving a client and the Harpers left idle."""

    log: Callable[[str], None]
    limit: int = field(default_factory=_cores)
    busy: list[Lane] = field(default_factory=list)
    idle: dict[int, HarperBackend] = field(default_factory=dict)  # by number
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, worker: _Worker, conn: socket.socket, pending: bytes, wanted: int = 0) -> dict[str, Any] | None:
        """Serve ``conn`` in a lane of its own, with Harper number ``wanted``
        if it is idle (None: the lane answers), or the refusal to send when
        every lane is taken."""
        with self.lock:
            if len(self.busy) >= self.limit:
                return {"ok": True, "own": False}
            number = wanted if wanted in self.idle else min(self.idle, default=None)
            if number is None:  # a new Harper, with the lowest number not in use
                taken = {lane.number for lane in self.busy}
                number = min(n for n in range(self.limit + 1) if n not in taken)
                lane = Lane(HarperBackend(), number)
            else:
                lane = Lane(self.idle.pop(number), number)
            self.busy.append(lane)
        threading.Thread(target=self._serve, args=(worker, lane, conn, pending), name="lane", daemon=True).start()
        return None

    def shed_idle(self) -> None:
        """Drop the per-text caches of the Harpers no client is using."""
        with self.lock:
            for grammar in self.idle.values():
                grammar.shed_caches()

    def counts(self) -> dict[str, int]:
        """How many lanes serve a client, and how many Harpers wait idle."""
        with self.lock:
            return {"busy": len(self.busy), "idle": len(self.idle)}

    def current(self) -> list[tuple[float, socket.socket]]:
        """The requests the lanes are serving, with when each began."""
        return [lane.current for lane in list(self.busy) if lane.current is not None]

    def _serve(self, worker: _Worker, lane: Lane, conn: socket.socket, pending: bytes) -> None:
        reader = None
        try:
            lane.grammar.warm()
            conn.settimeout(worker.idle)
            worker._send(conn, {"ok": True, "own": True, "harper": lane.number})
            reader = conn.makefile("rb")
            for line in _requests(pending, reader):
                lane.current = (time.monotonic(), conn)
                try:
                    reply = worker.handle(line, lane=lane)
                finally:
                    lane.current = None
                if reply is None or not worker._send(conn, reply) or lane.closing:
                    break
        except (OSError, ValueError):
            pass  # the client went away
        except Exception as exc:  # a lane must never take the service down
            self.log(f"a lane failed: {type(exc).__name__}: {exc}")
        finally:
            if reader is not None:
                reader.close()
            conn.close()
            with self.lock:
                self.busy.remove(lane)
                self.idle[lane.number] = lane.grammar


def _requests(pending: bytes, reader: IO[bytes]) -> Iterator[bytes]:
    """The request lines: those the service had read already, then the rest."""
    lines = pending.split(b"\n")
    head = lines.pop()  # an unfinished line, completed by what comes next
    yield from (line for line in lines if line.strip())
    while True:
        more = reader.readline(MAX_LINE + 1)
        if not more:
            return
        line, head = head + more, b""
        if len(line) > MAX_LINE:
            raise ValueError("request too large")
        if line.strip():
            yield line.rstrip(b"\n")
