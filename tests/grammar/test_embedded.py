"""HarperBackend, in process: naming, categories, suggestions, disabled rules."""

from __future__ import annotations

from importlib.metadata import version
from types import SimpleNamespace

import pytest

from linter.grammar.base import CATEGORIES, GrammarBackend, GrammarIssue, GrammarUnavailable
from linter.grammar.embedded import (
    DISABLED_RULES,
    KIND_CATEGORY,
    RULE_CATEGORY,
    HarperBackend,
    _category,
    _replacement,
    harper_version,
)


@pytest.fixture(scope="module")
def harper() -> HarperBackend:
    return HarperBackend()


def test_name_is_the_installed_harper_py_version(harper):
    assert harper_version() == version("harper-py")
    assert harper.name == f"harper {version('harper-py')}"
    assert isinstance(harper, GrammarBackend)


def test_issues_carry_rule_names_categories_and_code_point_offsets(harper):
    text = "Café 😀 notes: I realy liked the the demo, it was an pleasure."
    assert harper.check(text) == [
        GrammarIssue(16, 21, "SpellCheck", "spelling", "Did you mean to spell `realy` this way?",
                     ("really", "ready", "real")),
        GrammarIssue(28, 35, "RepeatedWords", "grammar", "Did you mean to repeat this word?", ("the",)),
        GrammarIssue(49, 51, "AnA", "grammar", "Incorrect indefinite article.", ("a",)),
    ]
    assert text[16:21] == "realy" and text[49:51] == "an"


def test_every_category_is_a_known_one():
    assert set(KIND_CATEGORY.values()) <= set(CATEGORIES)
    assert set(RULE_CATEGORY.values()) <= set(CATEGORIES)
    assert _category("SpellCheck", "Spelling") == "spelling"
    assert _category("AnA", "Miscellaneous") == "grammar"
    assert _category("AsSoonAsPossible", "Miscellaneous") == "style"
    assert _category("Anything", "SomeKindHarperAddsLater") == "style"


def test_suggestions_become_replacements_of_the_flagged_text():
    lint = SimpleNamespace(problem_text="SQL")
    assert _replacement(lint, SimpleNamespace(kind=0, replacement_text="SQLite")) == "SQLite"
    assert _replacement(lint, SimpleNamespace(kind=1, replacement_text="")) == ""
    assert _replacement(lint, SimpleNamespace(kind=2, replacement_text=",")) == "SQL,"


def test_disabled_rules_are_real_rule_names_with_reasons(harper):
    harper.warm()
    config = harper._linter.get_lint_config()
    for rule, reason in DISABLED_RULES.items():
        assert rule in config and config[rule] is False
        assert reason and "\n" not in reason


def test_a_renamed_rule_is_an_error_not_silently_back_on():
    backend = HarperBackend(disabled={"NoSuchRule": "gone"})
    with pytest.raises(GrammarUnavailable, match="has no rule named NoSuchRule"):
        backend.check("Hello.")


def test_shedding_caches_changes_no_answer_and_keeps_the_config(harper):
    text = "Call me 9-10am -- it is a passion of mine... I realy liked it."
    before = harper.check(text)
    harper.shed_caches()
    assert harper.check(text) == before
    assert [i.rule_id for i in before] == ["SpellCheck"]


# Harper prints a debug line to descriptor 1 when its LookingForwardTo rule
# fires (harper-py 0.2.0); this sentence is ours.
LOOKING_FORWARD = "Hi Dana,\n\nI am looking forward to hear your thoughts.\n"


def test_harpers_own_debug_line_never_reaches_standard_output(harper, capfd, monkeypatch):
    from contextlib import nullcontext

    from linter.grammar import embedded

    found = harper.check(LOOKING_FORWARD)
    assert capfd.readouterr().out == ""
    assert [(LOOKING_FORWARD[i.start : i.end], i.rule_id, i.replacements) for i in found] == [
        ("hear", "LookingForwardTo", ("hearing",))
    ]
    monkeypatch.setattr(embedded, "quiet_stdout", nullcontext)  # the guard is what keeps it out
    harper.shed_caches()  # so Harper lints the text again instead of answering from its cache
    assert harper.check(LOOKING_FORWARD) == found
    assert capfd.readouterr().out == "gerund_form: -hearing- -- verb: -hear-\n"


def test_quiet_stdout_nests_and_restores_descriptor_one(capfd):
    import os

    from linter.grammar.quiet import quiet_stdout

    with quiet_stdout():
        os.write(1, b"hidden 1\n")
        with quiet_stdout():
            os.write(1, b"hidden 2\n")
        os.write(1, b"hidden 3\n")
    os.write(1, b"shown\n")
    assert capfd.readouterr().out == "shown\n"
