"""Grammar and spelling backends behind one small interface.

The interface (``base``) is imported on first use of these names, not with
the package: the thin entry point reads ``installed`` from here and must
not pay for dataclasses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linter.grammar.base import GrammarBackend, GrammarIssue, GrammarUnavailable

__all__ = ["GrammarBackend", "GrammarIssue", "GrammarUnavailable"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from linter.grammar import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
