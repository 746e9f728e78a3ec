"""Whether a client of the warm service has the service's own rights.

A ``check`` run reads drafts and configs by path. The service would read
them with its own rights, in its own namespaces; a client with fewer
rights (dropped groups or capabilities, a sandbox) could have it read
what the client may not. So the service serves a ``check`` only to a
client whose credentials, capabilities, security label and namespaces
are the service's own; any other client lints in its own process.

Linux only (``SO_PEERCRED`` and ``/proc``); elsewhere no client can be
verified and every ``check`` runs in the client's process.
"""

from __future__ import annotations

import os
import socket
import struct

__all__ = ["peer_pid", "same_rights"]

_STATUS_FIELDS = ("Uid:", "Gid:", "Groups:", "CapEff:", "Seccomp:")
_NAMESPACES = ("mnt", "user", "pid")


def peer_pid(conn: socket.socket) -> int | None:
    """The process id of the client at the other end of ``conn``, if known."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    try:
        pid, _uid, _gid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i")))
    except OSError:
        return None
    return pid if pid > 0 else None


def _rights(pid: int | str) -> tuple[str, ...] | None:
    """What decides which files process ``pid`` may read, or None when unknown."""
    proc = f"/proc/{pid}"
    try:
        with open(f"{proc}/status", encoding="utf-8", errors="replace") as handle:
            status = [line.strip() for line in handle if line.startswith(_STATUS_FIELDS)]
        namespaces = [os.readlink(f"{proc}/ns/{name}") for name in _NAMESPACES]
        root = os.stat(f"{proc}/root")
    except OSError:
        return None
    return (*status, *namespaces, f"root={root.st_dev}:{root.st_ino}", _label(proc))


def _label(proc: str) -> str:
    """The security module's label (AppArmor, SELinux), empty without one."""
    try:
        with open(f"{proc}/attr/current", encoding="utf-8", errors="replace") as handle:
            return handle.read().strip("\0\n ")
    except OSError:
        return ""


def same_rights(pid: int | None) -> bool:
    """Whether process ``pid`` reads files exactly as this process does."""
    if pid is None:
        return False
    theirs = _rights(pid)
    return theirs is not None and theirs == _rights(os.getpid())
