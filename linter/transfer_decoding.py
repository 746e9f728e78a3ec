"""Quoted-printable and base64 decoding that remembers, for every decoded
piece, the raw characters it came from (``email_source`` builds its offset
map with it)."""

from __future__ import annotations

import binascii
import codecs

from linter import regexes
from linter.offsets import OffsetMapBuilder

# A piece of decoded bytes: (data, raw_start, raw_end, literal, exact).
# ``literal``: the raw text is the data itself (ASCII, character for
# character); ``exact``: the raw range pins the data down (a literal run or
# one ``=XX`` escape), as opposed to a base64 group shared with neighbours.
_Chunk = tuple[bytes, int, int, bool, bool]

_QP_TOKEN = regexes.compile(r"[^=]+|=[ \t]*(?:\r\n|\n|\Z)|=[0-9A-Fa-f]{2}|=")


def _qp_chunks(raw: str, start: int, end: int) -> list[_Chunk]:
    """Quoted-printable ``raw[start:end]`` (ASCII) -> decoded chunks.
    Line breaks are kept as they are in the file, soft line breaks (``=`` at
    the end of a line) vanish, trailing blanks stay (as in ``binascii.a2b_qp``,
    the stdlib decoder)."""
    out: list[_Chunk] = []
    for m in _QP_TOKEN.finditer(raw, start, end):
        token = m.group()
        if token[0] != "=" or token == "=":
            out.append((token.encode("ascii"), m.start(), m.end(), True, True))
        elif len(token) == 3 and token[1] not in " \t\r\n":
            out.append((bytes((int(token[1:], 16),)), m.start(), m.end(), False, True))
        # else: a soft line break
    return out


def _base64_chunks(raw: str, start: int, end: int) -> list[_Chunk] | None:
    """Base64 ``raw[start:end]`` -> one chunk per 4-character group."""
    out: list[_Chunk] = []
    quad: list[int] = []
    for k in range(start, end):
        if raw[k] in " \t\r\n":
            continue
        quad.append(k)
        if len(quad) == 4:
            try:
                data = binascii.a2b_base64(
                    "".join(raw[q] for q in quad).encode("ascii"), strict_mode=True
                )
            except (binascii.Error, UnicodeEncodeError):
                return None
            out.append((data, quad[0], quad[-1] + 1, False, False))
            quad = []
    return out


def _decode_mapped(chunks: list[_Chunk], raw: str, charset: str, builder: OffsetMapBuilder) -> str:
    """Decode the chunks with ``charset``, appending every decoded piece to
    ``builder`` with the raw range it came from. A character whose bytes
    span chunks maps from the first of them to the last."""
    decoder = codecs.getincrementaldecoder(charset)(errors="replace")
    pieces: list[str] = []
    pending: int | None = None  # raw start of bytes the decoder still holds
    pending_exact = True
    for data, start, end, literal, exact in chunks:
        out = decoder.decode(data)
        if out:
            pieces.append(out)
            if literal and pending is None and out == raw[start:end]:
                builder.linear(len(out), start)
            else:
                first = start if pending is None else pending
                builder.unit(len(out), first, end, exact and pending_exact and len(out) == 1)
        state = decoder.getstate()[0]
        if state:  # an incomplete character waits for the next chunk
            if pending is None or out:
                pending, pending_exact = start, exact
            else:
                pending_exact = pending_exact and exact
        else:
            pending, pending_exact = None, True
    tail = decoder.decode(b"", final=True)
    if tail:
        pieces.append(tail)
        last = chunks[-1]
        builder.unit(len(tail), last[1] if pending is None else pending, last[2], False)
    return "".join(pieces)
