"""A report written as the drafts are linted is byte for byte the report
rendered from the whole run, pooled or not, and the run keeps no report."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import runner
from linter.command import CheckRequest, render, run_check
from linter.formats import RunResult, Tally
from linter.formats.stream import Piece, Writer
from linter.runner import lint_paths
from linter.settings import RunSettings
from linter.spool import Spool
from tests.bench_folder import generate_drafts

SERIAL = RunSettings(grammar="off", jobs=1)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("stream") / "drafts"
    generate_drafts(root, 40)
    (root / "batch1" / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (root / "batch2" / "empty.md").write_text("", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def whole(folder: Path) -> RunResult:
    return lint_paths([str(folder)], SERIAL)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("fmt,quiet", [("text", False), ("text", True), ("json", False), ("github", False)])
def test_streamed_equals_whole(folder: Path, whole: RunResult, fmt: str, quiet: bool, jobs: int,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "PARALLEL_MIN", 10)
    out = Spool(in_memory=500)  # small: most of the report goes through the file
    outcome = run_check(CheckRequest(paths=(str(folder),), fmt=fmt, grammar="off", jobs=jobs, quiet=quiet), out=out)
    assert outcome.report == ""
    assert "".join(out.chunks()) == render(whole, fmt, False, quiet)
    assert outcome.code == 2
    binary, empty = str(folder / "batch1" / "binary.txt"), str(folder / "batch2" / "empty.md")
    assert [e.split(": ")[0] for e in outcome.errors] == [binary, empty]


def test_without_a_sink_the_report_is_returned(folder: Path, whole: RunResult) -> None:
    outcome = run_check(CheckRequest(paths=(str(folder),), fmt="json", grammar="off", jobs=1))
    assert outcome.report == render(whole, "json", False)


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_a_run_with_nothing_readable(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = Spool()
    outcome = run_check(CheckRequest(paths=(str(tmp_path),), fmt=fmt, grammar="off", jobs=1), out=out)
    whole = lint_paths([str(tmp_path)], SERIAL)
    assert "".join(out.chunks()) == render(whole, fmt, False)
    assert outcome.errors == (f"{tmp_path / 'empty.txt'}: empty draft",)


def test_the_tally_keeps_counts_and_the_three_lowest() -> None:
    tally = Tally()
    for path, score in [("d", 90), ("a", 40), ("c", 40), ("b", 75), ("e", 20)]:
        tally.add(Piece(path, "", score=score, failed=score < 50))
    tally.add(Piece("x", "", error="empty draft"))
    assert (tally.items, tally.reports, tally.failed, tally.score_sum) == (6, 5, 3, 265)
    assert tally.lowest == [(20, "e"), (40, "a"), (40, "c")]
    assert tally.errors == [("x", "empty draft")]


def test_text_ends_in_one_newline_whatever_the_pieces_end_in() -> None:
    out: list[str] = []
    writer = Writer("text", out.append, quiet=True)
    writer.add(Piece("a", "a: first\n"))
    writer.add(Piece("b", ""))  # a quiet draft with nothing to say
    writer.add(Piece("c", "c: second\n\n"))
    writer.close()
    assert "".join(out) == "a: first\n\nc: second\n"


def test_the_spool_moves_to_a_file_and_gives_everything_back_in_order() -> None:
    spool = Spool(in_memory=10)
    parts = [f"part {i}\n" for i in range(1000)] + ["é\udcff\n"]  # surrogate-escaped bytes survive
    for part in parts:
        spool.write(part)
    assert spool._file is not None and spool._parts == []
    assert "".join(spool.chunks()) == "".join(parts)
    spool.close()
    assert not Spool()


def test_an_aborted_run_leaves_no_part_of_a_report(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.grammar.base import GrammarUnavailable

    real = runner._tools_for
    calls = []

    def gone_after_some(*args: object) -> object:
        calls.append(1)
        if len(calls) > 5:
            raise GrammarUnavailable("server went away")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "_tools_for", gone_after_some)
    out = Spool(in_memory=100)
    outcome = run_check(CheckRequest(paths=(str(folder),), fmt="text", grammar="off", jobs=1), out=out)
    assert outcome.code == 2 and outcome.errors[0].endswith(": grammar backend unavailable: server went away")
    assert not out and "".join(out.chunks()) == ""
