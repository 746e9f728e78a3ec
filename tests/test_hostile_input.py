"""Hostile and unlucky input (issue 10): nothing hangs, nothing blows up,
one bad draft never costs the others, names and text cannot forge lines.

The CLI runs as a subprocess with a timeout, so a regression that hangs
fails here instead of freezing the suite. The time bounds are generous
(tests/bench_pathological.py measures the real figures)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from linter.api import lint_text
from linter.config import Config
from linter.draft import parse_draft
from linter.formats import FileError, RunResult
from linter.formats.github import render as render_github
from linter.formats.junit import render as render_junit
from linter.formats.text import format_text
from linter.limits import MAX_MESSAGE, MAX_PER_CHECK
from linter.models import Span
from linter.sources import InputError, read_source
from linter.textutil import split_sentences, word_spans

ROOT = Path(__file__).resolve().parents[1]
GOOD = (
    "Hi Dana,\n\nThank you for the talk about the readmission dashboard yesterday. I enjoyed hearing\n"
    "how your team plans the nightly extracts. I remain very interested in the role and look\n"
    "forward to hearing from you.\n\nBest,\nJo Lee\njo@lee.example\n"
)
OFF = Config.default().updated(grammar="off")


def cli(*args: str, cwd: Path, worker: bool = False, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_LINT_")}
    base.update(NO_COLOR="1", FOLLOWUP_LINT_WORKER="1" if worker else "0", PYTHONPATH=str(ROOT))
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "linter", *args], cwd=cwd, env=base, capture_output=True, text=True, timeout=60
    )


def summary(path: str, result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith(f"{path}: score ")]


# -- 1. only regular files are read ---------------------------------------------------

@pytest.fixture
def with_pipe(tmp_path: Path) -> Path:
    (tmp_path / "d").mkdir()
    os.mkfifo(tmp_path / "d/x.txt")
    (tmp_path / "d/ok.txt").write_text(GOOD)
    return tmp_path


def test_named_pipe_is_refused_without_blocking(with_pipe: Path) -> None:
    path = str(with_pipe / "d/x.txt")
    assert read_source(path) == InputError(path, "not a regular file (a named pipe)")


def test_named_pipe_on_the_command_line_is_one_line_and_the_rest_is_linted(with_pipe: Path) -> None:
    result = cli("check", "--grammar", "off", "d/x.txt", "d/ok.txt", cwd=with_pipe)
    assert result.returncode == 2
    assert result.stderr == "followup-lint: error: d/x.txt: not a regular file (a named pipe)\n"
    assert summary("d/ok.txt", result) == ["d/ok.txt: score 100/100, passed (no findings) · thank-you (inferred), 34 words · grammar: off"]


def test_symlink_to_a_named_pipe_inside_a_folder(with_pipe: Path) -> None:
    os.remove(with_pipe / "d/x.txt")
    os.mkfifo(with_pipe / "pipe")
    os.symlink(with_pipe / "pipe", with_pipe / "d/link.txt")
    result = cli("check", "--grammar", "off", "d", cwd=with_pipe)
    assert result.returncode == 2
    assert result.stderr == "followup-lint: error: d/link.txt: not a regular file (a named pipe)\n"
    assert len(summary("d/ok.txt", result)) == 1


def test_named_pipe_through_the_warm_worker_does_not_hang_it(with_pipe: Path) -> None:
    env = {"FOLLOWUP_LINT_CACHE": str(with_pipe / "cache")}
    try:
        first = cli("check", "--grammar", "off", "d/x.txt", cwd=with_pipe, worker=True, env=env)
        second = cli("check", "--grammar", "off", "d/ok.txt", cwd=with_pipe, worker=True, env=env)
    finally:
        cli("worker", "stop", cwd=with_pipe, worker=True, env=env)
    assert (first.returncode, first.stderr) == (2, "followup-lint: error: d/x.txt: not a regular file (a named pipe)\n")
    assert second.returncode == 0 and len(summary("d/ok.txt", second)) == 1


# -- 2. linear time, bounded output ---------------------------------------------------

PATHOLOGICAL = {
    "question marks": "?" * 20_000,
    "question marks then a letter": "?" * 20_000 + "a",
    "a. to 90 KB": "a." * 45_000,
    "underscores": "_" * 90_000,
    "hi there paragraphs": "Hi there.\n\n" * 8_000,
    "a-a-a": "a-" * 45_000,
    "@.": "@." * 45_000,
    "digits and spaces": "1 " * 45_000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_text_lints_quickly(name: str) -> None:
    started = time.perf_counter()
    lint_text(PATHOLOGICAL[name], "d.txt", config=OFF)
    assert time.perf_counter() - started < 10  # was 5 s to over 300 s


def test_punctuation_runs_are_not_words() -> None:
    text = "?" * 20_000 + " ok __ a_b"
    assert word_spans(text, Span(0, len(text))) == [Span(20_001, 20_003), Span(20_007, 20_010)]


def test_sentence_end_after_a_long_run_of_marks() -> None:
    text = "Really" + "?" * 5_000 + " Yes."
    assert split_sentences(text, Span(0, len(text))) == [Span(0, 5_006), Span(5_007, 5_011)]


def test_contacts_in_long_runs() -> None:
    draft = parse_draft("Hi Dana,\n\n" + "a." * 3_000 + "com and jo.dev or x@y.io\n", "d.txt")
    assert [draft.slice(s) for s in draft.contacts] == ["a." * 3_000 + "com", "jo.dev", "x@y.io"]


def test_many_paragraphs_are_each_one_paragraph() -> None:
    draft = parse_draft("Hi Dana,\n\n" + "Hi there.\n\n" * 3_000, "d.txt")
    assert len(draft.paragraphs) == 3_000 and draft.slice(draft.paragraphs[-1]) == "Hi there."


def test_placeholders_are_listed_25_times_then_counted() -> None:
    report = lint_text("[Name] " * 5_000, "n.txt", config=OFF)
    placeholders = [f for f in report.findings if f.code == "FL503"]
    assert len(placeholders) == MAX_PER_CHECK == 25
    assert report.omitted == (("FL503", "leftover-placeholder", 4_975),)
    assert report.score == 0 and report.failed
    text = format_text(RunResult((report,)))
    assert "n.txt: and 4,975 more FL503 leftover-placeholder findings (the first 25 are listed)\n" in text
    assert len(text) < 30_000 and max(len(line) for line in text.splitlines()) < 300


def test_excerpt_of_a_long_line_is_a_window_around_the_span() -> None:
    text = "Hi Dana,\n\n" + "word " * 100 + "[Company] " + "word " * 100 + "\n"
    report = lint_text(text, "d.txt", config=OFF)
    lines = format_text(RunResult((report,))).splitlines()
    at = lines.index(next(line for line in lines if " FL503 " in line))
    assert lines[at + 1 : at + 3] == [
        "  3 | …word word word word word word word word word word word word [Company] "
        "word word word word word word word word word word word word…",
        "    |                                                              ^^^^^^^^^",
    ]


def test_html_report_of_a_35_kb_draft_is_quick(tmp_path: Path) -> None:
    (tmp_path / "n.txt").write_text("[Name] " * 5_000)
    started = time.perf_counter()
    result = cli("check", "--grammar", "off", "--format", "html", "n.txt", cwd=tmp_path)
    assert time.perf_counter() - started < 15  # was 7 s for the report alone
    assert result.returncode == 1
    assert '<li class="more">and 4,975 more FL503 leftover-placeholder findings (the first 25 are listed)</li>' in result.stdout
    assert len(result.stdout) < 200_000


# -- 3 and 4. bad front matter values, alias bombs ------------------------------------

BOMB = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
)


def test_bad_front_matter_values_are_each_drafts_own_error(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    bad = {
        "a.txt": "interview_date: 2026-13-45",
        "b.txt": "send_date: 2026-03-10 25:99:00",
        "c.txt": "interview_date: " + "9" * 5_000,
        "d.txt": BOMB + "\ninterview_date: *a8",
        "e.txt": "interview_date: [" + ", ".join(["long value"] * 5_000) + "]",
    }
    for name, front in bad.items():
        (tmp_path / "d" / name).write_text(f"---\n{front}\n---\n{GOOD}")
    (tmp_path / "d/ok.txt").write_text(GOOD)
    started = time.perf_counter()
    result = cli("check", "--grammar", "off", "d", cwd=tmp_path)
    assert time.perf_counter() - started < 15  # the bomb took 9 s and 1.7 GB
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "followup-lint: error: d/a.txt: front matter: a value is not a valid date, time or number (month must be in 1..12)",
        "followup-lint: error: d/b.txt: front matter: a value is not a valid date, time or number (hour must be in 0..23)",
        "followup-lint: error: d/c.txt: front matter: a value is not a valid date, time or number (too many digits)",
        "followup-lint: error: d/d.txt: front matter: aliases (*name) are not allowed: write each value out",
        "followup-lint: error: d/e.txt: front matter: 'interview_date' must be a date like 2026-03-14, "
        "not ['long value', 'long value', 'long valu…",
    ]
    assert len(summary("d/ok.txt", result)) == 1


def test_bad_date_in_the_context_file(tmp_path: Path) -> None:
    (tmp_path / "ctx.yaml").write_text("interview_date: 2026-13-45\n")
    (tmp_path / "ok.txt").write_text(GOOD)
    result = cli("check", "--grammar", "off", "--context", "ctx.yaml", "ok.txt", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "followup-lint: error: ctx.yaml: context file: a value is not a valid date, time or number "
        "(month must be in 1..12)\n"
    )


def test_alias_bomb_in_the_config(tmp_path: Path) -> None:
    (tmp_path / ".followup-lint.yaml").write_text(BOMB + "\ngrammar: *a8\n")
    (tmp_path / "ok.txt").write_text(GOOD)
    result = cli("check", "ok.txt", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.endswith(
        ".followup-lint.yaml: malformed config: aliases (*name) are not allowed: write each value out\n"
    )
    assert len(result.stderr) < 300


def test_a_long_unknown_key_is_quoted_short() -> None:
    with pytest.raises(ValueError) as caught:
        parse_draft(f"---\n? {'k' * 100_000}\n: 1\n---\n{GOOD}", "d.txt")
    assert str(caught.value) == f"front matter: unknown context key '{'k' * 39}…'"


# -- 7. terminal and CI injection --------------------------------------------------------

FORGED = "x\n::error file=README.md,line=1::forged.txt"


def test_github_format_cannot_be_forged_by_a_file_name(tmp_path: Path) -> None:
    (tmp_path / FORGED).write_text(GOOD)
    (tmp_path / "::warning::also.txt").write_text(GOOD)
    result = cli("check", "--grammar", "off", "--format", "github", FORGED, "::warning::also.txt", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "x\\n::error file=README.md,line=1::forged.txt: score 100/100, passed (0 findings) · thank-you (inferred)",
        "./::warning::also.txt: score 100/100, passed (0 findings) · thank-you (inferred)",
    ]
    text = cli("check", "--grammar", "off", FORGED, cwd=tmp_path)
    assert text.stdout == "x\\n::error file=README.md,line=1::forged.txt: score 100/100, passed (no findings) · thank-you (inferred), 34 words · grammar: off\n"


def test_text_format_spells_out_controls_in_names_and_excerpts() -> None:
    text = "Hi Dana,\n\nThe \x1b]52;c;ZXZpbA==\x07 role \u202eeman [Company] is good.\n"
    report = lint_text(text, "a\nb.txt", config=OFF)
    out = format_text(RunResult((report, FileError("bad\u202etxt.exe", "no such file"))))
    assert (
        "a\\nb.txt:3:33: error FL503 leftover-placeholder: placeholder \"[Company]\" left in the message; "
        "fill it in before sending [G2, G4, R1, R5]\n"
        "  3 | The \\x1b]52;c;ZXZpbA==\\x07 role <U+202E>eman [Company] is good.\n"
        "    |                                              ^^^^^^^^^\n"
    ) in out
    assert "bad<U+202E>txt.exe: error: no such file\n" in out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out


def test_junit_names_and_lines_spell_out_controls() -> None:
    report = lint_text(GOOD.replace("Jo Lee", "Jo [Name]"), "a\nb\u202e.txt", config=OFF)
    xml = render_junit(RunResult((report,)))
    assert 'name="a\\nb&lt;U+202E&gt;.txt"' in xml
    assert "a\\nb&lt;U+202E&gt;.txt:8:4: error FL503 leftover-placeholder: " in xml


def test_github_messages_spell_out_escape_sequences() -> None:
    report: Any = lint_text("Hi Dana,\n\nThe [Co\x1bPmpany] role.\n", "d.txt", config=OFF)
    out = render_github(RunResult((report,)))
    assert (
        "::error file=d.txt,line=3,col=5,endLine=3,endColumn=16,title=FL503 leftover-placeholder::"
        'placeholder "[Co\\x1bPmpany]" left in the message; fill it in before sending\n'
    ) in out
    assert "\x1b" not in out


def test_json_says_how_many_findings_were_left_out() -> None:
    import json

    import jsonschema

    from linter.formats.json_format import format_json

    report = lint_text("[Name] " * 5_000, "n.txt", config=OFF)
    doc = json.loads(format_json(RunResult((report,))))
    jsonschema.validate(doc, json.loads((ROOT / "linter/formats/report.schema.json").read_text()))
    assert doc["files"][0]["omitted"] == [{"code": "FL503", "name": "leftover-placeholder", "count": 4_975}]
    assert "omitted" not in json.loads(format_json(RunResult((lint_text(GOOD, "g.txt", config=OFF),))))["files"][0]


def test_subject_of_punctuation_is_counted_quickly() -> None:
    started = time.perf_counter()
    report = lint_text("Subject: " + "?" * 30_000 + "\n\n" + GOOD, "s.txt", config=OFF)
    assert time.perf_counter() - started < 10
    doubled = 'doubled punctuation reads as impatient: "'
    assert [(f.code, f.message) for f in report.findings] == [
        ("FL202", "the subject line is empty; emails without a subject get few replies"),
        ("FL402", doubled + "?" * (MAX_MESSAGE - 1 - len(doubled)) + "…"),  # FL402 reads the subject
    ]


def test_harper_skips_long_symbol_runs_and_reports_nothing_about_them() -> None:
    from linter.backends import make_embedded_backend

    harper = make_embedded_backend(use_worker=False)
    harper.check("Warm up.")
    started = time.perf_counter()
    assert harper.check("-" * 19_000) == []  # Harper alone took 9 s on this
    assert time.perf_counter() - started < 5
    found = harper.check("Hi  there -----  ok.")
    assert [(i.rule_id, i.start, i.end) for i in found] == [("Spaces", 2, 4), ("OkToOkay", 17, 19)]


def test_error_lines_on_stderr_spell_out_the_name(tmp_path: Path) -> None:
    result = cli("check", "--grammar", "off", "gone\n::error::x.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "followup-lint: error: gone\\n::error::x.txt: no such file\n")
