"""HTML email body -> plain text the draft parser understands (stdlib only).

Paragraph-like elements become blank-line separated paragraphs (the parser's
paragraph break), ``<div>``/``<li>``/``<tr>``/``<br>`` become line breaks
(Gmail and Outlook write one ``<div>`` per line), ``<script>``, ``<style>``,
``<head>`` and ``<template>`` are dropped, entities are unescaped, runs of
HTML whitespace collapse to one space (except inside ``<pre>``), list items
get a ``- `` bullet. Offsets are not kept: an HTML body maps back to the
start of its MIME part as a whole (see ``offsets.py``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

_PARAGRAPH = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote ul ol dl table pre hr address figure "
    "section article header footer aside nav main form fieldset".split()
)
_LINE = frozenset("div li tr dt dd caption center body html".split())
_DROP = frozenset("script style head template title noscript object".split())
_VOID = frozenset("br hr img input meta link area base col embed source track wbr".split())
_SPACE = re.compile(r"[ \t\n\r\f\u200b]+")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.drop = 0
        self.pre = 0
        self.trailing = 0  # line breaks at the end of the output so far

    def _break(self, lines: int) -> None:
        """End the current line so that ``lines`` breaks separate it from the
        next text (1: new line, 2: new paragraph); never at the very start."""
        if self.out and lines > self.trailing:
            self.out.append("\n" * (lines - self.trailing))
            self.trailing = lines

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            if tag not in _VOID:
                self.drop += 1
            return
        if tag == "br":
            self.out.append("\n")  # always a break: <br><br> is a blank line
            self.trailing += 1
        elif tag in _PARAGRAPH:
            self._break(2)
            if tag == "pre":
                self.pre += 1
        elif tag in _LINE:
            self._break(1)
            if tag == "li":
                self.out.append("- ")
                self.trailing = 0

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br/>, <hr/>: never an open element

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.drop = max(0, self.drop - 1)
        elif tag in _PARAGRAPH:
            self._break(2)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
        elif tag in _LINE:
            self._break(1)

    def handle_data(self, data: str) -> None:
        if self.drop:
            return
        data = data.replace("\xa0", " ")
        if not self.pre:
            data = _SPACE.sub(" ", data)
            if not self.out or self.out[-1].endswith((" ", "\n")):
                data = data.lstrip(" ")
        if data.strip(" "):
            self.out.append(data)
            self.trailing = len(data) - len(data.rstrip("\n")) if self.pre else 0
        elif data and self.out and not self.trailing:
            self.out.append(data)


def html_to_text(html: str) -> str:
    """The readable text of ``html``: paragraphs separated by blank lines."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.out)
    lines = [line.rstrip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n" if text.strip() else ""
