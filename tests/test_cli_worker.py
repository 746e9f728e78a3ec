"""The CLI forwards a file or piped check to the warm worker, with the same
output, exit code and errors as in process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples/drafts/weak/pushy-deadline.txt"
STARTING = "followup-lint: starting the warm worker: it loads Harper's dictionary once, later runs reuse it...\n"


@pytest.fixture
def env(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_LINT_")}
    env.update(FOLLOWUP_LINT_CACHE=str(cache), NO_COLOR="1")
    yield env
    subprocess.run([sys.executable, "-m", "linter", "worker", "stop"], env=env, capture_output=True, cwd=ROOT)


def run(args, env, stdin=None, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "linter", *args], env=env, input=stdin,
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_worker_and_in_process_agree(env, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(EXAMPLE.read_text())
    args = ["check", "--grammar", "embedded", "d.txt", "missing.txt"]
    forwarded = run(args, env, cwd=tmp_path)
    local = run(args, {**env, "FOLLOWUP_LINT_WORKER": "0"}, cwd=tmp_path)
    assert forwarded.returncode == local.returncode == 2
    assert forwarded.stdout == local.stdout
    assert forwarded.stderr == STARTING + "followup-lint: error: missing.txt: no such file\n"
    assert local.stderr == "followup-lint: error: missing.txt: no such file\n"
    assert "d.txt: score " in forwarded.stdout and "grammar: harper " in forwarded.stdout
    status = run(["worker", "status"], env)
    assert status.returncode == 0, status.stdout + status.stderr


def test_piped_draft_through_the_worker(env):
    result = run(["check", "--grammar", "embedded", "--format", "json", "-"], env, stdin=EXAMPLE.read_text())
    assert result.returncode == 1
    assert '"path": "<stdin>"' in result.stdout and '"grammar_backend": "harper ' in result.stdout


def test_client_settings_reach_the_worker(env, tmp_path):
    (tmp_path / ".followup-lint.yaml").write_text("ignore: [pressure-language, asks-about-decision]\nfail_on: never\n")
    (tmp_path / "d.txt").write_text(EXAMPLE.read_text())
    first = run(["check", "--grammar", "off", "d.txt"], env, cwd=tmp_path)
    assert first.returncode == 0 and "FL402" not in first.stdout
    (tmp_path / ".followup-lint.yaml").write_text("fail_on: error\n")
    second = run(["check", "--grammar", "off", "d.txt"], env, cwd=tmp_path)
    assert second.returncode == 1 and " FL402 pressure-language: " in second.stdout
