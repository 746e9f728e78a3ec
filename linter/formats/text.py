"""The report for people: ``path:line:col: severity CODE name: message``,
the line with the span marked, and a summary with the score, the verdict
and why a draft failed."""

from __future__ import annotations

from collections.abc import Callable

from linter.formats import FileError, RunResult, Tally
from linter.formats.escape import safe_line_start, visible
from linter.limits import more_line
from linter.models import FileReport, Finding, Severity
from linter.positions import line_col
from linter.verdict import because

__all__ = ["error_line", "format_text", "report_lines", "run_summary", "summary_line"]

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
Style = Callable[..., str]


def _plain(text: str, **_: object) -> str:
    return text


def _styler(color: bool) -> Style:
    if not color:
        return _plain
    import click

    return click.style


_WHOLE = 200  # a line up to this long is shown whole
_BEFORE = 60  # else: characters of the line shown before a finding's span
_SPAN = 100  # characters of the span itself, at most
_AFTER = 60  # characters after it


def _window(line_start: int, line_end: int, span_start: int, span_end: int) -> tuple[int, int]:
    """The part of a line an excerpt shows: a short line whole, else the
    span (its first ``_SPAN`` characters) with some context on each side."""
    if line_end - line_start <= _WHOLE:
        return line_start, line_end
    start = max(line_start, span_start - _BEFORE)
    end = min(line_end, min(span_end, span_start + _SPAN) + _AFTER)
    return start, max(end, start)


def _shown(text: str) -> str:
    """Part of an excerpt line: tabs as one space, controls spelled out."""
    return visible(text.expandtabs(1))


def _excerpt(report: FileReport, finding: Finding, style: Style) -> list[str]:
    text = report.text
    line, col = line_col(text, finding.span.start)
    line_start = finding.span.start - (col - 1)
    line_end = text.find("\n", line_start)
    if line_end == -1:
        line_end = len(text)
    if text[line_start:line_end].endswith("\r"):
        line_end -= 1
    start, end = _window(line_start, line_end, finding.span.start, finding.span.end)
    lead = "…" if start > line_start else ""
    before = lead + _shown(text[start : finding.span.start])
    marked = _shown(text[finding.span.start : min(finding.span.end, end)])
    shown = before + marked + _shown(text[min(finding.span.end, end) : end]) + ("…" if end < line_end else "")
    gutter = " " * len(str(line))
    marker = " " * len(before) + "^" * max(1, len(marked))
    out = [
        f"  {style(str(line), dim=True)} | {shown}",
        f"  {gutter} | {style(marker, fg=_COLOURS[finding.severity], bold=True)}",
    ]
    if finding.fix is not None:
        fix = finding.fix
        shown_fix = fix.replacement.strip()
        if shown_fix and shown_fix not in fix.description:
            out.append(f"  {gutter} = fix: {visible(fix.description)}: \"{visible(shown_fix[:_SPAN])}\"")
        else:
            out.append(f"  {gutter} = fix: {visible(fix.description)}")
    return out


def _finding(report: FileReport, finding: Finding, style: Style) -> list[str]:
    line, col = line_col(report.text, finding.span.start)
    sev = style(finding.severity.label, fg=_COLOURS[finding.severity], bold=True)
    why = f" [{', '.join(finding.rationale)}]" if finding.rationale else ""
    head = (
        f"{style(safe_line_start(report.path), bold=True)}:{line}:{col}: {sev} "
        f"{finding.code} {finding.name}: {visible(finding.message)}{why}"
    )
    return [head, *_excerpt(report, finding, style)]


def summary_line(report: FileReport, style: Style = _plain) -> str:
    counts = {sev: 0 for sev in Severity}
    for f in report.findings:
        counts[f.severity] += 1
    found = ", ".join(
        f"{n} {sev.label}{'s' if n != 1 else ''}"
        for sev, n in sorted(counts.items(), reverse=True)
        if n
    ) or "no findings"
    verdict = style("failed", fg="red", bold=True) if report.failed else style("passed", fg="green", bold=True)
    return (
        f"{style(safe_line_start(report.path), bold=True)}: score {report.score}/100, {verdict} ({found})"
        f" · {report.kind} ({report.kind_source}), {report.word_count} words · grammar: {report.grammar_backend}"
    )


def _lost(report: FileReport) -> str:
    by_code = {f.code: f.name for f in report.findings}
    parts = [f"{by_code.get(code, code)} -{points:g}" for code, points in report.breakdown]
    return "  points lost: " + ", ".join(parts)


def error_line(item: FileError, color: bool = False) -> str:
    """The line of an input that could not be linted."""
    style = _styler(color)
    return f"{style(safe_line_start(item.path), bold=True)}: {style('error', fg='red', bold=True)}: {visible(item.message)}"


def report_lines(item: FileReport, color: bool = False, quiet: bool = False) -> list[str]:
    """One draft's lines: its findings, then (unless ``quiet``) its summary
    and a blank line."""
    style = _styler(color)
    lines: list[str] = []
    for finding in item.findings:
        lines.extend(_finding(item, finding, style))
    for code, name, count in item.omitted:
        lines.append(f"{style(safe_line_start(item.path), bold=True)}: {more_line(code, name, count)}")
    if quiet:
        return lines
    lines.append(summary_line(item, style))
    if item.fail_reasons:
        lines.append(f"  failed because: {because(item.fail_reasons)}")
    if item.breakdown:
        lines.append(_lost(item))
    lines.append("")
    return lines


def format_text(result: RunResult, color: bool = False, quiet: bool = False) -> str:
    """The report; ``quiet``: the findings and errors only, no scores or summary."""
    lines: list[str] = []
    for item in result.items:
        lines.extend([error_line(item, color)] if isinstance(item, FileError) else report_lines(item, color, quiet))
    if len(result.items) > 1 and not quiet:
        lines.append(run_summary(Tally.of(result.items), color))
    text = "\n".join(lines).rstrip("\n")
    return text + "\n" if text else ""


def run_summary(tally: Tally, color: bool = False) -> str:
    """The last line of a report on several inputs (and its worst drafts)."""
    style = _styler(color)
    reports = tally.reports
    parts = [f"{tally.items} files: {reports - tally.failed} passed, {tally.failed} failed"]
    if tally.errors:
        parts.append(f"{len(tally.errors)} could not be read")
    text = ", ".join(parts)
    if reports:
        avg = tally.score_sum / reports
        worst = tally.lowest
        text += f"; average score {avg:.0f}, lowest {worst[0][0]} ({visible(worst[0][1])})"
        if len(worst) > 1:
            text += "\nworst: " + ", ".join(f"{visible(path)} ({score})" for score, path in worst)
    return style(text, bold=True)
