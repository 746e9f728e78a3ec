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
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["load_cached", "cache_file", "read_marshal", "write_marshal"]

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
