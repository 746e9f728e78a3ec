"""FL101 respects its writer: dialect, names, the writer's trade words.

Runs the real Harper backend in process; the same drafts go through
LanguageTool in ``tests/languagetool/test_lt_spelling.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks._word_rarity import SLIP, TERM, UNKNOWN, judge_word
from checks.language.spelling_grammar import CHECK
from linter.check import Tools
from linter.config import ConfigError, parse_config
from linter.context import ContextError, parse_context
from linter.grammar.base import GrammarIssue
from linter.grammar.embedded import HarperBackend
from linter.models import Fix, Severity
from linter.registry import load_checks
from tests.helpers import TODAY, marked, run_check

BOTH_SPELLINGS = (
    "Hi Priya,\n\n"
    "Thank you for showing me the colour-coded centre of the lab. I would love to "
    "analyse the catalogue data and help organise the archive, and to analyze the "
    "color charts too.\n\n"
    "Best regards,\nTomasz Wierzbicki\ntomasz@example.com"
)

TRADE_WORDS = (
    "Hi Priya,\n\n"
    "Thank you for the talk about the [[runbook]] you keep for the failover drills "
    "and the upskilling plan for the on-call team.\n\n"
    "Best regards,\nTomasz Wierzbicki\ntomasz@example.com"
)

SLIPS = (
    "Hi Priya,\n\n"
    "I am very [[intrested]] in the [[oppurtunity]] and hope to [[recieve]] your news.\n\n"
    "Best regards,\nTomasz Wierzbicki\ntomasz@example.com"
)


@pytest.fixture(scope="module")
def tools() -> Tools:
    backend = HarperBackend()
    backend.warm()
    return Tools(grammar=backend, today=TODAY)


def rows(findings):
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in findings]


def spelling_fix(span, new: str, safe: bool = False) -> Fix:
    return Fix(span, new, "correct the spelling", safe=safe)


# -- dialect -------------------------------------------------------------------

def test_any_dialect_accepts_british_and_american_spellings(tools):
    assert run_check(CHECK, BOTH_SPELLINGS, tools=tools) == []


def test_american_dialect_flags_british_spellings_naming_the_dialect(tools):
    text, spans = marked(
        "---\ndialect: en-US\n---\nHi Priya,\n\nI enjoyed the [[colour]] charts and would "
        "love to [[analyse]] the data.\n\nBest regards,\nTomasz Wierzbicki\ntomasz@example.com"
    )
    colour, analyse = spans
    assert rows(run_check(CHECK, text, tools=tools)) == [
        ("FL101", colour, '"colour" is the British English, Canadian English or Australian '
         "English spelling; your dialect is American English (en-US)", Severity.ERROR,
         spelling_fix(colour, "color")),
        ("FL101", analyse, '"analyse" is the British English or Australian English spelling; '
         "your dialect is American English (en-US)", Severity.ERROR,
         spelling_fix(analyse, "analyze")),
    ]


def test_british_dialect_option_flags_american_spellings(tools):
    text, [color] = marked(
        "Hi Priya,\n\nI enjoyed the [[color]] charts and would love to analyse the data.\n\n"
        "Best regards,\nTomasz Wierzbicki\ntomasz@example.com"
    )
    found = run_check(CHECK, text, tools=tools, options={"dialect": "en-GB"})
    assert rows(found) == [
        ("FL101", color, '"color" is the American English spelling; your dialect is '
         "British English (en-GB)", Severity.ERROR, spelling_fix(color, "colour")),
    ]


def test_front_matter_dialect_wins_over_the_option(tools):
    text = "---\ndialect: any\n---\n" + BOTH_SPELLINGS
    assert run_check(CHECK, text, tools=tools, options={"dialect": "en-GB"}) == []


def test_dialect_in_config_reaches_the_check():
    checks = load_checks()
    config = parse_config({"dialect": "en-AU"}, checks)
    assert config.options_for(CHECK)["dialect"] == "en-AU"
    explicit = parse_config({"dialect": "en-AU", "checks": {"spelling-grammar": {"dialect": "en-CA"}}}, checks)
    assert explicit.options_for(CHECK)["dialect"] == "en-CA"


def test_unknown_dialect_is_one_clear_line():
    checks = load_checks()
    with pytest.raises(ConfigError) as config_error:
        parse_config({"dialect": "en-UK"}, checks)
    assert str(config_error.value) == (
        "'dialect' must be one of any, en-US, en-GB, en-CA, en-AU, not 'en-UK' (did you mean 'en-US'?)"
    )
    with pytest.raises(ConfigError) as option_error:
        parse_config({"checks": {"spelling-grammar": {"dialect": "british"}}}, checks)
    assert str(option_error.value) == (
        "'checks.spelling-grammar.dialect' must be one of any, en-US, en-GB, en-CA, en-AU, not 'british'"
    )
    with pytest.raises(ContextError) as context_error:
        parse_context({"dialect": "en-GBR"})
    assert str(context_error.value) == (
        "unknown dialect 'en-GBR' (did you mean 'en-GB'?); expected one of any, en-US, en-GB, en-CA, en-AU"
    )


# -- names and context --------------------------------------------------------------

def test_names_of_sender_reader_and_context_are_never_flagged(tools):
    text = (
        "---\ncompany: Brightwater Analytics\ninterviewer:\n  name: Oluwaseun Adebayo\n"
        "  title: Scrumwright lead\ntopics:\n  - the ledgerline migration\n---\n"
        "Hi Oluwaseun,\n\n"
        "Thank you for telling me about the ledgerline migration and the scrumwright role. "
        "Siobhan is how friends know me, and Siobhan is happy to help.\n\n"
        "Best regards,\nSiobhan Ní Dhubhghaill\nsiobhan@example.com"
    )
    assert run_check(CHECK, text, tools=tools) == []


# -- trade words and slips ----------------------------------------------------------------

def test_a_trade_word_is_a_warning_to_add_to_the_vocabulary(tools):
    text, [runbook] = marked(TRADE_WORDS)
    assert rows(run_check(CHECK, text, tools=tools)) == [
        ("FL101", runbook, '"runbook" is not in the dictionary; if it is a term of your field, '
         "add it to your vocabulary", Severity.WARNING, Fix(runbook, "run book", "correct the spelling")),
    ]
    assert run_check(CHECK, text, tools=tools, options={"vocabulary": ["runbook"]}) == []


def test_slips_on_common_words_stay_errors(tools):
    text, (intrested, oppurtunity, recieve) = marked(SLIPS)
    assert rows(run_check(CHECK, text, tools=tools)) == [
        ("FL101", intrested, 'possible misspelling: "intrested"', Severity.ERROR,
         spelling_fix(intrested, "interested")),
        ("FL101", oppurtunity, 'possible misspelling: "oppurtunity"', Severity.ERROR,
         spelling_fix(oppurtunity, "opportunity", safe=True)),
        ("FL101", recieve, 'possible misspelling: "recieve"', Severity.ERROR,
         spelling_fix(recieve, "receive")),
    ]


@pytest.mark.parametrize(("word", "suggestions", "verdict"), [
    ("runbook", ("run book",), TERM),  # two everyday words
    ("failover", (), TERM),  # written in general English, if rarely
    ("upskilling", (), TERM),
    ("timeboxing", (), TERM),  # "time" + "box", with its ending
    ("cron", (), TERM),  # short: "iron" and "con" are near by chance
    ("teh", ("the",), SLIP),  # short, but "the" is a thousand times commoner
    ("intrested", ("interested",), SLIP),  # one letter from a common word
    ("recieve", (), SLIP),  # two letters swapped
    ("oppurtunity", (), SLIP),
    ("eachother", ("each other",), SLIP),  # a common phrase run together
    ("alot", ("a lot",), SLIP),
    ("blorft", (), UNKNOWN),  # no evidence either way: stays an error
    ("thank", ("thanks",), UNKNOWN),  # an everyday word flagged for its context
])
def test_judge_word(word, suggestions, verdict):
    assert judge_word(word, suggestions) == verdict


class FlagsEveryWord:
    """A backend whose dictionary lacks the given words (as a smaller one would)."""

    name = "fake 1"

    def __init__(self, *words: str) -> None:
        self.words = words

    def check(self, text: str, dialect: str = "any") -> list[GrammarIssue]:
        return [
            GrammarIssue(text.index(w), text.index(w) + len(w), "SPELL", "spelling", "unknown word")
            for w in self.words
        ]


def test_any_backend_that_flags_trade_words_gets_warnings():
    text, [runbook] = marked(TRADE_WORDS)
    fake = FlagsEveryWord("runbook", "failover", "upskilling", "team")
    found = [(text[f.span.start:f.span.end], f.message, f.severity) for f in
             run_check(CHECK, text, tools=Tools(grammar=fake, today=TODAY))]
    advice = "is not in the dictionary; if it is a term of your field, add it to your vocabulary"
    assert found == [
        ("runbook", f'"runbook" {advice}', Severity.WARNING),
        ("failover", f'"failover" {advice}', Severity.WARNING),
        ("upskilling", f'"upskilling" {advice}', Severity.WARNING),
        ("team", 'possible misspelling: "team"', Severity.ERROR),  # an everyday word: the backend's call
    ]


def test_word_frequencies_are_wordfreqs_own_read_without_importing_it():
    import math
    import subprocess
    import sys

    from wordfreq import get_frequency_dict

    from checks._word_rarity import common_zipf, zipf

    reference = {w: math.log10(f) + 9 for w, f in get_frequency_dict("en", wordlist="large").items()}
    words = sorted(reference)
    for word in words[::53] + ["the", "interested", "runbook", "zzzqqq", "The"]:
        expected = reference.get(word.casefold(), 0.0)
        assert zipf(word) == expected, word
        assert common_zipf(word.casefold()) == (expected if expected >= 2.5 else 0.0), word
    assert sum(1 for w in words if common_zipf(w) != (reference[w] if reference[w] >= 2.5 else 0.0)) == 0
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys; from checks._word_rarity import zipf; zipf('runbook'); "
                               "print('wordfreq' in sys.modules)"],
        capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2],
    )
    assert loaded.stdout == "False\n"
