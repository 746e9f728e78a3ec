"""Templates end to end through ``followup-lint check``: ``--mode template``,
``templates:`` globs in the config, FL503's ``allowed`` slots, and
placeholders that satisfy the detail check and are never spell-checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linter.cli import cli

THANKS = """\
Subject: Thank you, {interviewer_first_name}

Hi {interviewer_first_name},

Thank you for taking the time to talk with me on {interview_day} about the {role} role at {company}. I especially enjoyed our conversation about {specific_topic_we_discussed}.

I look forward to hearing about the next steps.

Best regards,
Sam Lee
sam.lee@example.com
"""

TYPO = """\
Hi {interviewer_frist_name},

Thank you for talking with me about the {role} role at {compnay}. I enjoyed hearing about {specific_topic}.

I look forward to hearing about the next steps.

Best regards,
Sam Lee
sam.lee@example.com
"""

DECLARED = "[interviewer_first_name, interview_day, role, company, specific_topic, specific_topic_we_discussed]"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "templates").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "templates" / "thanks.txt").write_text(THANKS, encoding="utf-8")
    (tmp_path / "templates" / "typo.txt").write_text(TYPO, encoding="utf-8")
    (tmp_path / "drafts" / "dana.txt").write_text(THANKS, encoding="utf-8")  # a template copied, not filled in
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str) -> tuple[int, dict[str, Any]]:
    done = CliRunner().invoke(cli, ["check", *args, "--format", "json"])
    return done.exit_code, json.loads(done.stdout)


def found(doc: dict[str, Any], path: str) -> list[tuple[str, int, int, str]]:
    """(code, line, column, flagged text) of each finding in ``path``."""
    text = Path(path).read_text(encoding="utf-8")
    (report,) = [f for f in doc["files"] if f["path"] == path]
    return [
        (f["code"], f["start"]["line"], f["start"]["column"], text[f["start"]["offset"] : f["end"]["offset"]])
        for f in report["findings"]
    ]


def test_draft_mode_flags_every_placeholder(repo: Path) -> None:
    code, doc = check("templates/thanks.txt", "--grammar", "off", "--select", "FL503")
    assert code == 1
    assert found(doc, "templates/thanks.txt") == [
        ("FL503", 1, 21, "{interviewer_first_name}"),
        ("FL503", 3, 4, "{interviewer_first_name}"),
        ("FL503", 5, 50, "{interview_day}"),
        ("FL503", 5, 76, "{role}"),
        ("FL503", 5, 91, "{company}"),
        ("FL503", 5, 146, "{specific_topic_we_discussed}"),
    ]


def test_template_mode_expects_placeholders_and_a_detail_slot_counts_as_a_detail(repo: Path) -> None:
    code, doc = check("templates/thanks.txt", "--grammar", "off", "--select", "FL503,FL301", "--mode", "template")
    assert code == 0
    assert found(doc, "templates/thanks.txt") == []


def test_templates_glob_switches_mode_per_file(repo: Path) -> None:
    (repo / ".followup-lint.yaml").write_text("templates: ['templates/*']\n", encoding="utf-8")
    code, doc = check("templates/thanks.txt", "drafts/dana.txt", "--grammar", "off", "--select", "FL503,FL301")
    assert code == 1
    assert found(doc, "templates/thanks.txt") == []
    # the copy in drafts/ is a draft: its slots are left-overs, and a slot is no detail
    assert [(c, line, col) for c, line, col, _ in found(doc, "drafts/dana.txt")] == [
        ("FL503", 1, 21), ("FL503", 3, 4), ("FL301", 5, 1), ("FL503", 5, 50), ("FL503", 5, 76), ("FL503", 5, 91), ("FL503", 5, 146),
    ]


def test_templates_glob_is_relative_to_the_config_not_the_current_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / ".followup-lint.yaml").write_text("templates: ['templates/*']\n", encoding="utf-8")
    monkeypatch.chdir(repo / "drafts")
    code, doc = check("../templates/thanks.txt", "--grammar", "off", "--select", "FL503")
    assert (code, found(doc, "../templates/thanks.txt")) == (0, [])


def test_undeclared_or_misspelt_slot_is_flagged_in_a_template(repo: Path) -> None:
    (repo / ".followup-lint.yaml").write_text(
        f"templates: ['templates/*']\nchecks:\n  leftover-placeholder:\n    allowed: {DECLARED}\n", encoding="utf-8"
    )
    code, doc = check("templates", "--grammar", "off", "--select", "FL503")
    assert code == 1
    assert found(doc, "templates/thanks.txt") == []
    assert found(doc, "templates/typo.txt") == [
        ("FL503", 1, 4, "{interviewer_frist_name}"),
        ("FL503", 3, 56, "{compnay}"),
    ]
    (report,) = [f for f in doc["files"] if f["path"] == "templates/typo.txt"]
    messages = [f["message"] for f in report["findings"]]
    assert "did you mean 'interviewer_first_name'?" in messages[0]
    assert "did you mean 'company'?" in messages[1]
    assert doc["summary"] == {"files": 2, "passed": 1, "failed": 1, "errors": 0, "average_score": 80.0, "lowest_score": 60}


def test_placeholders_are_never_spell_checked(repo: Path) -> None:
    code, doc = check("templates/typo.txt", "--grammar", "embedded", "--select", "FL101", "--mode", "template")
    assert code == 0
    (report,) = doc["files"]
    assert report["grammar_backend"].startswith("harper")
    text = TYPO
    slots = [(text.index(s), text.index(s) + len(s)) for s in ("{interviewer_frist_name}", "{compnay}", "{specific_topic}")]
    for f in report["findings"]:
        start, end = f["start"]["offset"], f["end"]["offset"]
        assert not any(start < b and a < end for a, b in slots), f
