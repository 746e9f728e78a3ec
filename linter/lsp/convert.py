"""Findings as LSP diagnostics: character offsets to line and UTF-16 column.

Lines end at ``\\r\\n``, ``\\r`` or ``\\n`` (as editors and the protocol
count them); columns are UTF-16 code units, the protocol's default.
"""

from __future__ import annotations

from lsprotocol import types

from linter.models import Finding, Severity
from linter.positions import LineIndex

__all__ = ["to_position", "to_range", "to_offset", "to_diagnostic", "SOURCE"]

SOURCE = "followup-lint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def to_position(text: str, index: LineIndex, offset: int) -> types.Position:
    line, col = index.line_col(offset)
    start = index.line_start(line)
    return types.Position(line=line - 1, character=_units(text[start : start + col - 1]))


def to_range(text: str, index: LineIndex, start: int, end: int) -> types.Range:
    return types.Range(start=to_position(text, index, start), end=to_position(text, index, end))


def to_offset(text: str, index: LineIndex, position: types.Position) -> int:
    """The character offset of an LSP position (clamped to its line)."""
    line = min(position.line + 1, index.line_count)
    start = index.line_start(line)
    end = index.line_start(line + 1) if line < index.line_count else len(text)
    units = 0
    at = start
    while at < end and units < position.character and text[at] not in "\r\n":
        units += _units(text[at])
        at += 1
    return at


def to_diagnostic(finding: Finding, text: str, index: LineIndex) -> types.Diagnostic:
    tags = f" [{', '.join(finding.rationale)}]" if finding.rationale else ""
    return types.Diagnostic(
        range=to_range(text, index, finding.span.start, finding.span.end),
        message=f"{finding.message}{tags}",
        severity=_SEVERITY[finding.severity],
        code=finding.code,
        source=SOURCE,
        data={"name": finding.name},
    )
