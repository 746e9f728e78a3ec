"""The verdict: a draft fails on a finding at or above fail_on, on a missing
must-have of its kind, or on a score under the pass mark; "passed" never
stands beside a score under that mark, and every format says why."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from linter.api import lint_text, make_tools
from linter.cli import cli
from linter.config import DEFAULT_MUST_HAVE, Config, ConfigError, parse_config
from linter.context import KINDS, Context
from linter.formats import RunResult
from linter.formats import github, junit, sarif
from linter.formats.json_format import format_json
from linter.formats.text import format_text
from linter.models import Finding, Reason, Severity, Span
from linter.registry import load_checks
from linter.verdict import judge
from tests.helpers import TODAY, marked
from tests.test_cli import runner  # noqa: F401 - the CLI fixture, shared

SCHEMA = json.loads((Path(__file__).parents[1] / "linter/formats/report.schema.json").read_text())
CHECKS = load_checks()
TOOLS = make_tools("off", today=TODAY)

# A thank-you note whose only "detail" is the position and the team.
GENERIC, (GENERIC_BODY,) = marked(
    "Subject: Thank you\n\nHi Priya,\n\n"
    "[[Thank you for taking the time to talk with me yesterday. It was great to learn more "
    "about the position and the team. I am still very interested in the role and would be glad "
    "to send anything else you need.\n\nI look forward to hearing from you.]]\n\n"
    "Best regards,\nTomas Reyes\ntomas.reyes@post.example | 555-0172\n"
)
# Only warnings and an info, and together they take it under the pass mark.
SLOPPY, SLOPPY_SPANS = marked(
    "---\ninterviewer: Priya Nair\ninterview_date: 2026-03-02\nsend_date: 2026-03-09\n---\n"
    "Subject: [[Thank you for the conversation about the analyst role on Monday morning]]\n\n"
    "Hello [[there]],\n\n"
    "[[Thank you for Monday's talk about moving the Lisbon billing reports onto the new warehouse.]] "
    "[[I remain keen on the analyst role.]]\n\n"
    "Best regards,\nTomas Reyes\ntomas.reyes@post.example | 555-0172\n"
)
GENERIC_DETAIL = "names nothing specific from the conversation or the job, so it could be sent to anyone"


def _lint(text: str, config: Config | None = None, context: Context | None = None):
    return lint_text(text, "note.txt", config=config or Config(), tools=TOOLS, checks=CHECKS, context=context)


def _finding(code: str, severity: Severity = Severity.WARNING) -> Finding:
    return Finding(code, code.lower(), severity, "m", Span(0, 1))


# -- the rule, finding by finding ---------------------------------------------


def test_defaults_are_the_documented_rule():
    config = Config()
    assert (config.fail_on, config.fail_under) == ("error", 70)
    assert dict(config.must_have) == {
        "thank-you": ("FL301", "FL302", "FL303", "FL501"),
        "status-check": ("FL302", "FL303", "FL501"),
        "post-rejection": ("FL302", "FL303", "FL501"),
        "general": ("FL302", "FL303", "FL501"),
        "linkedin": ("FL301", "FL302", "FL303"),
    }
    assert set(DEFAULT_MUST_HAVE) == set(KINDS)


def test_a_missing_must_have_fails_a_draft_that_scores_well():
    assert judge([_finding("FL501")], 84, "thank-you", Config()) == (
        Reason("must-have", "missing a must-have of a thank-you note (FL501 fl501)", ("FL501",)),
    )


def test_detail_is_a_must_have_for_thank_you_notes_only():
    assert judge([_finding("FL301")], 84, "status-check", Config()) == ()
    assert [r.codes for r in judge([_finding("FL301")], 84, "linkedin", Config())] == [("FL301",)]


def test_the_signature_is_not_a_must_have_of_a_linkedin_note():
    assert judge([_finding("FL501")], 84, "linkedin", Config()) == ()


def test_several_must_haves_are_named_once_each_in_code_order():
    found = [_finding("FL303"), _finding("FL302"), _finding("FL303")]
    assert judge(found, 60, "status-check", Config()) == (
        Reason("must-have", "missing must-haves of a status check (FL302 fl302, FL303 fl303)", ("FL302", "FL303")),
        Reason("pass-mark", "score 60 is under the pass mark of 70"),
    )


def test_a_score_at_the_pass_mark_passes_and_one_under_fails():
    assert judge([_finding("FL203", Severity.INFO)], 70, "general", Config()) == ()
    assert judge([_finding("FL203", Severity.INFO)], 69, "general", Config()) == (
        Reason("pass-mark", "score 69 is under the pass mark of 70"),
    )


def test_fail_on_counts_every_finding_at_or_above_it():
    found = [_finding("FL402", Severity.ERROR), _finding("FL405"), _finding("FL402", Severity.ERROR)]
    assert judge(found, 72, "general", Config()) == (
        Reason("fail-on", "2 findings at error level (FL402 fl402)", ("FL402",)),
    )
    assert judge(found, 72, "general", Config(fail_on="warning")) == (
        Reason("fail-on", "3 findings at warning or above (FL402 fl402, FL405 fl405)", ("FL402", "FL405")),
    )


def test_fail_on_never_turns_off_the_finding_rules_but_not_the_pass_mark():
    found = [_finding("FL402", Severity.ERROR), _finding("FL301")]
    assert judge(found, 64, "thank-you", Config(fail_on="never")) == (
        Reason("pass-mark", "score 64 is under the pass mark of 70"),
    )
    assert judge(found, 64, "thank-you", Config(fail_on="never", fail_under=None)) == ()


# -- configuring it --------------------------------------------------------------


def test_must_have_is_configured_per_kind_over_the_defaults():
    config = parse_config({"must_have": {"thank-you": ["no-thanks", "FL405"], "linkedin": []}}, CHECKS)
    assert config.must_have["thank-you"] == ("FL303", "FL405")
    assert config.must_have["linkedin"] == ()
    assert config.must_have["status-check"] == ("FL302", "FL303", "FL501")
    assert judge([_finding("FL301")], 84, "thank-you", config) == ()


def test_must_have_false_clears_every_kind():
    config = parse_config({"must_have": False}, CHECKS)
    assert dict(config.must_have) == {kind: () for kind in KINDS}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"thank-yuo": []}, "must_have: unknown kind 'thank-yuo' (did you mean 'thank-you'?)"),
        ({"thank-you": ["no-thank"]}, "must_have.thank-you: unknown check 'no-thank' (did you mean 'no-thanks'?)"),
        ({"thank-you": {"no-thanks": 1}}, "'must_have.thank-you' must be a list of check codes or names"),
        (["no-thanks"], "'must_have' must map kinds of follow-up (thank-you, linkedin ...) to lists of checks, or be false"),
    ],
)
def test_bad_must_have_is_one_clear_line(value, message):
    with pytest.raises(ConfigError) as err:
        parse_config({"must_have": value}, CHECKS)
    assert str(err.value) == message


def test_unknown_top_key_suggests_must_have():
    with pytest.raises(ConfigError) as err:
        parse_config({"must_haves": {}}, CHECKS)
    assert str(err.value) == "unknown key 'must_haves' (did you mean 'must_have'?)"


# -- real drafts -----------------------------------------------------------------


def test_generic_thank_you_note_fails_on_its_missing_detail():
    report = _lint(GENERIC)
    assert [(f.code, f.span, f.message) for f in report.findings] == [
        ("FL301", GENERIC_BODY, GENERIC_DETAIL),
    ]
    assert (report.score, report.failed, report.kind, report.kind_source, report.pass_mark) == (
        84, True, "thank-you", "inferred", 70,
    )
    assert report.fail_reasons == (
        Reason("must-have", "missing a must-have of a thank-you note (FL301 no-specific-detail)", ("FL301",)),
    )


def test_the_same_note_given_as_a_status_check_passes():
    report = _lint(GENERIC, context=Context(kind="status-check"))
    assert [(f.code, f.span) for f in report.findings] == []  # FL301 reads thank-you and LinkedIn notes only
    assert (report.score, report.failed, report.kind_source, report.fail_reasons) == (100, False, "given", ())


def test_warnings_alone_under_the_pass_mark_fail():
    subject, there, first, last = SLOPPY_SPANS
    report = _lint(SLOPPY)
    assert [(f.code, f.span, f.severity) for f in report.findings] == [
        ("FL202", subject, Severity.WARNING),
        ("FL601", subject, Severity.WARNING),
        ("FL502", there, Severity.WARNING),
        ("FL201", first, Severity.WARNING),
        ("FL304", last, Severity.INFO),
    ]
    assert (report.score, report.failed) == (66, True)
    assert report.fail_reasons == (Reason("pass-mark", "score 66 is under the pass mark of 70"),)


# -- every format says the same ------------------------------------------------------


def test_every_format_gives_the_verdict_and_why():
    generic = _lint(GENERIC)
    sloppy = _lint(SLOPPY, context=Context(kind="thank-you"))
    result = RunResult((generic, sloppy))
    must = "missing a must-have of a thank-you note (FL301 no-specific-detail)"
    mark = "score 66 is under the pass mark of 70"

    text = format_text(result).splitlines()
    assert "note.txt: score 84/100, failed (1 warning) · thank-you (inferred), 48 words · grammar: off" in text
    assert f"  failed because: {must}" in text
    assert "note.txt: score 66/100, failed (4 warnings, 1 info) · thank-you (given), 22 words · grammar: off" in text
    assert f"  failed because: {mark}" in text

    doc = json.loads(format_json(result))
    jsonschema.validate(doc, SCHEMA)
    assert [(f["passed"], f["pass_mark"], f["kind_source"], f["fail_reasons"]) for f in doc["files"]] == [
        (False, 70, "inferred", [{"rule": "must-have", "message": must, "codes": ["FL301"]}]),
        (False, 70, "given", [{"rule": "pass-mark", "message": mark, "codes": []}]),
    ]

    assert github.render(result).splitlines()[-2:] == [
        f"note.txt: score 84/100, failed (1 finding) · thank-you (inferred) · failed because: {must}",
        f"note.txt: score 66/100, failed (5 findings) · thank-you (given) · failed because: {mark}",
    ]

    artifacts = sarif.sarif_log(result, CHECKS)["runs"][0]["artifacts"]
    assert [a["properties"]["failReasons"] for a in artifacts] == [
        [{"rule": "must-have", "message": must, "codes": ["FL301"]}],
        [{"rule": "pass-mark", "message": mark, "codes": []}],
    ]
    assert [a["properties"]["kindSource"] for a in artifacts] == ["inferred", "given"]

    xml = junit.render(result)
    assert f'message="score 84/100 (1 warning) · thank-you (inferred) · failed because: {must}"' in xml
    assert f'message="score 66/100 (4 warnings, 1 info) · thank-you (given) · failed because: {mark}"' in xml


def test_no_report_says_passed_beside_a_score_under_the_pass_mark():
    report = _lint(SLOPPY)
    line = format_text(RunResult((report,))).splitlines()
    summary = next(ln for ln in line if ln.startswith("note.txt: score"))
    assert summary.startswith("note.txt: score 66/100, failed ")


# -- through the CLI -----------------------------------------------------------------


def test_exit_code_follows_the_verdict_with_no_config(runner, tmp_path):
    (tmp_path / "generic.txt").write_text(GENERIC)
    result = runner.invoke(cli, ["check", "--grammar", "off", "generic.txt"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.splitlines()[-3:] == [
        "generic.txt: score 84/100, failed (1 warning) · thank-you (inferred), 48 words · grammar: off",
        "  failed because: missing a must-have of a thank-you note (FL301 no-specific-detail)",
        "  points lost: no-specific-detail -16",
    ]


def test_a_config_that_drops_the_must_have_lets_it_pass(runner, tmp_path):
    (tmp_path / "generic.txt").write_text(GENERIC)
    (tmp_path / ".followup-lint.yaml").write_text("must_have:\n  thank-you: [no-thanks, missing-contact-signature]\n")
    result = runner.invoke(cli, ["check", "--grammar", "off", "generic.txt"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.splitlines()[-2] == (
        "generic.txt: score 84/100, passed (1 warning) · thank-you (inferred), 48 words · grammar: off"
    )


def test_a_bad_must_have_in_the_config_names_the_file(runner, tmp_path):
    (tmp_path / "generic.txt").write_text(GENERIC)
    (tmp_path / ".followup-lint.yaml").write_text("must_have:\n  thanks-you: []\n")
    result = runner.invoke(cli, ["check", "--grammar", "off", "generic.txt"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"followup-lint: error: {tmp_path / '.followup-lint.yaml'}: must_have: unknown kind 'thanks-you' "
        "(did you mean 'thank-you'?)"
    ]
