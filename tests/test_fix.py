"""``check --fix`` and ``--diff``: the weak examples fixed and compared to
golden files; nothing written without --fix; bad targets left alone."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.fixes import apply_fixes, front_matter_span
from linter.models import Fix, Span

REPO = Path(__file__).parents[1]
WEAK = REPO / "examples" / "drafts" / "weak"
GOLDEN = REPO / "tests" / "golden" / "fixed"
NAMES = ("typos-in-thank-you.txt", "pushy-deadline.txt", "missing-signature.txt")
CONFIG = "grammar: embedded\nsender: {name: Sam Ortiz, email: sam.ortiz@example.com, phone: 555-201-7788}\n"


@pytest.fixture
def folder(monkeypatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER", "0")
    (tmp_path / ".followup-lint.yaml").write_text(CONFIG)
    for name in NAMES:
        shutil.copy(WEAK / name, tmp_path / name)
    return tmp_path


def _check(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)


def test_fix_round_trip_matches_the_golden_files(folder: Path) -> None:
    result = _check("--fix", *NAMES)
    for name in NAMES:
        assert (folder / name).read_text() == (GOLDEN / name).read_text(), name
    assert result.stderr == "followup-lint: applied 3 fixes\n"
    # The report is of the fixed files, linted again: no safe fix is left.
    assert "oppurtunity" not in result.stdout and '"!!"' not in result.stdout
    assert "FL501" not in result.stdout
    assert 'possible misspelling: "realy"' in result.stdout  # three suggestions: not safe
    assert result.exit_code == 1
    again = _check("--diff", *NAMES)
    assert (again.exit_code, again.stdout) == (0, "")


def test_nothing_is_written_without_fix(folder: Path) -> None:
    before = {n: ((folder / n).read_bytes(), os.stat(folder / n).st_mtime_ns) for n in NAMES}
    plain = _check(*NAMES)
    diff = _check("--diff", *NAMES)
    after = {n: ((folder / n).read_bytes(), os.stat(folder / n).st_mtime_ns) for n in NAMES}
    assert before == after
    assert plain.exit_code == 1 and diff.exit_code == 1
    assert "-I have another offer, so I need an answer by Friday. Please reply ASAP!!\n" \
           "+I have another offer, so I need an answer by Friday. Please reply ASAP!\n" in diff.stdout
    assert diff.stdout.startswith("--- a/typos-in-thank-you.txt\n+++ b/typos-in-thank-you.txt\n")
    assert sorted(p.name for p in folder.iterdir()) == sorted([*NAMES, ".followup-lint.yaml"])


def test_read_only_and_vanished_files_exit_2_and_stay_as_they_were(folder: Path) -> None:
    target = folder / "pushy-deadline.txt"
    before = target.read_bytes()
    target.chmod(0o444)
    result = _check("--fix", "pushy-deadline.txt", "gone.txt", "typos-in-thank-you.txt")
    assert result.exit_code == 2
    assert target.read_bytes() == before
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("followup-lint: error:")]
    assert errors[0] == "followup-lint: error: pushy-deadline.txt: the file is read-only; fixes not written"
    assert errors[1].startswith("followup-lint: error: gone.txt: ") and len(errors) == 2
    assert (folder / "typos-in-thank-you.txt").read_text() == (GOLDEN / "typos-in-thank-you.txt").read_text()


def test_encoding_line_endings_and_front_matter_are_kept(folder: Path) -> None:
    text = "---\r\ninterviewer:   Dana Whitfield   # spacing kept\r\n---\r\n" \
           "Dear Ms. Whitfeld,\r\n\r\nThank you for meeting with me today about the analyst role!!\r\n\r\n" \
           "Best regards,\r\nSam Ortiz\r\nsam.ortiz@example.com\r\n"
    target = folder / "crlf.txt"
    target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    _check("--fix", "crlf.txt")
    fixed = text.replace("Whitfeld", "Whitfield").replace("role!!", "role!")
    assert target.read_bytes() == b"\xef\xbb\xbf" + fixed.encode("utf-8")


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    fixes = [Fix(Span(0, 5), "Hello", "a"), Fix(Span(3, 8), "X", "b"), Fix(Span(9, 10), "!", "c")]
    # The second overlaps the first and is left out; the third is applied.
    assert apply_fixes("Helo wrld ??", fixes) == ("Hellowrld!??", 2)
    assert apply_fixes("a\r\nb", [Fix(Span(1, 1), "\nc", "d")]) == ("a\r\nc\r\nb", 1)


def test_front_matter_span() -> None:
    assert front_matter_span("---\nkind: linkedin\n---\nHi") == Span(0, 22)
    assert front_matter_span("Hi\n---\n") is None
