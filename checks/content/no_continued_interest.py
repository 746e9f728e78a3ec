"""FL302 no-continued-interest: the body never says the writer still wants
the job.

Reads each body sentence with ``checks.reading``: the sentence model's
"interest" label, overruled by the phrasings in
``no_continued_interest.yaml``. Counts: interest or enthusiasm for the role,
team or company stated now, in any words ("meeting the team made me want
this more", "I'd jump at the chance to build that pipeline"), wanting to join
or contribute; after a rejection, asking to be kept in mind or considered
for future roles. Does not count: "I look forward to hearing from you",
eagerness to hear back, past-tense pleasantries, and interest negated or
withdrawn ("no longer interested", "I have accepted another offer").

Span: the whole body, since the statement is missing from all of it (no
body, no finding). Fix: a sentence of continued interest appended at the
end of the body.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from checks.reading import Reader, sentences
from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_READER = Reader("interest", Path(__file__).with_suffix(".yaml"))


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    extra_phrases: tuple[str, ...] = ()


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    body = draft.body
    if body is None or not draft.sentences:
        return
    extra = opts.extra_phrases
    if any(_READER.carries(text, extra=extra) for _, text in sentences(draft)):
        return
    end = body.end
    rejection = draft.kind == "post-rejection"
    if rejection:
        line = " I would welcome the chance to be considered for future openings, so please keep me in mind."
        message = "the reply never asks them to keep you in mind for future roles"
    else:
        role = draft.context.role
        company = draft.context.company
        target = f"the {role} role" if role else "the role"
        if company:
            target += f" at {company}"
        line = f" I remain very interested in {target} and would love to contribute."
        message = "the body never says you are still interested in the role"
    yield check.finding(
        body,
        message,
        fix=Fix(Span(end, end), line, "add a line of continued interest"),
    )


CHECK = Check(
    code="FL302",
    name="no-continued-interest",
    severity=Severity.WARNING,
    summary="A body that never says the writer is still interested in the role or company.",
    why=(
        "Saying plainly that you still want the job is one of the few things every adviser "
        "asks for (G5): the interviewer is weighing who would accept, and a note that only "
        "thanks or only asks for news leaves them guessing. \"I look forward to hearing from "
        "you\" is a polite close, not a statement of interest. After a rejection the same "
        "idea takes the form of asking them to keep you in mind for future roles (K1)."
    ),
    example=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. I look forward to hearing "
        "from you.\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. After hearing about the reporting "
        "backlog, I am even more interested in the analyst role. I look forward to hearing "
        "from you.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G5", "K1"),
    options=option_defaults(Options),
    kinds=frozenset({"thank-you", "status-check", "general", "post-rejection"}),
)
