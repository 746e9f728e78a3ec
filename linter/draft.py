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

from linter import regexes
from linter import safe_yaml
from linter.context import Context, ContextError, parse_context
from linter.draft_regions import (
    HEADER_NAMES,
    _CONTACT,
    Header,
    _after_letterhead,
    _block,
    _find_closing,
    _headers,
    _is_greeting,
    _paragraphs,
    _postscript,
    _postscript_at,
    _split_quoted,
    _trailing_signature,
)
from linter.models import Span
from linter.textutil import split_lines, split_sentences, word_bounds

__all__ = ["Draft", "DraftError", "Header", "Placeholder", "parse_draft"]


class DraftError(ValueError):
    """The draft cannot be read (malformed front matter, say)."""


@dataclass(frozen=True)
class Placeholder:
    """A template slot left in a draft (``[Name]``, ``{{company}}``)."""

    span: Span
    name: str  # the text inside the brackets, or the marker itself


_PLACEHOLDER = regexes.compile(
    r"\[(?P<square>[^\[\]\n]{1,150}(?:\n[^\[\]\n]{1,150})?)\](?!\()"
    r"|\{\{\s*(?P<curly2>[^{}\n]{1,60}?)\s*\}\}"
    r"|\{(?P<curly>[^{}\n]{1,60})\}"
    r"|<(?P<angle>[A-Za-z][^<>\n@/:]{0,60})>"
    r"|\b(?P<marker>X{2,}|x{2,}|TODO|TBD|FIXME)\b"
)
_FRONT_OPEN = regexes.compile(r"---[ \t]*\r?\n")
_FRONT_CLOSE = regexes.compile(r"^(---|\.\.\.)[ \t]*\r?$", re.M)


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
    @cached_property
    def subject(self) -> Header | None:
        """The subject header (kept: most checks ask for it)."""
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
    def word_bounds(self) -> tuple[tuple[int, int], ...]:
        """``(start, end)`` of each of ``words``: enough to count or place
        them, without a ``Span`` per word."""
        out: list[tuple[int, int]] = []
        for para in (*self.paragraphs, *self.postscript):
            out.extend(word_bounds(self.text, para))
        return tuple(out)

    @cached_property
    def words(self) -> tuple[Span, ...]:
        """Words of the body and each P.S.: whitespace tokens holding a letter or digit."""
        return tuple(Span(start, end) for start, end in self.word_bounds)

    @property
    def word_count(self) -> int:
        return len(self.word_bounds)

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

    def contact_in_line(self, line: Span) -> bool:
        """Whether one of ``contacts`` starts in ``line``, a line of the
        message without its line break: searched in that line alone (no
        contact spans a line break, and the pattern's look-behind still
        sees the text before the line), not in the whole message."""
        return _CONTACT.search(self.text, line.start, line.end) is not None

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
    if not _FRONT_OPEN.match(text[start:]):
        return None, Context(), 0
    first_line_end = text.index("\n", start) + 1
    end = _FRONT_CLOSE.search(text, first_line_end)
    if end is None:
        raise DraftError("front matter opened with '---' is never closed")
    raw = text[first_line_end : end.start()]
    try:
        data = safe_yaml.load(raw)
    except safe_yaml.YamlRejected as exc:
        raise DraftError(f"front matter: {exc}") from None
    except Exception as exc:
        import yaml  # imported by then: plain front matter raises nothing

        if not isinstance(exc, yaml.YAMLError):
            raise
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


# A placeholder holds one of these: a draft with none (most) skips the scan.
_PLACEHOLDER_MARKS = ("[", "{", "<", "XX", "xx", "TODO", "TBD", "FIXME")


def _placeholders(text: str, regions: list[Span]) -> tuple[Placeholder, ...]:
    if not any(mark in text for mark in _PLACEHOLDER_MARKS):
        return ()
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
        signature = _block(lines, closing_at + 1, signed_at)
    else:
        sig_at = _trailing_signature(lines, i, signed_at)
        if sig_at is not None:
            body_end = sig_at
            signature = _block(lines, sig_at, signed_at)
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
