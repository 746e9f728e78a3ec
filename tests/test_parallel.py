"""Folder runs in a process pool give exactly what a serial run gives."""

from __future__ import annotations

import io
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linter import runner
from linter.cli import cli
from linter.formats import FileError
from linter.progress import Progress
from linter.runner import PARALLEL_MIN, iter_lint, lint_paths
from linter.settings import RunSettings
from linter.sources import read_source
from tests.bench_folder import generate_drafts

SETTINGS = RunSettings(grammar="off")
SERIAL, POOLED = replace(SETTINGS, jobs=1), replace(SETTINGS, jobs=2)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 varied drafts in subfolders, a subfolder with its own config, a
    template folder, and inputs that cannot be linted."""
    root = tmp_path_factory.mktemp("many") / "drafts"
    generate_drafts(root, 60)
    (root / "batch3" / ".followup-lint.yaml").write_text("ignore: [FL201]\nfail_under: 90\n", encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "thanks.txt").write_text(
        "Hi {first_name},\n\nThank you for talking with me about {topic}.\n\nBest,\nSam\n", encoding="utf-8"
    )
    (root / ".followup-lint.yaml").write_text("templates: ['templates/*']\n", encoding="utf-8")
    (root / "batch1" / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (root / "batch2" / "empty.md").write_text("", encoding="utf-8")
    return root


POOL_FROM = 20  # the pool starts at 100 files by default; these tests lower it


@pytest.fixture(autouse=True)
def small_pool_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "PARALLEL_MIN", POOL_FROM)


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records the size of every pooled run."""
    calls: list[int] = []
    real = runner._lint_parallel

    def spying(files: Any, *args: Any) -> Any:
        calls.append(len(files))
        return real(files, *args)

    monkeypatch.setattr(runner, "_lint_parallel", spying)
    return calls


def test_parallel_equals_serial(folder: Path, spy: list[int]) -> None:
    serial = lint_paths([str(folder)], SERIAL)
    assert spy == []
    parallel = lint_paths([str(folder)], POOLED)
    assert spy == [62]  # the first file is linted before the pool forks
    assert parallel == serial
    assert len(serial.items) == 63
    paths = [item.path for item in serial.items]
    assert paths == sorted(paths)  # discovery order, kept by the pool
    binary = str(folder / "batch1" / "binary.txt")
    assert [(e.path, e.message) for e in serial.errors] == [
        (binary, getattr(read_source(binary), "message")),
        (str(folder / "batch2" / "empty.md"), "empty draft"),
    ]


def test_per_folder_config_and_template_globs_reach_the_workers(folder: Path) -> None:
    parallel = lint_paths([str(folder)], POOLED)
    by_path = {r.path: r for r in parallel.reports}
    in_batch3 = [r for p, r in by_path.items() if "/batch3/" in p]
    assert in_batch3 and all("FL201" not in {f.code for f in r.findings} for r in in_batch3)
    assert all(r.failed for r in in_batch3 if r.score < 90)  # fail_under: 90 from batch3's config
    template = by_path[str(folder / "templates" / "thanks.txt")]
    serial_template = lint_paths([str(folder / "templates" / "thanks.txt")], SERIAL).reports[0]
    assert template == serial_template
    assert "FL503" not in {f.code for f in template.findings}  # placeholders are expected in a template


def _linted_where(item: Any) -> tuple[str, int]:
    return item.path, os.getpid()


def test_the_parent_lints_one_chunk_in_jobs_and_one_worker_the_rest(folder: Path) -> None:
    """63 inputs, pool of 2: the first file, then 62 in five rounds of
    chunks of about 7 (62 files // (2 jobs * 4)), 31 for each process, by
    turns, the parent's first; one worker process."""
    where = list(iter_lint([str(folder)], POOLED, transform=_linted_where))
    paths = [path for path, _ in where]
    assert paths == [item.path for item in lint_paths([str(folder)], SERIAL).items]
    here = [i for i, (_, pid) in enumerate(where) if pid == os.getpid()]
    sizes = [7, 7, *[6] * 8]  # each share of 31 cut into 7, 6, 6, 6, 6
    starts = [1 + sum(sizes[:k]) for k in range(len(sizes))]
    assert here == [0, *[i for k in range(0, 10, 2) for i in range(starts[k], starts[k] + sizes[k])]]
    assert len({pid for _, pid in where}) == 2


def test_small_runs_stay_serial(folder: Path, spy: list[int]) -> None:
    few = sorted(str(p) for p in folder.rglob("draft*.txt"))[: POOL_FROM - 1]
    result = lint_paths(few, POOLED)
    assert spy == []
    assert len(result.items) == POOL_FROM - 1


def test_default_threshold() -> None:
    assert PARALLEL_MIN == 100


