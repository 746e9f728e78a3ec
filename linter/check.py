"""What a check is: a small immutable value with documented metadata and a
pure ``run`` function.

A check sees the parsed ``Draft``, its own options and the ``Tools`` the
engine lends it (grammar backend, readability); it never reads config,
files or another check's results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from functools import lru_cache
from types import MappingProxyType
from typing import Any, TypeVar

from linter import regexes
from linter.draft import Draft
from linter.grammar.base import GrammarBackend
from linter.models import Finding, Fix, Severity, Span

__all__ = ["Check", "Tools", "RunFn", "CODE_PATTERN", "NAME_PATTERN", "option_defaults", "read_options"]

CODE_PATTERN = regexes.compile(r"^FL[1-9]\d\d$")
NAME_PATTERN = regexes.compile(r"^[a-z]+(-[a-z]+)*$")


@dataclass(frozen=True)
class Tools:
    """Services the engine lends to checks; heavy ones are loaded lazily."""

    grammar: GrammarBackend | None = None
    readability: Callable[[str], float] | None = None
    today: dt.date = field(default_factory=dt.date.today)


RunFn = Callable[["Check", Draft, Mapping[str, Any], Tools], Iterable[Finding]]
T = TypeVar("T")

# A check declares its options once, as a frozen dataclass whose fields are
# the option names with their types and defaults; ``Check.options`` is
# ``option_defaults`` of it (what config may override, shown by ``explain``),
# and ``run`` reads them back typed with ``read_options``.
_CONVERT: dict[str, Callable[[Any], Any]] = {"int": int, "float": float, "bool": bool, "str": str}


def option_defaults(options_type: type) -> dict[str, Any]:
    """The options a check's dataclass declares, with their defaults (a tuple
    default shown as the list a config would write)."""
    out: dict[str, Any] = {}
    for f in fields(options_type):
        value = f.default_factory() if f.default_factory is not MISSING else f.default
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def read_options(options_type: type[T], options: Mapping[str, Any]) -> T:
    """``options`` (every default filled in by the engine, some overridden by
    config) as the check's dataclass, each value converted to its field's
    type; a missing or empty value keeps the default. The engine's options
    are read-only views, the same one draft after draft: each is read once."""
    key = (options_type, id(options))
    hit = _READ.get(key)
    if hit is not None and hit[0] is options:
        return hit[1]  # type: ignore[no-any-return]
    values: dict[str, Any] = {}
    for name, convert in _converters(options_type):  # type: ignore[arg-type]
        value = options.get(name)
        if value is not None:
            values[name] = convert(value)
    read = options_type(**values)
    if isinstance(options, MappingProxyType):
        if len(_READ) >= _MAX_READ:
            _READ.clear()
        _READ[key] = (options, read)  # holds the view, so its id is not reused meanwhile
    return read


_READ: dict[tuple[type, int], tuple[Mapping[str, Any], Any]] = {}
_MAX_READ = 256


def _as_tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value or ())


def _kept(value: Any) -> Any:
    return value


@lru_cache(maxsize=None)
def _converters(options_type: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Each field of a check's options dataclass with the function that
    converts a config value to its type (worked out once per check, not
    once per draft)."""
    out: list[tuple[str, Callable[[Any], Any]]] = []
    for f in fields(options_type):
        kind = str(f.type)
        out.append((f.name, _as_tuple if kind.startswith("tuple") else _CONVERT.get(kind, _kept)))
    return tuple(out)


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
