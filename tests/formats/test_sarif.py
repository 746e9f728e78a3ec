"""SARIF 2.1.0, from hand-built reports, validated against the official schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from linter.formats import RunResult
from linter.formats.sarif import artifact_uri, render
from tests.formats.sample import CHECKS, PASSED, RESULT

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "tests" / "data" / "sarif-schema-2.1.0.json"  # vendored; see its notice


@pytest.fixture(scope="module")
def validator() -> Any:
    if not SCHEMA.is_file():
        pytest.fail(f"SARIF schema not found at {SCHEMA} (vendored under tests/data)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _log(result: RunResult = RESULT) -> dict[str, Any]:
    return json.loads(render(result, CHECKS))


def test_schema_valid(validator: Any) -> None:
    validator.validate(_log())


def test_schema_valid_when_nothing_was_found(validator: Any) -> None:
    validator.validate(_log(RunResult((PASSED,))))
    validator.validate(_log(RunResult(())))


def test_rules_come_from_the_catalog() -> None:
    rules = _log()["runs"][0]["tool"]["driver"]["rules"]
    assert rules[1] == {
        "id": "FL401",
        "name": "asks-about-decision",
        "shortDescription": {"text": "Asks whether a decision has been made."},
        "fullDescription": {
            "text": "Pressing for a verdict puts the interviewer on the spot; asking about next steps gets the same answer politely."
        },
        "defaultConfiguration": {"level": "error"},
        "help": {
            "text": "Asks whether a decision has been made.\n\nExample:\nHave you decided yet?\n\nInstead:\nWhat are the next steps?"
        },
        "properties": {"tags": ["no-pressure"]},
    }
    assert [r["id"] for r in rules] == ["FL101", "FL401", "FL405"]
    assert all("helpUri" not in r for r in rules)


def test_results_exactly() -> None:
    run = _log()["runs"][0]
    uri = "drafts/dana%2C%20final%3Av2.txt"
    assert run["results"] == [
        {
            "ruleId": "FL401",
            "ruleIndex": 1,
            "level": "error",
            "message": {"text": "'Have you made a decision yet?' presses for a verdict; ask about the next steps instead"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {"startLine": 5, "startColumn": 44, "endLine": 5, "endColumn": 73, "charOffset": 76, "charLength": 29},
                    }
                }
            ],
            "fixes": [
                {
                    "description": {"text": "ask about next steps"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": uri},
                            "replacements": [
                                {
                                    "deletedRegion": {"startLine": 5, "startColumn": 44, "endLine": 5, "endColumn": 73, "charOffset": 76, "charLength": 29},
                                    "insertedContent": {"text": "Could you share the next steps?"},
                                }
                            ],
                        }
                    ],
                }
            ],
            "properties": {"name": "asks-about-decision", "tags": ["no-pressure"]},
        },
        {
            "ruleId": "FL405",
            "ruleIndex": 2,
            "level": "warning",
            "message": {"text": "'100% <sure> & ready' sounds eager: 100%, every time,\nand loud"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {"startLine": 6, "startColumn": 5, "endLine": 6, "endColumn": 24, "charOffset": 110, "charLength": 19},
                    }
                }
            ],
            "properties": {"name": "over-eager-tone"},
        },
        {
            "ruleId": "FL101",
            "ruleIndex": 0,
            "level": "note",
            "message": {"text": "'truely' is misspelt; did you mean 'truly'?"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {"startLine": 6, "startColumn": 26, "endLine": 6, "endColumn": 32, "charOffset": 131, "charLength": 6},
                    }
                }
            ],
            "fixes": [
                {
                    "description": {"text": "correct the spelling"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": uri},
                            "replacements": [
                                {
                                    "deletedRegion": {"startLine": 6, "startColumn": 26, "endLine": 6, "endColumn": 32, "charOffset": 131, "charLength": 6},
                                    "insertedContent": {"text": "truly"},
                                }
                            ],
                        }
                    ],
                }
            ],
            "properties": {"name": "spelling-grammar", "rule": "Spelling", "category": "spelling"},
        },
    ]


def test_header_artifacts_and_unreadable_drafts() -> None:
    log = _log()
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert run["tool"]["driver"]["name"] == "followup-lint"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["artifacts"] == [
        {"location": {"uri": "drafts/dana%2C%20final%3Av2.txt"}, "properties": {
            "score": 70, "passed": False, "passMark": 70,
            "failReasons": [{"rule": "fail-on", "message": "1 finding at error level (FL401 asks-about-decision)", "codes": ["FL401"]}],
            "kind": "thank-you", "kindSource": "inferred", "grammarBackend": "harper 0.2.0"}},
        {"location": {"uri": "drafts/lee.txt"}, "properties": {
            "score": 100, "passed": True, "passMark": 70, "failReasons": [],
            "kind": "thank-you", "kindSource": "given", "grammarBackend": "off"}},
    ]
    assert run["invocations"] == [
        {
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {
                    "level": "error",
                    "message": {"text": "not UTF-8 text (invalid byte 0xff at offset 3)"},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "drafts/broken.eml"}}}],
                }
            ],
        }
    ]


def test_finding_from_outside_the_catalog_still_gets_a_rule() -> None:
    run = json.loads(render(RESULT, CHECKS[:1]))["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["FL101", "FL401", "FL405"]
    assert run["tool"]["driver"]["rules"][1] == {"id": "FL401", "name": "asks-about-decision"}
    assert [r["ruleIndex"] for r in run["results"]] == [1, 2, 0]


def test_uris() -> None:
    assert artifact_uri("templates/thank you.txt") == "templates/thank%20you.txt"
    assert artifact_uri("/home/sam/a b.txt") == "file:///home/sam/a%20b.txt"


def test_cli_run_with_the_real_catalog_is_schema_valid(validator: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from linter.cli import cli
    from linter.registry import load_checks
    from tests.formats.sample import DRAFT

    draft = tmp_path / "dana.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "report.sarif"
    done = CliRunner().invoke(cli, ["check", str(draft), "--grammar", "off", "--format", "sarif", "--output", str(out)])
    assert done.exit_code in (0, 1), done.output
    log = json.loads(out.read_text(encoding="utf-8"))
    validator.validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    checks = load_checks()
    assert [r["id"] for r in rules] == [c.code for c in checks]
    assert [r["fullDescription"]["text"] for r in rules] == [c.why for c in checks]
    results = log["runs"][0]["results"]
    assert results, "the sample draft has findings"
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        start, length = region["charOffset"], region["charLength"]
        assert 0 <= start and start + length <= len(DRAFT)
