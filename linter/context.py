"""The interview context: front matter or ``--context FILE.yaml``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from linter.safe_yaml import clip, short
from linter.grammar.base import DIALECTS
from linter.suggest import did_you_mean

__all__ = ["Context", "ContextError", "KINDS", "parse_context"]

KINDS = ("thank-you", "status-check", "post-rejection", "linkedin", "general")
_KEYS = (
    "company",
    "role",
    "interviewer",
    "interview_date",
    "send_date",
    "topics",
    "kind",
    "followup-lint",
    "dialect",
)
_SETTINGS_KEYS = ("ignore", "vocabulary")
_INTERVIEWER_KEYS = ("name", "title")


class ContextError(ValueError):
    """Malformed interview context."""


@dataclass(frozen=True)
class Context:
    """What is known of the interview: from a context file or a draft's front matter."""

    company: str | None = None
    role: str | None = None
    interviewer_name: str | None = None
    interviewer_title: str | None = None
    interview_date: dt.date | None = None
    send_date: dt.date | None = None
    topics: tuple[str, ...] = field(default_factory=tuple)
    kind: str | None = None
    # The draft's own ``followup-lint:`` settings (checked against the
    # registry by ``api.lint_text``, which knows the checks).
    ignore: tuple[str, ...] = field(default_factory=tuple)
    vocabulary: tuple[str, ...] = field(default_factory=tuple)
    dialect: str | None = None  # en-US, en-GB, en-CA, en-AU or any

    def merged_over(self, base: Context) -> Context:
        """This context, with gaps filled from ``base``."""
        changes = {
            name: getattr(self, name)
            for name in self.__dataclass_fields__
            if getattr(self, name) not in (None, ())
        }
        return replace(base, **changes)

    @property
    def names(self) -> tuple[str, ...]:
        """Proper names the context makes known (never typos)."""
        parts: list[str] = []
        for value in (self.company, self.interviewer_name, self.role):
            if value:
                parts.extend(value.replace("-", " ").split())
        return tuple(parts)


def _text(value: Any, key: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    raise ContextError(f"'{key}' must be text, not {type(value).__name__}")


def _key(key: Any) -> str:
    """A key as quoted in a message: short, however long it is."""
    return clip(key) if isinstance(key, str) else short(key)


def _date(value: Any, key: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ContextError(f"'{key}' must be a date like 2026-03-14, not {short(value)}")


def _words(value: Any, key: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, (str, int)) else value
    if items is None:
        return ()
    if not isinstance(items, list) or not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in items):
        raise ContextError(f"'followup-lint.{key}' must be a list of text")
    return tuple(str(v).strip() for v in items if str(v).strip())


def _settings(data: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(ignore, vocabulary)`` from the ``followup-lint:`` mapping."""
    if data is None:
        return (), ()
    if not isinstance(data, Mapping):
        raise ContextError("'followup-lint' must be a mapping (ignore, vocabulary)")
    for key in data:
        if key not in _SETTINGS_KEYS:
            raise ContextError(f"unknown followup-lint key '{key}'{did_you_mean(str(key), _SETTINGS_KEYS)}")
    return _words(data.get("ignore"), "ignore"), _words(data.get("vocabulary"), "vocabulary")


def parse_context(data: Any) -> Context:
    """Validate a parsed YAML mapping into a ``Context``."""
    if data is None:
        return Context()
    if not isinstance(data, Mapping):
        raise ContextError("the context must be a mapping of keys to values")
    for key in data:
        if key not in _KEYS:
            raise ContextError(f"unknown context key '{_key(key)}'{did_you_mean(_key(key), _KEYS)}")
    name = title = None
    person = data.get("interviewer")
    if isinstance(person, Mapping):
        for key in person:
            if key not in _INTERVIEWER_KEYS:
                raise ContextError(
                    f"unknown interviewer key '{_key(key)}'{did_you_mean(_key(key), _INTERVIEWER_KEYS)}"
                )
        name = _text(person.get("name"), "interviewer.name")
        title = _text(person.get("title"), "interviewer.title")
    else:
        name = _text(person, "interviewer")
    topics = data.get("topics") or ()
    if isinstance(topics, str):
        topics = (topics,)
    if not isinstance(topics, (list, tuple)):
        raise ContextError("'topics' must be a list of short phrases")
    kind = _text(data.get("kind"), "kind")
    if kind is not None and kind not in KINDS:
        raise ContextError(f"unknown kind '{clip(kind)}'{did_you_mean(kind, KINDS)}; expected one of {', '.join(KINDS)}")
    ignore, vocabulary = _settings(data.get("followup-lint"))
    dialect = _text(data.get("dialect"), "dialect")
    if dialect is not None and dialect not in DIALECTS:
        raise ContextError(
            f"unknown dialect '{clip(dialect)}'{did_you_mean(dialect, DIALECTS)}; expected one of {', '.join(DIALECTS)}"
        )
    return Context(
        ignore=ignore,
        vocabulary=vocabulary,
        company=_text(data.get("company"), "company"),
        role=_text(data.get("role"), "role"),
        interviewer_name=name,
        interviewer_title=title,
        interview_date=_date(data.get("interview_date"), "interview_date"),
        send_date=_date(data.get("send_date"), "send_date"),
        topics=tuple(t for t in (_text(t, "topics") for t in topics) if t),
        kind=kind,
        dialect=dialect,
    )
