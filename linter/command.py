"""The ``check`` command as a function: request in, report text and exit code out.

The CLI calls it in process, and the warm worker calls it for a CLI client
(so a piped draft does not pay for importing and compiling every check on
each run). It prints nothing: the caller writes the report and the errors.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import IO, TYPE_CHECKING, Any, Literal

from linter.formats.escape import visible

if TYPE_CHECKING:
    from linter.settings import RunSettings
    from linter.spool import Spool

__all__ = [
    "CheckRequest", "CheckOutcome", "Service", "decide_service", "run_check",
    "EXIT_OK", "EXIT_FINDINGS", "EXIT_USAGE",
]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# The run's one decision about the warm worker:
#   start  forward the run to it (start it if needed); Harper through it
#   reuse  forward only to one already running; never start it
#   none   everything in this process
Service = Literal["start", "reuse", "none"]
SERVICES: tuple[Service, ...] = ("start", "reuse", "none")


def decide_service(
    grammar: str | None,
    env: Mapping[str, str] = os.environ,
    configured: Callable[[], str | None] | None = None,
) -> Service:
    """``none`` when FOLLOWUP_LINT_WORKER=0; ``reuse`` for ``--grammar off``,
    or, without ``--grammar``, when ``configured()`` (the config's choice,
    None when unknown) says off: nothing to load, so nothing is started;
    else ``start``."""
    if env.get("FOLLOWUP_LINT_WORKER", "1").strip().lower() in ("0", "false", "no", "off"):
        return "none"
    if grammar is None and configured is not None:
        grammar = configured()
    return "reuse" if grammar == "off" else "start"


@dataclass(frozen=True)
class CheckRequest:
    """Everything ``followup-lint check`` was asked, as plain data."""

    paths: tuple[str, ...] = ()
    fmt: str = "text"
    color: bool = False
    config_path: str | None = None
    context_path: str | None = None
    grammar: str | None = None
    languagetool_url: str | None = None
    fail_on: str | None = None
    fail_under: int | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    mode: str | None = None
    jobs: int | None = None
    service: Service = "start"
    quiet: bool = False  # text: findings only
    statistics: bool = False  # counts per check instead of the report
    stdin_filename: str | None = None  # config globs and template mode for piped text

    def settings(self) -> RunSettings:
        """The run's settings (``RunAborted`` for a bad selector or context file)."""
        from linter.settings import run_settings

        return run_settings(
            config_path=self.config_path,
            context_path=self.context_path,
            grammar=self.grammar,
            languagetool_url=self.languagetool_url,
            fail_on=self.fail_on,
            fail_under=self.fail_under,
            select=self.select,
            ignore=self.ignore,
            mode=self.mode,
            jobs=self.jobs,
            use_worker=self.service == "start",
            stdin_filename=self.stdin_filename,
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CheckRequest:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("paths", "select", "ignore"):
            known[key] = tuple(known.get(key) or ())
        if known.get("service") not in SERVICES:
            known.pop("service", None)
        return cls(**known)


@dataclass(frozen=True)
class CheckOutcome:
    """What a check run gives back: the report, the error lines and the exit code."""

    report: str
    errors: tuple[str, ...] = field(default_factory=tuple)  # one line each
    code: int = EXIT_OK


def statistics(result: Any) -> str:
    """One line per check that fired: count, code, name (most first)."""
    from collections import Counter

    counts = Counter((f.code, f.name) for r in result.reports for f in r.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(f"{n:>5}  {code}  {name}\n" for (code, name), n in rows)


def render(result: Any, fmt: str, color: bool, quiet: bool = False) -> str:
    """The whole report, through the one table of formats."""
    from linter.formats import RenderOptions, render as render_format

    return render_format(result, fmt, RenderOptions(color=color, quiet=quiet))


def run_check(
    request: CheckRequest, stdin: IO[bytes] | None = None, progress: Any = None, out: Spool | None = None
) -> CheckOutcome:
    """Lint what ``request`` names; never raises for bad input or config.

    With ``out``, the report goes there (``report`` is then empty): for the
    text, json and github formats as the drafts are linted, the run holding
    one draft at a time. Without, it is returned whole."""
    from linter.formats.stream import STREAMED
    from linter.runner import RunAborted, lint_paths

    try:
        settings = request.settings()
        if out is not None and request.fmt in STREAMED and not request.statistics:
            return _streamed(request, settings, out, stdin, progress)
        result = lint_paths(request.paths, settings, stdin=stdin, progress=progress)
    except RunAborted as exc:
        if out is not None:
            out.discard()  # an aborted run prints no report, not part of one
        return CheckOutcome("", (visible(str(exc)),), EXIT_USAGE)
    errors = tuple(visible(f"{e.path}: {e.message}") for e in result.errors)
    if result.errors:
        code = EXIT_USAGE
    else:
        code = EXIT_FINDINGS if any(r.failed for r in result.reports) else EXIT_OK
    text = statistics(result) if request.statistics else render(result, request.fmt, request.color, request.quiet)
    if out is not None:
        out.write(text)
        text = ""
    return CheckOutcome(text, errors, code)


def _streamed(
    request: CheckRequest, settings: RunSettings, out: Spool, stdin: IO[bytes] | None, progress: Any
) -> CheckOutcome:
    """The run written to ``out`` piece by piece (``linter.formats.stream``);
    each piece is rendered where its draft was linted."""
    from functools import partial

    from linter.formats.stream import Writer, piece
    from linter.runner import iter_lint

    writer = Writer(request.fmt, out.write, request.color, request.quiet)
    render_piece = partial(piece, fmt=request.fmt, color=request.color, quiet=request.quiet)
    for part in iter_lint(request.paths, settings, transform=render_piece, stdin=stdin, progress=progress):
        writer.add(part)
    tally = writer.close()
    errors = tuple(visible(f"{path}: {message}") for path, message in tally.errors)
    code = EXIT_USAGE if errors else EXIT_FINDINGS if tally.failed else EXIT_OK
    return CheckOutcome("", errors, code)
