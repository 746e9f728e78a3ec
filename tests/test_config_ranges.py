"""Config values checked for type and range (issue 10, item 8): each bad
value is one line naming the key and the file, exit 2, never a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.config import ConfigError, load_config, parse_config
from tests.fakes import FAKES, make

MAX_WORDS = make("FL931", "caps-words", options={"max_words": 10, "topic_share": 0.5})
CHECKS = (*FAKES, MAX_WORDS)


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("score: {check_weights: [1, 2]}", "'score.check_weights' must map names to weights, not [1, 2]"),
        ("score: {severity_weights: 3}", "'score.severity_weights' must map names to weights, not 3"),
        ("score: {severity_weights: {error: .nan}}", "'score.severity_weights.error' must be a finite number, not nan"),
        ("score: {check_weights: {says-bye: .inf}}", "'score.check_weights.says-bye' must be a finite number, not inf"),
        ("score: {check_weights: {says-bye: -5}}", "'score.check_weights.says-bye' must be between 0 and 1,000,000,000, not -5"),
        ("score: {max_loss_per_check: -1}", "'score.max_loss_per_check' must be between 0 and 100, not -1"),
        ("max_bytes: 99999999999999999999", "'max_bytes' must be between 1 and 1,000,000,000, not 99999999999999999999"),
        ("max_bytes: 0", "'max_bytes' must be between 1 and 1,000,000,000, not 0"),
        ("max_bytes: " + "9" * 60, "'max_bytes' must be between 1 and 1,000,000,000, not a number too long to show"),
        ("fail_under: 1000000", "'fail_under' must be between 0 and 100, not 1000000"),
        ("fail_under: -1", "'fail_under' must be between 0 and 100, not -1"),
        ("checks: {caps-words: {max_words: -3}}", "'checks.caps-words.max_words' must be between 1 and 1,000,000,000, not -3"),
        ("checks: {caps-words: {max_words: 0}}", "'checks.caps-words.max_words' must be between 1 and 1,000,000,000, not 0"),
        ("checks: {caps-words: {topic_share: 1.5}}", "'checks.caps-words.topic_share' must be between 0 and 1, not 1.5"),
        ("checks: {says-hello: {limit: -1}}", "'checks.says-hello.limit' must be between 0 and 1,000,000,000, not -1"),
        ("languagetool: {idle_timeout: -1}", "'languagetool.idle_timeout' must be between 1 and 1,000,000,000, not -1"),
    ],
)
def test_bad_value_is_one_line_naming_key_and_file(tmp_path, yaml_text, message):
    path = tmp_path / ".followup-lint.yaml"
    path.write_text(yaml_text + "\n")
    with pytest.raises(ConfigError) as err:
        load_config(path, CHECKS)
    assert str(err.value) == f"{path}: {message}"


def test_values_at_the_edges_are_accepted():
    config = parse_config(
        {"fail_under": 100, "max_bytes": 1, "score": {"check_weights": {"says-bye": 0}, "max_loss_per_check": 100},
         "checks": {"caps-words": {"max_words": 1, "topic_share": 0}}},
        CHECKS,
    )
    assert (config.fail_under, config.max_bytes, config.weight_for("FL902"), config.max_loss_per_check) == (100, 1, 0, 100)
    assert config.options["FL931"] == {"max_words": 1, "topic_share": 0}


@pytest.mark.parametrize("written", ["off", "Off", "'off'", "false"])
def test_grammar_off_unquoted_is_off(tmp_path, written):
    path = tmp_path / ".followup-lint.yaml"
    path.write_text(f"grammar: {written}\n")
    assert load_config(path, CHECKS).grammar == "off"


def test_grammar_true_is_still_refused(tmp_path):
    path = tmp_path / ".followup-lint.yaml"
    path.write_text("grammar: on\n")
    with pytest.raises(ConfigError) as err:
        load_config(path, CHECKS)
    assert str(err.value) == f"{path}: 'grammar' must be one of auto, languagetool, embedded, off, not 'True'"


def test_cli_exits_2_with_the_line_and_no_traceback(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER", "0")
    (tmp_path / ".followup-lint.yaml").write_text("score: {severity_weights: {error: .nan}}\n")
    (tmp_path / "a.txt").write_text("Hi Ann,\n\nThanks.\n")
    result = CliRunner().invoke(cli, ["check", "--grammar", "off", "a.txt"], catch_exceptions=False)
    assert result.exit_code == 2
    config = tmp_path / ".followup-lint.yaml"
    assert result.stderr.splitlines() == [
        f"followup-lint: error: {config}: 'score.severity_weights.error' must be a finite number, not nan"
    ]
