"""FL202 subject-line: a header block with no subject, an empty subject, or
a subject that runs long.

Drafts with no header block at all (a body pasted on its own) are not
flagged. A ``Re:`` header line counts as the subject. Spans: a missing
subject is an insertion point at the start of the header block; an empty
one marks its ``Subject:`` line; a long one marks the subject text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft, Header
from linter.models import Finding, Fix, Severity, Span
from linter.textutil import word_bounds

__all__ = ["CHECK"]

_KINDS = frozenset({"thank-you", "status-check", "post-rejection", "general"})
_SUGGESTED = {
    "thank-you": "Thank you for the interview",
    "status-check": "Following up on my interview",
    "post-rejection": "Thank you for letting me know",
}
_DEFAULT_SUGGESTION = "Following up on our conversation"


def _subject(draft: Draft) -> Header | None:
    found = draft.subject
    if found is None:
        found = next((h for h in draft.headers if h.name == "re"), None)
    return found


def _suggestion(draft: Draft) -> str:
    return _SUGGESTED.get(draft.kind, _DEFAULT_SUGGESTION)


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    max_words: int = 10


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    if not draft.headers:
        return
    limit = opts.max_words
    subject = _subject(draft)
    if subject is None:
        at = draft.headers[0].line.start
        text = _suggestion(draft)
        yield check.finding(
            Span(at, at),
            "the headers have no subject line; emails without one get few replies",
            fix=Fix(Span(at, at), f"Subject: {text}\n", f"add the subject '{text}'"),
        )
        return
    words = len(word_bounds(subject.value, Span(0, len(subject.value))))
    if words == 0:
        text = _suggestion(draft)
        yield check.finding(
            subject.line,
            "the subject line is empty; emails without a subject get few replies",
            fix=Fix(
                Span(subject.value_span.start, subject.line.end),
                text,
                f"use the subject '{text}'",
            ),
        )
    elif words > limit:
        yield check.finding(
            subject.value_span,
            f'subject has {words} words: "{subject.value}"; keep it to {limit} or fewer '
            "(3 to 4 words do best)",
        )


CHECK = Check(
    code="FL202",
    name="subject-line",
    severity=Severity.WARNING,
    summary="Flags a header block with no subject or an empty one, and a subject "
    "longer than max_words (default 10).",
    why="The subject decides whether the note is opened. In Boomerang's data "
    "(B16) subject lines of 3 to 4 words do best and emails with no subject get "
    "only about 14% replies; a short, plain subject also keeps the note brief "
    "(G12).",
    example="To: dana.whitfield@example.com\nSubject: Just wanted to reach out and "
    "say thank you so much for the interview we had on Tuesday\n",
    instead="To: dana.whitfield@example.com\nSubject: Thank you for Tuesday\n",
    run_fn=_run,
    rationale=("G12", "B16"),
    options=option_defaults(Options),
    kinds=_KINDS,
)
