"""FL303 no-thanks: the body never thanks the reader.

Counts as thanks anywhere in the body: "thank"/"thanks"/"thank-you" (not
the "thanks to the new system" sense), "grateful"/"gratitude" (not the
request formula "I'd be grateful if you could..."), and "appreciate" with
an object ("I appreciate your time", "I appreciated hearing about...";
not "that would be much appreciated" or "I'd appreciate an update", which
ask for something rather than thank). A sign-off line such as "Thanks," is
the closing, not the body, so it does not count.

Span: the body's first sentence (no body, no finding: the length checks
cover an empty note). Fix: a thank-you sentence inserted before it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from checks._phrases import Phrases, body_sentences, first_sentence
from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_THANKS = Phrases(
    (
        (("thank", "thanks", "thanked", "thanking"), r"thank(?:s|ed|ing)?(?!\s+to\s+(?:the|a|an|this|that|my|our|its)\b)"),
        (("thank",), r"thank-you"),
        (("grateful",), r"(?<!would be )(?<!'d be )grateful"),
        (("gratitude",), r"gratitude"),
        (
            ("appreciate", "appreciated", "appreciates", "appreciating"),
            r"(?<!would )(?<!'d )(?<!be )(?<!much )(?<!greatly )appreciat(?:e|ed|es|ing)"
            r"(?=\s+(?:\w+\s+){0,2}?(?:you|your|his|her|their|the|it|this|that|being|meeting|speaking"
            r"|talking|learning|hearing|getting|having|chatting|how|everything|all)\b)",
        ),
        (("appreciation",), r"(?:my|our|sincere|deep|real) appreciation"),
    )
)


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    anchor = first_sentence(draft)
    if anchor is None:
        return
    extras = options.get("extra_phrases")
    for _, text in body_sentences(draft):
        if _THANKS.search(text, extras=extras):
            return
    if draft.kind == "post-rejection":
        line = "Thank you for letting me know, and for the time you gave me. "
    elif draft.context.role:
        line = f"Thank you for taking the time to talk with me about the {draft.context.role} role. "
    else:
        line = "Thank you for taking the time to talk with me. "
    yield check.finding(
        anchor,
        "the body never thanks the reader for their time or the conversation",
        fix=Fix(Span(anchor.start, anchor.start), line, "open with a thank-you"),
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
    options={"extra_phrases": []},
    kinds=frozenset(),
)
