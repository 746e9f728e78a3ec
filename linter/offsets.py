"""``OffsetMap``: offsets in the text the parser saw -> offsets in the raw file.

For ``.txt``/``.md`` drafts the parser sees the file itself and no map is
needed. For ``.eml`` files the parser sees a decoded text (a few headers, a
blank line, the body) and findings must be shown at the right place in the
raw message the user opens. The map is a list of contiguous segments that
cover the whole text:

* a *linear* segment maps character for character (``text[start:end] ==
  raw[raw_start:raw_end]``): a plain 7bit/8bit body, literal characters of a
  quoted-printable body, an unencoded header value;
* a *unit* segment maps as a whole: every offset inside it goes to
  ``raw_start``; a span that ends inside or at its end ends at ``raw_end``.
  ``=E2=80=99`` -> ``'`` is an *exact* unit (one character, nine raw ones);
  a base64 quad or a whole HTML part is an *approximate* unit (the raw span
  covers the encoded text the finding came from, nothing finer).

So a mapped span always covers the raw text that produced the text span.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from linter.models import Span

__all__ = ["Segment", "OffsetMap", "OffsetMapBuilder"]


@dataclass(frozen=True)
class Segment:
    start: int  # text offsets, half-open
    end: int
    raw_start: int  # raw offsets, half-open
    raw_end: int
    linear: bool  # character for character (then both lengths are equal)
    exact: bool  # False: only "somewhere in raw[raw_start:raw_end]"

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end and 0 <= self.raw_start <= self.raw_end):
            raise ValueError(f"bad segment {self}")
        if self.linear and self.end - self.start != self.raw_end - self.raw_start:
            raise ValueError(f"linear segment with unequal lengths: {self}")


class OffsetMap:
    """Immutable map from text offsets to raw offsets. Build with ``OffsetMapBuilder``."""

    __slots__ = ("_segments", "_starts", "_text_length", "_raw_length")

    def __init__(self, segments: Iterable[Segment], text_length: int, raw_length: int) -> None:
        segs = tuple(segments)
        pos = 0
        for seg in segs:
            if seg.start != pos:
                raise ValueError(f"segments leave a gap or overlap at text offset {pos}")
            if seg.raw_end > raw_length:
                raise ValueError(f"segment {seg} runs past the raw text ({raw_length})")
            pos = seg.end
        if pos != text_length:
            raise ValueError(f"segments cover {pos} of {text_length} characters")
        self._segments = segs
        self._starts = tuple(s.start for s in segs)
        self._text_length = text_length
        self._raw_length = raw_length

    @property
    def segments(self) -> tuple[Segment, ...]:
        return self._segments

    @property
    def text_length(self) -> int:
        return self._text_length

    def _check(self, offset: int) -> None:
        if not 0 <= offset <= self._text_length:
            raise ValueError(f"offset {offset} outside the text (0..{self._text_length})")

    def _segment(self, offset: int) -> Segment:
        return self._segments[bisect_right(self._starts, offset) - 1]

    def to_raw(self, offset: int) -> int:
        """Raw offset of the character at ``offset`` (a span start)."""
        self._check(offset)
        if offset == self._text_length:
            return self._segments[-1].raw_end if self._segments else self._raw_length
        seg = self._segment(offset)
        return seg.raw_start + (offset - seg.start) if seg.linear else seg.raw_start

    def to_raw_end(self, offset: int) -> int:
        """Raw offset for an exclusive span end: just after the raw text of
        the character before ``offset``."""
        self._check(offset)
        if offset == 0:
            return self.to_raw(0)
        seg = self._segment(offset - 1)
        return seg.raw_start + (offset - seg.start) if seg.linear else seg.raw_end

    def to_raw_span(self, span: Span) -> Span:
        start = self.to_raw(span.start)
        if span.start == span.end:
            return Span(start, start)
        return Span(start, max(start, self.to_raw_end(span.end)))

    def is_exact(self, offset: int) -> bool:
        """Whether ``offset`` maps to one precise raw position."""
        self._check(offset)
        if offset == self._text_length:
            return not self._segments or self._segments[-1].exact
        return self._segment(offset).exact

    def __repr__(self) -> str:
        return f"OffsetMap({len(self._segments)} segments, {self._text_length} chars)"


class OffsetMapBuilder:
    """Append text pieces in order with the raw range each came from."""

    def __init__(self) -> None:
        self._segments: list[Segment] = []
        self.length = 0

    def linear(self, length: int, raw_start: int) -> None:
        """``length`` characters copied verbatim from ``raw[raw_start:]``."""
        if length <= 0:
            return
        last = self._segments[-1] if self._segments else None
        if last and last.linear and last.exact and last.raw_end == raw_start:
            self._segments[-1] = Segment(
                last.start, last.end + length, last.raw_start, raw_start + length, True, True
            )
        else:
            self._segments.append(
                Segment(self.length, self.length + length, raw_start, raw_start + length, True, True)
            )
        self.length += length

    def unit(self, length: int, raw_start: int, raw_end: int, exact: bool) -> None:
        """``length`` characters that came from ``raw[raw_start:raw_end]`` as a whole."""
        if length <= 0:
            return
        last = self._segments[-1] if self._segments else None
        if (
            last
            and not last.linear
            and not exact
            and not last.exact
            and (last.raw_start, last.raw_end) == (raw_start, raw_end)
        ):
            self._segments[-1] = Segment(last.start, last.end + length, raw_start, raw_end, False, False)
        else:
            self._segments.append(
                Segment(self.length, self.length + length, raw_start, raw_end, False, exact)
            )
        self.length += length

    def extend(self, other: OffsetMap) -> None:
        """Append every piece of ``other`` (a map of the next stretch of text)."""
        for seg in other.segments:
            if seg.linear:
                self.linear(seg.end - seg.start, seg.raw_start)
            else:
                self.unit(seg.end - seg.start, seg.raw_start, seg.raw_end, seg.exact)

    def build(self, raw_length: int) -> OffsetMap:
        return OffsetMap(self._segments, self.length, raw_length)
