"""Fuzzing the whole CLI (issue 10): generated folders of drafts with
awkward file names, valid and broken front matter and any body, run
through ``followup-lint check`` in process. Whatever comes in, the exit
code is 0, 1 or 2 and agrees with the output, nothing escapes as an
exception, every draft is either reported or named by exactly one error
line, names cannot forge lines, output stays bounded and drafts are never
written. Grammar is off, so no worker or Java starts."""

from __future__ import annotations

import json
import os
import re
import socket
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import pytest

from linter.cli import cli
from linter.formats.escape import safe_line_start, visible

GOOD = (
    "Hi Dana,\n\nThank you for the talk about the readmission dashboard yesterday. I enjoyed hearing\n"
    "how your team plans the nightly extracts. I remain very interested in the role and look\n"
    "forward to hearing from you.\n\nBest,\nJo Lee\njo@lee.example\n"
)
OUTPUT_PER_FILE = 200_000  # characters
SECONDS_PER_RUN = 5

# -- file names ----------------------------------------------------------------------------

AWKWARD = st.sampled_from([
    "\n", "\r", "\t", " ", "::", "::error file=README.md,line=1::forged", "\u202e", "\u2066", "\u200f",
    "\x1b]52;c;ZXZpbA==\x07", "\x1b[31m", "\x7f", "\u2028", "%0A", ",", ":", "-", "--", ".", "é", "😀",
    "\udcff", "\udcc3",  # undecodable bytes of a file name (surrogateescape)
])
# Printable text: no surrogates (they come from AWKWARD only), no "/" or NUL
# (not in a file name), no "~" (it marks each name's index below).
PRINTABLE = st.characters(codec="utf-8", exclude_characters="/\x00~")
STEM = st.lists(st.one_of(PRINTABLE, AWKWARD), max_size=12).map("".join)


def file_name(stem: str, index: int) -> str:
    """A unique name the file system accepts: ``~index`` appears once in it,
    so no name is another name followed by ``": "`` (the error lines could
    not tell them apart), and it is cut to 255 bytes."""
    while len(os.fsencode(f"{stem}~{index}.txt")) > 255:
        stem = stem[:-1]
    return f"{stem}~{index}.txt"


# -- front matter --------------------------------------------------------------------------

KEYS = st.sampled_from([
    "company", "role", "interviewer", "interview_date", "send_date", "topics", "kind", "dialect",
    "followup-lint", "compnay", "interveiwer", "k" * 200, "? [complex]", "1", "null", "'quoted key'",
])
DATES = st.builds(
    "{:04d}-{:02d}-{:02d}".format, st.integers(0, 99_999), st.integers(0, 99), st.integers(0, 99)
)
TIMES = st.builds(
    "{} {:02d}:{:02d}:{:02d}".format, DATES, st.integers(0, 99), st.integers(0, 99), st.integers(0, 99)
)
SCALARS = st.one_of(
    DATES,
    TIMES,
    st.integers(1, 6_000).map(lambda n: "9" * n),
    st.integers().map(str),
    st.floats().map(repr),
    st.text(max_size=40).map(json.dumps),
    st.text(alphabet=PRINTABLE, max_size=40),
    st.sampled_from([
        "", "~", "null", "true", "off", "no", ".nan", "-.inf", "0x1F", "1e999", "Acme", "thank-you",
        "en-GB", "klingon", "*a0", "*nowhere", "&a0 x", "!!binary aGk=", "!!python/object:os.system",
        "!!set {a, b}", "[unclosed", "{unclosed: 1", "'unterminated", "\"bad \\q escape\"", "- in - list",
        "|\n  block", ">\n  folded", "{name: Ana, title: CTO}", "{name: [1, 2]}", "{ignore: [FL501], vocabulary: [Acme]}",
        "{ignore: FL999}", "[Acme, 2026-01-01, {a: b}]", "<<: *a0",
    ]),
)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"))
ANCHORS = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)
)
ENTRIES = st.lists(st.builds("{}: {}".format, KEYS, VALUES), max_size=6).map("\n".join)
VALID_ENTRIES = st.lists(
    st.one_of(
        st.sampled_from(["company: Acme Health", "role: data analyst", "interviewer: {name: Dana Vega, title: CTO}",
                         "topics: [dashboards, extracts]", "dialect: en-GB", "followup-lint: {ignore: [FL501]}"]),
        st.builds("interview_date: {}".format, st.dates()),
        st.builds("send_date: {}".format, st.dates()),
        st.builds("kind: {}".format, st.sampled_from(["thank-you", "status-check", "post-rejection", "linkedin", "general"])),
    ),
    max_size=5,
).map("\n".join)
FRONT = st.one_of(
    st.just(""),
    st.builds("---\n{}\n---\n".format, VALID_ENTRIES),
    st.builds("---\n{}\n---\n".format, ENTRIES),
    st.builds("---\n{}{}\n---\n".format, st.sampled_from(["", ANCHORS]), ENTRIES),
    st.builds("---\n{}\n".format, ENTRIES),  # never closed
    st.builds("---\n{}\n---\n".format, st.text(max_size=200)),
    st.builds("---\r\n{}\r\n---\r\n".format, ENTRIES),
)

# -- bodies --------------------------------------------------------------------------------

PIECES = st.sampled_from([
    GOOD, "Hi [Name],\n", "Dear Ms. Vega,\n\n", "Did I get the job??\n", "I remain very interested.\n",
    "Best regards,\nJo Lee\n", "Subject: Thanks\n\n", "> quoted\n", "{{company}}", "?" * 300, "a." * 200,
    "_" * 500, "[Name] " * 200, "\x1b]52;c;ZXZpbA==\x07", "\u202e", "\r\n", "\n\n", "\ufeff", "😀", "\x00",
])
BODIES = st.one_of(
    st.text(max_size=600),
    st.lists(PIECES, max_size=12).map("".join),
    st.builds("{}{}{}".format, st.text(max_size=100), st.just(GOOD), st.text(max_size=100)),
)


