"""Where the warm service lives and how to reach it: the cache folder, the
socket's name (a hash of the code it runs, so changed code is served by a
new service) and one connection (a line out, a line back).

Imported by every CLI run, so it imports only small standard modules
(zlib; socket and json when it connects); ``platformdirs`` only when
``FOLLOWUP_LINT_CACHE`` is not set.
"""

from __future__ import annotations

import os
import sys
import zlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import socket

__all__ = [
    "LOG_NAME", "VERSION", "Connection", "RefusedSocket", "any_socket", "cache_dir", "cache_path", "connect", "message",
    "package_root", "socket_path", "worker_key",
]

VERSION = 1  # of the protocol (``protocol``): here, where the thin entry point reaches it cheaply
_MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux, 104 on macOS
LOG_NAME = "worker.log"


def message(op: str, **fields: Any) -> dict[str, Any]:
    """A request of this protocol version."""
    return {"v": VERSION, "op": op, **fields}


class RefusedSocket(OSError):
    """A socket file owned by another user."""


def cache_path() -> str:
    """``FOLLOWUP_LINT_CACHE`` or the user cache folder, whether it exists or not."""
    path = os.environ.get("FOLLOWUP_LINT_CACHE", "").strip()
    if path:
        return path
    if sys.platform == "linux":  # platformdirs' answer (the XDG rule), without importing it: every run asks
        base = os.environ.get("XDG_CACHE_HOME", "")
        return os.path.join(base if os.path.isabs(base) else os.path.expanduser("~/.cache"), "followup-lint")
    import platformdirs

    return platformdirs.user_cache_dir("followup-lint", appauthor=False)


def cache_dir() -> str:
    """``cache_path()``, created (owner-only) if missing."""
    path = cache_path()
    from linter.grammar.private_files import private_dir

    private_dir(path)
    return path


def package_root() -> str:
    """The folder holding the ``linter`` package this client was imported from."""
    here = os.path.dirname(os.path.abspath(__file__))  # .../linter/grammar
    return os.path.dirname(os.path.dirname(here))


_KEY_SUFFIXES = (".py", ".yaml", ".tsv", ".nouns")


def _key_sources() -> list[str]:
    """The files whose code or data runs in the worker: every module of the
    ``linter`` and ``checks`` packages (it runs whole check commands), and
    the phrasings and model tables beside them, so an edited phrasing or a
    retrained model is never served by a worker started before it."""
    root = package_root()
    sources: list[str] = []
    for package in ("linter", "checks"):
        for folder, dirs, files in os.walk(os.path.join(root, package)):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")) and d != "sentences")  # training data
            sources.extend(os.path.join(folder, n) for n in sorted(files) if n.endswith(_KEY_SUFFIXES))
    return sources


def worker_key() -> str:
    """A short hash naming the worker that matches the code in this process."""
    from linter import __version__
    from linter.grammar.installed import harper_version

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


def any_socket(directory: str | None = None) -> bool:
    """Whether any service's socket file is where ``socket_path`` puts one:
    a cheap test, before hashing the code, that a run with nothing to start
    has no service to reuse either."""
    directory = directory or cache_dir()
    try:
        if any(n.startswith("worker-") and n.endswith(".sock") for n in os.listdir(directory)):
            return True
    except OSError:
        return False
    if len(os.fsencode(os.path.join(directory, f"worker-{'0' * 16}.sock"))) <= _MAX_SOCKET_PATH:
        return False
    prefix = f"followup-lint-{os.getuid()}-{_digest(os.path.abspath(directory))[:8]}-"
    try:
        return any(n.startswith(prefix) for n in os.listdir(os.environ.get("TMPDIR") or "/tmp"))
    except OSError:
        return False


def connect(path: str, timeout: float = 2.0) -> socket.socket | None:
    """A connection to a live worker, or None (no file, or nobody listening).

    A socket file owned by another user is refused: drafts are private,
    and in a shared temp folder anyone could have put it there."""
    try:
        owner = os.stat(path).st_uid
    except FileNotFoundError:
        return None
    if owner != os.getuid():
        raise RefusedSocket(f"refusing {path}: it belongs to another user")
    import socket

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


class Connection:
    """One persistent connection: a line out, a line back."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.reader = sock.makefile("rb")

    def ask(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        import json

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
