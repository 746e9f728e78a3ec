"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=a.txt,line=3,col=5,endLine=3,endColumn=12,title=FL401 asks-about-decision::message

GitHub shows these on the pull request's "Files changed" tab. Values are
escaped the way the Actions toolkit (``@actions/core``) escapes them:
``%``, ``\\r`` and ``\\n`` everywhere, and also ``:`` and ``,`` inside
properties, where they would otherwise end the value. Severity maps to the
command: error -> ``error``, warning -> ``warning``, info -> ``notice``.
An unreadable draft becomes one ``error`` annotation on its file. After the
annotations come plain lines (the score, kind and verdict of each draft,
with why it failed), with control characters spelled out and never
starting with ``::``. A check with more findings than a report lists gets
one ``notice`` saying how many more.
"""

from __future__ import annotations

from linter.formats import FileError, RunResult
from linter.formats.escape import safe_line_start, visible
from linter.limits import more_line
from linter.models import FileReport, Finding, Severity
from linter.positions import line_col
from linter.verdict import because

__all__ = ["draft_annotations", "error_annotation", "render", "escape_data", "escape_property", "summary"]

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (after the second ``::``); other control
    and bidi characters are spelled out (``linter.formats.escape``)."""
    text = visible(text, keep="\t\r\n")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: list[tuple[str, str]], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{name} {props}::{escape_data(message)}"


def _annotation(report: FileReport, finding: Finding) -> str:
    line, col = line_col(report.text, finding.span.start)
    end_line, end_col = line_col(report.text, finding.span.end)
    return _command(
        _COMMANDS[finding.severity],
        [
            ("file", report.path),
            ("line", str(line)),
            ("col", str(col)),
            ("endLine", str(end_line)),
            ("endColumn", str(end_col)),
            ("title", f"{finding.code} {finding.name}"),
        ],
        finding.message,
    )


def _summary(report: FileReport) -> str:
    count = len(report.findings)
    line = (
        f"{safe_line_start(report.path)}: score {report.score}/100, {'failed' if report.failed else 'passed'} "
        f"({count} finding{'s' if count != 1 else ''}) · {report.kind} ({report.kind_source})"
    )
    return f"{line} · failed because: {because(report.fail_reasons)}" if report.fail_reasons else line


def error_annotation(item: FileError) -> str:
    """The annotation of an input that could not be linted."""
    return _command("error", [("file", item.path), ("title", "unreadable draft")], item.message)


def draft_annotations(item: FileReport) -> list[str]:
    """A draft's annotations: one per finding, one per check with findings left out."""
    return [
        *(_annotation(item, finding) for finding in item.findings),
        *(
            _command("notice", [("file", item.path), ("title", f"{code} {name}")], more_line(code, name, count))
            for code, name, count in item.omitted
        ),
    ]


def summary(report: FileReport) -> str:
    """A draft's plain line, written after every annotation of the run."""
    return _summary(report)


def render(result: RunResult) -> str:
    lines: list[str] = []
    for item in result.items:
        lines.extend([error_annotation(item)] if isinstance(item, FileError) else draft_annotations(item))
    lines.extend(summary(item) for item in result.items if isinstance(item, FileReport))
    return "\n".join(lines) + "\n" if lines else ""