@st.composite
def contents(draw: st.DrawFn) -> bytes:
    text: str = draw(FRONT) + draw(BODIES)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1", "bytes"]))
    if encoding == "bytes":
        return draw(st.binary(max_size=400))
    return text.encode(encoding, errors="surrogateescape" if encoding == "utf-8" else "replace")


@st.composite
def folders(draw: st.DrawFn, undecodable: bool = True) -> dict[str, bytes]:
    stems = draw(st.lists(STEM, min_size=1, max_size=5))
    if not undecodable:  # see test_undecodable_file_name_in_a_structured_format
        stems = [stem.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for stem in stems]
    return {file_name(stem, i): draw(contents()) for i, stem in enumerate(stems)}


# -- running the CLI -----------------------------------------------------------------------


@contextmanager
def fresh_folder() -> Iterator[str]:
    """A new empty folder as the working directory, for the block."""
    home = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        try:
            yield folder
        finally:
            os.chdir(home)


def invoke(folder: str, *args: str) -> Result:
    env = {"FOLLOWUP_LINT_CACHE": str(Path(folder, ".cache")), "FOLLOWUP_LINT_WORKER": "0", "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["check", "--grammar", "off", *args], env=env)


def run_check(files: dict[str, bytes], *args: str) -> tuple[Result, dict[str, bytes]]:
    """Write ``files`` into a fresh folder, run ``check ARGS -- NAMES`` there,
    and return the result and the files as they are afterwards."""
    with fresh_folder() as folder:
        for name, data in files.items():
            Path(name).write_bytes(data)
        started = time.perf_counter()
        result = invoke(folder, *args, "--", *files)
        assert time.perf_counter() - started < SECONDS_PER_RUN
        after = {name: Path(name).read_bytes() for name in files}
    return result, after


def assert_sound(result: Result, files: dict[str, bytes], after: dict[str, bytes]) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything
    assert "internal error" not in everything
    assert len(everything) < OUTPUT_PER_FILE * len(files)
    assert after == files  # check never writes a draft


def error_lines(result: Result, name: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(f"followup-lint: error: {visible(name)}: ")]


def summary_lines(result: Result, name: str) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith(f"{safe_line_start(name)}: score ")]


def assert_each_file_accounted_for(result: Result, files: dict[str, bytes]) -> None:
    """Every draft has its summary line or exactly one error line, never
    both, and the exit code says which happened."""
    failed = errors = 0
    for name in files:
        summaries, errs = summary_lines(result, name), error_lines(result, name)
        assert (len(summaries), len(errs)) in ((1, 0), (0, 1)), (name, result.stdout, result.stderr)
        errors += len(errs)
        failed += sum(", failed (" in line[len(safe_line_start(name)) :] for line in summaries)
    assert len(result.stderr.splitlines()) == errors, result.stderr
    assert result.exit_code == (2 if errors else 1 if failed else 0)


FUZZ = settings(
    max_examples=60,
    deadline=SECONDS_PER_RUN * 1000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
GITHUB_COMMAND = re.compile(r"::(error|warning|notice) file=[^:,\n]*(,[a-zA-Z]+=[^:,\n]*)*::[^\n]*")


@FUZZ
@given(folders())
def test_text_format_accounts_for_every_draft(files: dict[str, bytes]) -> None:
    result, after = run_check(files)
    assert_sound(result, files, after)
    assert_each_file_accounted_for(result, files)


@FUZZ
@given(folders())
def test_github_format_lines_are_commands_or_plain_never_forged(files: dict[str, bytes]) -> None:
    result, after = run_check(files, "--format", "github")
    assert_sound(result, files, after)
    assert_each_file_accounted_for(result, files)
    for line in result.stdout.splitlines():
        if line.startswith("::"):  # only a well-formed command, its properties escaped
            assert GITHUB_COMMAND.fullmatch(line), line
    for line in result.stderr.splitlines():
        assert line.startswith("followup-lint: error: ")


@settings(FUZZ, max_examples=30)
@given(folders(undecodable=False), st.sampled_from(["json", "sarif", "junit", "html"]))
def test_structured_formats_survive_any_folder(files: dict[str, bytes], fmt: str) -> None:
    result, after = run_check(files, "--format", fmt)
    assert_sound(result, files, after)
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)
    errors = sum(len(error_lines(result, name)) == 1 for name in files)
    assert len(result.stderr.splitlines()) == errors
    assert (result.exit_code == 2) == (errors > 0)


@pytest.mark.parametrize("fmt", ["json", "sarif", "html"])
def test_undecodable_file_name_in_a_structured_format(fmt: str) -> None:
    files = {"\udcff.txt": GOOD.encode()}  # the file name is the byte 0xff then ".txt"
    result, after = run_check(files, "--format", fmt)
    assert_sound(result, files, after)
    assert result.exit_code == 0


def test_sockets_and_devices_are_refused_like_named_pipes() -> None:
    with fresh_folder() as folder, socket.socket(socket.AF_UNIX) as listener:
        listener.bind("s.txt")
        Path("ok.txt").write_bytes(GOOD.encode())
        result = invoke(folder, "s.txt", "/dev/null", "ok.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "followup-lint: error: s.txt: not a regular file (a socket)",
        "followup-lint: error: /dev/null: not a regular file (a character device)",
    ]
    assert summary_lines(result, "ok.txt") == [
        "ok.txt: score 100/100, passed (no findings) · thank-you (inferred), 34 words · grammar: off"
    ]
