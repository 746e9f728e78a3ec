"""Pass or fail, and why.

A draft fails on any of three rules (README "Pass or fail"):

- ``fail-on``: a finding at or above ``fail_on`` (default ``error``);
- ``must-have``: a finding of a check its kind must pass (``must_have``;
  by default detail, interest, thanks and, for emails, a signature);
- ``pass-mark``: a score under ``fail_under`` (default 70).

``fail_on: never`` turns off both rules about findings; the pass mark still
holds, so "passed" never stands beside a score under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from linter.models import Finding, Reason, Severity

if TYPE_CHECKING:
    from linter.config import Config

__all__ = ["threshold", "judge", "because", "KIND_LABELS"]

KIND_LABELS = {
    "thank-you": "a thank-you note",
    "status-check": "a status check",
    "post-rejection": "a reply to a rejection",
    "linkedin": "a LinkedIn note",
    "general": "a follow-up note",
}


def threshold(fail_on: str) -> Severity | None:
    """The lowest severity that fails a draft; ``never`` gives None."""
    return None if fail_on == "never" else Severity.parse(fail_on)


def _named(findings: Sequence[Finding]) -> tuple[tuple[str, ...], str]:
    """The distinct codes, and "FL301 no-specific-detail, ..." for people."""
    names: dict[str, str] = {}
    for finding in findings:
        names.setdefault(finding.code, finding.name)
    codes = tuple(sorted(names))
    return codes, ", ".join(f"{code} {names[code]}" for code in codes)


def _fail_on(findings: Sequence[Finding], fail_on: str) -> Reason | None:
    level = threshold(fail_on)
    hits = [f for f in findings if level is not None and f.severity >= level]
    if not hits:
        return None
    codes, named = _named(hits)
    assert level is not None
    at = f"{level.label} level" if level is Severity.ERROR else f"{level.label} or above"
    plural = "s" if len(hits) != 1 else ""
    return Reason("fail-on", f"{len(hits)} finding{plural} at {at} ({named})", codes)


def _must_have(findings: Sequence[Finding], kind: str, config: Config) -> Reason | None:
    if config.fail_on == "never":
        return None
    required = set(config.must_have.get(kind, ()))
    hits = [f for f in findings if f.code in required]
    if not hits:
        return None
    codes, named = _named(hits)
    what = "a must-have" if len(codes) == 1 else "must-haves"
    label = KIND_LABELS.get(kind, "a follow-up note")
    return Reason("must-have", f"missing {what} of {label} ({named})", codes)


def _pass_mark(score: int, fail_under: int | None) -> Reason | None:
    if fail_under is None or score >= fail_under:
        return None
    return Reason("pass-mark", f"score {score} is under the pass mark of {fail_under}")


def judge(findings: Sequence[Finding], score: int, kind: str, config: Config) -> tuple[Reason, ...]:
    """Every rule the draft breaks, in the order above; empty means passed."""
    found = (
        _fail_on(findings, config.fail_on),
        _must_have(findings, kind, config),
        _pass_mark(score, config.fail_under),
    )
    return tuple(reason for reason in found if reason is not None)


def because(reasons: Sequence[Reason]) -> str:
    """The reasons on one line, for the report summaries."""
    return "; ".join(reason.message for reason in reasons)
