"""lint(draft, checks, config, tools) -> findings. Pure: no I/O, no printing.

The engine, not each check, decides what a check may report: findings in
the quoted reply or the front matter are dropped, spans are validated, config
severities are applied, and a check that raises becomes one finding instead
of stopping the run. A grammar backend that is gone is the exception: that
error propagates, because reporting the draft as clean would be a lie.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

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


def lint(draft: Draft, checks: Sequence[Check], config: Config, tools: Tools) -> tuple[Finding, ...]:
    """Run every enabled check that applies to the draft's kind."""
    hidden = _hidden(draft)
    size = len(draft.text)
    out: list[Finding] = []
    for check in checks:
        if not config.enabled(check) or not check.applies_to(draft.kind):
            continue
        if check.uses_grammar and tools.grammar is None:
            continue
        try:
            found = list(check.run(draft, config.options_for(check), tools))
        except GrammarUnavailable:
            raise
        except Exception as exc:  # one bad check never kills the run
            out.append(_crash(check, exc))
            continue
        override = config.severity_for(check)
        for finding in found:
            if finding.span.end > size:
                out.append(_crash(check, ValueError(f"span {finding.span} beyond the text")))
                break
            if any(h.overlaps(finding.span) for h in hidden):
                continue
            out.append(replace(finding, severity=override) if override else finding)
    out.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return tuple(out)
