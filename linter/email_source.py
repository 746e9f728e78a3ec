"""An RFC 822 message (``.eml``) -> the draft text the parser sees, plus an
``OffsetMap`` back into the raw message.

The text is ``Subject: ...``, ``To: ...`` and ``Date: ...`` (those present,
decoded, one line each), a blank line, then the body: the ``text/plain``
part, else the ``text/html`` part turned into text (``html_text.py``).
Transfer encodings and charsets are honoured.

How exact the map is:

* header values: per character when the raw value is plain ASCII/UTF-8
  (folded lines included); an RFC 2047 encoded value maps as a whole;
* 7bit/8bit body: a shifted identity (exact);
* quoted-printable body: per character -- decoded here with a position for
  every byte, so ``=E2=80=99`` maps to its nine raw characters and soft line
  breaks vanish;
* base64 body: per 4-character group (approximate);
* HTML body: text copied from the HTML maps per character (through the
  transfer encoding), an entity or a run of whitespace to its source text,
  the line breaks and bullets we add to the tag that caused them
  (approximate); a base64 HTML part maps per group, as above.

Whenever a decoding of ours disagrees with the stdlib ``email`` package, the
stdlib text wins and the body maps to its part as a whole.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from email.message import Message

from linter import regexes
from linter.html_text import html_to_text_mapped
from linter.offsets import OffsetMap, OffsetMapBuilder
from linter.transfer_decoding import _base64_chunks, _decode_mapped, _qp_chunks

__all__ = ["EmailError", "email_to_text", "HEADERS"]

HEADERS = ("Subject", "To", "Date")


class EmailError(ValueError):
    """The message has no text to lint; the argument is a one-line reason."""


# -- locating MIME parts in the raw text -----------------------------------

# The stdlib feed parser's idea of a header line (``email.feedparser.headerRE``).
_HEADER_LINE = regexes.compile(r"From |[\041-\071\073-\176]*:|[\t ]")


def _body_start(raw: str, start: int, end: int) -> int:
    """Where the body of the part ``raw[start:end]`` starts: after the blank
    line that ends the headers, or -- as the stdlib parser does -- at the
    first line that is not a header (a message with no headers at all)."""
    i = start
    while i < end:
        nl = raw.find("\n", i, end)
        line_end = end if nl < 0 else nl + 1
        line = raw[i:line_end]
        if line in ("\n", "\r\n", "\r"):
            return line_end
        if not _HEADER_LINE.match(line):
            return i
        i = line_end
    return end


def _locate(raw: str, start: int, end: int, part: Message, out: dict[int, tuple[int, int]]) -> None:
    """Record ``(body_start, body_end)`` for ``part`` and its sub-parts, cut
    exactly as the stdlib feed parser cuts them (the line break before a
    boundary belongs to the boundary)."""
    body = _body_start(raw, start, end)
    out[id(part)] = (body, end)
    if not part.is_multipart():
        return
    boundary = part.get_boundary()
    payload = part.get_payload()
    if not boundary or not isinstance(payload, list):
        return
    delimiter = re.compile(r"^--" + re.escape(boundary) + r"(--)?[ \t]*\r?$", re.M)
    found = list(delimiter.finditer(raw, body, end))
    ranges: list[tuple[int, int]] = []
    for here, after in zip(found, found[1:]):
        if here.group(1):
            break
        first = here.end() + (1 if raw.startswith("\n", here.end()) else 0)
        last = after.start()
        for brk in ("\r\n", "\n"):
            if raw.endswith(brk, first, last):
                last -= len(brk)
                break
        ranges.append((first, max(first, last)))
    if len(ranges) != len(payload):
        return  # the parser saw something else: leave the sub-parts unmapped
    for sub, (a, b) in zip(payload, ranges):
        _locate(raw, a, b, sub, out)


def _charset(part: Message) -> str:
    name = part.get_content_charset("us-ascii") or "us-ascii"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


def _stdlib_text(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, KeyError, ValueError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def _same(a: str, b: str) -> bool:
    return a.replace("\r\n", "\n") == b.replace("\r\n", "\n")


def _decoded_part(
    raw: str, start: int, end: int, part: Message, expected: str
) -> tuple[str, OffsetMap] | None:
    """The part's decoded content with a map into ``raw``, or ``None`` when
    our decoding does not agree with the stdlib's ``expected``."""
    cte = str(part.get("content-transfer-encoding", "7bit")).strip().lower()
    if cte in ("quoted-printable", "base64"):
        if not raw[start:end].isascii():
            return None
        chunks = (
            _qp_chunks(raw, start, end) if cte == "quoted-printable" else _base64_chunks(raw, start, end)
        )
        if not chunks:
            return None
        trial = OffsetMapBuilder()
        text = _decode_mapped(chunks, raw, _charset(part), trial)
        return (text, trial.build(len(raw))) if _same(text, expected) else None
    if raw[start:end] != expected:
        return None
    plain = OffsetMapBuilder()
    plain.linear(len(expected), start)
    return expected, plain.build(len(raw))


