"""Applying fixes: which are safe, and how a set of them becomes new text.

A fix is data (a span of the raw text and its replacement). ``--fix``
applies only the safe ones: those a check marks ``safe`` and doubled
``?``/``!`` reduced to one (a fix of the pressure-language check that
changes nothing but the repeated mark). Fixes that overlap one applied
earlier are left for the next pass; after the last pass they are left
alone. Spans inside the front matter are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from linter import regexes
from linter.models import FileReport, Finding, Fix, Span

__all__ = ["is_safe", "safe_fixes", "apply_fixes", "fix_text", "front_matter_span", "FixOutcome", "PASSES"]

PASSES = 3  # lint -> apply; overlapping fixes get another pass
_OPEN = regexes.compile(r"\ufeff?---[ \t]*\r?\n")
_CLOSE = regexes.compile(r"^(---|\.\.\.)[ \t]*\r?$", re.M)


def front_matter_span(text: str) -> Span | None:
    """The front matter block, markers included (an unclosed one: all of it)."""
    opened = _OPEN.match(text)
    if opened is None:
        return None
    closing = _CLOSE.search(text, opened.end())
    return Span(0, closing.end() if closing else len(text))


def _doubled_mark(fix: Fix, text: str) -> bool:
    old = text[fix.span.start : fix.span.end]
    return len(old) >= 2 and set(old) <= {"?", "!"} and fix.replacement in ("?", "!")


def is_safe(finding: Finding, text: str) -> bool:
    fix = finding.fix
    return fix is not None and (fix.safe or (finding.code == "FL402" and _doubled_mark(fix, text)))


def safe_fixes(report: FileReport, protected: Span | None = None) -> list[Fix]:
    """The report's safe fixes, outside ``protected`` (the front matter)."""
    out = []
    for finding in report.findings:
        if finding.fix is None or not is_safe(finding, report.text):
            continue
        span = finding.fix.span
        if protected is not None and (protected.overlaps(span) or span.start < protected.end):
            continue
        out.append(finding.fix)
    return out


def _newlines(text: str, replacement: str) -> str:
    return replacement.replace("\n", "\r\n") if "\r\n" in text else replacement


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """``text`` with every fix applied that does not overlap (or share an
    insertion point with) one before it; returns the new text and how many
    were applied."""
    taken: list[Span] = []
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.span.start, f.span.end)):
        span = fix.span
        clash = any(
            t.overlaps(span) or (t.start == span.start) or (len(t) == 0 and span.start < t.start < span.end)
            or (len(span) == 0 and t.start < span.start < t.end)
            for t in taken
        )
        if clash:
            continue
        taken.append(span)
        chosen.append(fix)
    out = text
    for fix in reversed(chosen):  # from the end, so earlier offsets hold
        out = out[: fix.span.start] + _newlines(text, fix.replacement) + out[fix.span.end :]
    return out, len(chosen)


@dataclass(frozen=True)
class FixOutcome:
    text: str
    applied: int
    report: FileReport  # the fixed text, linted again


def fix_text(
    text: str,
    lint: Callable[[str], FileReport],
    front_matter: Callable[[str], Span | None] = front_matter_span,
) -> FixOutcome:
    """Lint, apply the safe fixes, and again while fixes were left over
    for overlapping; the result is linted once more before anyone writes it."""
    report = lint(text)
    applied = 0
    for _ in range(PASSES):
        fixes = safe_fixes(report, front_matter(text))
        if not fixes:
            break
        text, count = apply_fixes(text, fixes)
        if count == 0:
            break
        applied += count
        report = lint(text)
    return FixOutcome(text, applied, report)
