"""Machine output: a versioned JSON document (schema in ``report.schema.json``).

Version 1 is a contract: fields are only ever added, never renamed or
removed, without bumping ``version``.
"""

from __future__ import annotations

import json
from typing import Any

from linter import __version__
from linter.formats import FileError, RunResult
from linter.models import FileReport, Finding, Span
from linter.positions import line_col
from linter.formats.escape import decodable

__all__ = ["format_json", "report_dict", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1


def _position(text: str, offset: int) -> dict[str, int]:
    line, column = line_col(text, offset)
    return {"line": line, "column": column, "offset": offset}


def _span(text: str, span: Span) -> dict[str, Any]:
    return {"start": _position(text, span.start), "end": _position(text, span.end)}


def _finding(report: FileReport, f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.label,
        "message": f.message,
        **_span(report.text, f.span),
        "rule": f.rule,
        "category": f.category,
        "rationale": list(f.rationale),
        "fix": None
        if f.fix is None
        else {
            "replacement": f.fix.replacement,
            "description": f.fix.description,
            **_span(report.text, f.fix.span),
        },
    }


def report_dict(report: FileReport) -> dict[str, Any]:
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
        "findings": [_finding(report, f) for f in report.findings],
    }
    if report.omitted:  # only then: checks with more findings than listed (linter.limits)
        doc["omitted"] = [{"code": code, "name": name, "count": count} for code, name, count in report.omitted]
    return doc


def format_json(result: RunResult, indent: int | None = 2) -> str:
    reports = result.reports
    doc = {
        "schema": "followup-lint-report",
        "version": SCHEMA_VERSION,
        "tool": {"name": "followup-lint", "version": __version__},
        "files": [report_dict(r) for r in reports],
        "errors": [{"path": decodable(e.path), "message": decodable(e.message)} for e in result.errors],
        "summary": {
            "files": len(result.items),
            "passed": sum(1 for r in reports if not r.failed),
            "failed": sum(1 for r in reports if r.failed),
            "errors": len(result.errors),
            "average_score": round(sum(r.score for r in reports) / len(reports), 1) if reports else None,
            "lowest_score": min((r.score for r in reports), default=None),
        },
    }
    return json.dumps(doc, indent=indent, ensure_ascii=False) + "\n"
