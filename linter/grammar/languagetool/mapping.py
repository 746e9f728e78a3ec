"""Turn LanguageTool's JSON matches into ``GrammarIssue`` values (pure).

LanguageTool is written in Java and counts offsets in UTF-16 code units: a
character outside the Basic Multilingual Plane (most emoji) counts as two.
Python counts code points, so offsets after such a character are shifted
back by one per preceding astral character.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from linter.grammar.base import GrammarIssue

__all__ = ["utf16_converter", "category_for", "issues_from_matches",
           "MAX_REPLACEMENTS"]

MAX_REPLACEMENTS = 5

# LanguageTool category ids (rule.category.id) that decide the category alone.
_CATEGORY_BY_ID = {
    "TYPOS": "spelling",
    "TYPOGRAPHY": "typography",
    "PUNCTUATION": "typography",  # "use a comma before 'and'": as Harper's Punctuation
    "CASING": "typography",  # as Harper's Capitalization
    "STYLE": "style",
    "REDUNDANCY": "style",
    "PLAIN_ENGLISH": "style",
    "REPETITIONS_STYLE": "style",
    "COLLOQUIALISMS": "style",
    "CREATIVE_WRITING": "style",
    "WIKIPEDIA": "style",
    "TEXT_ANALYSIS": "style",
    "MISUSED_TERMS_EU_PUBLICATIONS": "style",
}
# Rules whose category misstates what they say.
_CATEGORY_BY_RULE = {
    "EN_WORD_COHERENCY": "style",  # "do not mix 'analyze' and 'analyse'": consistency advice
}
# Otherwise the rule's issueType (LanguageTool's localization-quality types).
_CATEGORY_BY_ISSUE_TYPE = {
    "typographical": "typography",
    "whitespace": "typography",
    "style": "style",
    "register": "style",
    "locale-violation": "style",
}


def utf16_converter(text: str) -> Callable[[int], int]:
    """A function mapping a UTF-16 offset in ``text`` to a str index."""
    if text.isascii() or max(text) <= "\uffff":
        return lambda offset: offset
    astral_starts: list[int] = []  # UTF-16 offset of each astral character
    units = 0
    for char in text:
        if char > "\uffff":
            astral_starts.append(units)
            units += 2
        else:
            units += 1

    def convert(offset: int) -> int:
        # Each astral character that starts before ``offset`` took 2 units.
        return offset - bisect_left(astral_starts, offset)

    return convert


def category_for(match: Mapping[str, Any]) -> str:
    """One of spelling/grammar/style/typography for a LanguageTool match."""
    rule = match.get("rule") or {}
    rule_id = str(rule.get("id", ""))
    if rule_id.startswith(("MORFOLOGIK_RULE", "HUNSPELL_RULE")):
        return "spelling"
    if rule_id in _CATEGORY_BY_RULE:
        return _CATEGORY_BY_RULE[rule_id]
    category_id = str((rule.get("category") or {}).get("id", ""))
    if category_id in _CATEGORY_BY_ID:
        return _CATEGORY_BY_ID[category_id]
    return _CATEGORY_BY_ISSUE_TYPE.get(str(rule.get("issueType", "")), "grammar")


def issues_from_matches(text: str, matches: Iterable[Mapping[str, Any]]
                        ) -> list[GrammarIssue]:
    """Convert ``matches`` (the ``matches`` list of /v2/check) for ``text``."""
    convert = utf16_converter(text)
    issues = []
    for match in matches:
        offset, length = int(match["offset"]), int(match["length"])
        start, end = convert(offset), convert(offset + length)
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        replacements = tuple(
            str(r["value"]) for r in (match.get("replacements") or [])[:MAX_REPLACEMENTS]
            if isinstance(r, Mapping) and "value" in r)
        issues.append(GrammarIssue(
            start=start,
            end=max(start, end),
            rule_id=str((match.get("rule") or {}).get("id", "UNKNOWN")),
            category=category_for(match),
            message=str(match.get("message", "")),
            replacements=replacements,
        ))
    return issues
