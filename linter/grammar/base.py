"""The interface every grammar backend implements.

A backend takes text and returns issues with offsets into that same text.
Which parts of a draft are sent, and which issues are kept, is decided by
the spelling-grammar check, identically for every backend.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

__all__ = [
    "GrammarIssue", "GrammarBackend", "GrammarUnavailable", "CATEGORIES", "DIALECTS", "DIALECT_NAMES",
    "on_wait", "say_waiting",
]

CATEGORIES = ("spelling", "grammar", "style", "typography")

# The English dialects a writer may choose; ``any`` accepts the spelling of each.
DIALECT_NAMES = {
    "en-US": "American English",
    "en-GB": "British English",
    "en-CA": "Canadian English",
    "en-AU": "Australian English",
}
DIALECTS = ("any", *DIALECT_NAMES)


class GrammarUnavailable(RuntimeError):
    """The backend cannot check text (not installed, server gone, ...)."""


@dataclass(frozen=True)
class GrammarIssue:
    """One match from a backend.

    ``start``/``end`` are character offsets into the text passed to
    ``check``. ``rule_id`` is the backend's own id (LanguageTool's
    ``MORFOLOGIK_RULE_EN_US``, Harper's ``Spelling``); ``category`` is one of
    ``CATEGORIES``. ``accepted_in`` lists, for a spelling issue, the other
    dialects (``DIALECT_NAMES`` keys) whose dictionary knows the word.
    """

    start: int
    end: int
    rule_id: str
    category: str
    message: str
    replacements: tuple[str, ...] = ()
    accepted_in: tuple[str, ...] = ()


@runtime_checkable
class GrammarBackend(Protocol):
    """Anything that can check English text."""

    @property
    def name(self) -> str:
        """Shown in reports, e.g. ``"harper 0.2.0"`` or ``"languagetool 6.8"``."""
        ...

    def check(self, text: str, dialect: str = "any") -> list[GrammarIssue]:
        """Return the issues in ``text``, spelling judged by ``dialect``'s
        dictionary (American for ``any``) with ``accepted_in`` filled; raise
        ``GrammarUnavailable`` if the backend cannot answer (never return
        ``[]`` for a dead backend)."""
        ...


_wait_reporter: list[Callable[[str], None]] = []


def on_wait(reporter: Callable[[str], None] | None) -> None:
    """Have ``say_waiting`` call ``reporter`` (the CLI prints one stderr line);
    None: say nothing (a library caller, the warm worker)."""
    _wait_reporter[:] = [reporter] if reporter is not None else []


def say_waiting(what: str) -> None:
    """Before anything slow (a start, a lock): tell the user what it waits for."""
    for reporter in _wait_reporter:
        reporter(what)
