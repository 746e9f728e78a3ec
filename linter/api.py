"""The one pure path every use goes through: text in, ``FileReport`` out.

The CLI, the watcher, the accuracy script and the benchmarks all call
``lint_text``/``lint_draft``; only their outer layers read files and print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from linter.check import Check, Tools
from linter.config import Config
from linter.context import Context
from linter.draft import Draft, DraftError, parse_draft
from linter.engine import lint
from linter.grammar.base import GrammarBackend
from linter.limits import capped
from linter.models import FileReport, Finding, Fix
from linter.registry import load_checks
from linter.score import score
from linter.verdict import judge

if TYPE_CHECKING:
    from linter.offsets import OffsetMap  # only a decoded .eml carries one

__all__ = ["lint_text", "make_tools", "load_checks", "with_draft_settings"]


def _to_raw(finding: Finding, origin: OffsetMap) -> Finding:
    """The finding with its spans moved into the raw file (decoded .eml)."""
    fix = finding.fix
    if fix is not None:
        fix = replace(fix, span=origin.to_raw_span(fix.span))
    return replace(finding, span=origin.to_raw_span(finding.span), fix=fix)


def with_draft_settings(config: Config, draft: Draft, checks: Sequence[Check]) -> Config:
    """``config`` with the draft's own ``followup-lint:`` front matter keys:
    ``ignore`` adds to the ignored checks, ``vocabulary`` to the known words."""
    ignore, words = draft.context.ignore, draft.context.vocabulary
    if not ignore and not words:
        return config
    from linter.config import ConfigError, _selectors

    try:
        codes = _selectors(list(ignore), checks, "followup-lint.ignore") if ignore else ()
    except ConfigError as exc:
        raise DraftError(f"front matter: {exc}") from None
    return config.updated(ignore=(*config.ignore, *codes), vocabulary=(*config.vocabulary, *words))


@lru_cache(maxsize=1)
def _default_config() -> Config:
    """One default config for every call given none, so the engine's plan
    of checks and their options is worked out once, not once per draft."""
    return Config.default()


def make_tools(grammar: str | GrammarBackend | None = "off", today: dt.date | None = None) -> Tools:
    """Tools for the checks. ``grammar`` is a backend, None, or a choice as on
    the command line (``auto | languagetool | embedded | off``), picked by the
    same code as the CLI: ``languagetool`` that cannot be reached raises
    ``GrammarUnavailable`` instead of quietly checking nothing."""
    backend: GrammarBackend | None
    if grammar is None:
        backend = None
    elif isinstance(grammar, str):
        from linter.config import GRAMMAR_CHOICES
        from linter.backends import choose_backend

        if grammar not in GRAMMAR_CHOICES:
            raise ValueError(f"unknown grammar backend '{grammar}'")
        backend = choose_backend(grammar, None, None)
    else:
        backend = grammar
    if today is None:
        return Tools(grammar=backend)
    return Tools(grammar=backend, today=today)


def lint_text(
    text: str,
    path: str = "<stdin>",
    config: Config | None = None,
    grammar: str | GrammarBackend | None = "off",
    context: Context | None = None,
    tools: Tools | None = None,
    checks: Sequence[Check] | None = None,
    raw: str | None = None,
    origin: OffsetMap | None = None,
) -> FileReport:
    """Parse and lint one draft. ``raw``/``origin`` map offsets back to the
    file as the user edits it when ``text`` was decoded from it (.eml)."""
    config = config or _default_config()
    tools = tools or make_tools(grammar)
    checks = load_checks() if checks is None else checks
    draft = parse_draft(text, path, context, mode=config.mode)
    config = with_draft_settings(config, draft, checks)
    findings = lint(draft, checks, config, tools)
    points, breakdown = score(findings, config)
    if origin is not None:
        findings = tuple(_to_raw(f, origin) for f in findings)
    reasons = judge(findings, points, draft.kind, config)  # over every finding
    listed, omitted = capped(findings)
    return FileReport(
        path=path,
        findings=listed,
        omitted=omitted,
        score=points,
        breakdown=breakdown,
        grammar_backend=tools.grammar.name if tools.grammar else "off",
        text=raw if raw is not None else text,
        kind=draft.kind,
        word_count=draft.word_count,
        failed=bool(reasons),
        kind_source="given" if draft.context.kind else "inferred",
        pass_mark=config.fail_under,
        fail_reasons=reasons,
    )
