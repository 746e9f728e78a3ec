"""The engine: filtering, overrides, crash containment, order independence."""

from __future__ import annotations


import pytest

from linter.check import CheckOptions, Tools
from linter.config import Config
from linter.draft import parse_draft
from linter.engine import lint
from linter.grammar.base import GrammarUnavailable
from linter.models import Finding, Severity, Span
from tests.fakes import BEYOND, BYE, CRASHER, HELLO, ONLY_STATUS, make

TEXT = "Hi Jo,\n\nhello and bye.\n\nBest,\nAl\n\nOn Mon Jo wrote:\n> hello bye\n"


def run(checks, config=None, text=TEXT):
    return lint(parse_draft(text), checks, config or Config(), Tools())


def test_findings_sorted_and_quoted_reply_ignored():
    found = run((BYE, HELLO))
    assert [(f.code, f.span, f.message, f.severity) for f in found] == [
        ("FL901", Span(8, 13), 'found "hello"', Severity.WARNING),
        ("FL902", Span(18, 21), 'found "bye"', Severity.ERROR),
    ]


def test_front_matter_is_never_reported():
    text = "---\ncompany: bye corp\n---\nHi,\n\nnothing here.\n"
    assert run((BYE,), text=text) == ()


def test_crashing_check_becomes_one_finding_and_others_still_run():
    found = run((CRASHER, HELLO))
    assert [(f.code, f.rule, f.severity, f.span, f.message) for f in found] == [
        ("FL911", "internal-error", Severity.ERROR, Span(0, 0), "the check crashed (KeyError: 'boom'); please report this"),
        ("FL901", None, Severity.WARNING, Span(8, 13), 'found "hello"'),
    ]


def test_span_beyond_text_is_reported_as_a_crash():
    (finding,) = run((BEYOND,))
    assert finding.message.startswith("the check crashed (ValueError: span Span(start=0, end=")


def test_grammar_unavailable_propagates():
    def dead(check, draft, options, tools):
        raise GrammarUnavailable("server gone")
        yield  # pragma: no cover

    with pytest.raises(GrammarUnavailable):
        run((make("FL931", "dead-backend", dead),))


def test_severity_override_and_disable():
    config = Config(severity={"FL901": Severity.ERROR}, ignore=("FL902",))
    assert [(f.code, f.severity) for f in run((HELLO, BYE), config)] == [("FL901", Severity.ERROR)]


def test_kind_limited_check_runs_only_on_its_kind():
    assert run((ONLY_STATUS,)) == ()
    status = "Hi Jo,\n\nhello, I am following up on my application.\n\nBest,\nAl\n"
    assert [f.code for f in run((ONLY_STATUS,), text=status)] == ["FL921"]


def test_grammar_check_skipped_without_backend():
    grammar = make("FL941", "needs-grammar", uses_grammar=True)
    assert run((grammar,)) == ()


def test_order_of_checks_does_not_change_result():
    assert run((HELLO, BYE, CRASHER)) == run((CRASHER, BYE, HELLO))


def test_api_tools_refuse_an_unreachable_languagetool(monkeypatch, tmp_path):
    from linter.api import make_tools

    monkeypatch.setenv("FOLLOWUP_LINT_CACHE", str(tmp_path))
    monkeypatch.delenv("FOLLOWUP_LINT_LANGUAGETOOL_URL", raising=False)
    with pytest.raises(GrammarUnavailable) as err:
        make_tools("languagetool")
    assert str(err.value).startswith("no LanguageTool server is reachable; ")
    assert make_tools("off").grammar is None
    with pytest.raises(ValueError, match="unknown grammar backend 'harper'"):
        make_tools("harper")


def test_each_config_lints_with_its_own_options_draft_after_draft():
    """The enabled checks and their options are worked out once per config:
    configs used in turn each keep theirs, and the options are read-only."""
    from linter.check import read_options

    seen = []

    def word_limit(check, draft, options, tools):
        seen.append(read_options(_Limit, options).limit)
        with pytest.raises(TypeError):
            options["limit"] = 0  # type: ignore[index]
        return ()

    limited = make("FL951", "reads-limit", word_limit, options={"limit": 3})
    plain, strict = Config(), Config(options={"FL951": {"limit": 7}}, severity={"FL901": Severity.ERROR})
    for config in (plain, strict, plain, Config(options={"FL951": {"limit": 9}}), strict):
        found = run((limited, HELLO), config)
        assert [(f.code, f.severity) for f in found] == [("FL901", config.severity.get("FL901", Severity.WARNING))]
    assert seen == [3, 7, 3, 9, 7]


class _Limit(CheckOptions):
    limit: int = 3
