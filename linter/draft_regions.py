"""The regions of a draft found line by line: headers, a letter's address
block, the greeting, the closing and signature, each P.S., quoted earlier
messages and the body's paragraphs. ``linter.draft.parse_draft`` puts them
together."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter import regexes
from linter.models import Span
from linter.textutil import Line


@dataclass(frozen=True)
class Header:
    """A header line at the top of a draft (``Subject: ...``)."""

    name: str  # lower-case: "subject", "to", ...
    value: str
    line: Span
    value_span: Span


HEADER_NAMES = (
    "subject", "subject line", "to", "from", "cc", "bcc", "date", "reply-to", "re",
)
_HEADER = regexes.compile(r"^(?P<name>[A-Za-z][A-Za-z -]{0,15}?)[ \t]*:[ \t]*(?P<value>.*)$")
_GREETING = regexes.compile(
    r"^(dear|hi|hello|hey|good (morning|afternoon|evening)|greetings|to whom"
    r"|morning|afternoon)\b",
    re.I,
)
_CLOSING = regexes.compile(
    r"^(best|best regards|best wishes|kind regards|regards|warm regards|warmest regards"
    r"|warmly|sincerely|yours sincerely|sincerely yours|yours truly|respectfully"
    r"|cheers|thanks|thank you|many thanks|thanks again|thank you again|thanks so much"
    r"|thank you so much|with thanks|with gratitude|with appreciation|gratefully|all the best"
    r"|talk soon|take care|looking forward|enjoy the rest of your (day|week|weekend)"
    r"|have a (great|good|nice|lovely) (day|week|weekend))"
    r"[ \t]*[,.!]?[ \t]*$",
    re.I,
)
# A postscript marker at the start of a line: "P.S.", "PS:", "P.P.S.", "pps -".
_POSTSCRIPT = regexes.compile(r"[ \t]*(?:P\.?){1,2}S\b\.?[ \t]*[:\-–—]?", re.I)
_BARE_NAME = regexes.compile(r"[ \t]*(?:[A-Z][\w'’-]*[ \t]*){1,3}")  # "P.S. Kumar" is a signature
_QUOTE_INTRO = regexes.compile(
    r"^(on .{3,200}wrote:|-+ ?original message ?-+|-+ ?forwarded message ?-+|from: .+)$",
    re.I,
)
# Each alternative starts only where its run of characters starts (the
# look-behinds) or is bounded, so a search stays linear on long runs like
# "a.a.a..." or "____".
_CONTACT = regexes.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+"  # email
    r"|(https?://|www\.)\S+"  # url
    r"|(?<![\w-])(?<![\w-]\.)[\w-]+(\.[\w-]+)*\.(com|net|org|io|dev|me|co|uk|design|site|xyz|app|page|info)"
    r"(/\S*)?(?!\w)"  # a bare web address: jo.dev, linkedin.com/in/jo
    r"|(\+?\d[\d ().-]{7,24}\d)"  # phone
    , re.I,
)
_END_MARK = regexes.compile(r"[.!?]$")  # a line ending as a sentence does


def _headers(lines: list[Line], i: int) -> tuple[tuple[Header, ...], int]:
    """Header lines from ``lines[i]`` on; returns them and the next index."""
    while i < len(lines) and lines[i].blank:
        i += 1
    found: list[Header] = []
    while i < len(lines):
        line = lines[i]
        match = _HEADER.match(line.text)
        if not match or match["name"].strip().lower() not in HEADER_NAMES:
            break
        value_start = line.span.start + match.start("value")
        found.append(
            Header(
                name=match["name"].strip().lower(),
                value=match["value"].strip(),
                line=line.span,
                value_span=Span(value_start, value_start + len(match["value"].rstrip())),
            )
        )
        i += 1
    return tuple(found), i


# A letter's address block and date before "Dear ...:" (lines this short, at most this many).
LETTERHEAD_LINES = 14
LETTERHEAD_LINE_WORDS = 8


def _after_letterhead(lines: list[Line], i: int, hi: int) -> int:
    """Where the message starts: the greeting line when only a letter's
    address block and date (short lines) come before a "Dear ...:"
    greeting, else ``i``. The block is not body text."""
    for k in range(i, min(hi, i + LETTERHEAD_LINES + 1)):
        text = lines[k].text.strip()
        if not text:
            continue
        if _GREETING.match(text) and len(text.split()) <= 12:
            return k
        if len(text.split()) > LETTERHEAD_LINE_WORDS or _prose(text):
            return i
    return i


def _prose(text: str) -> bool:
    """A line that reads as a sentence: it ends like one and has lower-case
    words; an address line ("Harbour Tools, Inc.") is capitalised throughout."""
    words = text.split()
    lower_words = sum(1 for w in words if w[:1].islower())
    return text.endswith((".", "!", "?")) and len(words) > 3 and lower_words >= 2


def _block(lines: list[Line], lo: int, hi: int) -> Span | None:
    """The non-blank lines ``lo:hi`` as one span, or None."""
    kept = [ln for ln in lines[lo:hi] if not ln.blank]
    return Span(kept[0].span.start, kept[-1].span.start + len(kept[-1].text.rstrip())) if kept else None


def _is_greeting(text: str) -> bool:
    stripped = text.strip()
    words = stripped.split()
    if _GREETING.match(stripped) and len(words) <= 12:
        return True
    # A bare name: "Dana," / "Ms. Whitfield,"
    return 1 <= len(words) <= 3 and stripped.endswith(",") and all(w[:1].isupper() for w in words)


def _is_signature_line(text: str) -> bool:
    stripped = text.strip()
    if not stripped:
        return False
    if _CONTACT.search(stripped):
        return True
    words = stripped.split()
    return len(words) <= 6 and not _END_MARK.search(stripped)


def _split_quoted(lines: list[Line], start: int) -> int:
    """Index of the first line of a quoted reply (or ``len(lines)``)."""
    for i in range(start, len(lines)):
        text = lines[i].text.strip()
        if text.startswith(">") or _QUOTE_INTRO.match(text):
            # A "From:" line only starts a quote when a header-ish line follows.
            if text.lower().startswith("from:") and not any(
                lines[j].text.lower().startswith(("sent:", "date:", "to:", "subject:"))
                for j in range(i + 1, min(i + 4, len(lines)))
            ):
                continue
            return i
    return len(lines)


def _find_closing(lines: list[Line], lo: int, hi: int) -> int | None:
    """Index of the sign-off line: the last closing-like line near the end."""
    for i in range(hi - 1, lo - 1, -1):
        text = lines[i].text.strip()
        if not text:
            continue
        closing = _CLOSING.match(text) is not None
        # Any short line ending in a comma, followed only by a signature,
        # is a sign-off too ("Hope to hear from you soon,").
        comma = text.endswith(",") and len(text.split()) <= 8
        if closing or comma:  # only then are the lines below read (a pattern search each)
            after = [ln for ln in lines[i + 1 : hi] if not ln.blank]
            signed = all(_is_signature_line(ln.text) for ln in after) and len(after) <= 8
            if signed and (closing or after):
                return i
        if hi - i > 10:
            return None
    return None


def _trailing_signature(lines: list[Line], lo: int, hi: int) -> int | None:
    """With no sign-off line: a last block of name/contact lines."""
    end = hi
    while end > lo and lines[end - 1].blank:
        end -= 1
    i = end
    while i > lo and not lines[i - 1].blank and _is_signature_line(lines[i - 1].text):
        i -= 1
    block = lines[i:end]
    if block and i > lo and any(_CONTACT.search(ln.text) for ln in block):
        return i
    # A lone name line after a blank line ("\n\nJordan Lee") is a signature too.
    if len(block) == 1 and i > lo and lines[i - 1].blank:
        words = block[0].text.split()
        if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return i
    return None


def _postscript_marker(line: Line) -> re.Match[str] | None:
    marker = _POSTSCRIPT.match(line.text)
    if marker is None:
        return None
    labelled = marker.group().rstrip()[-1:] in (":", "-", "–", "—")
    return marker if labelled or not _BARE_NAME.fullmatch(line.text, marker.end()) else None


def _postscript_at(lines: list[Line], lo: int, hi: int) -> int:
    """Where a P.S. after the sign-off starts (``hi`` if none): the first
    P.S. line below a sign-off, or with no sign-off above or below it."""
    at = next((k for k in range(lo + 1, hi) if _postscript_marker(lines[k])), hi)
    if at == hi:
        return hi
    if _find_closing(lines, lo, at) is not None or _trailing_signature(lines, lo, at) is not None:
        return at
    return hi if _find_closing(lines, at, hi) is not None else at  # signed below: body text


def _postscript(lines: list[Line], lo: int, hi: int) -> tuple[Span, ...]:
    """Each P.S. in ``lines[lo:hi]``, from after its marker to its last
    character; a blank line or a new marker starts the next one."""
    parts: list[Span] = []
    start: int | None = None
    end = 0
    for line in lines[lo:hi]:
        marker = _postscript_marker(line)
        if (line.blank or marker) and start is not None:
            parts.append(Span(start, end))
            start = None
        rest = line.text[marker.end() if marker else 0 :]
        if not rest.strip():
            continue
        if start is None:
            start = line.span.end - len(rest.lstrip())
        end = line.span.start + len(line.text.rstrip())
    if start is not None:
        parts.append(Span(start, end))
    return tuple(parts)


def _paragraphs(lines: list[Line], lo: int, hi: int) -> tuple[Span, ...]:
    """Runs of non-blank lines, each given to ``_unwrapped`` with its own lines."""
    paras: list[Span] = []
    block: list[Line] = []
    for line in [*lines[lo:hi], None]:
        if line is not None and not line.blank:
            block.append(line)
            continue
        if block:
            paras.extend(p for p in _unwrapped(block) if len(p))
            block = []
    return tuple(paras)


def _trimmed(line: Line) -> Span:
    """``line`` without its leading and trailing white space."""
    return Span(
        line.span.start + len(line.text) - len(line.text.lstrip()),
        line.span.start + len(line.text.rstrip()),
    )


def _unwrapped(block: list[Line]) -> list[Span]:
    """The paragraph of ``block`` (non-blank lines). Text pasted with single
    line breaks between paragraphs: when every line but the last runs past
    100 characters, each line is a paragraph."""
    if len(block) < 2 or any(len(ln.text.strip()) <= 100 for ln in block[:-1]):
        return [Span(_trimmed(block[0]).start, _trimmed(block[-1]).end)]
    return [_trimmed(ln) for ln in block]
