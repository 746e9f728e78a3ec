"""Grammar and spelling backends behind one small interface."""

from linter.grammar.base import GrammarBackend, GrammarIssue, GrammarUnavailable

__all__ = ["GrammarBackend", "GrammarIssue", "GrammarUnavailable"]
