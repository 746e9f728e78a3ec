"""Machine output: a versioned JSON document (schema in ``report.schema.json``).

Version 1 is a contract: fields are only ever added, never renamed or
removed, without bumping ``version``.
"""

from __future__ import annotations

import json
from typing import Any

from linter import __version__
from linter.formats import RunResult, Tally
from linter.models import FileReport, Finding, Span
from linter.positions import LineIndex, line_index
from linter.formats.escape import decodable
from linter.formats.json_text import dumps_indented

__all__ = ["document_around_files", "format_empty", "format_json", "report_dict", "report_text", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1


def _span(index: LineIndex, span: Span) -> dict[str, Any]:
    (line, column), (end_line, end_column) = index.line_col(span.start), index.line_col(span.end)
    return {
        "start": {"line": line, "column": column, "offset": span.start},
        "end": {"line": end_line, "column": end_column, "offset": span.end},
    }


def _finding(index: LineIndex, f: Finding) -> dict[str, Any]:
    fix = f.fix
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.label,
        "message": f.message,
        **_span(index, f.span),
        "rule": f.rule,
        "category": f.category,
        "rationale": list(f.rationale),
        "fix": None
        if fix is None
        else {
            "replacement": fix.replacement,
            "description": fix.description,
            **_span(index, fix.span),
        },
    }


def report_dict(report: FileReport) -> dict[str, Any]:
    findings: list[dict[str, Any]] = []
    if report.findings:  # one line index per report, looked up once
        index = line_index(report.text)
        findings = [_finding(index, f) for f in report.findings]
    doc: dict[str, Any] = {
        "path": decodable(report.path),
        "score": report.score,
        "passed": not report.failed,
        "pass_mark": report.pass_mark,
        "fail_reasons": [
            {"rule": r.rule, "message": r.message, "codes": list(r.codes)} for r in report.fail_reasons
        ],
        "kind": report.kind,
        "kind_source": report.kind_source,
        "word_count": report.word_count,
        "grammar_backend": report.grammar_backend,
        "breakdown": [{"code": code, "points_lost": points} for code, points in report.breakdown],
        "findings": findings,
    }
    if report.omitted:  # only then: checks with more findings than listed (linter.limits)
        doc["omitted"] = [{"code": code, "name": name, "count": count} for code, name, count in report.omitted]
    return doc


def report_text(report: FileReport) -> str:
    """``report`` as it appears in the document's ``files`` list."""
    return dumps_indented(report_dict(report), _FILE_INDENT)


_FILE_INDENT = "    "  # two levels of two: the document, then its "files" list
_MARK = "\x00"  # stands for the files while the rest of the document is rendered


def _document(tally: Tally, files: list[Any]) -> dict[str, Any]:
    return {
        "schema": "followup-lint-report",
        "version": SCHEMA_VERSION,
        "tool": {"name": "followup-lint", "version": __version__},
        "files": files,
        "errors": [{"path": decodable(path), "message": decodable(message)} for path, message in tally.errors],
        "summary": {
            "files": tally.items,
            "passed": tally.reports - tally.failed,
            "failed": tally.failed,
            "errors": len(tally.errors),
            "average_score": round(tally.score_sum / tally.reports, 1) if tally.reports else None,
            "lowest_score": tally.lowest[0][0] if tally.lowest else None,
        },
    }


def document_around_files(tally: Tally) -> tuple[str, str]:
    """The document before its first file and after its last (the part
    before depends on nothing the run finds)."""
    text = json.dumps(_document(tally, [_MARK]), indent=2, ensure_ascii=False) + "\n"
    mark = _FILE_INDENT + json.dumps(_MARK)
    head, _, tail = text.partition(mark)
    return head, tail


def format_empty(tally: Tally) -> str:
    """The document of a run with no readable draft."""
    return json.dumps(_document(tally, []), indent=2, ensure_ascii=False) + "\n"


def format_json(result: RunResult) -> str:
    files = [report_dict(r) for r in result.reports]
    return json.dumps(_document(Tally.of(result.items), files), indent=2, ensure_ascii=False) + "\n"
