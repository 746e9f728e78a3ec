"""CLI conventions users of ruff and Vale expect: --quiet, --statistics,
--stdin-filename, --color against NO_COLOR/FORCE_COLOR, config, explain hints."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli

EXAMPLES = Path(__file__).parents[1] / "examples"
PUSHY = (EXAMPLES / "drafts/weak/pushy-deadline.txt").read_text()
TEMPLATE_LIKE = (EXAMPLES / "drafts/weak/placeholders-left-in.txt").read_text()


@pytest.fixture
def run(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(EXAMPLES)
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER", "0")
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)

    def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


def test_quiet_prints_findings_only(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", "--grammar", "off", "--quiet", "drafts/weak/pushy-deadline.txt")
    assert result.exit_code == 1
    assert "score" not in result.stdout and "points lost" not in result.stdout
    assert result.stdout.splitlines()[0].startswith("drafts/weak/pushy-deadline.txt:8:3: error FL402 ")
    clean = run("check", "--grammar", "off", "--quiet", "drafts/good/linkedin-note.txt")
    assert (clean.exit_code, clean.stdout) == (0, "")


def test_statistics_counts_per_check(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check", "--grammar", "off", "--statistics", "drafts/weak/pushy-deadline.txt")
    assert result.stdout == (
        "    4  FL402  pressure-language\n"
        "    1  FL304  no-forward-close\n"
    )


def test_stdin_filename_applies_the_template_glob(run) -> None:  # type: ignore[no-untyped-def]
    plain = run("check", "--grammar", "off", "-", input=TEMPLATE_LIKE)
    named = run("check", "--grammar", "off", "--stdin-filename", "templates/x.txt", "-", input=TEMPLATE_LIKE)
    assert "<stdin>: score 44/100" in plain.stdout
    assert "templates/x.txt: score 60/100" in named.stdout


@pytest.mark.parametrize(("args", "env", "coloured"), [
    ((), {}, False),  # not a terminal
    (("--color", "always"), {"NO_COLOR": "1"}, True),
    (("--color=never",), {"FORCE_COLOR": "1"}, False),
    ((), {"FORCE_COLOR": "1"}, True),
    ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    (("--no-color",), {"FORCE_COLOR": "1"}, False),
])
def test_color_choice_beats_the_environment(run, monkeypatch, args, env, coloured) -> None:  # type: ignore[no-untyped-def]
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run("check", "--grammar", "off", *args, "drafts/weak/pushy-deadline.txt")
    assert ("\x1b[" in result.stdout) is coloured


def test_explain_suggests_a_code(run) -> None:  # type: ignore[no-untyped-def]
    result = run("explain", "FL41")
    assert (result.exit_code, result.stderr) == (2, "followup-lint: error: unknown check 'FL41' (did you mean 'FL401'?)\n")


def test_config_shows_each_value_and_its_source(run) -> None:  # type: ignore[no-untyped-def]
    result = run("config", "drafts/weak/pushy-deadline.txt")
    source = str(EXAMPLES / ".followup-lint.yaml")
    lines = result.stdout.splitlines()
    assert lines[0] == f"# config file: {source}"
    assert f"fail_under: 85  # {source}" in lines
    assert "mode: \"draft\"  # default" in lines
    template = run("config", "templates/thank-you-template.txt").stdout.splitlines()
    assert "mode: \"template\"  # templates glob" in template
