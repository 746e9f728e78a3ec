"""FL404 too-many-questions: more questions than a follow-up should carry.

Counts the body's sentences that end in a question mark ("??" or "?!" at
the end still count once). A question mark inside a quoted title that the
sentence splitter took for an ending ('I read "Why queues?" on your blog')
is not counted: the piece after it goes on in lower case on the same line. More than ``max_questions`` (3) is flagged once:
the span runs from the first question over the limit to the end of the
last question, and the message quotes that first extra question. Questions
in the quoted reply, the subject or the signature do not count.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from checks._phrases import body_sentences, is_question, quote
from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Severity, Span

__all__ = ["CHECK"]


def _continues(text: str, span: Span, after: list[tuple[Span, str]]) -> bool:
    """The "sentence" goes on after its question mark: the next piece, on the
    same line, starts in lower case ('I read "Why queues?" on your blog')."""
    if not after:
        return False
    nxt, nxt_text = after[0]
    return "\n" not in text[span.end : nxt.start] and nxt_text[:1].islower()


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    max_questions: int = 3


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    limit = opts.max_questions
    sentences = list(body_sentences(draft))
    questions = [
        (span, text)
        for i, (span, text) in enumerate(sentences)
        if is_question(text) and not _continues(draft.text, span, sentences[i + 1 : i + 2])
    ]
    if len(questions) <= limit:
        return
    first, text = questions[limit]
    last = questions[-1][0]
    yield check.finding(
        Span(first.start, last.end),
        f"asks {len(questions)} questions; more than {limit} tends to cost replies, "
        f'starting with: "{quote(text)}"',
    )


CHECK = Check(
    code="FL404",
    name="too-many-questions",
    severity=Severity.WARNING,
    summary="More than three questions in the body.",
    why=(
        "A question or two gives the reader a reason to reply: Boomerang's 2016 study (B16) "
        "found one to three questions make a reply about 50% more likely than none, while "
        "more than three work against you. A follow-up that reads like a questionnaire is "
        "also what advisers warn against (G9). Keep the one or two that matter."
    ),
    example=(
        "Hi Dana,\n\nThank you for Tuesday. How big is the team? Who would I report to? "
        "What tools do you use? How is success measured?\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for Tuesday. I enjoyed hearing how the team measures "
        "success. Which reporting tools would I be working with?\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G9",),
    options=option_defaults(Options),
    kinds=frozenset(),
)
