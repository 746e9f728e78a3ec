"""``--output FILE`` edge cases (issue 10, item 11): a failed write leaves
nothing behind, an existing report keeps its mode, an input is never
overwritten by the report."""

from __future__ import annotations

import errno
import os

import pytest

from linter.cli import cli
from tests.test_cli import GOOD, runner  # noqa: F401 - runner is the CLI fixture, shared


def invoke(runner, *args):
    return runner.invoke(cli, ["check", "--grammar", "off", *args], catch_exceptions=False)


def test_full_disk_leaves_no_temporary_file_and_one_line(runner, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, text):
            self.handle.write(text[:10])
            self.handle.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(fd, mode="r", *args, **kwargs):
        handle = real_fdopen(fd, mode, *args, **kwargs)
        return FullDisk(handle) if mode == "w" else handle  # the report; drafts are read as usual

    monkeypatch.setattr(os, "fdopen", fdopen)
    result = invoke(runner, "--output", "report.txt", "a.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"followup-lint: error: report.txt: cannot write report: {os.strerror(errno.ENOSPC)}"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_full_disk_keeps_the_previous_report(runner, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "report.txt").write_text("the previous report\n")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    assert invoke(runner, "--output", "report.txt", "a.txt").exit_code == 2
    assert (tmp_path / "report.txt").read_text() == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.txt"]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644])
def test_existing_report_keeps_its_mode(runner, tmp_path, mode):
    (tmp_path / "a.txt").write_text(GOOD)
    report = tmp_path / "report.txt"
    report.write_text("old\n")
    report.chmod(mode)
    assert invoke(runner, "--output", "report.txt", "a.txt").exit_code == 0
    assert report.stat().st_mode & 0o7777 == mode
    assert report.read_text().startswith("a.txt: score 100/100, passed")


def test_new_report_gets_the_umask_mode(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    old = os.umask(0o027)
    try:
        assert invoke(runner, "--output", "report.txt", "a.txt").exit_code == 0
    finally:
        os.umask(old)
    assert (tmp_path / "report.txt").stat().st_mode & 0o7777 == 0o640


@pytest.mark.parametrize("output", ["b.txt", "./b.txt", "link.txt"])
def test_output_naming_an_input_is_refused_and_the_draft_untouched(runner, tmp_path, output):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD)
    (tmp_path / "link.txt").symlink_to("b.txt")
    result = invoke(runner, "--output", output, "a.txt", "b.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"followup-lint: error: {output}: --output names an input (b.txt); the report would overwrite it"
    ]
    assert result.stdout == ""
    assert (tmp_path / "b.txt").read_text() == GOOD
    assert (tmp_path / "link.txt").is_symlink()


def test_output_naming_the_config_is_refused(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "lint.yaml").write_text("fail_under: 50\n")
    result = invoke(runner, "--config", "lint.yaml", "--output", "lint.yaml", "a.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "followup-lint: error: lint.yaml: --output names an input (lint.yaml); the report would overwrite it"
    ]
    assert (tmp_path / "lint.yaml").read_text() == "fail_under: 50\n"


@pytest.mark.parametrize("output", ["drafts/b.txt", "drafts/deep/c.md", "drafts/../drafts/b.txt"])
def test_output_naming_a_draft_inside_an_input_folder_is_refused(runner, tmp_path, output):
    (tmp_path / "drafts/deep").mkdir(parents=True)
    (tmp_path / "drafts/b.txt").write_text(GOOD)
    (tmp_path / "drafts/deep/c.md").write_text(GOOD)
    result = invoke(runner, "--output", output, "drafts")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"followup-lint: error: {output}: --output names a draft in the input folder drafts; the report would overwrite it"
    ]
    assert result.stdout == ""
    assert (tmp_path / "drafts/b.txt").read_text() == GOOD
    assert (tmp_path / "drafts/deep/c.md").read_text() == GOOD


def test_output_inside_an_input_folder_that_the_walk_skips_is_written(runner, tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts/a.txt").write_text(GOOD)
    (tmp_path / "drafts/report.html").write_text("old report")
    (tmp_path / "drafts/report.txt").write_text("old report")
    (tmp_path / ".followup-lint.yaml").write_text("exclude: ['report.txt']\n")
    for output in ("drafts/report.html", "drafts/report.txt"):
        assert invoke(runner, "--output", output, "drafts").exit_code == 0
        assert (tmp_path / output).read_text().startswith("drafts/a.txt: score 100/100")
