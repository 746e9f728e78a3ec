"""Character offsets -> 1-based line and column, for rendering only.

Findings carry character offsets (see ``models.py``); formatters turn them
into ``line:column`` here. A line ends at ``\\r\\n``, ``\\r`` or ``\\n`` -- the
three breaks editors and the Language Server Protocol agree on. (The parser
splits with ``str.splitlines``, which also breaks at U+2028 and friends;
editors do not, and this module answers the editor's question.) Columns
count characters (code points), not bytes and not UTF-16 units.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from linter import regexes

__all__ = ["LineIndex", "line_col", "line_index"]

_BREAK = regexes.compile(r"\r\n|\r|\n")


class LineIndex:
    """Line starts of one text, computed once; each lookup is a bisect."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        self._starts: tuple[int, ...] = (0, *(m.end() for m in _BREAK.finditer(text)))
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of ``offset`` (``0 <= offset <= len(text)``).

        An offset between ``\\r`` and ``\\n`` belongs to the line the pair ends.
        """
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside the text (0..{self._length})")
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset where 1-based ``line`` starts."""
        if not 1 <= line <= len(self._starts):
            raise ValueError(f"line {line} outside the text (1..{len(self._starts)})")
        return self._starts[line - 1]

    def offset(self, line: int, col: int) -> int:
        """Inverse of ``line_col`` (no check that ``col`` stays on the line)."""
        return self.line_start(line) + col - 1


@lru_cache(maxsize=16)
def line_index(text: str) -> LineIndex:
    """The (cached) index of ``text``; a report renders many findings of one file."""
    return LineIndex(text)


def line_col(raw: str, offset: int) -> tuple[int, int]:
    """1-based line and 1-based column (in characters) of ``offset`` in ``raw``."""
    return line_index(raw).line_col(offset)
