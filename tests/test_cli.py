"""The CLI end to end through click's CliRunner: exit codes, bad input,
formats. Grammar is off here unless a test says otherwise (the grammar
backends have their own tests)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from linter.cli import cli

SCHEMA = json.loads((Path(__file__).parents[1] / "linter/formats/report.schema.json").read_text())
GOOD = """Subject: Thank you for today

Dear Ms. Vega,

Thank you for meeting with me today about the analyst role. I enjoyed our talk
about the readmission dashboard and how your team plans to speed up the nightly
data extracts. I remain very interested in joining the team.

I look forward to hearing from you.

Best regards,
Jordan Ellis
jordan.ellis@mailbox.example | (503) 555-0148
"""
PUSHY = GOOD.replace("I remain very interested in joining the team.", "Did I get the job? I need an answer by Friday.")


@pytest.fixture
def runner(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER", "0")  # in process: the worker has its own tests
    return CliRunner()


def invoke(runner, *args, input=None):
    return runner.invoke(cli, ["check", "--grammar", "off", *args], input=input, catch_exceptions=False)


def test_stdin_good_draft_passes(runner):
    result = invoke(runner, "-", input=GOOD)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        "<stdin>: score 100/100, passed (no findings) · thank-you (inferred), 46 words · grammar: off"
    )


def test_findings_fail_with_exit_1_and_point_at_the_text(runner, tmp_path):
    (tmp_path / "pushy.txt").write_text(PUSHY)
    result = invoke(runner, "pushy.txt")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("pushy.txt:7:") and " FL401 asks-about-decision: " in line for line in lines)
    assert any(line.startswith("pushy.txt:7:") and " FL402 pressure-language: " in line for line in lines)


def test_bad_inputs_are_one_line_errors_and_others_still_linted(runner, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "bad-front.txt").write_text("---\ncompnay: X\n---\nHi\n")
    result = invoke(runner, "good.txt", "empty.txt", "blob.txt", "bad-front.txt", "missing.txt")
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines()]
    assert errors == [
        "followup-lint: error: empty.txt: empty draft",
        "followup-lint: error: blob.txt: binary file, not a text draft",
        "followup-lint: error: bad-front.txt: front matter: unknown context key 'compnay' (did you mean 'company'?)",
        "followup-lint: error: missing.txt: no such file",
    ]
    assert "good.txt: score 100/100, passed" in result.stdout


def test_config_error_is_exit_2_naming_the_file(runner, tmp_path):
    (tmp_path / ".followup-lint.yaml").write_text("ignroe: [FL101]\n")
    (tmp_path / "d.txt").write_text(GOOD)
    result = invoke(runner, "d.txt")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"followup-lint: error: {tmp_path / '.followup-lint.yaml'}: unknown key 'ignroe' (did you mean 'ignore'?)"
    )


def test_unknown_selector_is_a_usage_error(runner):
    result = invoke(runner, "--select", "asks-about-decison", "-", input=GOOD)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "followup-lint: error: --select: unknown check 'asks-about-decison' (did you mean 'asks-about-decision'?)"
    )


def test_languagetool_asked_for_but_unreachable_exits_2(runner, monkeypatch, tmp_path):
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE", str(tmp_path / "empty-cache"))
    monkeypatch.delenv("FOLLOWUP_LINT_LANGUAGETOOL_URL", raising=False)
    result = runner.invoke(cli, ["check", "--grammar", "languagetool", "--languagetool", "http://127.0.0.1:9", "-"], input=GOOD)
    assert result.exit_code == 2
    assert result.stderr.startswith("followup-lint: error: ")
    assert "LanguageTool" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_json_output_matches_the_documented_schema(runner, tmp_path):
    (tmp_path / "a.txt").write_text(PUSHY)
    (tmp_path / "b.txt").write_text("")
    result = invoke(runner, "--format", "json", "a.txt", "b.txt")
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert doc["errors"] == [{"path": "b.txt", "message": "empty draft"}]
    assert doc["summary"]["files"] == 2 and doc["summary"]["failed"] == 1
    assert doc["files"][0]["grammar_backend"] == "off"


def test_output_file_is_written_atomically_and_user_files_untouched(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    before = (tmp_path / "a.txt").read_bytes()
    result = invoke(runner, "--format", "json", "--output", "report.json", "a.txt")
    assert result.exit_code == 0
    assert json.loads((tmp_path / "report.json").read_text())["files"][0]["score"] == 100
    assert (tmp_path / "a.txt").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.json"]


def test_fail_under_and_fail_on(runner):
    assert invoke(runner, "--fail-on", "never", "--fail-under", "0", "-", input=PUSHY).exit_code == 0
    assert invoke(runner, "--fail-on", "never", "-", input=PUSHY).exit_code == 1  # 44, under the pass mark
    assert invoke(runner, "--fail-on", "never", "--fail-under", "100", "-", input=GOOD).exit_code == 0


def test_rules_and_explain(runner):
    result = runner.invoke(cli, ["rules"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 22
    assert result.output.splitlines()[0].startswith("FL101  spelling-grammar")
    result = runner.invoke(cli, ["explain", "fl401"])
    assert result.exit_code == 0
    assert result.output.startswith("FL401 asks-about-decision (error)\n\nWhat it flags\n")
    for section in ("\nWhy\n", "\nAdvice it rests on (shared/GUIDANCE.md)\n    G8: do not ask whether you got the job or a decision was made (R1, R2)\n", "\nExample\n", "\nInstead\n"):
        assert section in result.output
    result = runner.invoke(cli, ["explain", "asks-about-decison"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "followup-lint: error: unknown check 'asks-about-decison' (did you mean 'asks-about-decision'?)"