def _body(
    raw: str,
    part: Message,
    expected: str,
    where: tuple[int, int] | None,
    builder: OffsetMapBuilder,
) -> str:
    """Append the text of ``part`` (whose stdlib decoding is ``expected``) to
    ``builder``; return the text."""
    html = part.get_content_subtype() == "html"
    start, end = where if where is not None else (0, 0)
    decoded = _decoded_part(raw, start, end, part, expected) if where is not None else None
    if not html:
        if decoded is None:
            builder.unit(len(expected), start, end, exact=False)
            return expected
        builder.extend(decoded[1])
        return decoded[0]
    text, origins = html_to_text_mapped(expected if decoded is None else decoded[0])
    if decoded is None:
        builder.unit(len(text), start, end, exact=False)
        return text
    source = decoded[1]  # HTML source offset -> raw offset
    for ch, (a, b, verbatim, exact) in zip(text, origins):
        raw_a = source.to_raw(a)
        raw_b = source.to_raw_end(b) if b > a else raw_a
        if verbatim and raw_b == raw_a + 1 and raw[raw_a] == ch:
            builder.linear(1, raw_a)
        else:
            builder.unit(1, raw_a, raw_b, exact and source.is_exact(a))
    return text


# -- headers -----------------------------------------------------------------

def _header(raw: str, head_end: int, name: str, value: str, builder: OffsetMapBuilder) -> None:
    """Append ``"Name: value\\n"`` mapped onto the raw header line."""
    line = f"{name}: "
    m = re.compile(rf"^{name}[ \t]*:[ \t]*", re.I | re.M).search(raw, 0, head_end)
    if m is None:  # cannot happen for a header the parser found; stay safe
        builder.unit(len(line) + len(value) + 1, 0, 0, exact=False)
        return
    if raw.startswith(line, m.start()):
        builder.linear(len(line), m.start())
    else:
        builder.unit(len(line), m.start(), m.end(), exact=True)
    # The raw value with its folds removed, each character with its position.
    chars: list[tuple[str, int]] = []
    i = m.end()
    while i < head_end:
        brk = 2 if raw.startswith("\r\n", i) else 1 if raw[i] == "\n" else 0
        if brk:
            if i + brk < head_end and raw[i + brk] in " \t":
                i += brk  # a fold
                continue
            break
        chars.append((raw[i], i))
        i += 1
    line_end = i
    while chars and chars[-1][0] in " \t":
        chars.pop()
    if "".join(c for c, _ in chars) == value:
        run = 0
        for k, (_, pos) in enumerate(chars):  # one linear piece per raw line
            if k + 1 == len(chars) or chars[k + 1][1] != pos + 1:
                builder.linear(k + 1 - run, chars[run][1])
                run = k + 1
    else:  # encoded words, reformatted addresses
        builder.unit(len(value), m.end(), chars[-1][1] + 1 if chars else m.end(), exact=False)
    brk_len = 2 if raw.startswith("\r\n", line_end) else 1 if line_end < len(raw) else 0
    builder.unit(1, line_end, line_end + brk_len, exact=True)


# -- the message ---------------------------------------------------------------

def email_to_text(raw: str, data: bytes) -> tuple[str, OffsetMap]:
    """The draft text of the message ``data`` (whose decoded text is ``raw``)
    and the map from that text back into ``raw``. Raises ``EmailError``."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    head_end = _body_start(raw, 0, len(raw))
    builder = OffsetMapBuilder()
    pieces: list[str] = []
    for name in HEADERS:
        header = msg.get(name)
        if header is None:
            continue
        value = re.sub(r"[\r\n]+", " ", str(header)).strip()
        if not value:
            continue
        _header(raw, head_end, name, value, builder)
        pieces.append(f"{name}: {value}\n")
    where: dict[int, tuple[int, int]] = {}
    _locate(raw, 0, len(raw), msg, where)
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise EmailError("email has no text/plain or text/html part")
    content = _stdlib_text(part)
    if not content.strip() and part.get_content_subtype() == "plain":
        html = msg.get_body(preferencelist=("html",))
        if html is not None:
            part, content = html, _stdlib_text(html)
    if pieces:
        separator = head_end - (2 if raw.endswith("\r\n", 0, head_end) else 1)
        builder.unit(1, max(0, separator), head_end, exact=True)
        pieces.append("\n")
    body = _body(raw, part, content, where.get(id(part)), builder)
    if not body.strip():
        raise EmailError("empty draft: the email has no body text")
    pieces.append(body)
    text = "".join(pieces)
    return text, builder.build(len(raw))
