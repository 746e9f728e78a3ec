"""Regular expressions compiled once and kept like bytecode.

``compile(pattern, flags)`` is ``re.compile`` for a ``str`` pattern, but
what ``re`` compiles a pattern to (the code of its matching engine,
``_sre``) is kept, with ``marshal``, in a file in the ``__pycache__``
folder beside this module, and later runs build the pattern from that code
instead of parsing the pattern again. The file holds the patterns of the
runs so far; it is read once, on the first call, and trusted only by the
same Python (its cache tag in the file name; its exact version, the
engine's ``_sre.MAGIC`` and this module's format inside). As with ``.pyc``
files (``linter.datafiles``), nothing is written when
``sys.dont_write_bytecode`` is set or the folder is read-only, and a
missing, stale or damaged file, or an entry the engine refuses, means
``re.compile`` as usual.

Patterns this run compiled with ``re`` are added at exit (``atexit``), or
by ``save()``, which a process leaving by ``os._exit`` calls first. Only
then is their code computed, and each entry is checked to build a pattern
equal to ``re.compile``'s before it is kept. Writing merges with the file
as it is then (forked workers each add theirs) and stops at ``LIMIT``
entries, so patterns from configuration cannot grow it without end.
"""

from __future__ import annotations

import atexit
import os
import re
import sys
from typing import Any

import _sre  # type: ignore[import-not-found]  # no stub: the engine re itself calls

from linter.datafiles import read_marshal, write_marshal

__all__ = ["LIMIT", "PatternCache", "compile", "save"]

LIMIT = 1024  # entries in the file at most: ours, and room for as many again from configs
_FORMAT = 1  # bump when the layout of an entry changes
_KEY = (_FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE)
# the flags re.compile takes without side effects (not DEBUG, which prints)
_PLAIN_FLAGS = int(re.I | re.L | re.M | re.S | re.U | re.X | re.A)
# what _sre.compile takes after the pattern: flags, code, groups - 1, groupindex,
# indexgroup; the code as the bytes of native unsigned ints (loads far faster
# than a list, which is made only for the patterns a run uses)
Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]


def default_file() -> str:
    """The cache file of this package for the running Python."""
    folder = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(folder, "__pycache__", f"regexes.{sys.implementation.cache_tag}.marshal")


class PatternCache:
    """The compiled patterns kept in ``path``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._table: dict[tuple[str, int], Entry] | None = None  # read on first use
        self._new: dict[tuple[str, int], None] = {}  # compiled by re in this process, in order
        self._hooked = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from the cached code when there is some."""
        key = (pattern, int(flags))
        table = self._table if self._table is not None else self._load()
        entry = table.get(key)
        if entry is not None:
            try:
                compiled: re.Pattern[str] = _build(pattern, entry)
                return compiled
            except Exception:  # noqa: BLE001 - a damaged entry: re.compile, and written again
                del table[key]
        compiled = re.compile(pattern, flags)
        if isinstance(pattern, str) and not key[1] & ~_PLAIN_FLAGS and len(table) + len(self._new) < LIMIT:
            self._new[key] = None
            if not self._hooked:
                self._hooked = True
                atexit.register(self.save)
        return compiled

    def _load(self) -> dict[tuple[str, int], Entry]:
        self._table = _entries(read_marshal(self.path))
        return self._table

    def save(self) -> None:
        """Add the patterns compiled by ``re`` so far to the file, merged with
        what it holds now; never raises."""
        new, self._new = list(self._new), {}
        if not new or sys.dont_write_bytecode:
            return
        try:
            folder = os.path.dirname(self.path)
            os.makedirs(folder, exist_ok=True)
            if not os.access(folder, os.W_OK):
                return  # before computing any code: a read-only install pays nothing
            table = _entries(read_marshal(self.path))
            added = False
            for key in new:
                if key not in table and len(table) >= LIMIT:
                    continue
                entry = _entry(*key)
                if entry is not None:
                    table[key] = entry
                    added = True
            if added:
                write_marshal(self.path, (_KEY, table))
                if self._table is not None:
                    self._table.update(table)
        except Exception:  # noqa: BLE001 - a cache: the run goes on without it
            pass


def _entries(found: Any) -> dict[tuple[str, int], Entry]:
    """The table in a file's contents, or an empty one when they are not this
    Python's table."""
    if isinstance(found, tuple) and len(found) == 2 and found[0] == _KEY and isinstance(found[1], dict):
        table: dict[tuple[str, int], Entry] = found[1]
        return table
    return {}


def _build(pattern: str, entry: Entry) -> Any:
    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, memoryview(code).cast("I").tolist(), groups, groupindex, indexgroup)


def _entry(pattern: str, flags: int) -> Entry | None:
    """What ``_sre.compile`` takes to build ``re.compile(pattern, flags)``,
    as ``re`` computes it, or None when the result would not be the same."""
    try:
        import array  # here: only a run that writes needs it

        parser: Any = getattr(re, "_parser", None) or getattr(re, "sre_parse")  # before 3.11: sre_parse
        compiler: Any = getattr(re, "_compiler", None) or getattr(re, "sre_compile")
        parsed = parser.parse(pattern, flags)
        code = compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        ops = array.array("I", code).tobytes()
        entry: Entry = (int(flags | parsed.state.flags), ops, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        built = _build(pattern, entry)
        expected = re.compile(pattern, flags)
        if built == expected and built.groupindex == expected.groupindex and built.groups == expected.groups:
            return entry
    except Exception:  # noqa: BLE001 - an internal of re that changed: no entry
        pass
    return None


_cache = PatternCache(default_file())


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name, on purpose
    """``re.compile(pattern, flags)``, kept like bytecode (see the module)."""
    return _cache.compile(pattern, flags)


def save() -> None:
    """Write the patterns this process compiled; for a process about to
    leave by ``os._exit``, which skips ``atexit``."""
    _cache.save()
