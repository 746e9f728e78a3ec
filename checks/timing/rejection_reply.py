"""FL602 rejection-reply: a reply to a rejection that pushes back, or that
does not ask to be kept in mind for future roles.

Only the body is read (never the quoted rejection). Spans: each pushback
phrase; a missing keep-me-in-mind request is an insertion point at the
end of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Severity, Span

__all__ = ["CHECK"]

_PUSHBACK = re.compile(
    r"\b(i think |i believe |i feel )?you(['’]ve| have)? made (a|the wrong|a big|a huge)"
    r" (mistake|decision|choice|call|error)"
    r"|\bmade the wrong (decision|choice|call)"
    r"|\breconsider(ing|ation)?\b"
    r"|\bi (strongly |respectfully |completely )?disagree\b"
    r"|\bi (really |truly |certainly )?deserved?\b"
    r"|\b(can|could|would) you (please )?(tell|explain to|let) me (know )?why\b"
    r"|\bwhy (was i|wasn['’]?t i|i was not|i wasn['’]?t) (selected|chosen|picked|hired|successful)"
    r"|\bi(['’]m| am| was) (clearly |by far |simply )?the (best|strongest|most qualified|ideal|right)"
    r" (candidate|person|fit|choice)\b"
    r"|\bunfair(ly)?\b"
    r"|\bi do(n['’]t| not) understand (why|how)\b"
    r"|\b(another|a second) chance\b"
    r"|\bmake my case\b"
    r"|\bprove (you|them|it) wrong\b"
    r"|\b(am|was|is) worthy of\b",
    re.I,
)
_KEEP_IN_MIND = re.compile(
    r"\bkeep me in (mind|consideration|your thoughts)"
    r"|\bkeep (my|me) .{0,40}\bin mind\b"
    r"|\b(on|in) (your |the )?file\b"
    r"|\bfuture (roles?|openings?|positions?|opportunit\w+|vacanc\w+|hiring|needs)"
    r"|\b(other|similar|upcoming|new) (roles|openings|positions|opportunities|vacancies)\b"
    r"|\b(stay|keep|remain) in touch\b"
    r"|\b(comes|opens) up\b"
    r"|\bthink of me\b"
    r"|\bin the future\b",
    re.I,
)


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    if not draft.paragraphs:
        return
    text = draft.text
    asks = False
    for para in draft.paragraphs:
        for m in _PUSHBACK.finditer(text, para.start, para.end):
            yield check.finding(
                Span(m.start(), m.end()),
                f'"{m.group()}" pushes back on the decision; a gracious reply keeps '
                "the door open instead",
            )
        if not asks and _KEEP_IN_MIND.search(text, para.start, para.end):
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
