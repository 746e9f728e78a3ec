"""HTML email body -> plain text the draft parser understands (stdlib only).

Paragraph-like elements become blank-line separated paragraphs (the parser's
paragraph break), ``<div>``/``<li>``/``<tr>``/``<br>`` become line breaks
(Gmail and Outlook write one ``<div>`` per line), ``<script>``, ``<style>``,
``<head>`` and ``<template>`` are dropped, entities are unescaped, runs of
HTML whitespace collapse to one space (except inside ``<pre>``), list items
get a ``- `` bullet.

``html_to_text_mapped`` also says where each output character came from in
the HTML source: text copied verbatim maps character for character, an
entity or a collapsed run of whitespace maps to its source as a whole, and
the line breaks and bullets we add map to the tag that caused them.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from linter import regexes

__all__ = ["html_to_text", "html_to_text_mapped", "Origin"]

# Where an output character came from: (source start, source end, verbatim,
# exact). ``verbatim``: it is the one source character at ``start``;
# ``exact``: the source range is that character's own text (an entity, a
# whitespace run), not the tag that made us add it.
Origin = tuple[int, int, bool, bool]

_PARAGRAPH = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote ul ol dl table pre hr address figure "
    "section article header footer aside nav main form fieldset".split()
)
_LINE = frozenset("div li tr dt dd caption center body html".split())
_DROP = frozenset("script style head template title noscript object".split())
_VOID = frozenset("br hr img input meta link area base col embed source track wbr".split())
_SPACE = frozenset(" \t\n\r\f\u200b")
_ENTITY = regexes.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


class _Extractor(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", html))]
        self.chars: list[str] = []
        self.origins: list[Origin] = []
        self.drop = 0
        self.pre = 0
        self.trailing = 0  # line breaks at the end of the output so far
        self.pending: tuple[str, int] | None = None  # data whose end we learn next

    # -- positions ---------------------------------------------------------
    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _tag_range(self) -> tuple[int, int]:
        start = self._here()
        end = self.html.find(">", start)
        return start, len(self.html) if end < 0 else end + 1

    def _flush(self, end: int) -> None:
        if self.pending is not None:
            data, start = self.pending
            self.pending = None
            self._text(data, start, end)

    # -- output --------------------------------------------------------------
    def _add(self, text: str, origin: Origin) -> None:
        for ch in text:
            self.chars.append(ch)
            self.origins.append(origin)

    def _trim_spaces(self) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.origins.pop()

    def _break(self, lines: int) -> None:
        """End the current line so that ``lines`` breaks separate it from the
        next text (1: new line, 2: new paragraph); never at the very start."""
        if self.chars and lines > self.trailing:
            self._trim_spaces()
            start, end = self._tag_range()
            self._add("\n" * (lines - self.trailing), (start, end, False, False))
            self.trailing = lines

    def _text(self, data: str, start: int, end: int) -> None:
        if self.drop:
            return
        src = self.html[start:end]
        pieces: list[tuple[str, Origin]] = []
        pos = 0
        for m in _ENTITY.finditer(src):
            pieces.extend((ch, (start + k, start + k + 1, True, True)) for k, ch in
                          enumerate(src[pos : m.start()], pos))
            pieces.extend((ch, (start + m.start(), start + m.end(), False, True))
                          for ch in unescape(m.group()))
            pos = m.end()
        pieces.extend((ch, (start + k, start + k + 1, True, True)) for k, ch in
                      enumerate(src[pos:], pos))
        if "".join(ch for ch, _ in pieces) != data:  # unexpected: map the node as a whole
            pieces = [(ch, (start, end, False, False)) for ch in data]
        if self.pre:
            for ch, (a, b, verbatim, exact) in pieces:
                self.chars.append(" " if ch == "\xa0" else ch)
                self.origins.append((a, b, verbatim and ch != "\xa0", exact))
                self.trailing = self.trailing + 1 if ch == "\n" else 0
            return
        i = 0
        while i < len(pieces):
            ch, origin = pieces[i]
            if ch in _SPACE or ch == "\xa0":
                j = i
                while j < len(pieces) and (pieces[j][0] in _SPACE or pieces[j][0] == "\xa0"):
                    j += 1
                if self.chars and not self.trailing and self.chars[-1] != " ":
                    a, b = origin[0], pieces[j - 1][1][1]
                    verbatim = j == i + 1 and ch == " " and origin[2]
                    self.chars.append(" ")
                    self.origins.append((a, b, verbatim, origin[3]))
                i = j
                continue
            self.chars.append(ch)
            self.origins.append(origin)
            self.trailing = 0
            i += 1

    # -- parser events ---------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush(self._here())
        if tag in _DROP:
            if tag not in _VOID:
                self.drop += 1
            return
        if self.drop:
            return
        if tag == "br":
            if self.chars and self.trailing < 2:  # <br><br> is a blank line
                self._trim_spaces()
                start, end = self._tag_range()
                self._add("\n", (start, end, False, False))
                self.trailing += 1
        elif tag in _PARAGRAPH:
            self._break(2)
            if tag == "pre":
                self.pre += 1
        elif tag in _LINE:
            self._break(1)
            if tag == "li":
                start, end = self._tag_range()
                self._add("- ", (start, end, False, False))
                self.trailing = 0

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br/>, <hr/>: never an open element

    def handle_endtag(self, tag: str) -> None:
        self._flush(self._here())
        if tag in _DROP:
            self.drop = max(0, self.drop - 1)
        elif self.drop:
            return
        elif tag in _PARAGRAPH:
            self._break(2)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
        elif tag in _LINE:
            self._break(1)

    def handle_data(self, data: str) -> None:
        self._flush(self._here())
        self.pending = (data, self._here())

    def handle_comment(self, data: str) -> None:
        self._flush(self._here())

    def handle_decl(self, decl: str) -> None:
        self._flush(self._here())

    def handle_pi(self, data: str) -> None:
        self._flush(self._here())

    def unknown_decl(self, data: str) -> None:
        self._flush(self._here())


def html_to_text_mapped(html: str) -> tuple[str, list[Origin]]:
    """The readable text of ``html`` and, for each of its characters, where
    in ``html`` it came from. Paragraphs are separated by blank lines; the
    text ends with one line break (or is empty)."""
    parser = _Extractor(html)
    parser.feed(html)
    parser.close()
    parser._flush(len(html))
    chars, origins = parser.chars, parser.origins
    while chars and chars[-1] in " \n":
        chars.pop()
        origins.pop()
    if not chars:
        return "", []
    end = origins[-1][1]
    chars.append("\n")
    origins.append((end, end, False, False))
    return "".join(chars), origins


def html_to_text(html: str) -> str:
    """The readable text of ``html``: paragraphs separated by blank lines."""
    return html_to_text_mapped(html)[0]
