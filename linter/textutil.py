"""Small text helpers that keep offsets into the original string."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from linter import regexes
from linter.models import Span

__all__ = ["Line", "split_lines", "split_sentences", "word_bounds", "word_spans", "find_all", "words_per_region"]


@dataclass(frozen=True)
class Line:
    """One line of a text and where it lies."""

    text: str  # without the line break
    span: Span  # the line without its break

    def __init__(self, text: str, span: Span) -> None:
        # Written out, as ``Span.__init__`` is: a draft makes one per line.
        fields = self.__dict__
        fields["text"] = text
        fields["span"] = span

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(body, Span(pos, pos + len(body))))
        pos += len(raw)
    return lines


_ABBREVIATIONS = (
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e",
    "a.m", "p.m", "u.s", "inc", "ltd", "co", "no", "approx", "dept",
)
# Starts only where a run of end marks starts: a search from inside a long
# run ("?????a") would scan the run again from every mark.
_SENTENCE_END = regexes.compile(r"(?<![.!?…])[.!?…]+[\"'”’)\]]*(?=\s|$)")
_LOOK_BACK = 40  # characters before a sentence end searched for its last word
_NEXT_CHAR = regexes.compile(r"[ \t]*(.?)", re.S)


def split_sentences(text: str, region: Span) -> list[Span]:
    """Sentences inside ``region`` (a paragraph). A line break ends a sentence
    too when the next line starts like a new one (capital, digit, bullet), so
    lists split but hard-wrapped prose does not."""
    spans: list[Span] = []
    start = region.start
    chunk = text[region.start : region.end]
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(chunk):
        mark = m.group()
        if mark[0] == ".":  # the last word before it: an abbreviation or an initial goes on
            before = chunk[max(0, m.start() - _LOOK_BACK) : m.start()].rsplit(None, 1)
            word = before[-1].lower().rstrip(".") if before else ""
            if word in _ABBREVIATIONS:
                continue
            if len(word) == 1 and word.isalpha():
                continue  # an initial: "J. Smith"
        if mark[-1] in "\"'”’)]":
            following = _NEXT_CHAR.match(chunk, m.end())
            if following is not None and following[1].islower():
                continue  # a quoted title: 'the post "Why queues?" on your blog' goes on
        cuts.append(region.start + m.end())
    for m in _NEW_LINE_START.finditer(chunk):
        cuts.append(region.start + m.start())
    for cut in sorted(set(cuts)):
        piece = text[start:cut]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append(Span(start + lead, start + len(piece.rstrip())))
        start = cut
    piece = text[start : region.end]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        spans.append(Span(start + lead, start + len(piece.rstrip())))
    return spans


_NEW_LINE_START = regexes.compile(r"\n(?=[ \t]*(?:[A-Z0-9\"“(]|[-*•]\s))")
# Whitespace-delimited tokens, then the test for a letter or digit: one
# pattern doing both backtracks over long runs of punctuation.
_LETTER_OR_DIGIT = regexes.compile(r"[^\W_]")


def word_bounds(text: str, region: Span) -> list[tuple[int, int]]:
    """``(start, end)`` of each whitespace token inside ``region`` that
    holds a letter or a digit.

    ``str.split`` splits where ``\\S+`` would (the same whitespace, on
    every code point), and each token is found from where the last one
    ended; ``str.isalnum`` is the pattern's test, so most tokens are settled
    by their first or last character without a search. Plain pairs: a
    count or a scan needs no ``Span`` per word."""
    out: list[tuple[int, int]] = []
    end = region.start
    find = text.find
    for token in text[region.start : region.end].split():
        start = find(token, end)
        end = start + len(token)
        if token[0].isalnum() or token[-1].isalnum() or _LETTER_OR_DIGIT.search(token):
            out.append((start, end))
    return out


def word_spans(text: str, region: Span) -> list[Span]:
    """Whitespace tokens inside ``region`` that hold a letter or a digit."""
    return [Span(start, end) for start, end in word_bounds(text, region)]


def find_all(pattern: re.Pattern[str], text: str, region: Span) -> list[Span]:
    """Spans of ``pattern`` matches inside ``region``."""
    return [Span(m.start(), m.end()) for m in pattern.finditer(text, region.start, region.end)]


def words_per_region(words: Sequence[tuple[int, int]], regions: Iterable[Span]) -> Iterator[tuple[Span, int]]:
    """Each region (in text order) with the number of ``words`` (their
    ``(start, end)``, as ``word_bounds`` gives) inside it, in one pass over both."""
    i, n = 0, len(words)
    for region in regions:
        while i < n and words[i][0] < region.start:
            i += 1
        j = i
        while j < n and words[j][1] <= region.end:
            j += 1
        yield region, j - i
        i = j
