"""The console script's entry point (``followup-lint``, ``python -m linter``).

A plain ``check`` of files or standard input, the editor's and the pipe's
case, is read here without importing click: it goes to the warm worker
when one is running, and a run that needs no worker (``--grammar off``,
``FOLLOWUP_LINT_WORKER=0``) lints in this process, as does a folder (the
click command lints folders in process too). Anything else (another
command, an option this parser does not know, a value it cannot vouch for) runs the full command line (``linter.cli``) on the same
arguments and the same piped bytes, so help, usage errors and every other
path are the click CLI's own. The result is the one ``linter.cli.check``
gives: the same request, report, error lines and exit code.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from typing import Any

from linter.terminal import StdinError, read_stdin, use_color

__all__ = ["FORMAT_NAMES", "GRAMMARS", "main", "parse_check"]

EXIT_USAGE = 2  # linter.command's; a test pins them equal
FORMAT_NAMES = ("text", "json", "github", "sarif", "junit", "html")  # linter.formats.FORMATS; a test pins them
GRAMMARS = ("auto", "languagetool", "embedded", "off")
_CHOICES = {
    "fmt": FORMAT_NAMES,
    "grammar": GRAMMARS,
    "fail_on": ("error", "warning", "info", "never"),
    "mode": ("draft", "template"),
}
# The options of ``check`` this parser takes, by the name ``CheckRequest``
# gives them (a test pins them against the click command's).
_VALUE_OPTIONS = {
    "-f": "fmt", "--format": "fmt", "--config": "config_path", "--context": "context_path",
    "--grammar": "grammar", "--languagetool": "languagetool_url", "--fail-on": "fail_on",
    "--fail-under": "fail_under", "--select": "select", "--ignore": "ignore", "--mode": "mode",
    "--stdin-filename": "stdin_filename", "-j": "jobs", "--jobs": "jobs",
}
_FLAGS = {"-q": ("quiet", True), "--quiet": ("quiet", True), "--statistics": ("statistics", True),
          "--no-color": ("color", "never")}
_MULTIPLE = ("select", "ignore")
_BUSY_LINE = "the warm worker is busy with another run; checking in this process"


def parse_check(argv: Sequence[str]) -> dict[str, Any] | None:
    """``check``'s options and paths as ``CheckRequest.to_json()`` names
    them (with the ``color`` choice as given, ``service`` not yet decided),
    or None when anything in ``argv`` is outside what this parser vouches
    for: then the full command line reads it."""
    if not argv or argv[0] != "check":
        return None
    fields: dict[str, Any] = {
        "paths": [], "fmt": "text", "color": None, "config_path": None, "context_path": None, "grammar": None,
        "languagetool_url": None, "fail_on": None, "fail_under": None, "select": [], "ignore": [], "mode": None,
        "jobs": None, "service": None, "quiet": False, "statistics": False, "stdin_filename": None,
    }
    tokens = iter(argv[1:])
    for token in tokens:
        if token == "-" or not token.startswith("-"):
            fields["paths"].append(token)
            continue
        name, equals, value = token.partition("=") if token.startswith("--") else (token, "", "")
        if name in _FLAGS and not equals:
            flag_key, flag = _FLAGS[name]
            fields[flag_key] = flag
            continue
        key = _VALUE_OPTIONS.get(name)
        if key is None:
            return None  # --help, -o, --fix, --color, --, -qf: the full command line
        if not equals:
            value = next(tokens, "")
        if not value or value.startswith("-") or value != value.strip():
            return None
        if key in ("fail_under", "jobs"):
            if not (value.isascii() and value.isdigit()):
                return None
            if not (int(value) <= 100 if key == "fail_under" else int(value) >= 1):
                return None
            fields[key] = int(value)
        elif key in _CHOICES and value not in _CHOICES[key]:
            return None
        elif key in _MULTIPLE:
            fields[key].append(value)
        else:
            fields[key] = value
    return fields


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: a plain ``check`` here, anything else ``linter.cli.main``."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _thin_check(args)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("FOLLOWUP_LINT_DEBUG"):
            raise
        from linter.registry import RegistryError

        kind = "error" if isinstance(exc, RegistryError) else "internal error"  # as linter.cli.main says it
        _echo(sys.stderr, f"followup-lint: {kind}: {type(exc).__name__}: {exc} (FOLLOWUP_LINT_DEBUG=1 shows the traceback)\n")
        sys.exit(EXIT_USAGE)
    if code is not None:
        if _folder_done and argv is None:
            _leave(code)
        sys.exit(code)
    from linter.cli import main as full_command_line

    full_command_line(args)


_folder_done = False  # a folder was linted here


def _leave(code: int) -> None:
    """``sys.exit(code)`` without the interpreter's teardown, after a folder
    run: it would free, one by one, the many objects every draft's checks
    keep cached (tens of milliseconds), only for the process to end. The
    exit handlers still run and the standard streams are flushed first; if
    flushing fails, the ordinary exit reports it."""
    import atexit

    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        sys.exit(code)  # a thread to wait for: the ordinary exit does
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    atexit._run_exitfuncs()
    os._exit(code)


def _thin_check(args: list[str]) -> int | None:
    """The exit code of a plain ``check`` run here, or None: the full command line runs it."""
    fields = parse_check(args)
    if fields is None or not (_utf8(sys.stdout) and _utf8(sys.stderr)):
        return None
    paths = fields["paths"]
    piped = not paths or "-" in paths
    if piped and (sys.stdin is None or sys.stdin.isatty()):
        return None  # a prompt, or the "no input" error: the full command line's
    folder = any(p != "-" and os.path.isdir(p) for p in paths)  # linted here, as the click command does
    if os.environ.get("FOLLOWUP_LINT_WORKER", "1").strip().lower() in ("0", "false", "no", "off"):
        service, socket = "none", ""
    else:
        from linter.service.place import any_socket, cache_path, socket_path

        cache = cache_path()
        socket = socket_path(cache) if any_socket(cache) else ""  # no socket file: skip hashing the code
        if fields["grammar"] is None and not (socket and os.path.exists(socket)):
            return None  # the config decides whether to start a worker: the full command line reads it
        service = "reuse" if fields["grammar"] == "off" else "start"
    fields["color"] = use_color(fields["color"], None) and fields["fmt"] == "text"
    fields["service"] = service
    try:
        stdin = read_stdin() if piped else None
    except StdinError as exc:
        return _finish("", [str(exc)], EXIT_USAGE, False)
    code = None if service == "none" or folder else _in_worker(args, fields, socket, stdin)
    if code is not None:
        return code
    global _folder_done
    code = _run_here(fields, stdin, folder)
    _folder_done = folder
    return code


def _in_worker(args: list[str], fields: dict[str, Any], socket: str, stdin: bytes | None) -> int | None:
    """The exit code of the run in the worker listening on ``socket`` (""
    when there is no socket file), or None: run here instead. The rules of
    ``linter.cli._forwarded``: with nothing running, ``start`` is the full
    command line's (it starts the worker); a busy or failing worker, or
    one that refused the run, means Harper in this process."""
    if not socket:
        return _full_command_line(args, stdin) if fields["service"] == "start" else None
    from linter.service.running import Busy, NotRunning, Stopped, check_in_running_worker

    try:
        reply = check_in_running_worker(socket, fields, stdin, _say_waiting)
    except NotRunning:
        return _full_command_line(args, stdin) if fields["service"] == "start" else None
    except Busy:
        _say_waiting(_BUSY_LINE)
        reply = None
    except Stopped as exc:
        return _finish("", [str(exc)], EXIT_USAGE, False)
    if reply is not None:
        return _finish(*reply, fields["color"])
    if fields["service"] == "start":
        fields["service"] = "none"
    return None


def _run_here(fields: dict[str, Any], stdin: bytes | None, folder: bool = False) -> int:
    """The run in this process (``linter.cli._in_process``)."""
    from linter.command import CheckRequest, run_check
    from linter.grammar.base import on_wait
    from linter.progress import Progress
    from linter.spool import Spool

    on_wait(_say_waiting)
    request = CheckRequest.from_json(fields)
    if len(request.paths) <= 1 and not folder:
        import gc

        gc.disable()  # one draft: its garbage goes with the process; collecting it at start-up only costs time
    report = Spool()
    try:
        progress = None if request.quiet else Progress(sys.stderr)
        outcome = run_check(request, None if stdin is None else io.BytesIO(stdin), progress=progress, out=report)
        report.write(outcome.report)
        return _finish("", list(outcome.errors), outcome.code, request.color, report.chunks() if report else ())
    finally:
        report.close()


def _full_command_line(args: list[str], stdin: bytes | None) -> int:
    """``linter.cli.main`` on ``args``, with ``stdin``, when read here, as its standard input."""
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    from linter.cli import main as full_command_line

    full_command_line(args)
    return 0  # not reached: it exits


def _finish(report: str, errors: Sequence[str], code: int, color: bool, chunks: Any = ()) -> int:
    """Write the run's error lines, then its report, as ``linter.cli.check`` does."""
    for line in errors:
        _echo(sys.stderr, f"followup-lint: error: {line}\n")
    for chunk in [report] if report else chunks:
        _echo(sys.stdout, chunk, color)
    return code


def _say_waiting(what: str) -> None:
    _echo(sys.stderr, f"followup-lint: {what}...\n")


def _echo(stream: Any, text: str, color: bool = False) -> None:
    """``click.echo(text, nl=False, color=color or None)``: colour codes are
    stripped off a stream that is not a terminal unless ``color``."""
    if not color and "\x1b" in text and not stream.isatty():
        import re

        text = re.sub(r"\033\[[;?0-9]*[a-zA-Z]", "", text)  # click's strip_ansi
    stream.write(text)
    stream.flush()


def _utf8(stream: Any) -> bool:
    """Whether ``stream`` is a UTF-8 text stream click would write to as it is."""
    import codecs

    try:
        return stream is not None and codecs.lookup(stream.encoding).name == "utf-8"
    except (AttributeError, LookupError, TypeError):
        return False
