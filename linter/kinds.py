"""Infer the kind of follow-up when the context does not give it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.draft import Draft

__all__ = ["infer_kind"]

_REJECTION = re.compile(
    r"(decided|chosen|choose|decision) (not )?to (move forward|go|proceed|pursue)"
    r"|(move|moving) forward with (another|other|a different)"
    r"|not (been )?(selected|chosen|successful)|wasn'?t (selected|chosen)"
    r"|letting me know (about )?(your|the) decision|news about the (role|position)"
    r"|disappointed|regret to|other candidates?",
    re.I,
)
_STATUS = re.compile(
    r"\b(follow(ing)? up (on|about|regarding)|check(ing)? in (on|about|regarding)"
    r"|status of|any updates?|an update on|where (things|the process) stands?"
    r"|haven'?t heard|still (under consideration|reviewing)|next steps in the process)",
    re.I,
)
_LINKEDIN = re.compile(r"\b(connect|connection|linkedin)\b", re.I)
_THANKS = re.compile(r"\b(thank|thanks|grateful|appreciate)", re.I)


def infer_kind(draft: Draft) -> str:
    body = draft.body_text
    if _REJECTION.search(body):
        return "post-rejection"
    if _STATUS.search(body):
        return "status-check"
    if len(body) <= 300 and _LINKEDIN.search(body):
        return "linkedin"
    if _THANKS.search(body):
        return "thank-you"
    return "general"
