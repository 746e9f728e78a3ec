"""``json.dumps(value, indent=2, ensure_ascii=False)``, written faster.

With ``indent`` set, the standard library encodes through its pure-Python
generator, one small piece per value; a report's part of a folder's JSON
document is rendered once per draft, so that cost is paid on every draft.
``dumps_indented`` gives the same text for the values a report holds
(dicts with string keys, lists, tuples, strings, ints, floats, booleans,
None), with each string escaped by the standard library's own (C) encoder;
any other value is handed to ``json.dumps``. ``tests/formats`` pins byte
equality.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C function when the accelerator is there
from typing import Any

__all__ = ["dumps_indented"]

_INDENT = "  "


class _Other(Exception):
    """A value this writer does not render (the standard library does)."""


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _scalar(value: Any) -> str:
    """A value that is no dict, list or tuple, as ``json`` writes it."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise _Other


_HEADS: dict[str, dict[Any, str]] = {}  # indent -> key -> the key's line start
_MAX_KEYS = 512  # per indent; past it, keys are escaped each time


def _heads(inner: str) -> dict[Any, str]:
    if len(_HEADS) >= _MAX_KEYS:
        _HEADS.clear()
    heads: dict[Any, str] = {}
    _HEADS[inner] = heads
    return heads


def _head(heads: dict[Any, str], inner: str, key: Any) -> str:
    """``key`` at the start of its member's line, kept in ``heads``: a
    report's few keys are escaped once, not once per draft."""
    if type(key) is not str:
        raise _Other  # json's key conversions are left to json
    head = inner + encode_basestring(key) + ": "
    if len(heads) < _MAX_KEYS:
        heads[key] = head
    return head


def _text(value: Any, newline: str) -> str:
    """``value`` as json writes it; ``newline`` is a line break and the
    indent of the line the value starts on. Exact types are tested first
    (the common case); subclasses go through ``_scalar`` like json."""
    kind = type(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = newline + _INDENT
        heads = _HEADS.get(inner) or _heads(inner)
        parts = []
        for key, item in value.items():
            head = heads.get(key) or _head(heads, inner, key)
            kind = type(item)
            if kind is str:
                parts.append(head + encode_basestring(item))
            elif kind is int:
                parts.append(head + int.__repr__(item))
            elif kind is dict or kind is list or kind is tuple:
                parts.append(head + _text(item, inner))
            else:
                parts.append(head + _scalar(item))
        return "{" + ",".join(parts) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = newline + _INDENT
        parts = []
        for item in value:
            kind = type(item)
            if kind is str:
                parts.append(inner + encode_basestring(item))
            elif kind is dict or kind is list or kind is tuple:
                parts.append(inner + _text(item, inner))
            else:
                parts.append(inner + _scalar(item))
        return "[" + ",".join(parts) + newline + "]"
    return _scalar(value)


def dumps_indented(value: Any, prefix: str = "") -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)`` with ``prefix``
    put before every line."""
    try:
        return prefix + _text(value, "\n" + prefix)
    except (_Other, RecursionError):
        text = json.dumps(value, indent=2, ensure_ascii=False)
        return "\n".join(prefix + line for line in text.split("\n"))  # JSON strings hold no raw newline
