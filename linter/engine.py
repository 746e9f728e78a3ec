"""lint(draft, checks, config, tools) -> findings. Pure: no I/O, no printing.

The engine, not each check, decides what a check may report: findings in
the quoted reply or the front matter are dropped, spans are validated, config
severities are applied, and a check that raises becomes one finding instead
of stopping the run. A grammar backend that is gone is the exception: that
error propagates, because reporting the draft as clean would be a lie.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Any, Optional

from linter.check import Check, Tools
from linter.config import Config
from linter.draft import Draft
from linter.grammar.base import GrammarUnavailable
from linter.models import Finding, Severity, Span

__all__ = ["lint"]


def _crash(check: Check, exc: BaseException) -> Finding:
    return Finding(
        code=check.code,
        name=check.name,
        severity=Severity.ERROR,
        message=f"the check crashed ({type(exc).__name__}: {exc}); please report this",
        span=Span(0, 0),
        rule="internal-error",
    )


def _hidden(draft: Draft) -> list[Span]:
    hidden = list(draft.quoted)
    if draft.front_matter:
        hidden.append(draft.front_matter)
    return hidden


_Plan = tuple[tuple[Check, Mapping[str, Any], Optional[Severity]], ...]
_PLANS: dict[int, tuple[Config, tuple[Check, ...], _Plan]] = {}
_MAX_PLANS = 64


def _plan(config: Config, checks: Sequence[Check]) -> _Plan:
    """The enabled checks, each with its options (read-only) and severity
    override, worked out once per config: a folder's drafts share one, and
    the checks then read the same options object draft after draft."""
    checks = tuple(checks)
    hit = _PLANS.get(id(config))
    if hit is not None and hit[0] is config and hit[1] == checks:
        return hit[2]
    plan = tuple(
        (check, MappingProxyType(config.options_for(check)), config.severity_for(check))
        for check in checks
        if config.enabled(check)
    )
    if len(_PLANS) >= _MAX_PLANS:
        _PLANS.clear()
    _PLANS[id(config)] = (config, checks, plan)  # holds the config, so its id is not reused meanwhile
    return plan


def lint(draft: Draft, checks: Sequence[Check], config: Config, tools: Tools) -> tuple[Finding, ...]:
    """Run every enabled check that applies to the draft's kind."""
    hidden = _hidden(draft)
    size = len(draft.text)
    kind = draft.kind
    out: list[Finding] = []
    for check, options, override in _plan(config, checks):
        if not check.applies_to(kind):
            continue
        if check.uses_grammar and tools.grammar is None:
            continue
        try:
            found = list(check.run(draft, options, tools))
        except GrammarUnavailable:
            raise
        except Exception as exc:  # one bad check never kills the run
            out.append(_crash(check, exc))
            continue
        for finding in found:
            if finding.span.end > size:
                out.append(_crash(check, ValueError(f"span {finding.span} beyond the text")))
                break
            if hidden and any(h.overlaps(finding.span) for h in hidden):
                continue
            out.append(replace(finding, severity=override) if override else finding)
    out.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return tuple(out)
