"""FL304 no-forward-close: the note ends without looking ahead.

Counts anywhere in the body: "look forward to..." in any form, "next
steps", an offer of more ("happy to provide/send/answer...", "please let me
know if you need anything", "don't hesitate to contact me", "if you have
any questions"), hoping to hear from them or stay in touch, "talk soon",
"in the meantime" (the phrasings are data: ``no_forward_close.yaml``
beside this module). A forward-looking sign-off line ("Looking forward,",
"Talk soon,") counts as well: it is the closing, and it does the job.

Span: the body's last sentence, after which the close belongs (no body, no
finding). Fix: a closing sentence appended at the end of the body.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from checks._phrases import body_end, body_sentences
from checks.phrasebook import load_books, user_book
from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_BOOKS = load_books(str(Path(__file__).with_suffix(".yaml")))
_FORWARD = _BOOKS["close"]
_FORWARD_SIGNOFF = _BOOKS["signoff"]


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    extra_phrases: tuple[str, ...] = ()


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    end = body_end(draft)
    if not draft.sentences or end is None:
        return
    anchor = draft.sentences[-1]  # the close belongs after the last sentence
    if draft.closing is not None and _FORWARD_SIGNOFF.search(draft.slice(draft.closing)):
        return
    extra = user_book(opts.extra_phrases)
    for _, text in reversed(list(body_sentences(draft))):  # closes sit at the end
        if _FORWARD.search(text) or extra.search(text):
            return
    yield check.finding(
        anchor,
        "the note ends without a forward-looking close (that you look forward to hearing "
        "from them, or an offer to send anything they need)",
        fix=Fix(
            Span(end, end),
            " I look forward to hearing from you, and I am happy to send anything else you need.",
            "add a forward-looking close",
        ),
    )


CHECK = Check(
    code="FL304",
    name="no-forward-close",
    severity=Severity.INFO,
    summary="A note with no forward-looking close: no looking forward, no offer of more.",
    why=(
        "Advisers suggest ending on the next step (G7): say you look forward to hearing "
        "from them and offer any further information or documents they need. It leaves the "
        "door open without asking for news, and gives the reader an easy reason to reply."
    ),
    example=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. I enjoyed hearing about the "
        "reporting backlog.\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. I enjoyed hearing about the "
        "reporting backlog. I look forward to hearing from you, and I am happy to share "
        "work samples if they would help.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G7",),
    options=option_defaults(Options),
    kinds=frozenset({"thank-you", "status-check", "general"}),
)
