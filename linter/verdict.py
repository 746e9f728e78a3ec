"""Pass or fail: findings at or above ``fail_on``, or a score under ``fail_under``."""

from __future__ import annotations

from linter.models import FileReport, Severity

__all__ = ["failed", "threshold"]


def threshold(fail_on: str) -> Severity | None:
    """The lowest severity that fails a draft; ``never`` gives None."""
    return None if fail_on == "never" else Severity.parse(fail_on)


def failed(report: FileReport, fail_on: str, fail_under: int | None) -> bool:
    level = threshold(fail_on)
    if level is not None and any(f.severity >= level for f in report.findings):
        return True
    return fail_under is not None and report.score < fail_under