def test_cli_output_is_byte_identical(folder: Path, spy: list[int]) -> None:
    cli_runner = CliRunner()
    outputs = {}
    for jobs in ("1", "2"):
        done = cli_runner.invoke(cli, ["check", str(folder), "--grammar", "off", "--format", "json", "--jobs", jobs])
        assert done.exit_code == 2, done.output  # the binary and the empty file
        outputs[jobs] = done.stdout
    assert spy == [62]  # the first file is linted before the pool forks
    assert outputs["1"] == outputs["2"]
    assert json.loads(outputs["2"])["summary"]["files"] == 63


def test_jobs_must_be_positive() -> None:
    done = CliRunner().invoke(cli, ["check", "x.txt", "--jobs", "0"])
    assert done.exit_code == 2
    assert "Invalid value for '-j' / '--jobs': 0 is not in the range x>=1." in done.output


def test_progress_plain_lines_in_logs(folder: Path) -> None:
    out = io.StringIO()
    lint_paths([str(folder)], SERIAL, progress=Progress(out, interactive=False, min_files=10))
    assert out.getvalue().splitlines() == [
        f"followup-lint: linted {n}/63 drafts ({100 * n // 63}%)" for n in (7, 13, 19, 26, 32, 38, 45, 51, 57, 63)
    ]


def test_progress_bar_on_a_terminal_is_erased_at_the_end() -> None:
    out = io.StringIO()
    bar = Progress(out, interactive=True, min_files=10)
    bar(5, 20)
    assert out.getvalue() == "\r\x1b[Klinting [#######.......................]  5/20 drafts"
    bar(20, 20)
    assert out.getvalue().endswith("\r\x1b[K")


def test_short_runs_show_no_progress() -> None:
    out = io.StringIO()
    report = Progress(out, interactive=False)
    for n in range(1, 11):
        report(n, 10)
    assert out.getvalue() == ""


def test_an_unreadable_input_is_an_error_item_in_the_pool(folder: Path) -> None:
    parallel = lint_paths([str(folder)], POOLED)
    assert [type(i).__name__ for i in parallel.items].count("FileError") == 2
    assert all(isinstance(i, FileError) for i in parallel.errors)


def test_a_grammar_backend_lost_in_a_worker_aborts_the_run(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.grammar.base import GrammarUnavailable
    from linter.runner import RunAborted

    def gone(*_: Any) -> Any:
        raise GrammarUnavailable("server went away")

    monkeypatch.setattr(runner, "_tools_for", gone)  # the forked workers inherit it
    with pytest.raises(RunAborted, match=r": grammar backend unavailable: server went away$"):
        lint_paths([str(folder)], POOLED)


def test_a_pooled_embedded_run_gets_a_service_lane_for_each_of_its_processes(
    folder: Path, spy: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from linter.service.client import WorkerBackend
    from linter.service.manage import stop_worker

    monkeypatch.setenv("FOLLOWUP_LINT_CACHE", str(tmp_path))
    embedded = replace(SETTINGS, grammar="embedded")
    serial = lint_paths([str(folder)], replace(embedded, jobs=1, use_worker=False))
    try:
        pooled = lint_paths([str(folder)], replace(embedded, jobs=2, use_worker=True))
        # each of the run's two processes had a lane of its own, and both lanes stay for the next run
        assert WorkerBackend().ping()["lanes"] == 2
    finally:
        stop_worker(str(tmp_path))
    assert spy == [62]
    assert pooled == serial
    assert {r.grammar_backend.split()[0] for r in pooled.reports} == {"harper"}
    assert sum(len(r.findings) for r in pooled.reports) > 0


def test_a_pooled_run_with_harper_in_process_sheds_its_cache(
    folder: Path, spy: list[int], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE", str(tmp_path))
    from linter.grammar import embedded as harper_module

    monkeypatch.setattr(runner, "SHED_CHECK", 8)
    monkeypatch.setattr(runner, "SHED_ABOVE", -(1 << 40))  # each process sheds Harper's cache at every look
    monkeypatch.setattr(runner, "_grown_from", 0)
    monkeypatch.setattr(runner, "_since_look", 0)
    sheds: list[int] = []  # this process's; a worker's own go with it
    real_shed = harper_module.shed_shared_caches
    monkeypatch.setattr(harper_module, "shed_shared_caches", lambda: sheds.append(1) or real_shed())
    embedded = replace(SETTINGS, grammar="embedded", use_worker=False)
    serial = lint_paths([str(folder)], replace(embedded, jobs=1))
    pooled = lint_paths([str(folder)], replace(embedded, jobs=2))
    assert spy == [62]  # the first file is linted before the pool forks
    assert pooled == serial
    assert sum(len(r.findings) for r in pooled.reports) > 0
    assert list(tmp_path.glob("*.sock")) == []  # no warm service was started for it
    assert sheds == [1]  # here: a look after 2 chunks of 7 sets the mark, the next one sheds; findings unchanged
