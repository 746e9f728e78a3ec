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
    r"|regret to|reconsider|the decision is a mistake|understand (your|the) decision",
    re.I,
)
# "Thanks for letting me know" alone is ambiguous; with a look to the future
# (keep me in mind, future openings) it is a reply to a rejection.
_TOLD = re.compile(
    r"(thanks|thank you) (so much )?for (letting me know|the news|the update|informing me|telling me"
    r"|getting back to me|your (email|message|note|call)\b)"
    r"|\b(got|received|read) your (email|message|note)",
    re.I,
)
_FUTURE = re.compile(
    r"\b(keep|kept|keeping) (me|my (details|cv|résumé|resume|application|name))\b[^.]{0,20}\b(in mind|on file)"
    r"|\bfuture (openings|vacancies|roles|positions|opportunities)|disappoint",
    re.I,
)
_STATUS = re.compile(
    r"\b(follow(ing)?[ -]up|check(ing)? in)\b[^.?!]{0,40}\b(application|candidacy|status|position|role|"
    r"interview|process|timeline|opening|job|decision)"
    r"|\b(status of|any updates?|an update on|where (things|the process|my application|the evaluation"
    r"|the search|the hiring process)\b[^.?!]{0,25}\bstands?"
    r"|haven'?t (yet )?heard|still (under consideration|reviewing)|next steps in the process"
    r"|followed up|(it'?s|it has) been a while since"
    r"|(decisions?|processes|hiring) (like this |can |often )?takes? time"
    r"|(it'?s|it has) been (almost |nearly |over |more than |about )?(a|one|two|three|four|a few|a couple of|several|\d+) weeks?"
    r"|(interview|conversation|meeting|spoke)\b[^.?!]{0,20}\b(last month|(two|three|four|\d+) weeks ago))",
    re.I,
)
_STATUS_SUBJECT = re.compile(r"checking in|status|update|any news", re.I)
_LINKEDIN = re.compile(r"\blinkedin\b|\bconnect(ed|ing|ion)?\b", re.I)
_THANKS = re.compile(r"\b(thank|thanks|grateful|appreciate)", re.I)


def infer_kind(draft: Draft) -> str:
    body = draft.body_text
    if _REJECTION.search(body) or (_TOLD.search(body) and _FUTURE.search(body)):
        return "post-rejection"
    subject = draft.subject.value if draft.subject else ""
    if _STATUS.search(body) or (_STATUS_SUBJECT.search(subject) and not _THANKS.search(subject)):
        return "status-check"
    if _LINKEDIN.search(body) and (not draft.headers or "linkedin" in body.lower()) and draft.word_count <= 120:
        return "linkedin"
    if _THANKS.search(body):
        return "thank-you"
    return "general"
