"""The report for people: ``path:line:col: severity CODE name: message``,
the line with the span marked, and a summary with the score."""

from __future__ import annotations

from collections.abc import Callable

from linter.formats import FileError, RunResult
from linter.models import FileReport, Finding, Severity
from linter.positions import line_col

__all__ = ["format_text", "summary_line"]

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
Style = Callable[..., str]


def _plain(text: str, **_: object) -> str:
    return text


def _styler(color: bool) -> Style:
    if not color:
        return _plain
    import click

    return click.style


def _excerpt(report: FileReport, finding: Finding, style: Style) -> list[str]:
    text = report.text
    line, col = line_col(text, finding.span.start)
    line_start = finding.span.start - (col - 1)
    line_end = text.find("\n", line_start)
    if line_end == -1:
        line_end = len(text)
    shown = text[line_start:line_end].rstrip("\r").expandtabs(1)
    width = max(1, min(finding.span.end, line_end) - finding.span.start)
    gutter = " " * len(str(line))
    marker = " " * (col - 1) + "^" * width
    out = [
        f"  {style(str(line), dim=True)} | {shown}",
        f"  {gutter} | {style(marker, fg=_COLOURS[finding.severity], bold=True)}",
    ]
    if finding.fix is not None:
        fix = finding.fix
        shown_fix = fix.replacement.strip()
        if shown_fix and shown_fix not in fix.description:
            out.append(f"  {gutter} = fix: {fix.description}: \"{shown_fix}\"")
        else:
            out.append(f"  {gutter} = fix: {fix.description}")
    return out


def _finding(report: FileReport, finding: Finding, style: Style) -> list[str]:
    line, col = line_col(report.text, finding.span.start)
    sev = style(finding.severity.label, fg=_COLOURS[finding.severity], bold=True)
    why = f" [{', '.join(finding.rationale)}]" if finding.rationale else ""
    head = (
        f"{style(report.path, bold=True)}:{line}:{col}: {sev} "
        f"{finding.code} {finding.name}: {finding.message}{why}"
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
        f"{style(report.path, bold=True)}: score {report.score}/100, {verdict} ({found})"
        f" · {report.kind}, {report.word_count} words · grammar: {report.grammar_backend}"
    )


def _lost(report: FileReport) -> str:
    by_code = {f.code: f.name for f in report.findings}
    parts = [f"{by_code.get(code, code)} -{points:g}" for code, points in report.breakdown]
    return "  points lost: " + ", ".join(parts)


def format_text(result: RunResult, color: bool = False, quiet: bool = False) -> str:
    """The report; ``quiet``: the findings and errors only, no scores or summary."""
    style = _styler(color)
    lines: list[str] = []
    for item in result.items:
        if isinstance(item, FileError):
            lines.append(f"{style(item.path, bold=True)}: {style('error', fg='red', bold=True)}: {item.message}")
            continue
        for finding in item.findings:
            lines.extend(_finding(item, finding, style))
        if quiet:
            continue
        lines.append(summary_line(item, style))
        if item.breakdown:
            lines.append(_lost(item))
        lines.append("")
    if len(result.items) > 1 and not quiet:
        lines.append(_run_summary(result, style))
    text = "\n".join(lines).rstrip("\n")
    return text + "\n" if text else ""


def _run_summary(result: RunResult, style: Style) -> str:
    reports = result.reports
    failed = [r for r in reports if r.failed]
    parts = [f"{len(result.items)} files: {len(reports) - len(failed)} passed, {len(failed)} failed"]
    if result.errors:
        parts.append(f"{len(result.errors)} could not be read")
    text = ", ".join(parts)
    if reports:
        avg = sum(r.score for r in reports) / len(reports)
        worst = sorted(reports, key=lambda r: (r.score, r.path))[:3]
        text += f"; average score {avg:.0f}, lowest {worst[0].score} ({worst[0].path})"
        if len(worst) > 1:
            text += "\nworst: " + ", ".join(f"{r.path} ({r.score})" for r in worst)
    return style(text, bold=True)
