"""Text from drafts and file names made safe for a terminal or a CI log.

A file name or a draft can hold a line break (forging a ``path:line:col``
line or a GitHub workflow command), an escape sequence (``ESC ]52`` writes
the clipboard of some terminals) or a bidirectional control (U+202E shows
text reversed). ``visible`` spells each one out: ``\\n``, ``\\x1b``,
``<U+202E>``, and a file name's undecodable byte as ``\\xff``; everything
else passes unchanged.
"""

from __future__ import annotations

from linter import regexes

__all__ = ["visible", "safe_line_start"]

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
_CONTROL = "\x00-\x1f\x7f-\x9f\u2028\u2029"
# Bidirectional marks, embeddings, overrides and isolates.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Lone surrogates: the undecodable bytes of a file name (surrogateescape).
_SURROGATE = "\ud800-\udfff"
_UNSAFE = regexes.compile(f"[{_CONTROL}{_BIDI}{_SURROGATE}]")


def _spelled(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # the byte surrogateescape stood in for
        return f"\\x{code - 0xDC00:02x}"
    return f"<U+{code:04X}>"


def visible(text: str, keep: str = "\t") -> str:
    """``text`` with control and bidi characters spelled out, except those
    in ``keep`` (a tab by default)."""
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _spelled(m.group()), text)


_UNDECODABLE = regexes.compile("[\udc80-\udcff]")


def decodable(text: str) -> str:
    """``text`` with each byte a file name could not decode (held as a lone
    surrogate) spelt ``\\xNN``, so strict UTF-8 output can carry it."""
    return _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)


def safe_line_start(path: str) -> str:
    """``path`` as shown at the start of a log line: ``./`` in front of a
    name that would otherwise start a GitHub workflow command (``::``)."""
    shown = visible(path)
    return "./" + shown if shown.lstrip().startswith("::") else shown
