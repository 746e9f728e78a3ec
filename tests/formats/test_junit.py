"""JUnit XML, from hand-built reports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from linter.formats import RunResult
from linter.formats.junit import render
from tests.formats.sample import FAILED, PASSED, RESULT


def test_document_exactly() -> None:
    assert render(RESULT) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="followup-lint" tests="3" failures="1" errors="1" skipped="0">\n'
        '  <testsuite name="followup-lint" tests="3" failures="1" errors="1" skipped="0">\n'
        '    <testcase classname="followup-lint" name="drafts/dana, final:v2.txt">\n'
        '      <failure type="followup-lint" message="score 70/100 (1 error, 1 warning, 1 info) · thank-you (inferred)'
        ' · failed because: 1 finding at error level (FL401 asks-about-decision)">'
        "drafts/dana, final:v2.txt:5:44: error FL401 asks-about-decision: 'Have you made a decision yet?' "
        "presses for a verdict; ask about the next steps instead\n"
        "drafts/dana, final:v2.txt:6:5: warning FL405 over-eager-tone: '100% &lt;sure&gt; &amp; ready' "
        "sounds eager: 100%, every time,\\nand loud\n"  # a line break in a message cannot start a line
        "drafts/dana, final:v2.txt:6:26: info FL101 spelling-grammar: 'truely' is misspelt; did you mean 'truly'?\n"
        "score 70/100 (1 error, 1 warning, 1 info) · thank-you (inferred)"
        " · failed because: 1 finding at error level (FL401 asks-about-decision)</failure>\n"
        "    </testcase>\n"
        '    <testcase classname="followup-lint" name="drafts/lee.txt">\n'
        "      <system-out>score 100/100 (no findings) · thank-you (given)</system-out>\n"
        "    </testcase>\n"
        '    <testcase classname="followup-lint" name="drafts/broken.eml">\n'
        '      <error type="input-error" message="not UTF-8 text (invalid byte 0xff at offset 3)">'
        "drafts/broken.eml: not UTF-8 text (invalid byte 0xff at offset 3)</error>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_parses_back_with_the_findings_in_the_failure() -> None:
    root = ET.fromstring(render(RESULT).encode("utf-8"))
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["drafts/dana, final:v2.txt", "drafts/lee.txt", "drafts/broken.eml"]
    failure = cases[0].find("failure")
    assert failure is not None and failure.text is not None
    assert "error FL401 asks-about-decision" in failure.text
    assert "'100% <sure> & ready'" in failure.text
    assert cases[1].find("failure") is None and cases[1].find("error") is None
    assert cases[2].find("error") is not None


def test_passing_draft_with_findings_lists_them_in_system_out() -> None:
    root = ET.fromstring(render(RunResult((replace(FAILED, failed=False, fail_reasons=()),))))
    out = root.find("./testsuite/testcase/system-out")
    assert root.get("failures") == "0"
    assert out is not None and out.text is not None
    assert out.text.splitlines()[-1] == "score 70/100 (1 error, 1 warning, 1 info) · thank-you (inferred)"


def test_control_characters_stay_valid_xml() -> None:
    report = replace(PASSED, path="drafts/bell\x07.txt")
    root = ET.fromstring(render(RunResult((report,))))
    assert root.find("./testsuite/testcase").get("name") == "drafts/bell\\x07.txt"  # type: ignore[union-attr]


def test_empty_run() -> None:
    root = ET.fromstring(render(RunResult(())))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("0", "0", "0")
