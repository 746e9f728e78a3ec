"""FL401 asks-about-decision: asks whether a decision has been made, whether
the writer got the job, who was chosen, what the outcome is, or why nobody
has answered.

Reads each body sentence, and the subject line, with ``checks.reading``: the
sentence model's "decision" label, overruled by the phrasings in
``asks_about_decision.yaml``. The model tells such an ask from a polite
question about timing or next steps ("is there an updated timeline?"), which
is FL406's business, in any voice: passive ("whether a final choice has been
reached"), about the others ("if you've gone with someone else"), or framed
as a wish ("keen to learn the outcome").

In a status check, or when the kind was inferred with a probability under
the option ``sure_kind``, the bar is raised by the option ``doubt_margin``: a
polite line in a note that may be a status check gets the benefit of the
doubt.

For the model, only questions and requests count ("did I get it?", "could
you tell me whether...", "I'd like to know if..."): "if the post has been
filled, I understand" asks nothing. Pressing statements are FL402's. The
phrasings in the YAML file are asks by construction ("keen to learn the
outcome").

Span: the sentence (or the subject's text).
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

_READER = Reader("decision", Path(__file__).with_suffix(".yaml"))


def _asks(text: str) -> bool:
    """A question, or a request ("could you let me know...", "I'd like to know")."""
    return is_question(text) or asks_before(text, len(text))


def _flags(text: str, margin: float, extra: Any) -> bool:
    """A phrasing from the data, or a question or request the model reads as
    one about the decision."""
    return _READER.said(text, extra) or (_asks(text) and _READER.carries(text, margin, extra))


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    extra_phrases: tuple[str, ...] = ()
    doubt_margin: float = 0.1
    sure_kind: float = 0.6


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    extra = opts.extra_phrases
    doubtful = draft.kind == "status-check" or draft.kind_confidence < opts.sure_kind
    margin = opts.doubt_margin if doubtful else 0.0
    subject = draft.subject
    if subject is not None and _flags(subject.value, margin, extra):
        yield check.finding(subject.value_span, f'the subject line asks about the hiring decision: "{quote(subject.value)}"')
    for span, text in sentences(draft):
        if _flags(text, margin, extra):
            yield check.finding(span, f'asks about the hiring decision: "{quote(text)}"')


CHECK = Check(
    code="FL401",
    name="asks-about-decision",
    severity=Severity.ERROR,
    summary="Asks whether a decision has been made, whether you got the job, who was chosen or why nobody answered.",
    why=(
        "Advisers are blunt about it (G8): the follow-up exists to make you memorable, not to "
        "extract news, and asking whether you got the job reads as pressure on someone who "
        "may not be able to answer yet. A polite question about timing is a different thing: "
        "fine once in a status check (K3), out of place in a thank-you note (FL406)."
    ),
    example=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. Have you made a decision yet?"
        "\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. I enjoyed hearing about the "
        "reporting backlog and remain very interested in the role.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G8", "K3"),
    options=option_defaults(Options),
    kinds=frozenset(),
)
