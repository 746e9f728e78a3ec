"""FL602 rejection-reply: a reply to a rejection that pushes back, or that
does not ask to be kept in mind for future roles.

Only the body is read (never the quoted rejection). Spans: each pushback
phrase; a missing keep-me-in-mind request is an insertion point at the
end of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from linter import regexes
from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Severity, Span

__all__ = ["CHECK"]

# Both patterns are written in lower case and run on the lower-cased
# paragraph: re.IGNORECASE makes these alternations several times slower.
_PUSHBACK_SRC = (
    r"\b(?:(?:i think |i believe |i feel )?you(?:['’]ve| have)? made (?:a|the wrong|a big|a huge)"
    r" (?:mistake|decision|choice|call|error)"
    r"|made the wrong (?:decision|choice|call)"
    r"|reconsider(?:ing|ation)?\b"
    r"|i (?:strongly |respectfully |completely )?disagree\b"
    r"|i (?:really |truly |certainly )?deserved?\b"
    r"|(?:can|could|would) you (?:please )?(?:tell|explain to|let) me (?:know )?why\b"
    r"|why (?:was i|wasn['’]?t i|i was not|i wasn['’]?t) (?:selected|chosen|picked|hired|successful)"
    r"|i(?:['’]m| am| was) (?:clearly |by far |simply )?the (?:best|strongest|most qualified|ideal|right)"
    r" (?:candidate|person|fit|choice)\b"
    r"|unfair(?:ly)?\b"
    r"|i do(?:n['’]t| not) understand (?:why|how)\b"
    r"|(?:another|a second) chance\b"
    r"|make my case\b"
    r"|prove (?:you|them|it) wrong\b"
    r"|(?:am|was|is) worthy of\b"
    r"|(?:decision|choice) (?:is|was) (?:a mistake|wrong|unfair|the wrong one)"
    r"|(?:look at|review|consider) my (?:application|candidacy) again"
    r"|take (?:another|a second) look)"
)
_KEEP_IN_MIND_SRC = (
    r"\b(?:keep me in (?:mind|consideration|your thoughts)"
    r"|keep (?:my|me) .{0,40}\bin mind\b"
    r"|(?:on|in) (?:your |the )?file\b"
    r"|future (?:roles?|openings?|positions?|opportunit\w+|vacanc\w+|hiring|needs)"
    r"|(?:other|similar|upcoming|new) (?:roles|openings|positions|opportunities|vacancies)\b"
    r"|(?:stay|keep|remain) in touch\b"
    r"|(?:comes|opens) up\b"
    r"|think of me\b"
    r"|in the future\b)"
)
# Every match holds one of these: a paragraph without any skips the regex.
_PUSHBACK_HINTS = (
    "made", "reconsider", "disagree", "deserve", "why", "candidate", "person", "fit",
    "choice", "unfair", "understand", "chance", "case", "prove", "worthy",
    "decision is", "decision was", "choice is", "choice was", "application again",
    "candidacy again", "another look", "second look",
)
_KEEP_IN_MIND_HINTS = (
    "mind", "file", "future", "roles", "openings", "positions", "opportunities",
    "vacancies", "touch", "comes up", "opens up", "think of me",
)


@cache
def _patterns(ignore_case: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Pushback and keep-in-mind, compiled on the first reply to a rejection
    (most runs have none). ``ignore_case`` is for the rare text whose
    lower-casing changes its length ("İ"): offsets must stay true, so that
    text is searched case-insensitively instead."""
    flags = re.I if ignore_case else 0
    return regexes.compile(_PUSHBACK_SRC, flags), regexes.compile(_KEEP_IN_MIND_SRC, flags)


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    if not draft.paragraphs:
        return
    text = draft.text
    asks = False
    for para in draft.paragraphs:
        chunk = text[para.start : para.end]
        folded = chunk.lower()
        same_length = len(folded) == len(chunk)
        haystack = folded if same_length else chunk
        pushback, keep = _patterns(ignore_case=not same_length)
        if any(h in folded for h in _PUSHBACK_HINTS):
            for m in pushback.finditer(haystack):
                span = Span(para.start + m.start(), para.start + m.end())
                yield check.finding(
                    span,
                    f'"{draft.slice(span)}" pushes back on the decision; a gracious reply '
                    "keeps the door open instead",
                )
        if not asks and any(h in folded for h in _KEEP_IN_MIND_HINTS) and keep.search(haystack):
            asks = True
    if not asks:
        at = draft.paragraphs[-1].end
        yield check.finding(
            Span(at, at),
            "the reply does not ask them to keep you in mind for future roles",
        )


CHECK = Check(
    code="FL602",
    name="rejection-reply",
    severity=Severity.WARNING,
    summary="In a reply to a rejection, flags pushback on the decision "
    "(\"reconsider\", \"I deserve\", \"tell me why\") and a missing request to "
    "be kept in mind for future roles.",
    why="A rejection is not the end of the relationship: the advice is to reply "
    "graciously and ask them to keep your CV on file for future roles (K1). "
    "Arguing with the decision gains nothing and makes sure they will not "
    "think of you next time.",
    example="---\nkind: post-rejection\n---\nHi Dana,\n\nThanks for letting me know. "
    "Honestly, I think you made a mistake, and I hope you will reconsider.\n\n"
    "Best,\nSam",
    instead="---\nkind: post-rejection\n---\nHi Dana,\n\nThank you for letting me "
    "know, and for the time your team gave me. I enjoyed learning about the "
    "billing migration. Please keep me in mind for future roles.\n\nBest,\nSam",
    run_fn=_run,
    rationale=("K1",),
    kinds=frozenset({"post-rejection"}),
)
