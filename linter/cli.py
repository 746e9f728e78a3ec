"""The command line. With watch.py and launch.py, the only modules that read files and print.

Imports are deferred into the commands: a piped ``check -`` must not pay for
what it does not use (start-up time is a product target). Over 300 lines on
purpose: every command and option a user types is declared here, in one
place, as ``--help`` shows them. The console script starts in
``linter.launch``, which runs a plain ``check`` without click and hands
everything else to ``main`` here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import click

from linter import __version__
from linter.command import EXIT_USAGE
from linter.formats import FORMATS  # the one table of formats
from linter.terminal import StdinError, read_stdin, use_color

if TYPE_CHECKING:
    from linter.command import CheckOutcome, CheckRequest
    from linter.spool import Spool

__all__ = ["main", "cli"]

GRAMMAR = click.Choice(["auto", "languagetool", "embedded", "off"])
_use_color = use_color  # watch.py imports it from here


class Abort(click.ClickException):
    """A usage, config or input error: one line on stderr, exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(f"followup-lint: error: {self.message}", err=True)


class LazyGroup(click.Group):
    """Subcommands that live in their own modules are imported only when used."""

    lazy = {
        "languagetool": ("linter.grammar.languagetool.commands", "languagetool_group"),
        "worker": ("linter.service.commands", "worker_group"),
        "watch": ("linter.watch", "watch"),
        "lsp": ("linter.lsp.command", "lsp"),
        "config": ("linter.config_command", "config_command"),
        "add-word": ("linter.vocabulary_command", "add_word"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and name not in self.commands:
            import importlib

            module, attr = self.lazy[name]
            return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="followup-lint")
def cli() -> None:
    """Lint the email you send after a job interview."""


def _write_output(report: Spool, output: str | None, color: bool = False) -> None:
    if output is None:
        for chunk in report.chunks():
            click.echo(chunk, nl=False, color=color or None)  # None: strip colour off a terminal
        return
    import tempfile

    folder = os.path.dirname(os.path.abspath(output))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".followup-lint-", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for chunk in report.chunks():
                handle.write(chunk)
        os.chmod(tmp, _report_mode(output))  # mkstemp's 0600 would hide a CI artifact
        os.replace(tmp, output)  # atomic: never a half-written report
    except OSError as exc:
        if tmp is not None and os.path.lexists(tmp):
            os.unlink(tmp)  # a full disk leaves no partial file behind
        raise Abort(f"{output}: cannot write report: {exc.strerror or exc}") from None


def _report_mode(output: str) -> int:
    """An existing report keeps its mode; a new one gets the umask's."""
    try:
        return os.stat(output).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _refuse_output_over_input(
    output: str | None, paths: Sequence[str], config_path: str | None, context_path: str | None
) -> None:
    """``--output`` naming a draft (given, or found in a folder given), the
    config or the context would replace it with the report."""
    if output is None or not os.path.exists(output):
        return
    for name in (*paths, config_path, context_path):
        if name and name != "-" and os.path.isfile(name) and os.path.samefile(name, output):
            raise Abort(f"{output}: --output names an input ({name}); the report would overwrite it")
    for name in paths:
        if name != "-" and os.path.isdir(name) and _walk_finds(name, output, config_path):
            raise Abort(f"{output}: --output names a draft in the input folder {name}; the report would overwrite it")


def _walk_finds(folder: str, output: str, config_path: str | None) -> bool:
    """Whether linting ``folder`` reads ``output``, by the include and exclude
    globs of its config (the defaults when that config is unreadable)."""
    from linter.config import Config, ConfigError, find_config, load_config
    from linter.registry import load_checks
    from linter.sources import walk_would_find

    if not walk_would_find(folder, output, ("*",), ()):
        return False  # not under it at all: no config to read
    try:
        source = config_path or find_config(folder)
        config = load_config(source, load_checks()) if source else Config.default()
    except (ConfigError, OSError):
        config = Config.default()
    return walk_would_find(folder, output, config.include, config.exclude)


def lint_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options ``check`` and ``watch`` share, declared once."""
    options = (
        click.option("--config", "config_path", type=click.Path(readable=False), help="Use this config file instead of searching for one."),
        click.option("--context", "context_path", type=click.Path(readable=False), help="YAML file with the interview context (company, interviewer, topics, dates, kind)."),
        click.option("--grammar", type=GRAMMAR, help="Grammar backend (default: config, else auto)."),
        click.option("--languagetool", "languagetool_url", metavar="URL", help="Use the LanguageTool server at URL."),
        click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), help="A draft fails on findings at or above this severity, or missing a must-have (default: error; never: findings never fail it)."),
        click.option("--fail-under", type=click.IntRange(0, 100), help="A draft fails when it scores under N (default: 70; 0 turns it off)."),
        click.option("--select", multiple=True, help="Checks to run (codes, names or code prefixes; comma-separated)."),
        click.option("--ignore", multiple=True, help="Checks to skip (codes, names or code prefixes)."),
        click.option("--mode", type=click.Choice(["draft", "template"]), help="template: placeholders are expected (default: draft)."),
        click.option("--color", type=click.Choice(["always", "never", "auto"]), is_flag=False, flag_value="always", help="Colour the text report: always, never, or auto (the default: on a terminal unless NO_COLOR; FORCE_COLOR forces it)."),
        click.option("--no-color", "color", flag_value="never", help="Same as --color never."),
    )
    for option in reversed(options):
        command = option(command)
    return command


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: that file's own error
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE instead of standard output.")
@lint_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Lint a folder in up to N processes (default: one per core; small runs use one).")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files (atomically), then report what is left.")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a unified diff; write nothing (exit 1 if there are any).")
@click.option("-q", "--quiet", is_flag=True, help="Text report: the findings only, no scores, progress or summary.")
@click.option("--statistics", is_flag=True, help="Print how many findings each check produced instead of the report.")
@click.option("--stdin-filename", metavar="PATH", help="Lint standard input as if it were PATH (its config, globs and template mode).")
def check(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    config_path: str | None,
    context_path: str | None,
    grammar: str | None,
    languagetool_url: str | None,
    fail_on: str | None,
    fail_under: int | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    mode: str | None,
    color: str | None,
    jobs: int | None,
    fix: bool = False,
    diff: bool = False,
    quiet: bool = False,
    statistics: bool = False,
    stdin_filename: str | None = None,
) -> None:
    """Lint drafts: files, folders (searched for *.txt, *.eml, *.md) or - for standard input.

    Exit status: 0 passed, 1 a draft failed (findings at or above --fail-on,
    a must-have missing, or a score under --fail-under), 2 a usage, config
    or input error.
    """
    if not paths and sys.stdin.isatty():
        raise Abort("no input: give a file or folder, or pipe a draft into 'followup-lint check -'")
    _refuse_output_over_input(output, paths, config_path, context_path)
    from linter.command import CheckRequest, decide_service

    request = CheckRequest(
        paths=paths,
        fmt=fmt,
        color=_use_color(color, output) and fmt == "text",
        config_path=config_path,
        context_path=context_path,
        grammar=grammar,
        languagetool_url=languagetool_url,
        fail_on=fail_on,
        fail_under=fail_under,
        select=select,
        ignore=ignore,
        mode=mode,
        jobs=jobs,
        service=decide_service(grammar, configured=lambda: _configured_grammar(paths, config_path)),
        quiet=quiet,
        statistics=statistics,
        stdin_filename=stdin_filename,
    )
    from linter.spool import Spool

    report = Spool()
    if fix or diff:
        from linter.fix_command import run_fix

        outcome, applied = run_fix(request, write=fix and not diff)
        if fix and not diff and applied:
            click.echo(f"followup-lint: applied {applied} fix{'es' if applied != 1 else ''}", err=True)
    else:
        stdin = _read_stdin() if not paths or "-" in paths else None
        outcome = _forwarded(request, stdin, report) or _in_process(request, stdin, report)
    for line in outcome.errors:
        click.echo(f"followup-lint: error: {line}", err=True)
    report.write(outcome.report)
    if report:
        _write_output(report, output, request.color)
    report.close()
    sys.exit(outcome.code)


def _configured_grammar(paths: tuple[str, ...], config_path: str | None) -> str | None:
    """The grammar the config of every input names, when no worker is running
    (a running one is reused at no cost, so a warm run skips this); None
    when unknown or the inputs' configs differ. A bad config is None here:
    the run itself reports it."""
    from linter.service.place import socket_path

    if os.path.exists(socket_path()):
        return None
    from linter.config import ConfigError, find_config, load_config
    from linter.registry import load_checks

    sources = [config_path] if config_path else [
        find_config(os.getcwd() if p == "-" else p) for p in (paths or ("-",))
    ]
    try:
        choices = {load_config(s, load_checks()).grammar if s else "auto" for s in sources}
    except (ConfigError, OSError):
        return None
    return choices.pop() if len(choices) == 1 else None


def _read_stdin() -> bytes:
    """The piped draft, read once (``terminal.read_stdin``)."""
    try:
        return read_stdin()
    except StdinError as exc:
        raise Abort(str(exc)) from None


def _in_process(request: CheckRequest, stdin: bytes | None, report: Spool) -> CheckOutcome:
    """The run in this process, its report written to ``report`` as it goes."""
    import io

    from linter.command import run_check
    from linter.progress import Progress

    _report_waits()
    progress = None if request.quiet else Progress(sys.stderr)
    return run_check(request, None if stdin is None else io.BytesIO(stdin), progress=progress, out=report)


def _report_waits() -> None:
    """Anything slow (starting the worker or LanguageTool, a lock) says what
    it waits for, in one stderr line, on a terminal or not."""
    from linter.grammar.base import on_wait

    on_wait(lambda what: click.echo(f"followup-lint: {what}...", err=True))


def _forwarded(request: CheckRequest, stdin: bytes | None, report: Spool) -> CheckOutcome | None:
    """Run the check in the warm worker, where every check is already loaded
    and compiled: the editor and pipe case (files and stdin). Folder runs
    stay in process, for the process pool and the progress bar. None: run
    in process instead, without the worker (it could not be had)."""
    if request.service == "none" or any(p != "-" and os.path.isdir(p) for p in request.paths):
        return None
    from linter.service.place import any_socket

    if request.service == "reuse" and not any_socket():
        return None  # nothing to reuse: not worth importing the client
    from dataclasses import replace

    from linter.command import EXIT_USAGE, CheckOutcome
    from linter.service.client import RequestStopped
    from linter.service.forward import run_check_in_worker

    _report_waits()
    try:
        reply = run_check_in_worker(request.to_json(), stdin, start=request.service == "start")
    except RequestStopped as exc:
        return CheckOutcome("", (str(exc),), EXIT_USAGE)
    outcome = CheckOutcome(reply.report, reply.errors, reply.code) if reply is not None else None
    if outcome is None and request.service == "start":
        return _in_process(replace(request, service="none"), stdin, report)
    return outcome


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(fmt: str) -> None:
    """List every check: code, name, default severity and what it flags."""
    from linter.registry import load_checks

    checks = load_checks()
    if fmt == "json":
        import json

        click.echo(json.dumps([
            {"code": c.code, "name": c.name, "severity": c.severity.label, "summary": c.summary,
             "rationale": list(c.rationale), "kinds": sorted(c.kinds), "options": dict(c.options)}
            for c in checks
        ], indent=2, default=list))
        return
    width = max(len(c.name) for c in checks)
    for c in checks:
        first = c.summary.split(". ")[0].split("; ")[0].rstrip(".")  # the rest: explain
        click.echo(f"{c.code}  {c.name:<{width}}  {c.severity.label:<7}  {first}")


@cli.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a check: what it flags, why, an example and a better version."""
    from linter.explain import explain_text
    from linter.registry import find_check, load_checks

    checks = load_checks()
    found = find_check(code, checks)
    if found is None:
        from linter.suggest import did_you_mean

        hint = did_you_mean(code.upper(), [c.code for c in checks]) if code[:2].upper() == "FL" else ""
        hint = hint or did_you_mean(code.lower(), [c.name for c in checks])
        raise Abort(f"unknown check '{code}'{hint}")
    click.echo(explain_text(found))


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point. An unexpected exception is one line, not a traceback
    (``FOLLOWUP_LINT_DEBUG=1`` shows it); Ctrl-C exits quietly."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="followup-lint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("FOLLOWUP_LINT_DEBUG"):
            raise
        from linter.registry import RegistryError

        kind = "error" if isinstance(exc, RegistryError) else "internal error"
        click.echo(f"followup-lint: {kind}: {type(exc).__name__}: {exc} (FOLLOWUP_LINT_DEBUG=1 shows the traceback)", err=True)
        sys.exit(EXIT_USAGE)
