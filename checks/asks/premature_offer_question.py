"""FL403 premature-offer-question: asking about the terms of an offer that
has not been made.

Flags a sentence that asks (ends in "?" or carries a request such as
"could you tell me", "I wanted to confirm", "I was wondering") about pay
(salary, compensation, pay range, bonus, equity), time off (holidays,
vacation, PTO, annual leave), benefits (health insurance, pension, 401k,
perks), the start date, remote or hybrid work, or relocation costs.

Not flagged: statements ("I am flexible on the start date", "I can start on
1 May"), "the benefits of the new platform", and the same topics after a
rejection (the check runs on thank-you notes, status checks, general and
LinkedIn notes: G9 holds until there is an offer). The phrasings are data:
``premature_offer_question.yaml`` beside this module, one family per topic.

One finding per sentence; the span is the sentence; the message names the
topics asked about. No fix: the question should simply wait for an offer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from checks._phrases import asks_before, body_sentences, is_question, quote
from checks.phrasebook import family_matches, load_books, user_book
from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Severity

__all__ = ["CHECK"]

_BOOKS = load_books(str(Path(__file__).with_suffix(".yaml")))


def _labels(text: str, extra: tuple[str, ...]) -> list[str]:
    """Topics asked about in ``text``, each once, in the order they appear
    (a phrasing from config is its own topic, named by the words matched)."""
    out: list[str] = []
    for start, end, family in family_matches(_BOOKS, text, ("", user_book(extra))):
        label = family or f'"{text[start:end]}"'
        if label not in out:
            out.append(label)
    return out


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    extra_phrases: tuple[str, ...] = ()


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    extra = opts.extra_phrases
    for span, text in body_sentences(draft):
        topics = _labels(text, extra)
        if not topics:
            continue
        if not (is_question(text) or asks_before(text, len(text))):
            continue
        what = topics[0] if len(topics) == 1 else ", ".join(topics[:-1]) + " and " + topics[-1]
        yield check.finding(span, f'asks about {what} before any offer: "{quote(text)}"')


CHECK = Check(
    code="FL403",
    name="premature-offer-question",
    severity=Severity.WARNING,
    summary="Asks about pay, time off, benefits, the start date or remote work before an offer.",
    why=(
        "Questions about the terms of the job, such as pay, holidays or the start date, can "
        "wait until there is an offer to discuss (G9). Raised in a thank-you note they shift "
        "the message from what you would bring to what you would get, and they ask the "
        "interviewer to negotiate before the team has decided."
    ),
    example=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. Could you tell me what the "
        "salary range is?\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. I remain very interested in "
        "the analyst role and look forward to hearing from you.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G9",),
    options=option_defaults(Options),
    kinds=frozenset({"thank-you", "status-check", "general", "linkedin"}),  # G9: before any offer
)
