"""FL601 send-timing: a thank-you sent late, a status check sent too early,
or a send date before the interview.

Needs ``context.interview_date``; the send date is ``context.send_date``,
else ``tools.today``. Without an interview date nothing is flagged.

Span: the subject text when there is one, else the greeting, else the
body's first sentence (the first thing the reader sees).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Severity, Span

__all__ = ["CHECK"]


def _anchor(draft: Draft) -> Span:
    subject = draft.subject
    if subject is not None and subject.value:
        return subject.value_span
    if draft.greeting is not None:
        return draft.greeting
    if draft.sentences:
        return draft.sentences[0]
    message = draft.message
    at = message.start if message is not None else 0
    return Span(at, at)


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    max_thank_you_days: int = 2
    min_status_days: int = 7


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    interview: dt.date | None = draft.context.interview_date
    if interview is None:
        return
    send = draft.context.send_date or tools.today
    days = (send - interview).days
    if days < 0:
        yield check.finding(
            _anchor(draft),
            f"the send date {send.isoformat()} is before the interview on "
            f"{interview.isoformat()}; check the dates",
            severity=Severity.ERROR,
        )
        return
    kind = draft.kind
    if kind == "thank-you":
        limit = opts.max_thank_you_days
        if days > limit:
            yield check.finding(
                _anchor(draft),
                f"thank-you note sent {_days(days)} after the interview on "
                f"{interview.isoformat()}; send it within {_days(limit)}, ideally the "
                "next morning",
            )
    elif kind == "status-check":
        least = opts.min_status_days
        if days < least:
            when = (
                "on the day of the interview" if days == 0
                else f"{_days(days)} after the interview on {interview.isoformat()}"
            )
            yield check.finding(
                _anchor(draft),
                f"status check sent {when}; wait at least {_days(least)} "
                "(10 to 14 is usual) before asking for news",
            )


CHECK = Check(
    code="FL601",
    name="send-timing",
    severity=Severity.WARNING,
    summary="Flags a thank-you note sent more than max_thank_you_days (default 2) "
    "after the interview, a status check sent sooner than min_status_days "
    "(default 7), and a send date before the interview.",
    why="A thank-you works while the interview is fresh: the next morning is "
    "ideal and the same day is fine (T1). Asking for news is different: less "
    "than 24 hours after the interview there is none (T2), and a status check "
    "belongs after the recruiter's timeline has passed, usually 10 to 14 days, "
    "at least a week by some advisers' count (T3).",
    example="---\nkind: thank-you\ninterview_date: 2026-03-02\nsend_date: "
    "2026-03-09\n---\nHi Dana,\n\nThank you for meeting with me last week.\n\n"
    "Best,\nSam",
    instead="---\nkind: thank-you\ninterview_date: 2026-03-02\nsend_date: "
    "2026-03-03\n---\nHi Dana,\n\nThank you for meeting with me yesterday.\n\n"
    "Best,\nSam",
    run_fn=_run,
    rationale=("T1", "T2", "T3"),
    options=option_defaults(Options),
    kinds=frozenset({"thank-you", "status-check"}),
)
