"""The plain YAML that configs and front matter are written in, read
without importing PyYAML (whose import is a large share of a one-draft
run).

``read`` takes a document that is a block mapping of keys to plain, quoted
or one-level flow values (``[a, b]``, ``{k: 1}``), nested block mappings
and block sequences of such values, with comments. Its value is the one
PyYAML's safe loader gives (tests/test_plain_yaml.py compares the two).
For anything else (anchors, tags, block scalars, escapes, multi-line plain
scalars, a key or value this reader cannot vouch for) it returns ``None``
and the caller asks PyYAML, which also gives every error its message.
"""

from __future__ import annotations

import datetime
from typing import Any

from linter import regexes

__all__ = ["NOT_PLAIN", "read"]


class _NotPlain(Exception):
    """Outside what this reader takes: PyYAML reads the document."""


NOT_PLAIN = object()  # read's answer when PyYAML must read the document

_KEY = regexes.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_PLAIN = regexes.compile(r"[A-Za-z0-9][^:#\[\]{}\"]*")  # a ',' is checked by context
_INT = regexes.compile(r"0|[1-9][0-9]*")
_FLOAT = regexes.compile(r"(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = regexes.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_WORDS = {
    **dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
    **dict.fromkeys(("null", "Null", "NULL"), None),
}


def read(text: str) -> Any:
    """The value of YAML ``text``, or ``NOT_PLAIN``."""
    try:
        lines = _lines(text)
        if not lines:
            return None
        if lines[0][0] != 0:
            raise _NotPlain()
        value, end = _block(lines, 0, 0)
        if end != len(lines):
            raise _NotPlain()
        return value
    except _NotPlain:
        return NOT_PLAIN


def _lines(text: str) -> list[tuple[int, str]]:
    """(indent, content) of each line that holds more than a comment."""
    if "\t" in text or "\r" in text or text.startswith("\ufeff"):
        raise _NotPlain()
    found = []
    for line in text.split("\n"):
        if not line.isprintable():
            raise _NotPlain()
        content = line.lstrip(" ")
        if not content or content.startswith("#"):
            continue
        if content.startswith(("---", "...", "%")):
            raise _NotPlain()
        found.append((len(line) - len(content), content))
    return found


def _block(lines: list[tuple[int, str]], i: int, indent: int) -> tuple[Any, int]:
    """The block mapping or sequence whose lines start at ``lines[i]``, at ``indent``."""
    if lines[i][1] == "-" or lines[i][1].startswith("- "):
        return _sequence(lines, i, indent)
    mapping: dict[Any, Any] = {}
    while i < len(lines) and lines[i][0] == indent:
        key_text, colon, rest = lines[i][1].partition(":")
        if not colon or not _KEY.fullmatch(key_text) or (rest and not rest.startswith(" ")):
            raise _NotPlain()
        key = _scalar(key_text, flow=False)
        rest = rest.strip()
        i += 1
        if rest and not rest.startswith("#"):
            mapping[key], i = _inline(lines, i, rest, indent)
        elif i < len(lines) and (lines[i][0] > indent or (lines[i][0] == indent and _is_item(lines[i][1]))):
            mapping[key], i = _block(lines, i, lines[i][0])
        else:
            mapping[key] = None
    if i < len(lines) and lines[i][0] > indent:
        raise _NotPlain()  # a continuation line
    return mapping, i


def _is_item(content: str) -> bool:
    return content == "-" or content.startswith("- ")


def _sequence(lines: list[tuple[int, str]], i: int, indent: int) -> tuple[list[Any], int]:
    items = []
    while i < len(lines) and lines[i][0] == indent and _is_item(lines[i][1]):
        rest = lines[i][1][1:].strip()
        i += 1
        if not rest or rest.startswith("#") or _KEY.fullmatch(rest.partition(":")[0]) and ":" in rest:
            raise _NotPlain()  # a nested block, or a mapping in the item
        item, i = _inline(lines, i, rest, indent)
        items.append(item)
    if i < len(lines) and lines[i][0] > indent:
        raise _NotPlain()
    return items, i


def _inline(lines: list[tuple[int, str]], i: int, text: str, indent: int) -> tuple[Any, int]:
    """The value written after a key or a dash at ``indent``: ``text``, and
    for a flow collection the lines after it up to its closing bracket."""
    if text[0] in "[{":
        close = "]" if text[0] == "[" else "}"
        parts = [_uncommented(text)]
        while not parts[-1].endswith(close):
            if i >= len(lines) or close in parts[-1] or lines[i][0] <= indent:
                raise _NotPlain()
            parts.append(_uncommented(lines[i][1]))
            i += 1
        return _flow(" ".join(parts)), i
    return _value(_uncommented(text), flow=False), i


def _uncommented(text: str) -> str:
    """``text`` without a comment at its end (not inside quotes)."""
    quote = ""
    for at, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#" and (at == 0 or text[at - 1] == " "):
            return text[:at].rstrip(" ")
    if quote:
        raise _NotPlain()
    return text.rstrip(" ")


def _flow(text: str) -> Any:
    """``[a, b]`` or ``{k: v}`` with scalar items."""
    inner = text[1:-1]
    if any(c in inner for c in "[]{}"):
        raise _NotPlain()
    items = _split(inner)
    if text[0] == "[":
        return [_value(item, flow=True) for item in items]
    mapping: dict[Any, Any] = {}
    for item in items:
        key_text, colon, rest = item.partition(":")
        if not colon or not _KEY.fullmatch(key_text) or not rest.startswith(" "):
            raise _NotPlain()
        mapping[_scalar(key_text, flow=True)] = _value(rest.strip(), flow=True)
    return mapping


def _split(inner: str) -> list[str]:
    """The comma-separated items of a flow collection, quotes kept whole."""
    items, current, quote = [], "", ""
    for char in inner:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ",":
            items.append(current.strip())
            current = ""
            continue
        current += char
    if current.strip():
        items.append(current.strip())
    if quote or any(not item for item in items):
        raise _NotPlain()
    return items


def _value(text: str, flow: bool) -> Any:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        body = text[1:-1]
        if text[0] in body or "\\" in body:
            raise _NotPlain()  # an escape
        return body
    return _scalar(text, flow)


def _scalar(text: str, flow: bool) -> Any:
    """A plain scalar, resolved as PyYAML resolves it (YAML 1.1)."""
    if not _PLAIN.fullmatch(text) or (flow and "," in text) or "  " in text:
        raise _NotPlain()
    if text in _WORDS:
        return _WORDS[text]
    if not text[0].isdigit():
        return text
    if len(text) > 18:
        raise _NotPlain()  # past what int() converts without a limit: PyYAML's error
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    date = _DATE.fullmatch(text)
    if date:
        try:
            return datetime.date(int(date[1]), int(date[2]), int(date[3]))
        except ValueError:
            raise _NotPlain() from None
    raise _NotPlain()
