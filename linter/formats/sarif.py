"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` lists the whole check catalog (the rules a
viewer can explain even when a run found nothing), each with its summary as
``shortDescription``, its *why* as ``fullDescription`` and the example and
better version as ``help``. A result points at its rule by ``ruleId`` (the
check code) and ``ruleIndex``; its region carries both line/column (1-based,
columns in Unicode code points, see ``columnKind``) and ``charOffset`` /
``charLength``. A fix becomes a SARIF ``fix`` with one replacement. Drafts
that could not be read are tool execution notifications, and each draft's
score, kind and verdict (with why it failed) are properties of its artifact.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from linter import __version__
from linter.check import Check
from linter.formats import RunResult
from linter.models import FileReport, Finding, Severity, Span
from linter.positions import line_col
from linter.formats.escape import decodable

__all__ = ["render", "sarif_log", "artifact_uri", "SARIF_SCHEMA"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: relative stays relative (what code
    scanning expects, relative to the checkout), absolute becomes file://."""
    posix = decodable(path).replace(os.sep, "/")
    if os.path.isabs(path):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def _rule(check: Check) -> dict[str, Any]:
    rule: dict[str, Any] = {
        "id": check.code,
        "name": check.name,
        "shortDescription": {"text": check.summary},
        "fullDescription": {"text": check.why},
        "defaultConfiguration": {"level": _LEVELS[check.severity]},
        "help": {"text": f"{check.summary}\n\nExample:\n{check.example}\n\nInstead:\n{check.instead}"},
    }
    if check.rationale:
        rule["properties"] = {"tags": list(check.rationale)}
    return rule


def _region(text: str, span: Span) -> dict[str, int]:
    line, col = line_col(text, span.start)
    end_line, end_col = line_col(text, span.end)
    return {
        "startLine": line,
        "startColumn": col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": span.start,
        "charLength": span.end - span.start,
    }


def _result(report: FileReport, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    uri = artifact_uri(report.path)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": _region(report.text, finding.span),
                }
            }
        ],
    }
    if finding.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": finding.fix.description},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {
                                "deletedRegion": _region(report.text, finding.fix.span),
                                "insertedContent": {"text": finding.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    properties: dict[str, Any] = {"name": finding.name}
    if finding.rule:
        properties["rule"] = finding.rule
    if finding.category:
        properties["category"] = finding.category
    if finding.rationale:
        properties["tags"] = list(finding.rationale)
    result["properties"] = properties
    return result


def _verdict(report: FileReport) -> dict[str, Any]:
    return {
        "score": report.score,
        "passed": not report.failed,
        "passMark": report.pass_mark,
        "failReasons": [
            {"rule": r.rule, "message": r.message, "codes": list(r.codes)} for r in report.fail_reasons
        ],
        "kind": report.kind,
        "kindSource": report.kind_source,
        "grammarBackend": report.grammar_backend,
    }


def sarif_log(result: RunResult, checks: Sequence[Check] | None = None) -> dict[str, Any]:
    """The SARIF log as a dict. ``checks`` defaults to the installed catalog."""
    if checks is None:
        from linter.registry import load_checks

        checks = load_checks()
    rules = [_rule(c) for c in checks]
    index = {c.code: i for i, c in enumerate(checks)}
    for report in result.reports:  # a finding from outside the catalog still gets a rule
        for finding in report.findings:
            if finding.code not in index:
                index[finding.code] = len(rules)
                rules.append({"id": finding.code, "name": finding.name})
    results = [_result(r, f, index) for r in result.reports for f in r.findings]
    artifacts = [{"location": {"uri": artifact_uri(r.path)}, "properties": _verdict(r)} for r in result.reports]
    notifications = [
        {
            "level": "error",
            "message": {"text": e.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(e.path)}}}],
        }
        for e in result.errors
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "followup-lint",
                "version": __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not result.errors,
                "toolExecutionNotifications": notifications,
            }
        ],
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(result: RunResult, checks: Sequence[Check] | None = None) -> str:
    return json.dumps(sarif_log(result, checks), indent=2, ensure_ascii=False) + "\n"

