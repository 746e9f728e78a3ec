"""LanguageToolBackend against a real server: exact findings, failures."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from linter.grammar.base import GrammarBackend, GrammarIssue, GrammarUnavailable
from linter.grammar.languagetool import server
from linter.grammar.languagetool.client import LanguageToolBackend
from linter.grammar.languagetool.install import Installation
from tests.helpers import marked


@pytest.fixture(scope="module")
def backend(lt_url: str, lt_cache: Path) -> LanguageToolBackend:
    return LanguageToolBackend(lt_url, cache=lt_cache)


def only_issue(backend: LanguageToolBackend, draft: str) -> tuple[GrammarIssue, str]:
    text, [span] = marked(draft)
    issues = backend.check(text)
    assert len(issues) == 1, issues
    issue = issues[0]
    assert (issue.start, issue.end) == (span.start, span.end)
    return issue, text


def test_is_a_grammar_backend(backend: LanguageToolBackend,
                              lt_installation: Installation) -> None:
    assert isinstance(backend, GrammarBackend)
    assert backend.name == f"languagetool {lt_installation.version} at 127.0.0.1"


def test_misspelling(backend: LanguageToolBackend) -> None:
    issue, _ = only_issue(backend, "I [[recieved]] your email yesterday.")
    assert issue.rule_id == "MORFOLOGIK_RULE_EN_US"
    assert issue.category == "spelling"
    assert issue.replacements[0] == "received"


def test_a_before_vowel(backend: LanguageToolBackend) -> None:
    issue, _ = only_issue(backend, "She ate [[a]] apple.")
    assert issue.rule_id == "EN_A_VS_AN"
    assert issue.category == "grammar"
    assert issue.replacements == ("an",)


def test_repeated_word(backend: LanguageToolBackend) -> None:
    issue, _ = only_issue(backend, "Thank you for [[the the]] interview.")
    assert issue.rule_id == "ENGLISH_WORD_REPEAT_RULE"
    assert issue.category == "grammar"
    assert issue.replacements[0] == "the"


def test_space_before_comma_is_typography(backend: LanguageToolBackend) -> None:
    issue, _ = only_issue(backend, "Thank you for your time[[ ,]] I enjoyed it.")
    assert issue.rule_id == "COMMA_PARENTHESIS_WHITESPACE"
    assert issue.category == "typography"
    assert issue.replacements[0] == ","


@pytest.mark.parametrize("draft", [
    "🎉 Thanks again, I [[recieved]] it.",
    "👋🏽 Café déjà vu: I [[recieved]] it.",   # two astral code points + BMP accents
])
def test_offsets_after_emoji_are_python_indices(backend: LanguageToolBackend,
                                                draft: str) -> None:
    issue, text = only_issue(backend, draft)
    assert text[issue.start:issue.end] == "recieved"
    assert issue.rule_id == "MORFOLOGIK_RULE_EN_US"


def test_clean_text_has_no_issues(backend: LanguageToolBackend) -> None:
    assert backend.check("Thank you for your time yesterday.") == []
    assert backend.check("") == []


def test_managed_server_is_restarted_once_then_unavailable(tmp_cache: Path) -> None:
    first = server.start(tmp_cache, idle_timeout=0, warm=False).state
    backend = LanguageToolBackend(first.url, cache=tmp_cache)
    assert backend.check("She ate a apple.")[0].rule_id == "EN_A_VS_AN"

    os.kill(first.pid, signal.SIGKILL)
    issues = backend.check("She ate a apple.")  # restarts the server
    assert [i.rule_id for i in issues] == ["EN_A_VS_AN"]
    second = server.read_state(tmp_cache)
    assert second is not None and second.pid != first.pid
    assert backend.url == second.url

    os.kill(second.pid, signal.SIGKILL)
    time.sleep(0.2)
    with pytest.raises(GrammarUnavailable):
        backend.check("She ate a apple.")
