"""Bounds on what one draft can make a report print.

A hostile or unlucky draft ("[Name] " five thousand times) would otherwise
print a finding per repetition. The score and the verdict count every
finding; the report lists the first ``MAX_PER_CHECK`` of each check and says
how many more there were, and cuts long messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from linter.models import Finding

__all__ = ["MAX_PER_CHECK", "MAX_MESSAGE", "capped", "more_line"]

MAX_PER_CHECK = 25
MAX_MESSAGE = 300  # characters


def _short(finding: Finding) -> Finding:
    if len(finding.message) <= MAX_MESSAGE:
        return finding
    return replace(finding, message=finding.message[: MAX_MESSAGE - 1] + "…")


def capped(findings: Sequence[Finding]) -> tuple[tuple[Finding, ...], tuple[tuple[str, str, int], ...]]:
    """The findings to list (at most ``MAX_PER_CHECK`` per check, in order)
    and, for each check over the cap, ``(code, name, findings left out)``."""
    seen: dict[str, int] = {}
    names: dict[str, str] = {}
    kept: list[Finding] = []
    for finding in findings:
        count = seen.get(finding.code, 0) + 1
        seen[finding.code] = count
        names[finding.code] = finding.name
        if count <= MAX_PER_CHECK:
            kept.append(_short(finding))
    omitted = tuple(
        (code, names[code], count - MAX_PER_CHECK) for code, count in seen.items() if count > MAX_PER_CHECK
    )
    return tuple(kept), omitted


def more_line(code: str, name: str, count: int) -> str:
    """``and 4,975 more FL203 leftover-placeholder findings (the first 25 are listed)``."""
    return f"and {count:,} more {code} {name} findings (the first {MAX_PER_CHECK} are listed)"
