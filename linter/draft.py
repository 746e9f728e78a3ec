"""Raw text -> ``Draft``: the regions of a follow-up email.

Every span points into ``Draft.text``, which is the file as the user wrote it
(front matter and headers included), so a finding's offsets need no mapping
for plain-text drafts. ``.eml`` files are decoded first (see ``email_source``)
and carry an ``origin`` map back to the raw file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from linter import safe_yaml
from linter.context import Context, ContextError, parse_context
from linter.models import Span
from linter.textutil import Line, split_lines, split_sentences, word_spans

__all__ = ["Draft", "DraftError", "Header", "Placeholder", "parse_draft"]


class DraftError(ValueError):
    """The draft cannot be read (malformed front matter, say)."""


@dataclass(frozen=True)
class Header:
    name: str  # lower-case: "subject", "to", ...
    value: str
    line: Span
    value_span: Span


@dataclass(frozen=True)
class Placeholder:
    span: Span
    name: str  # the text inside the brackets, or the marker itself


HEADER_NAMES = (
    "subject", "subject line", "to", "from", "cc", "bcc", "date", "reply-to", "re",
)
_HEADER = re.compile(r"^(?P<name>[A-Za-z][A-Za-z -]{0,15}?)[ \t]*:[ \t]*(?P<value>.*)$")
_GREETING = re.compile(
    r"^(dear|hi|hello|hey|good (morning|afternoon|evening)|greetings|to whom"
    r"|morning|afternoon)\b",
    re.I,
)
_CLOSING = re.compile(
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
_POSTSCRIPT = re.compile(r"[ \t]*(?:P\.?){1,2}S\b\.?[ \t]*[:\-–—]?", re.I)
_BARE_NAME = re.compile(r"[ \t]*(?:[A-Z][\w'’-]*[ \t]*){1,3}")  # "P.S. Kumar" is a signature
_QUOTE_INTRO = re.compile(
    r"^(on .{3,200}wrote:|-+ ?original message ?-+|-+ ?forwarded message ?-+|from: .+)$",
    re.I,
)
_PLACEHOLDER = re.compile(
    r"\[(?P<square>[^\[\]\n]{1,150}(?:\n[^\[\]\n]{1,150})?)\](?!\()"
    r"|\{\{\s*(?P<curly2>[^{}\n]{1,60}?)\s*\}\}"
    r"|\{(?P<curly>[^{}\n]{1,60})\}"
    r"|<(?P<angle>[A-Za-z][^<>\n@/:]{0,60})>"
    r"|\b(?P<marker>X{2,}|x{2,}|TODO|TBD|FIXME)\b"
)
# Each alternative starts only where its run of characters starts (the
# look-behinds) or is bounded, so a search stays linear on long runs like
# "a.a.a..." or "____".
_CONTACT = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+"  # email
    r"|(https?://|www\.)\S+"  # url
    r"|(?<![\w-])(?<![\w-]\.)[\w-]+(\.[\w-]+)*\.(com|net|org|io|dev|me|co|uk|design|site|xyz|app|page|info)"
    r"(/\S*)?(?!\w)"  # a bare web address: jo.dev, linkedin.com/in/jo
    r"|(\+?\d[\d ().-]{7,24}\d)"  # phone
    , re.I,
)


@dataclass(frozen=True)
class Draft:
    """A parsed follow-up draft. Build with ``parse_draft``."""

    path: str
    text: str
    context: Context = field(default_factory=Context)
    front_matter: Span | None = None
    headers: tuple[Header, ...] = ()
    letterhead: Span | None = None  # a letter's address block and date above "Dear ...:"
    greeting: Span | None = None
    paragraphs: tuple[Span, ...] = ()
    closing: Span | None = None
    signature: Span | None = None
    postscript: tuple[Span, ...] = ()  # each P.S. after the sign-off, without its marker
    quoted: tuple[Span, ...] = ()
    placeholders: tuple[Placeholder, ...] = ()
    mode: str = "draft"  # "draft" | "template"

    # -- regions ---------------------------------------------------------
    @property
    def subject(self) -> Header | None:
        return next((h for h in self.headers if h.name.startswith("subject")), None)

    @property
    def body(self) -> Span | None:
        """From the first to the last body paragraph."""
        if not self.paragraphs:
            return None
        return Span(self.paragraphs[0].start, self.paragraphs[-1].end)

    @property
    def message(self) -> Span | None:
        """Greeting to the end of the signature or P.S.: what the recipient reads."""
        parts = [s for s in (self.greeting, self.body, self.closing, self.signature, *self.postscript) if s]
        if not parts:
            return None
        return Span(min(p.start for p in parts), max(p.end for p in parts))

    def slice(self, span: Span | None) -> str:
        return "" if span is None else self.text[span.start : span.end]

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        """Sentences of the body, then of each P.S., in order."""
        out: list[Span] = []
        for para in (*self.paragraphs, *self.postscript):
            out.extend(split_sentences(self.text, para))
        return tuple(out)

    @cached_property
    def words(self) -> tuple[Span, ...]:
        """Words of the body and each P.S.: whitespace tokens holding a letter or digit."""
        out: list[Span] = []
        for para in (*self.paragraphs, *self.postscript):
            out.extend(word_spans(self.text, para))
        return tuple(out)

    @property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def body_text(self) -> str:
        """The body paragraphs and each P.S., a blank line apart."""
        return "\n\n".join(self.slice(p) for p in (*self.paragraphs, *self.postscript))

    @cached_property
    def contacts(self) -> tuple[Span, ...]:
        """Emails, web addresses and phone numbers in the subject and the
        message."""
        regions = [s for s in (self.subject.value_span if self.subject else None, self.message) if s]
        return tuple(
            Span(m.start(), m.end()) for r in regions for m in _CONTACT.finditer(self.text, r.start, r.end)
        )

    @cached_property
    def kind(self) -> str:
        """The kind of follow-up: from the context, else inferred from the text."""
        return self._kind_and_confidence[0]

    @property
    def kind_confidence(self) -> float:
        """How sure the kind is: 1.0 when the context gives it, else the
        inference's probability (checks that depend on the kind give the
        benefit of the doubt when it is low)."""
        return self._kind_and_confidence[1]

    @cached_property
    def _kind_and_confidence(self) -> tuple[str, float]:
        if self.context.kind:
            return self.context.kind, 1.0
        from linter.kinds import infer_kind_with_confidence  # small, pure

        return infer_kind_with_confidence(self)

    def in_placeholder(self, span: Span) -> bool:
        return any(p.span.overlaps(span) for p in self.placeholders)


# -- parsing ---------------------------------------------------------------

def _front_matter(text: str) -> tuple[Span | None, Context, int]:
    """Front matter span, its context and the offset where the rest starts."""
    start = 1 if text.startswith("\ufeff") else 0
    if not re.match(r"---[ \t]*\r?\n", text[start:]):
        return None, Context(), 0
    closing = re.compile(r"^(---|\.\.\.)[ \t]*\r?$", re.M)
    first_line_end = text.index("\n", start) + 1
    end = closing.search(text, first_line_end)
    if end is None:
        raise DraftError("front matter opened with '---' is never closed")
    raw = text[first_line_end : end.start()]
    import yaml  # only a draft with front matter needs it

    try:
        data = safe_yaml.load(raw)
    except safe_yaml.YamlRejected as exc:
        raise DraftError(f"front matter: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DraftError(f"malformed front matter: {where}{problem}") from None
    try:
        context = parse_context(data)
    except ContextError as exc:
        raise DraftError(f"front matter: {exc}") from None
    after = end.end()
    if after < len(text) and text[after] == "\n":
        after += 1
    return Span(start, after), context, after


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
        if len(text.split()) > LETTERHEAD_LINE_WORDS or text.endswith((".", "!", "?")) and len(text.split()) > 3:
            return i
    return i


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
    return len(words) <= 6 and not re.search(r"[.!?]$", stripped)


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
        after = [ln for ln in lines[i + 1 : hi] if not ln.blank]
        signed = all(_is_signature_line(ln.text) for ln in after) and len(after) <= 8
        if _CLOSING.match(text) and signed:
            return i
        # Any short line ending in a comma, followed only by a signature,
        # is a sign-off too ("Hope to hear from you soon,").
        if after and signed and text.endswith(",") and len(text.split()) <= 8:
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


def _placeholders(text: str, regions: list[Span]) -> tuple[Placeholder, ...]:
    found: list[Placeholder] = []
    for region in regions:
        for m in _PLACEHOLDER.finditer(text, region.start, region.end):
            name = " ".join(next(g for g in m.groups() if g is not None).split())
            found.append(Placeholder(Span(m.start(), m.end()), name))
    return tuple(found)


def parse_draft(
    text: str,
    path: str = "<stdin>",
    context: Context | None = None,
    mode: str = "draft",
) -> Draft:
    """Parse ``text``. ``context`` (from ``--context``) fills gaps the front
    matter leaves. Raises ``DraftError`` for malformed front matter."""
    fm_span, fm_context, offset = _front_matter(text)
    merged = fm_context.merged_over(context) if context else fm_context
    lines = split_lines(text)
    first = next((i for i, ln in enumerate(lines) if ln.span.start >= offset), len(lines))
    headers, i = _headers(lines, first)
    quoted_at = _split_quoted(lines, i)
    quoted = (
        (Span(lines[quoted_at].span.start, len(text)),) if quoted_at < len(lines) else ()
    )
    while i < quoted_at and lines[i].blank:
        i += 1
    top = i
    i = _after_letterhead(lines, i, quoted_at)
    letterhead = _block(lines, top, i)
    greeting = None
    if i < quoted_at and _is_greeting(lines[i].text):
        greeting = Span(lines[i].span.start, lines[i].span.start + len(lines[i].text.rstrip()))
        i += 1
    signed_at = _postscript_at(lines, i, quoted_at)  # the sign-off lies above a P.S.
    closing_at = _find_closing(lines, i, signed_at)
    closing = signature = None
    body_end = signed_at
    if closing_at is not None:
        ln = lines[closing_at]
        closing = Span(ln.span.start + len(ln.text) - len(ln.text.lstrip()), ln.span.start + len(ln.text.rstrip()))
        body_end = closing_at
        sig_lines = [x for x in lines[closing_at + 1 : signed_at] if not x.blank]
        if sig_lines:
            signature = Span(sig_lines[0].span.start, sig_lines[-1].span.start + len(sig_lines[-1].text.rstrip()))
    else:
        sig_at = _trailing_signature(lines, i, signed_at)
        if sig_at is not None:
            body_end = sig_at
            sig_lines = [x for x in lines[sig_at:signed_at] if not x.blank]
            signature = Span(sig_lines[0].span.start, sig_lines[-1].span.start + len(sig_lines[-1].text.rstrip()))
    paragraphs = _paragraphs(lines, i, body_end)
    scan = [Span(h.value_span.start, h.value_span.end) for h in headers]
    end_of_message = quoted[0].start if quoted else len(text)
    if first < len(lines):
        scan.append(Span(lines[min(top, len(lines) - 1)].span.start, end_of_message))
    return Draft(
        path=path,
        text=text,
        context=merged,
        front_matter=fm_span,
        headers=headers,
        greeting=greeting,
        paragraphs=paragraphs,
        closing=closing,
        signature=signature,
        postscript=_postscript(lines, signed_at, quoted_at),
        letterhead=letterhead,
        quoted=quoted,
        placeholders=_placeholders(text, scan),
        mode=mode,
    )
