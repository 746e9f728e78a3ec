"""LanguageTool JSON to GrammarIssue, without a server."""

from __future__ import annotations

from typing import Any

import pytest

from linter.grammar.base import CATEGORIES, GrammarIssue
from linter.grammar.languagetool.mapping import (
    category_for,
    issues_from_matches,
    utf16_converter,
)


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", [
    "plain ascii",
    "Café déjà vu",            # BMP only: no shift
    "🎉 party",                 # one astral character first
    "a🎉b👋🏽c",               # several, including a skin-tone modifier
    "𝒜𝒷𝒸 math letters",
])
def test_utf16_converter_inverts_java_offsets(text: str) -> None:
    convert = utf16_converter(text)
    for index in range(len(text) + 1):
        assert convert(utf16_offset(text, index)) == index


def match(rule_id: str, category: str, issue_type: str, offset: int, length: int,
          replacements: list[str]) -> dict[str, Any]:
    return {
        "message": "m",
        "offset": offset,
        "length": length,
        "replacements": [{"value": r} for r in replacements],
        "rule": {"id": rule_id, "issueType": issue_type,
                 "category": {"id": category, "name": category.title()}},
    }


@pytest.mark.parametrize(("rule_id", "category", "issue_type", "expected"), [
    ("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "spelling"),
    ("EN_A_VS_AN", "MISC", "misspelling", "grammar"),
    ("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "grammar"),
    ("COMMA_PARENTHESIS_WHITESPACE", "TYPOGRAPHY", "whitespace", "typography"),
    ("CONSECUTIVE_SPACES", "MISC", "whitespace", "typography"),
    ("EN_QUOTES", "PUNCTUATION", "typographical", "typography"),
    ("COMMA_COMPOUND_SENTENCE", "PUNCTUATION", "uncategorized", "typography"),
    ("UPPERCASE_SENTENCE_START", "CASING", "typographical", "typography"),
    ("EN_WORD_COHERENCY", "MISC", "uncategorized", "style"),
    ("TOO_LONG_SENTENCE", "STYLE", "style", "style"),
    ("ADVERB_WORD_ORDER", "GRAMMAR", "grammar", "grammar"),
    ("SOME_NEW_RULE", "NEW_CATEGORY", "other", "grammar"),
])
def test_category_mapping(rule_id: str, category: str, issue_type: str,
                          expected: str) -> None:
    assert expected in CATEGORIES
    assert category_for(match(rule_id, category, issue_type, 0, 1, [])) == expected


def test_issues_convert_offsets_and_keep_first_replacements() -> None:
    text = "🎉 I recieved it"
    start = text.index("recieved")
    m = match("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling",
              utf16_offset(text, start), len("recieved"),
              ["received", "relieved", "a", "b", "c", "d", "e"])
    assert issues_from_matches(text, [m]) == [GrammarIssue(
        start=start, end=start + 8, rule_id="MORFOLOGIK_RULE_EN_US",
        category="spelling", message="m",
        replacements=("received", "relieved", "a", "b", "c"))]


def test_offsets_past_the_end_are_clamped() -> None:
    m = match("X", "MISC", "grammar", 3, 10, [])
    [issue] = issues_from_matches("abcd", [m])
    assert (issue.start, issue.end) == (3, 4)
