"""FL201 body-length: a body that is too short to say anything, or too long.

Span: every finding marks the body's first sentence (the same whole-body
anchor FL205 uses); an empty body is an insertion point just after the
greeting (or at the start of the message).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Severity, Span

__all__ = ["CHECK"]

# B16: notes of 10 words or fewer lose about 30% of replies.
_TOO_SHORT = 10
_KINDS = frozenset({"thank-you", "status-check", "post-rejection", "general"})


def _anchor(draft: Draft) -> Span:
    if draft.sentences:
        return draft.sentences[0]
    if draft.greeting is not None:
        return Span(draft.greeting.end, draft.greeting.end)
    message = draft.message
    at = message.start if message is not None else len(draft.text)
    return Span(at, at)


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    min_words: int = 25
    max_words: int = 300


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    lo, hi = opts.min_words, opts.max_words
    count = draft.word_count
    band = f"keep a follow-up between {lo} and {hi} words"
    if count == 0:
        yield check.finding(
            _anchor(draft), f"the message has no body text; {band}", severity=Severity.ERROR
        )
    elif count <= _TOO_SHORT:
        yield check.finding(
            _anchor(draft),
            f"body has {count} word{'s' if count != 1 else ''}: too short to say anything; {band}",
            severity=Severity.ERROR,
        )
    elif count < lo:
        yield check.finding(_anchor(draft), f"body has {count} words; {band}")
    elif count > hi:
        yield check.finding(_anchor(draft), f"body has {count} words; {band}")


CHECK = Check(
    code="FL201",
    name="body-length",
    severity=Severity.WARNING,
    summary="Flags a body outside the word band (default 25 to 300 words); "
    "10 words or fewer is an error.",
    why="A follow-up is read in seconds, so it should be brief (G12) yet say "
    "something. Boomerang's data (B16): emails of 50 to 125 words get replies "
    "over 50% of the time, very short ones (10 words or fewer) lose about 30% "
    "of replies, and rates fall slowly as length grows towards 500 words.",
    example="Hi Dana,\n\nThanks for today. Talk soon.\n\nBest,\nSam",
    instead="Hi Dana,\n\nThank you for walking me through the billing migration "
    "today. Hearing how your team cut invoice errors in half made me even keener "
    "on the analyst role, and I would love to bring my SQL reporting work to it. "
    "Please let me know if I can send anything else.\n\nBest,\nSam",
    run_fn=_run,
    rationale=("G12", "B16"),
    options=option_defaults(Options),
    kinds=_KINDS,
)
