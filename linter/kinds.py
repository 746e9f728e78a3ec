"""Infer the kind of follow-up when the context does not give it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.draft import Draft

__all__ = ["infer_kind"]

_REJECTION = re.compile(
    r"(decided|chosen|choose|decision) (not )?to (move forward|go|proceed|pursue)"
    r"|(move|moving|moved|go|going|went|proceed|proceeding) (forward )?with (another|other|a different)"
    r"|(chose|chosen|selected|hired|picked) (another|other|a different|a more)"
    r"|not (been )?(selected|chosen|successful|moving forward)|wasn'?t (selected|chosen)"
    r"|(letting me know|informing me|telling me) (about )?(your|the) (decision|outcome)"
    r"|(letting me know|the news|the update)\b[^.]{0,80}\b(disappoint|keep me in mind|future (openings|opportunities|roles|positions))"
    r"|regret to|reconsider",
    re.I,
)
_STATUS = re.compile(
    r"\b(follow(ing)?[ -]up|check(ing)? in)\b[^.?!]{0,40}\b(application|candidacy|status|position|role|"
    r"interview|process|timeline|opening|job|decision)"
    r"|\b(status of|any updates?|an update on|where (things|the process|my application) stands?"
    r"|haven'?t (yet )?heard|still (under consideration|reviewing)|next steps in the process"
    r"|it'?s been (two|three|a couple of|several) weeks)",
    re.I,
)
_LINKEDIN = re.compile(r"\blinkedin\b|\bconnect(ed|ing|ion)?\b", re.I)
_THANKS = re.compile(r"\b(thank|thanks|grateful|appreciate)", re.I)


def infer_kind(draft: Draft) -> str:
    body = draft.body_text
    if _REJECTION.search(body):
        return "post-rejection"
    if _STATUS.search(body):
        return "status-check"
    if _LINKEDIN.search(body) and (not draft.headers or "linkedin" in body.lower()) and draft.word_count <= 120:
        return "linkedin"
    if _THANKS.search(body):
        return "thank-you"
    return "general"
