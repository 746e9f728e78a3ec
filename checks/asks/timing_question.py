"""FL406 timing-question: asks about timing, status or next steps where that
does not belong.

Reads each body sentence with ``checks.reading`` (the sentence model's
"timeline" label, overruled by ``timing_question.yaml``); only questions and
requests count, not "I look forward to the next steps". In a thank-you note
any such question is flagged: the note is for thanks, news comes later (K3,
G8). In a status check one polite question about where things stand is the
point of the note (K3); the option ``allowed_in_status_check`` (default 1)
says how many pass there. Other kinds are not checked, and neither is a note
inferred to be a thank-you with a probability under ``sure_kind``: it may be
a status check.

Span: the sentence.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from checks._phrases import asks_before, is_question, quote
from checks.reading import Reader, sentences
from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Severity

__all__ = ["CHECK"]

_READER = Reader("timeline", Path(__file__).with_suffix(".yaml"))


def _asks(text: str) -> bool:
    return is_question(text) or asks_before(text, len(text))


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    allowed_in_status_check: int = 1
    sure_kind: float = 0.6


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    status = draft.kind == "status-check"
    if not status and draft.kind_confidence < opts.sure_kind:
        return  # it may be a status check, where one such question is fine
    allowed = opts.allowed_in_status_check if status else 0
    seen = 0
    for span, text in sentences(draft):
        if not (_asks(text) and _READER.carries(text)):
            continue
        seen += 1
        if seen <= allowed:
            continue
        if status:
            message = f'asks about timing again; one polite question is enough: "{quote(text)}"'
        else:
            message = f'asks about timing in a thank-you note; save it for a status check: "{quote(text)}"'
        yield check.finding(span, message)


CHECK = Check(
    code="FL406",
    name="timing-question",
    severity=Severity.WARNING,
    summary="A question about timing or next steps in a thank-you note, or more than one in a status check.",
    why=(
        "A thank-you note is read the day after the interview, when there is no news to give: "
        "a question about when you will hear turns thanks into a request (G8). Once the "
        "promised date has passed, a status check asks politely where things stand, once (K3)."
    ),
    example=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday about the warehouse planning "
        "role. When might I hear about the next stage? Is there a rough timeline for the "
        "search?\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday about the warehouse planning "
        "role. Your idea of moving the returns desk next to dispatch stayed with me.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("K3", "G8"),
    options=option_defaults(Options),
    kinds=frozenset({"thank-you", "status-check"}),
)
