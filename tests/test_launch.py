"""The thin entry point (``linter.launch``): a plain ``check`` is read
without click and gives exactly what the click command gives (request,
report, error lines, exit code); anything else goes to the click command
on the same arguments and the same piped bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest

from linter import cli, command, formats, launch

ROOT = Path(__file__).resolve().parents[1]
DRAFT = "examples/drafts/good/thank-you-next-morning.txt"
WEAK = "examples/drafts/weak/pushy-deadline.txt"
FULL_CLI = "import sys; from linter.cli import main; main(sys.argv[1:])"
THIN = "import sys; from linter.launch import main; main(sys.argv[1:])"


# -- what the parser takes, and what it leaves to click -----------------------

def _click_request(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The request ``linter.cli.check`` builds for ``argv`` (in process, not run)."""
    seen: list[command.CheckRequest] = []

    def capture(request: command.CheckRequest, stdin: bytes | None, report: Any) -> command.CheckOutcome:
        seen.append(request)
        return command.CheckOutcome("")

    monkeypatch.setattr(cli, "_in_process", capture)
    with pytest.raises(SystemExit) as done:
        cli.main(argv)
    assert done.value.code == 0
    return json.loads(json.dumps(seen[0].to_json()))


def _thin_request(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: list[dict[str, Any]] = []
    monkeypatch.setattr(launch, "_run_here", lambda fields, stdin, folder=False: seen.append(fields) or 0)
    assert launch._thin_check(argv) == 0
    return seen[0]


@pytest.mark.parametrize("argv", [
    ["check", DRAFT],
    ["check", "--grammar", "off", DRAFT, WEAK],
    ["check", "-f", "json", "--grammar=embedded", DRAFT],
    ["check", DRAFT, "--format=sarif", "-q", "--statistics"],
    ["check", "--select", "FL4", "--select=FL5,FL6", "--ignore", "FL402", DRAFT],
    ["check", "--fail-on", "never", "--fail-under", "0", "--mode", "template", DRAFT],
    ["check", "--fail-under=100", "--config", "examples/.followup-lint.yaml", "--context", "c.yaml", DRAFT],
    ["check", "--languagetool", "http://localhost:8081", "--grammar", "languagetool", DRAFT],
    ["check", "--no-color", "--stdin-filename", "templates/t.txt", "missing.txt"],
    ["check", "--grammar", "off", "--grammar", "auto", DRAFT],
    ["check", "--grammar", "off", "-q", "-j", "1", "examples/drafts"],
    ["check", "--jobs=2", "--grammar=embedded", "examples/drafts", DRAFT],
])
def test_the_request_is_the_click_commands(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER", "0")  # both run in process: the request is what differs
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # colour is decided, and decided alike
    assert _thin_request(argv, monkeypatch) == _click_request(argv, monkeypatch)


@pytest.mark.parametrize("argv", [
    [], ["--version"], ["rules"], ["check", "--help"], ["check", "-h"],
    ["check", "-o", "report.txt", DRAFT], ["check", "--output=r.txt", DRAFT], ["check", "--fix", DRAFT],
    ["check", "--diff", DRAFT], ["check", "-j", "0", DRAFT], ["check", "--jobs=+2", DRAFT], ["check", "--color", DRAFT],
    ["check", "--color=always", DRAFT], ["check", "--", DRAFT], ["check", "-qf", "json", DRAFT],
    ["check", "-fjson", DRAFT], ["check", "--grammar", "bogus", DRAFT], ["check", "--grammar", DRAFT, "-q"],
    ["check", "--grammar"], ["check", "--grammar=", DRAFT], ["check", "--fail-under", "101", DRAFT],
    ["check", "--fail-under", "-1", DRAFT], ["check", "--fail-under", "5_0", DRAFT],
    ["check", "--fail-under", " 50", DRAFT], ["check", "--select", "-x", DRAFT], ["check", "--bogus", DRAFT],
    ["check", "--quiet=yes", DRAFT], ["check", "-f", "JSON", DRAFT],
])
def test_anything_else_is_left_to_click(argv: list[str]) -> None:
    assert launch.parse_check(argv) is None


def test_a_prompt_is_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER", "0")
    monkeypatch.setattr(launch, "_run_here", lambda *_: pytest.fail("ran without click"))

    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    assert launch._thin_check(["check", "--grammar", "off"]) is None
    assert launch._thin_check(["check", "--grammar", "off", "-"]) is None


def test_a_folder_run_here_keeps_collecting_garbage(monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-draft run skips the garbage collector; a folder, one path too, does not."""
    import gc

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER", "0")
    collecting: list[bool] = []

    def run_check(*_: Any, **__: Any) -> command.CheckOutcome:
        collecting.append(gc.isenabled())
        return command.CheckOutcome("")

    monkeypatch.setattr(command, "run_check", run_check)
    try:
        assert launch._thin_check(["check", "--grammar", "off", "examples/drafts"]) == 0
        assert launch._thin_check(["check", "--grammar", "off", DRAFT]) == 0
    finally:
        gc.enable()
    assert collecting == [True, False]


def test_the_parsers_tables_are_the_click_commands() -> None:
    options = {opt: param for param in cli.check.params if isinstance(param, click.Option) for opt in param.opts}
    for opt, name in launch._VALUE_OPTIONS.items():
        param = options[opt]
        assert (param.name, param.is_flag, param.nargs) == (name, False, 1), opt
        assert param.multiple == (name in launch._MULTIPLE), opt
        if isinstance(param.type, click.Choice):
            assert tuple(param.type.choices) == launch._CHOICES[name], opt
        else:
            assert name not in launch._CHOICES, opt
    for opt, (name, value) in launch._FLAGS.items():
        param = options[opt]
        assert param.is_flag, opt
        assert (param.name, True if param.is_bool_flag else param.flag_value) == (name, value), opt
    assert launch.FORMAT_NAMES == formats.FORMATS
    assert launch.GRAMMARS == tuple(cli.GRAMMAR.choices)
    assert launch.EXIT_USAGE == command.EXIT_USAGE
    assert isinstance(options["--fail-under"].type, click.IntRange)
    assert (options["--fail-under"].type.min, options["--fail-under"].type.max) == (0, 100)


# -- the same output, end to end -------------------------------------------------

@pytest.fixture
def env(tmp_path: Path) -> Any:
    cache = tmp_path / "cache"
    cache.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_LINT_") and k != "FORCE_COLOR"}
    env.update(FOLLOWUP_LINT_CACHE=str(cache), NO_COLOR="1")
    yield env
    subprocess.run([sys.executable, "-m", "linter", "worker", "stop"], env=env, capture_output=True, cwd=ROOT)


def _run(code: str, args: list[str], env: dict[str, str], stdin: bytes | None = None) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, input=stdin, capture_output=True,
                          cwd=ROOT, timeout=120)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


CASES = [
    (["check", "--grammar", "off", DRAFT], None),
    (["check", "--grammar", "off", "-f", "json", DRAFT, WEAK], None),
    (["check", "--grammar", "off", "-q", WEAK, "missing.txt"], None),
    (["check", "--grammar", "off", "--fail-under", "100", "--select", "FL4", "-"], "weak"),
    (["check", "--grammar", "off", "--stdin-filename", "examples/templates/t.txt"], "weak"),
    (["check", "--grammar", "off", "-"], "\ufeffbroken \udc80"),
    (["check", "--grammar", "off", "--context", "missing.yaml", DRAFT], None),
    (["check", "--grammar", "off", "--bogus", DRAFT], None),
    (["check", "--grammar", "bogus", DRAFT], None),
    (["check", "--grammar", "off", "-j", "2", "examples/drafts", WEAK], None),
]


def _stdin(piped: str | None) -> bytes | None:
    if piped == "weak":
        return (ROOT / WEAK).read_bytes()
    return None if piped is None else piped.encode("utf-8", "surrogateescape")


@pytest.mark.parametrize(("args", "piped"), CASES)
def test_without_a_worker_the_output_is_the_click_commands(args: list[str], piped: str | None, env: dict[str, str]) -> None:
    stdin = _stdin(piped)
    assert _run(THIN, args, env, stdin) == _run(FULL_CLI, args, env, stdin)


def test_a_folder_run_skips_the_teardown_but_not_the_exit_handlers(env: dict[str, str]) -> None:
    """Run as the console script runs it (``main()``), a folder run leaves
    with ``os._exit``: its report, errors and exit code are still the click
    command's, and exit handlers still run."""
    args = ["check", "--grammar", "off", "-j", "2", "examples/drafts", "missing.txt"]
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print('handlers ran', file=sys.stderr))\n"
            "class Kept:\n"
            "    def __del__(self): print('torn down', file=sys.stderr)\n"
            "kept = Kept()\n"
            "from linter.launch import main\n"
            "main()\n")
    status, out, err = _run(code, args, env)
    assert (status, out) == _run(FULL_CLI, args, env)[:2]
    assert status == 2 and err == "followup-lint: error: missing.txt: no such file\nhandlers ran\n"  # not torn down
    single = ["check", "--grammar", "off", DRAFT]
    assert _run(code, single, env) == (0, _run(FULL_CLI, single, env)[1], "handlers ran\ntorn down\n")


def test_with_a_worker_the_output_is_the_click_commands(env: dict[str, str]) -> None:
    assert _run(THIN, ["check", "--grammar", "embedded", DRAFT], env)[0] == 0  # starts the worker
    before = _requests_served(env)
    for args, piped in CASES:
        stdin = _stdin(piped)
        assert _run(THIN, args, env, stdin) == _run(FULL_CLI, args, {**env, "FOLLOWUP_LINT_WORKER": "0"}, stdin)
    forwarded = 7  # every case but the two usage errors, which click reports in the client
    assert _requests_served(env) - before == 1 + 2 * forwarded  # status's ping; a ping and a check each


def _requests_served(env: dict[str, str]) -> int:
    code, out, _ = _run("from linter.cli import main; main(['worker', 'status'])", [], env)
    assert code == 0, out
    return int(out.split(" requests")[0].rsplit(", ", 1)[1])


def test_a_plain_check_never_imports_click(env: dict[str, str]) -> None:
    """Not with a worker running (the run is forwarded), nor without one (the run is here)."""
    code = ("import atexit, sys\n"
            "atexit.register(lambda: print(sorted(m for m in ('click', 'linter.cli') if m in sys.modules), file=sys.stderr))\n"
            f"{THIN}\n")
    assert _run(code, ["check", "--grammar", "off", DRAFT], env) == (0, _run(FULL_CLI, ["check", "--grammar", "off", DRAFT], env)[1], "[]\n")
    _run(THIN, ["check", "--grammar", "embedded", DRAFT], env)  # starts the worker
    result = _run(code, ["check", "--grammar", "embedded", "-f", "json", DRAFT], env)
    assert result[0] == 0 and '"grammar_backend": "harper ' in result[1] and result[2] == "[]\n"


def test_piped_bytes_read_by_the_thin_client_reach_the_click_command(env: dict[str, str]) -> None:
    """With no worker to forward to, ``--grammar embedded -`` is the click
    command's (it starts the worker): the bytes already read are its input."""
    args = ["check", "--grammar", "embedded", "-f", "json", "-"]
    code, out, err = _run(THIN, args, env, _stdin("weak"))
    assert code == 1 and '"path": "<stdin>"' in out and '"grammar_backend": "harper ' in out
    assert err == "followup-lint: starting the warm worker: it loads Harper's dictionary once, later runs reuse it...\n"
    assert (code, out) == _run(THIN, args, env, _stdin("weak"))[:2]  # and again, through the worker


def test_the_cache_folder_is_platformdirs_when_not_set(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    from linter.service.place import cache_path

    monkeypatch.delenv("FOLLOWUP_LINT_CACHE", raising=False)
    for xdg in (None, "", "  ", "/tmp/xdg", "relative/cache"):  # on Linux it is worked out without importing it
        if xdg is None:
            monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CACHE_HOME", xdg)
        assert cache_path() == platformdirs.user_cache_dir("followup-lint", appauthor=False), xdg
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE", " /tmp/x ")
    assert cache_path() == "/tmp/x"


def test_the_lean_check_call_is_the_protocols(monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.service.protocol import CheckCall
    from linter.service.running import check_call, forwarded_env

    monkeypatch.setenv("FOLLOWUP_LINT_X", "1")
    request = {"paths": ["-"], "fmt": "json"}
    for stdin in (None, b"", b"Hi \xff\n"):
        assert check_call(request, stdin) == CheckCall(request, os.getcwd(), forwarded_env(), stdin).to_wire()
    assert forwarded_env()["FOLLOWUP_LINT_X"] == "1"
