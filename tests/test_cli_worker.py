"""The CLI forwards a file or piped check to the warm worker, with the same
output, exit code and errors as in process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
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


def _socket_of(env):
    code = "from linter.service.place import socket_path; print(socket_path())"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          cwd=ROOT, check=True).stdout.strip()


def test_a_piped_draft_survives_a_worker_that_cannot_start(env):
    os.mkdir(_socket_of(env))  # a folder where the socket must go: no worker can listen there
    piped = run(["check", "--grammar", "embedded", "--format", "json", "-"], env, stdin=EXAMPLE.read_text())
    local = run(["check", "--grammar", "embedded", "--format", "json", "-"],
                {**env, "FOLLOWUP_LINT_WORKER": "0"}, stdin=EXAMPLE.read_text())
    assert piped.returncode == local.returncode == 1
    assert piped.stdout == local.stdout
    assert '"path": "<stdin>"' in piped.stdout and '"grammar_backend": "harper ' in piped.stdout


def test_a_piped_draft_too_large_says_so(env):
    result = run(["check", "-"], env, stdin="a" * 7_000_000)
    assert (result.returncode, result.stdout) == (2, "<stdin>: error: larger than the 2 MB limit\n")
    assert result.stderr == "followup-lint: error: <stdin>: larger than the 2 MB limit\n"


def test_a_piped_draft_with_bad_front_matter_gets_that_error(env):
    text = "---\ninterview_date: tomorrow\n---\nHi Sam,\n\nThanks.\n"
    result = run(["check", "--grammar", "embedded", "-"], env, stdin=text)
    error = "<stdin>: front matter: 'interview_date' must be a date like 2026-03-14, not 'tomorrow'"
    assert (result.returncode, result.stdout) == (2, f"{error.replace(': ', ': error: ', 1)}\n")
    assert result.stderr == f"{STARTING}followup-lint: error: {error}\n"


def test_grammar_off_starts_nothing(env):
    result = run(["check", "--grammar", "off", "-"], env, stdin=EXAMPLE.read_text())
    assert (result.returncode, result.stderr) == (1, "")
    assert "grammar: off" in result.stdout
    assert run(["worker", "status"], env).returncode == 1
    assert not os.path.exists(_socket_of(env))


def test_grammar_off_uses_a_worker_already_running(env):
    run(["check", "--grammar", "embedded", "-"], env, stdin=EXAMPLE.read_text())
    before = run(["worker", "status"], env).stdout
    run(["check", "--grammar", "off", "-"], env, stdin=EXAMPLE.read_text())
    after = run(["worker", "status"], env).stdout
    served = [int(line.split(" requests")[0].rsplit(", ", 1)[1]) for line in (before, after)]
    assert served[1] - served[0] == 3  # status's ping, the run's ping, the run


def test_a_stuck_request_is_stopped_and_blocks_no_one(env, tmp_path):
    """A config that is a FIFO blocks the worker's read; the worker stops that
    run at its time limit, and a run meanwhile is checked in its own process."""
    env = {**env, "FOLLOWUP_LINT_WORKER_REQUEST_LIMIT": "10"}
    (tmp_path / "d.txt").write_text(EXAMPLE.read_text())
    os.mkfifo(tmp_path / "stuck.yaml")
    assert run(["check", "--grammar", "embedded", "d.txt"], env, cwd=tmp_path).returncode == 1  # worker up
    stuck = subprocess.Popen([sys.executable, "-m", "linter", "check", "--config", "stuck.yaml", "d.txt"],
                             env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    import time

    time.sleep(0.5)
    start = time.monotonic()
    other = run(["check", "--grammar", "embedded", "d.txt"], env, cwd=tmp_path)
    assert time.monotonic() - start < 8  # a ping's patience and Harper loaded here; not the limit
    assert other.returncode == 1 and " FL402 pressure-language: " in other.stdout
    assert other.stderr == "followup-lint: the warm worker is busy with another run; checking in this process...\n"
    out, err = stuck.communicate(timeout=30)
    assert (stuck.returncode, out) == (2, "")
    assert err == ("followup-lint: waiting for the warm worker to finish this run (starting LanguageTool, "
                   "or a slow draft)...\n"
                   "followup-lint: error: the warm worker stopped this run after 10 s "
                   "(FOLLOWUP_LINT_WORKER_REQUEST_LIMIT); see its log\n")
    again = run(["check", "--grammar", "embedded", "d.txt"], env, cwd=tmp_path)
    assert again.returncode == 1 and again.stderr == STARTING


def test_grammar_off_in_the_config_starts_nothing(env, tmp_path):
    (tmp_path / ".followup-lint.yaml").write_text("grammar: 'off'\n")
    (tmp_path / "d.txt").write_text(EXAMPLE.read_text())
    result = run(["check", "d.txt"], env, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    assert "grammar: off" in result.stdout
    assert run(["worker", "status"], env).returncode == 1


def _worker_pid(env):
    status = run(["worker", "status"], env)
    assert status.returncode == 0, status.stdout
    return int(status.stdout.split("pid ")[1].split(",")[0])


def _exits_within(pid, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("how", ["removed", "replaced"])
def test_a_worker_whose_socket_file_is_gone_exits(env, how):
    assert run(["check", "--grammar", "embedded", str(EXAMPLE)], env).returncode == 1  # starts it
    pid = _worker_pid(env)
    path = _socket_of(env)
    os.unlink(path)
    if how == "replaced":
        with open(path, "w"):
            pass
    try:
        assert _exits_within(pid, 10)
    finally:
        if how == "replaced":
            os.unlink(path)
    log = Path(env["FOLLOWUP_LINT_CACHE"], "worker.log").read_text()
    assert f"the socket file {path} was removed or replaced; exiting" in log


def test_the_cache_folder_and_the_worker_log_are_private(env, tmp_path):
    env = dict(env, FOLLOWUP_LINT_CACHE=str(tmp_path / "new/cache"))
    try:
        assert run(["check", "--grammar", "embedded", str(EXAMPLE)], env).returncode == 1
    finally:
        run(["worker", "stop"], env)
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "new/cache").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "new/cache/worker.log").stat().st_mode & 0o777 == 0o600


def test_an_older_log_is_made_private(tmp_path):
    from linter.grammar.private_files import private_log

    log = tmp_path / "server.log"
    log.write_text("earlier\n")
    log.chmod(0o644)
    with private_log(log) as handle:
        handle.write(b"later\n")
    assert (log.stat().st_mode & 0o777, log.read_text()) == (0o600, "earlier\nlater\n")


def test_harpers_debug_line_stays_out_of_a_json_report_in_process_and_pooled(env, tmp_path):
    # Harper prints a line to descriptor 1 on this sentence (harper-py 0.2.0)
    text = "Subject: Thanks\n\nHi Dana,\n\nI am looking forward to hear your thoughts.\n\nBest,\nSam\n"
    local = {**env, "FOLLOWUP_LINT_WORKER": "0", "FOLLOWUP_LINT_PARALLEL_MIN": "2"}
    piped = run(["check", "--grammar", "embedded", "--format", "json", "-"], local, stdin=text)
    for n in range(4):
        (tmp_path / f"d{n}.txt").write_text(text)
    pooled = run(["check", "--grammar", "embedded", "--format", "json", "-j", "2", str(tmp_path)], local)
    for result, drafts in ((piped, 1), (pooled, 4)):
        report = json.loads(result.stdout)  # the whole of standard output is the report
        found = [(f["code"], f["rule"], f["start"]["column"], f["message"])
                 for d in report["files"] for f in d["findings"] if f["code"] == "FL101"]
        assert found == [("FL101", "LookingForwardTo", 25, '"hear": The verb `hear` must be in the gerund form '
                          "(verb + -ing) after 'looking forward to'.")] * drafts
