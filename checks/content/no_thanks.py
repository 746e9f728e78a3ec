"""FL303 no-thanks: the body never thanks the reader.

Reads each body sentence with ``checks.reading``: the sentence model's
"thanks" label, overruled by the phrasings in ``no_thanks.yaml`` (thanks
without "thank": "I appreciate you making the time", "grateful for the
conversation"; and what only looks like thanks: "thank you in advance",
"thanks to the new system", "I'd be grateful if you could..."). A sign-off
line such as "Thanks," is the closing, not the body, so it does not count;
nor does a bare "Thank you." that ends the body, which thanks for nothing
(G3 asks for thanks for their time and the opportunity).

Span: the whole body, since the thanks is missing from all of it (no body,
no finding: the length checks cover an empty note). Fix: a thank-you
sentence inserted at the start of the body.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from checks.reading import Reader, sentences
from linter.sense import word_tokens
from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_READER = Reader("thanks", Path(__file__).with_suffix(".yaml"))

# Words of a thanks that names nothing it is for: "Thank you.", "Many thanks!"
_BARE_WORDS = frozenset("thank thanks you so very much many again once a lot kindly".split())


def _bare(text: str) -> bool:
    """A sentence that only says thanks, for nothing in particular."""
    words = word_tokens(text)
    return bool(words) and set(words) <= _BARE_WORDS and not {"thank", "thanks"}.isdisjoint(words)


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    extra_phrases: tuple[str, ...] = ()


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    body = draft.body
    if body is None or not draft.sentences:
        return
    extra = opts.extra_phrases
    read = list(sentences(draft))
    if read and _bare(read[-1][1]):
        read.pop()  # "Thank you." closing the body is a sign-off, not thanks for anything
    if any(_READER.carries(text, extra=extra) for _, text in read):
        return
    if draft.kind == "post-rejection":
        line = "Thank you for letting me know, and for the time you gave me. "
    elif draft.context.role:
        line = f"Thank you for taking the time to talk with me about the {draft.context.role} role. "
    else:
        line = "Thank you for taking the time to talk with me. "
    yield check.finding(
        body,
        "the body never thanks the reader for their time or the conversation",
        fix=Fix(Span(body.start, body.start), line, "open with a thank-you"),
    )


CHECK = Check(
    code="FL303",
    name="no-thanks",
    severity=Severity.WARNING,
    summary="A body that never thanks the reader for their time or the conversation.",
    why=(
        "Every source behind GUIDANCE.md agrees on one thing: thank the interviewer for "
        "their time and for the chance to talk (G3). Only about 25% of candidates send a "
        "thank-you at all, so a note that actually says it stands out; one that skips it "
        "reads as a demand for news. A bare \"Thanks,\" as the sign-off does not do the job."
    ),
    example="Hi Dana,\n\nI wanted to follow up on Tuesday's interview for the analyst role.\n\nThanks,\nSam",
    instead=(
        "Hi Dana,\n\nThank you for taking the time to meet with me on Tuesday about the "
        "analyst role.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G3",),
    options=option_defaults(Options),
    kinds=frozenset(),
)
