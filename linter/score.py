"""Findings -> a score from 0 to 100.

Each finding costs ``severity weight x check weight`` points (defaults:
error 20, warning 8, info 2; the four checks for what a follow-up must have,
FL301 detail, FL302 interest, FL303 thanks and FL501 signature, weigh 2, the
rest 1: ``config.DEFAULT_CHECK_WEIGHTS``). A check's total loss is
capped (``max_loss_per_check``, default 40) so one noisy check cannot sink
an otherwise sound draft on its own. The score is ``100 - total loss``,
floored at 0 and rounded. Whether a draft fails is decided by
``verdict.judge``.
"""

from __future__ import annotations

from collections.abc import Iterable

from linter.config import Config
from linter.models import Finding

__all__ = ["score"]


def score(findings: Iterable[Finding], config: Config) -> tuple[int, tuple[tuple[str, float], ...]]:
    """The score and the points each check lost, largest loss first."""
    lost: dict[str, float] = {}
    for finding in findings:
        cost = config.severity_weights[finding.severity] * config.weight_for(finding.code)
        lost[finding.code] = lost.get(finding.code, 0.0) + cost
    capped = {code: min(points, config.max_loss_per_check) for code, points in lost.items()}
    total = sum(capped.values())
    breakdown = tuple(sorted(capped.items(), key=lambda item: (-item[1], item[0])))
    return max(0, round(100 - total)), breakdown
