"""FL101 through LanguageTool: the writer's dialect and trade words, and the
same verdict as Harper on the same drafts (a real server; see conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.language.spelling_grammar import CHECK
from linter.check import Tools
from linter.grammar.embedded import HarperBackend
from linter.grammar.languagetool.client import LanguageToolBackend
from linter.models import Fix, Severity
from tests.checks.test_spelling_writer import BOTH_SPELLINGS, SLIPS, TRADE_WORDS
from tests.helpers import TODAY, marked, run_check

COMMA_ADVICE = (
    "Hi Priya,\n\n"
    "I enjoyed our talk about the [[clinic]] and I am still very keen to join your team.\n\n"
    "Best regards,\nTomasz Wierzbicki\ntomasz@example.com"
)


@pytest.fixture(scope="module")
def lt_tools(lt_url: str, lt_cache: Path) -> Tools:
    return Tools(grammar=LanguageToolBackend(lt_url, cache=lt_cache), today=TODAY)


@pytest.fixture(scope="module")
def harper_tools() -> Tools:
    backend = HarperBackend()
    backend.warm()
    return Tools(grammar=backend, today=TODAY)


def rows(findings):
    return [(f.code, f.span, f.message, f.severity, f.rule) for f in findings]


def test_any_dialect_accepts_both_spellings(lt_tools):
    text, [analyze] = marked(BOTH_SPELLINGS.replace("to analyze", "to [[analyze]]"))
    assert rows(run_check(CHECK, text, tools=lt_tools)) == [
        ("FL101", analyze, '"analyze": Do not mix variants of the same word (‘analyze’ and '
         "‘analyse’) within a single text.", Severity.INFO, "EN_WORD_COHERENCY"),
    ]


def test_american_dialect_flags_a_british_spelling(lt_tools):
    text, [colour] = marked(
        "---\ndialect: en-US\n---\nHi Priya,\n\nI enjoyed the [[colour]] charts.\n\n"
        "Best regards,\nTomasz Wierzbicki\ntomasz@example.com"
    )
    found = run_check(CHECK, text, tools=lt_tools)
    assert rows(found) == [
        ("FL101", colour, '"colour" is the British English, Canadian English or Australian '
         "English spelling; your dialect is American English (en-US)", Severity.ERROR,
         "MORFOLOGIK_RULE_EN_US"),
    ]
    assert found[0].fix == Fix(colour, "color", "correct the spelling", safe=True)


def test_trade_words_warn_and_slips_stay_errors(lt_tools):
    text, [runbook] = marked(TRADE_WORDS)  # LanguageTool knows "failover" and "upskilling"
    assert [(f.span, f.message, f.severity) for f in run_check(CHECK, text, tools=lt_tools)] == [
        (runbook, '"runbook" is not in the dictionary; if it is a term of your field, '
         "add it to your vocabulary", Severity.WARNING),
    ]
    text, spans = marked(SLIPS)
    assert [(f.span, f.message, f.severity) for f in run_check(CHECK, text, tools=lt_tools)] == [
        (span, f'possible misspelling: "{text[span.start:span.end]}"', Severity.ERROR) for span in spans
    ]


def test_comma_advice_is_information(lt_tools):
    text, [clinic] = marked(COMMA_ADVICE)
    found = run_check(CHECK, text, tools=lt_tools)
    assert [(f.span.start, f.span.end, f.severity, f.rule) for f in found] == [
        (clinic.end, clinic.end + 4, Severity.INFO, "COMMA_COMPOUND_SENTENCE"),
    ]
    assert found[0].message == (
        "\"and\": Use a comma before ‘and’ if it connects two independent clauses "
        "(unless they are closely connected and short)."
    )


@pytest.mark.parametrize("draft", [BOTH_SPELLINGS, TRADE_WORDS, SLIPS, COMMA_ADVICE],
                         ids=["both-spellings", "trade-words", "slips", "comma-advice"])
def test_one_verdict_on_either_backend(draft, lt_tools, harper_tools):
    text, _ = marked(draft)

    def fails(tools: Tools) -> bool:
        return any(f.severity is Severity.ERROR for f in run_check(CHECK, text, tools=tools))

    assert fails(lt_tools) == fails(harper_tools) == (draft is SLIPS)
