"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``testsuite`` named ``followup-lint``; one ``testcase`` per draft, named
by its path. A draft that failed gets a ``failure`` whose text lists its
findings in the text format's ``path:line:col: severity CODE name: message``
lines, and its ``message`` says why it failed; a draft that passed with
findings lists them in ``system-out``; a draft that could not be read is an
``error``. Control and bidi characters in names and messages are spelled out
(``\\x1b``, ``<U+202E>``, see ``linter.formats.escape``), and so is anything
else XML 1.0 cannot hold.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from linter import regexes
from linter.formats import FileError, RunResult
from linter.formats.escape import visible
from linter.limits import more_line
from linter.models import FileReport, Severity
from linter.positions import line_col
from linter.verdict import because

__all__ = ["render"]

_NOT_XML = regexes.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _counts(report: FileReport) -> str:
    counts = {sev: 0 for sev in Severity}
    for f in report.findings:
        counts[f.severity] += 1
    found = ", ".join(
        f"{n} {sev.label}{'s' if n != 1 else ''}" for sev, n in sorted(counts.items(), reverse=True) if n
    )
    return found or "no findings"


def _finding_lines(report: FileReport) -> str:
    lines = []
    for f in report.findings:
        line, col = line_col(report.text, f.span.start)
        lines.append(f"{visible(report.path)}:{line}:{col}: {f.severity.label} {f.code} {f.name}: {visible(f.message)}")
    lines.extend(f"{visible(report.path)}: {more_line(code, name, n)}" for code, name, n in report.omitted)
    return "\n".join(lines)


def render(result: RunResult) -> str:
    reports = result.reports
    failures = sum(1 for r in reports if r.failed)
    totals = {
        "tests": str(len(result.items)),
        "failures": str(failures),
        "errors": str(len(result.errors)),
        "skipped": "0",
    }
    root = ET.Element("testsuites", {"name": "followup-lint", **totals})
    suite = ET.SubElement(root, "testsuite", {"name": "followup-lint", **totals})
    for item in result.items:
        case = ET.SubElement(suite, "testcase", {"classname": "followup-lint", "name": _xml_safe(visible(item.path))})
        if isinstance(item, FileError):
            error = ET.SubElement(case, "error", {"type": "input-error", "message": visible(item.message)})
            error.text = visible(f"{item.path}: {item.message}")
            continue
        summary = f"score {item.score}/100 ({_counts(item)}) · {item.kind} ({item.kind_source})"
        if item.fail_reasons:
            summary += f" · failed because: {because(item.fail_reasons)}"
        details = _xml_safe(_finding_lines(item))
        if item.failed:
            failure = ET.SubElement(case, "failure", {"type": "followup-lint", "message": summary})
            failure.text = "\n".join(part for part in (details, summary) if part)
        else:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(part for part in (details, summary) if part)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
