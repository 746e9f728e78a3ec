"""Test helpers: inline span markers and running one check alone."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from linter.check import Check, Tools
from linter.context import Context
from linter.draft import parse_draft
from linter.models import Finding, Span

__all__ = ["marked", "run_check", "spans_of", "TODAY"]

TODAY = dt.date(2026, 3, 10)
_MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


def marked(text: str) -> tuple[str, list[Span]]:
    """Strip ``[[...]]`` markers; return the clean text and the marked spans."""
    spans: list[Span] = []
    out: list[str] = []
    pos = 0
    removed = 0
    for m in _MARK.finditer(text):
        out.append(text[pos : m.start()])
        start = m.start() - removed
        out.append(m.group(1))
        spans.append(Span(start, start + len(m.group(1))))
        removed += 4
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def run_check(
    check: Check,
    text: str,
    *,
    options: Mapping[str, Any] | None = None,
    context: Context | None = None,
    tools: Tools | None = None,
    mode: str = "draft",
) -> list[Finding]:
    """Run one check on ``text`` the way the engine does, minus config."""
    draft = parse_draft(text, "test.txt", context, mode=mode)
    if not check.applies_to(draft.kind):
        return []
    merged = {**check.options, **(options or {})}
    found = check.run(draft, merged, tools or Tools(today=TODAY))
    return sorted(
        (f for f in found if not any(q.overlaps(f.span) for q in draft.quoted)),
        key=lambda f: (f.span.start, f.code),
    )


def spans_of(text: str, findings: list[Finding]) -> list[tuple[str, str]]:
    """``(code, flagged text)`` pairs, handy in assertions."""
    return [(f.code, text[f.span.start : f.span.end]) for f in findings]
