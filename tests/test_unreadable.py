"""Unreadable inputs and privileges (issue 10, item 9): a draft or config we
may not read is that file's one-line error, and the warm worker never
reads a path for a client whose rights differ from its own.

The chmod tests need a user that file modes stop: root reads anything, so
they skip when a mode-000 file can still be read. The worker test needs
the opposite: root, to run a client with fewer rights than the worker."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD = (
    "Hi Dana,\n\nThank you for the talk about the readmission dashboard yesterday. I enjoyed hearing\n"
    "how your team plans the nightly extracts. I remain very interested in the role and look\n"
    "forward to hearing from you.\n\nBest,\nJo Lee\njo@lee.example\n"
)
OK_SUMMARY = "d/ok.txt: score 100/100, passed (no findings) · thank-you (inferred), 34 words · grammar: off"
# The capabilities that let root read whatever a file's mode says.
FEWER_RIGHTS = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def _modes_bind_us() -> bool:
    """Whether a file of mode 000 is closed to this process."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder, "probe")
        probe.write_text("x")
        probe.chmod(0)
        try:
            probe.read_text()
        except PermissionError:
            return True
        finally:
            probe.chmod(0o600)
        return False


@pytest.fixture
def drafts(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "d").mkdir()
    (tmp_path / "d/ok.txt").write_text(GOOD)
    (tmp_path / "d/secret.txt").write_text(GOOD)
    (tmp_path / "d/secret.txt").chmod(0)
    yield tmp_path
    (tmp_path / "d/secret.txt").chmod(0o600)


def skip_unless_modes_bind() -> None:
    if not _modes_bind_us():
        pytest.skip("this user reads files whatever their mode (root): chmod 000 hides nothing")


def cli(*args: str, cwd: Path, worker: bool = False, env: dict[str, str] | None = None,
        prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_LINT_")}
    base.update(NO_COLOR="1", FOLLOWUP_LINT_WORKER="1" if worker else "0", PYTHONPATH=str(ROOT))
    base.update(env or {})
    return subprocess.run(
        [*prefix, sys.executable, "-m", "linter", *args], cwd=cwd, env=base, capture_output=True, text=True, timeout=60
    )


def summaries(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if ": score " in line]


def test_an_unreadable_draft_named_on_the_command_line_is_its_own_error(drafts: Path) -> None:
    skip_unless_modes_bind()
    result = cli("check", "--grammar", "off", "d/secret.txt", "d/ok.txt", cwd=drafts)
    assert result.returncode == 2
    assert result.stderr == "followup-lint: error: d/secret.txt: permission denied\n"
    assert summaries(result) == [OK_SUMMARY]


@pytest.mark.parametrize(
    ("name", "content"),
    [(".followup-lint.yaml", "grammar: off\n"), ("pyproject.toml", "[tool.followup-lint]\ngrammar = 'off'\n")],
    ids=["followup-lint.yaml", "pyproject"],  # an unreadable pyproject was an internal PermissionError
)
def test_an_unreadable_config_in_a_subfolder_names_it(drafts: Path, name: str, content: str) -> None:
    skip_unless_modes_bind()
    (drafts / "sub").mkdir()
    (drafts / "sub/a.txt").write_text(GOOD)
    config = drafts / "sub" / name
    config.write_text(content)
    config.chmod(0)
    result = cli("check", "--grammar", "off", "sub/a.txt", "d/ok.txt", cwd=drafts)
    assert result.returncode == 2
    assert result.stderr == f"followup-lint: error: sub/a.txt: {config}: cannot read config: Permission denied\n"
    assert summaries(result) == [OK_SUMMARY]


def test_an_unreadable_config_file_given_with_config_is_one_line(drafts: Path) -> None:
    skip_unless_modes_bind()
    (drafts / "c.yaml").write_text("grammar: off\n")
    (drafts / "c.yaml").chmod(0)
    result = cli("check", "--config", "c.yaml", "d/ok.txt", cwd=drafts)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "followup-lint: error: c.yaml: cannot read config: Permission denied\n"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None
    or not os.path.isdir("/proc/self") or _modes_bind_us(),
    reason="needs root and setpriv to run a client with fewer rights than the worker",
)
def test_the_worker_does_not_read_for_a_client_with_fewer_rights(drafts: Path) -> None:
    env = {"FOLLOWUP_LINT_CACHE": str(drafts / "cache")}
    try:
        warm = cli("check", "--grammar", "embedded", "d/ok.txt", cwd=drafts, worker=True, env=env)  # starts it
        weaker = cli("check", "--grammar", "off", "d/secret.txt", "d/ok.txt", cwd=drafts, worker=True, env=env,
                     prefix=tuple(FEWER_RIGHTS))
        same = cli("check", "--grammar", "off", "d/secret.txt", cwd=drafts, worker=True, env=env)
    finally:
        cli("worker", "stop", cwd=drafts, worker=True, env=env)
    assert warm.returncode == 0
    assert weaker.returncode == 2
    assert weaker.stderr == "followup-lint: error: d/secret.txt: permission denied\n"
    assert summaries(weaker) == [OK_SUMMARY]
    assert same.returncode == 0  # root, with the worker's own rights, is served and reads it
    log = (drafts / "cache/worker.log").read_text()
    assert log.count("has other rights than this worker; it lints in its own process") == 1
