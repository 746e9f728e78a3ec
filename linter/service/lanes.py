"""Lanes: a process and a Harper of its own for each process of a pooled
run (op ``own``).

Each process of a pooled folder run sends a grammar request as soon as the
last is answered; served by the one service, they would queue and Harper
would run on one core. So each asks for a lane, by number (process ``k`` of
a run asks for lane ``k``), and is told the socket of that lane: a process
forked from the service, with Harper built and warm, serving its own socket
beside the service's. Processes, not threads: two Harpers in two threads of
one process cost about a third more CPU per draft than one alone, and two
forked processes barely more. A lane outlives its client and keeps what its
Harper has cached, so a run over the same folder again sends each lane the
drafts it has seen.

The service starts a lane on first request, binding its socket before it
forks so a client can connect at once, and restarts one that has died; it
keeps at most one lane per core. A lane answers ``grammar`` and ``ping``;
``stop`` ends the lane. A lane exits when the service is gone, when its
socket file is removed, or after the service's idle time.
"""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.runner import default_jobs

if TYPE_CHECKING:
    from linter.service.daemon import _Worker

__all__ = ["Lane", "Lanes", "lane_path"]


def lane_path(service_path: str, number: int) -> str:
    """The socket of lane ``number`` of the service listening on ``service_path``."""
    return f"{service_path}.lane{number}"


@dataclass
class Lane:
    """What makes a service process a lane: its number and its service."""

    number: int
    parent: int  # the service's process id; the lane exits when it is gone


@dataclass
class Lanes:
    """The service's lane processes, by number."""

    log: Callable[[str], None]
    limit: int = field(default_factory=default_jobs)  # one lane per core
    pids: dict[int, int] = field(default_factory=dict)

    def address(self, worker: _Worker, wanted: Any) -> dict[str, Any]:
        """The reply to ``own``: lane ``wanted``'s socket, the lane started
        if it is not running; ``own: false`` for a number past the limit."""
        if not isinstance(wanted, int) or not 0 <= wanted < self.limit:
            return {"ok": True, "own": False}
        self.reap()
        path = lane_path(worker.path, wanted)
        if wanted not in self.pids or not os.path.exists(path):
            self._stop(wanted)
            self.pids[wanted] = self._start(worker, wanted, path)
        return {"ok": True, "own": True, "harper": wanted, "socket": path}

    def _start(self, worker: _Worker, number: int, path: str) -> int:
        try:
            os.unlink(path)  # a dead lane's file
        except FileNotFoundError:
            pass
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(path)  # before the fork: the client may connect at once
        os.chmod(path, 0o600)
        listener.listen(16)
        listener.setblocking(False)
        pid = os.fork()
        if pid:
            listener.close()
            self.log(f"started lane {number} (pid {pid})")
            return pid
        try:  # the lane
            worker.become_lane(number, path)
            worker.serve(listener)
        finally:
            os._exit(0)  # never back into the service's loop or its clean-up

    def reap(self) -> None:
        """Forget the lanes that have exited."""
        for number, pid in list(self.pids.items()):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                del self.pids[number]

    def _stop(self, number: int) -> None:
        pid = self.pids.pop(number, None)
        if pid is not None:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass

    def stop_all(self) -> None:
        """End every lane (the service is exiting)."""
        for number in list(self.pids):
            self._stop(number)

    def count(self) -> int:
        """How many lanes are running."""
        self.reap()
        return len(self.pids)
