"""What a check is: a small immutable value with documented metadata and a
pure ``run`` function.

A check sees the parsed ``Draft``, its own options and the ``Tools`` the
engine lends it (grammar backend, readability); it never reads config,
files or another check's results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from linter import regexes
from linter.check_options import CheckOptions, option_defaults, read_options
from linter.draft import Draft
from linter.grammar.base import GrammarBackend
from linter.models import Finding, Fix, Severity, Span

__all__ = ["Check", "CheckOptions", "Tools", "RunFn", "CODE_PATTERN", "NAME_PATTERN", "option_defaults", "read_options"]

CODE_PATTERN = regexes.compile(r"^FL[1-9]\d\d$")
NAME_PATTERN = regexes.compile(r"^[a-z]+(-[a-z]+)*$")


@dataclass(frozen=True)
class Tools:
    """Services the engine lends to checks; heavy ones are loaded lazily."""

    grammar: GrammarBackend | None = None
    readability: Callable[[str], float] | None = None
    today: dt.date = field(default_factory=dt.date.today)


RunFn = Callable[["Check", Draft, Mapping[str, Any], Tools], Iterable[Finding]]

# A check declares its options once, as a ``CheckOptions`` subclass
# (linter/check_options.py); ``Check.options`` is ``option_defaults`` of it.


@dataclass(frozen=True)
class Check:
    """One rule. ``run(check, draft, options, tools)`` yields findings.

    Docs follow ruff's fixed sections: ``summary`` (what it flags), ``why``
    (with GUIDANCE tags in ``rationale``), ``example`` and ``instead``.
    ``options`` holds every option with its default; config may override
    only these keys. ``kinds`` limits the check to some kinds of follow-up
    (empty = all kinds).
    """

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    example: str
    instead: str
    run_fn: RunFn
    rationale: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    kinds: frozenset[str] = frozenset()
    uses_grammar: bool = False
    template_aware: bool = True  # false: skip in template mode

    def run(self, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterable[Finding]:
        return self.run_fn(self, draft, options, tools)

    def applies_to(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def finding(
        self,
        span: Span,
        message: str,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
        rule: str | None = None,
        category: str | None = None,
    ) -> Finding:
        """A finding of this check; the engine applies severity overrides."""
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            span=span,
            fix=fix,
            rationale=self.rationale,
            rule=rule,
            category=category,
        )
