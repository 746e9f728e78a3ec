"""Data files shipped beside the code, parsed once and kept like bytecode.

``load_cached(path, parse, code)`` returns ``parse(text of path)``. The
value is also written, with ``marshal``, to the ``__pycache__`` folder
beside ``path``, and later runs read it from there while ``path`` and the
module holding ``parse`` (``code``) keep their size and modification time,
and the Python version is the same: the rules Python applies to ``.pyc``
files. As with those, nothing is written when ``sys.dont_write_bytecode``
is set or the folder is read-only, and a missing, stale or damaged cache
file is simply parsed again. The value must be made of what ``marshal``
holds: dicts, lists, tuples, sets, strings and numbers.

A large table of sorted lines is not parsed at all: ``mapped`` maps the
file and ``sorted_line`` finds a line in it by binary search.
"""

from __future__ import annotations

import marshal
import mmap
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["load_cached", "cache_file", "read_marshal", "write_marshal", "mapped", "sorted_line"]

T = TypeVar("T")
_FORMAT = 1  # bump when the layout of a cache file changes


def cache_file(path: str) -> str:
    """Where the parsed value of ``path`` is kept."""
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(folder, "__pycache__", f"{name}.{sys.implementation.cache_tag}.marshal")


def _stamp(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns


def load_cached(path: str, parse: Callable[[str], T], code: str) -> T:
    """``parse`` of the UTF-8 text at ``path``, from the cache when it is current."""
    key = (_FORMAT, _stamp(path), _stamp(code))
    cached = cache_file(path)
    found = read_marshal(cached)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == key:
        value: T = found[1]
        return value
    with open(path, encoding="utf-8") as handle:
        value = parse(handle.read())
    if not sys.dont_write_bytecode:
        write_marshal(cached, (key, value))
    return value


def read_marshal(cached: str) -> Any:
    """The value in the marshal file ``cached``, or None when it is missing or damaged."""
    try:
        with open(cached, "rb") as handle:
            return marshal.loads(handle.read())  # load() on a file reads object by object: far slower
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write_marshal(cached: str, data: Any) -> None:
    """``data`` to the marshal file ``cached``, its folder made if need be:
    atomically (a reader never sees half a file); silently not at all
    when the folder cannot be written or the value cannot be marshalled."""
    tmp = f"{cached}.{os.getpid()}.tmp"
    try:
        blob = marshal.dumps(data)
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(blob)
        os.replace(tmp, cached)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def mapped(path: Path) -> bytes | mmap.mmap:
    """The file's bytes, mapped where the system allows: a lookup reads the
    few pages it needs instead of the run reading the whole file first.
    (Read whole on Windows, where a mapped file cannot be replaced, say by
    an upgrade while an editor's server runs.)"""
    if os.name != "posix":
        return path.read_bytes()
    with open(path, "rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def sorted_line(data: bytes | mmap.mmap, key: bytes) -> bytes | None:
    """The line of ``data`` that starts with ``key``, by binary search over
    lines sorted bytewise (which is code point order for UTF-8)."""
    lo, hi = 0, len(data)  # both at line starts; lines before lo are < key, lines from hi are >= key
    while lo < hi:
        start = data.rfind(b"\n", lo, (lo + hi) // 2) + 1 or lo
        end = data.find(b"\n", start)
        end = len(data) if end == -1 else end
        if data[start:end] < key:
            lo = end + 1
        else:
            hi = start
    if data[lo : lo + len(key)] != key:
        return None
    end = data.find(b"\n", lo)
    return data[lo:] if end == -1 else data[lo:end]
