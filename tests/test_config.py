"""Config: discovery, validation with did-you-mean, selectors, options."""

from __future__ import annotations

import pytest

from linter.config import Config, ConfigError, find_config, load_config, parse_config
from linter.models import Severity
from tests.fakes import BYE, FAKES, HELLO


def parse(data):
    return parse_config(data, FAKES)


def test_defaults():
    config = parse({})
    assert (config.select, config.ignore, config.fail_on, config.fail_under, config.grammar, config.mode) == (
        ("all",), (), "error", 70, "auto", "draft")
    assert config.enabled(HELLO) and config.enabled(BYE)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"selct": ["all"]}, "unknown key 'selct' (did you mean 'select'?)"),
        ({"ignore": ["says-helo"]}, "ignore: unknown check 'says-helo' (did you mean 'says-hello'?)"),
        ({"checks": {"says-hello": {"wrod": "x"}}}, "checks.says-hello: unknown option 'wrod' (did you mean 'word'?) (options: word, limit, strict, words)"),
        ({"checks": {"says-hello": {"limit": "three"}}}, "'checks.says-hello.limit' must be a number, not 'three'"),
        ({"checks": {"says-hello": {"strict": 1}}}, "'checks.says-hello.strict' must be true or false, not 1"),
        ({"checks": {"says-hello": {"words": "abc"}}}, "'checks.says-hello.words' must be a list of text"),
        ({"severity": {"says-bye": "fatal"}}, "severity.says-bye: unknown severity 'fatal' (expected info, warning or error)"),
        ({"grammar": "harper"}, "'grammar' must be one of auto, languagetool, embedded, off, not 'harper'"),
        ({"fail_on": "warn"}, "'fail_on' must be one of error, warning, info, never, not 'warn' (did you mean 'warning'?)"),
        ({"score": {"weights": {}}}, "score: unknown key 'weights' (did you mean 'check_weights'?)"),
        ({"languagetool": {"port": 1}}, "languagetool: unknown key 'port'"),
        (["a"], "the config must be a mapping of keys to values"),
    ],
)
def test_invalid_config_is_one_clear_line(data, message):
    with pytest.raises(ConfigError) as err:
        parse(data)
    assert str(err.value) == message


def test_more_specific_selector_wins():
    config = parse({"select": ["all"], "ignore": ["FL9"]})
    assert not config.enabled(HELLO)
    config = parse({"ignore": ["FL9"], "select": ["says-hello"]})
    assert config.enabled(HELLO) and not config.enabled(BYE)
    config = parse({"select": ["FL90"], "ignore": ["FL9"]})
    assert config.enabled(HELLO)


def test_options_severity_weights_and_vocabulary():
    config = parse({
        "checks": {"FL901": {"word": "hey"}},
        "severity": {"says-hello": "error"},
        "score": {"check_weights": {"says-bye": 2}, "severity_weights": {"info": 0}},
        "vocabulary": ["Kubernetes"],
        "fail_under": 80,
    })
    assert config.options_for(HELLO) == {"word": "hey", "limit": 3, "strict": False, "words": []}
    assert config.severity_for(HELLO) == Severity.ERROR
    assert config.weight_for("FL902") == 2 and config.severity_weights[Severity.INFO] == 0
    assert config.vocabulary == ("Kubernetes",) and config.fail_under == 80


def test_find_and_load_yaml_walking_up(tmp_path):
    (tmp_path / ".followup-lint.yaml").write_text("ignore: [says-bye]\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    found = find_config(deep)
    assert found == tmp_path / ".followup-lint.yaml"
    assert load_config(found, FAKES).ignore == ("FL902",)


def test_pyproject_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.followup-lint]\nfail_on = "warning"\n')
    found = find_config(tmp_path)
    assert load_config(found, FAKES).fail_on == "warning"


def test_malformed_yaml_names_the_file(tmp_path):
    path = tmp_path / ".followup-lint.yaml"
    path.write_text("select: [all\n")
    with pytest.raises(ConfigError) as err:
        load_config(path, FAKES)
    assert str(err.value).startswith(f"{path}: malformed config: while parsing a flow sequence")


def test_unknown_key_in_file_names_the_file(tmp_path):
    path = tmp_path / ".followup-lint.yaml"
    path.write_text("vocabluary: [x]\n")
    with pytest.raises(ConfigError) as err:
        load_config(path, FAKES)
    assert str(err.value) == f"{path}: unknown key 'vocabluary' (did you mean 'vocabulary'?)"


def test_with_mode():
    assert Config().with_mode("template").mode == "template"
    with pytest.raises(ConfigError):
        Config().with_mode("templates")
