"""A report held until the run ends: in memory while small, then in an
unnamed temporary file, so a run of any size holds little of its report.

The CLI writes the report only once the run is over (all of it or, when
the run is aborted, none of it), after the error lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

__all__ = ["Spool"]

_IN_MEMORY = 1 << 16  # characters kept in memory before moving to a file
_BLOCK = 1 << 16


class Spool:
    """A text sink with ``write``; ``chunks`` gives the text back in order."""

    def __init__(self, in_memory: int = _IN_MEMORY) -> None:
        self._limit = in_memory
        self._parts: list[str] = []
        self._size = 0
        self._file: IO[str] | None = None

    def write(self, text: str) -> None:
        if not text:
            return
        if self._file is not None:
            self._file.write(text)
            return
        self._parts.append(text)
        self._size += len(text)
        if self._size > self._limit:
            import tempfile

            self._file = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogateescape", newline="")
            self._file.writelines(self._parts)
            self._parts = []

    def __bool__(self) -> bool:
        return self._size > 0

    def chunks(self) -> Iterator[str]:
        yield from self._parts
        if self._file is not None:
            self._file.seek(0)
            while block := self._file.read(_BLOCK):
                yield block

    def discard(self) -> None:
        """Forget everything written so far."""
        self.close()
        self._parts = []
        self._size = 0

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
