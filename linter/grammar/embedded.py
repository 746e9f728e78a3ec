"""Harper, the embedded grammar backend.

``HarperBackend`` runs Harper (harper-py) in this process. Building its
``Linter`` loads the curated dictionary, far over the CLI's start-up
budget, so by default the CLI talks to the warm service that holds one
(``linter.service``); ``linter.backends`` picks one or the other.

This module imports nothing heavy: harper is imported when the first text
is checked, and only in the process that checks it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from linter.grammar.installed import harper_version
from linter.grammar.quiet import quiet_stdout
from linter.grammar.base import DIALECT_NAMES, GrammarBackend, GrammarIssue, GrammarUnavailable

__all__ = [
    "DISABLED_RULES",
    "HarperBackend",
    "harper_version",
    "shed_shared_caches",
    "shared_harper",
]

# Harper's lint kinds (``Lint.lint_kind``) -> our categories. A kind that
# Harper adds later falls back to "style" (a warning), never to an error.
KIND_CATEGORY: dict[str, str] = {
    "Spelling": "spelling",
    "Typo": "spelling",
    "BoundaryError": "spelling",  # "alot", "eachother": a word written wrongly
    "Agreement": "grammar",
    "Grammar": "grammar",
    "Repetition": "grammar",
    "Miscellaneous": "style",  # mixed bag ("ASAP"); its real errors are listed below
    "Malapropism": "grammar",
    "Eggcorn": "grammar",
    "Usage": "grammar",
    "WordOrder": "grammar",
    "WordChoice": "style",
    "Style": "style",
    "Readability": "style",
    "Redundancy": "style",
    "Enhancement": "style",
    "Regionalism": "style",
    "Nonstandard": "style",
    "Formatting": "typography",
    "Punctuation": "typography",
    "Capitalization": "typography",
}

# Rules whose lint kind misstates the mistake they catch.
RULE_CATEGORY: dict[str, str] = {
    "AnA": "grammar",  # "an pleasure" (kind: Miscellaneous)
    "ThenThan": "grammar",  # "more excited then ever" (kind: Miscellaneous)
    "ModalOf": "grammar",  # "could of" (kind: WordChoice)
    "CapitalizePersonalPronouns": "grammar",  # "i am": reads as careless in a job email
}

# Rules that are wrong or pointless on a plain-text email, each with why.
DISABLED_RULES: dict[str, str] = {
    "OrthographicConsistency": "flags first names that are also acronyms (\"Sam\" -> \"SAM\")",
    "MassNouns": "flags correct countable uses such as \"a passion of mine\", \"a knowledge of\"",
    "OxfordComma": "a house-style preference, not a mistake; both forms are correct",
    "LongSentences": "sentence length is FL203's job, with its own threshold",
    "AsSoonAsPossible": "\"ASAP\" is FL402's job: there it is pressure on the employer, not an initialism",
    "AvoidAndAlso": "a style nit that fired on well-written notes in the labelled set",
    "Dashes": "\"--\" is the usual dash in plain-text mail; the en dash it offers is the wrong one",
    "NumericRangeEnDash": "fires on phone numbers and times (\"555-0134\", \"9-10am\")",
    "UseEllipsisCharacter": "\"...\" is normal in plain-text mail and renders everywhere",
    "RoadMap": "\"roadmap\" is the standard spelling in business writing",
    "ExpandForward": "\"Fwd:\" is a standard subject-line prefix, not an abbreviation to expand",
    "ThereToTheir": "flags the polite question \"Are there opportunities to ...?\" as a grammar error",
    "ThisTypeOfThing": "misreads compound modifiers (\"that kind of hands-on work\") as plural nouns",
    "MissingPreposition": "flags correct sentences such as \"I am comfortable building reports\"",
    "DisjointPrefixes": "rejects accepted hyphenation (\"re-apply\") and phrasal verbs (\"setting up rate codes\")",
    "DayOneNames": "takes the phrase \"from day one\" for the brand Day One",
    "CompoundNouns": "both forms are accepted (\"data set\", \"record keeping\"); no slip to report",
}

# Our dialect codes -> the names of Harper's ``Dialect`` members.
HARPER_DIALECTS = {"en-US": "AMERICAN", "en-GB": "BRITISH", "en-CA": "CANADIAN", "en-AU": "AUSTRALIAN"}
_SPELL_RULE = "SpellCheck"
_ACCEPTED_KEPT = 4096  # words whose other-dialect spelling is remembered


def _category(rule: str, kind: str) -> str:
    return RULE_CATEGORY.get(rule) or KIND_CATEGORY.get(kind, "style")


def _replacement(lint: Any, suggestion: Any) -> str:
    """A Harper suggestion as the text that replaces the lint's span."""
    kind = int(suggestion.kind)
    if kind == 1:  # REMOVE
        return ""
    if kind == 2:  # INSERT_AFTER: keep the flagged text, add after it
        return str(lint.problem_text) + str(suggestion.replacement_text)
    return str(suggestion.replacement_text)


class HarperBackend:
    """Harper in this process. The ``Linter`` is built on the first check."""

    def __init__(self, disabled: dict[str, str] | None = None) -> None:
        self._disabled = DISABLED_RULES if disabled is None else disabled
        self._linter: Any = None
        self._linters: dict[str, Any] = {}  # dialect -> full linter
        self._spellers: dict[str, Any] = {}  # dialect -> linter with spelling only
        self._accepted: dict[tuple[str, str], tuple[str, ...]] = {}  # (word, dialect) -> other dialects knowing it
        self._name = f"harper {harper_version()}"

    @property
    def name(self) -> str:
        return self._name

    def warm(self) -> None:
        """Build the linter now (the worker does this before it listens)."""
        if self._linter is not None:
            return
        try:
            import harper
        except ImportError as exc:
            raise GrammarUnavailable(
                f"the embedded grammar checker needs harper-py ({exc})"
            ) from None
        linter = harper.Linter(harper.Dialect.AMERICAN)
        config = linter.get_lint_config()
        unknown = [rule for rule in [*self._disabled, _SPELL_RULE] if rule not in config]
        if unknown:  # a renamed rule would otherwise be silently back on
            raise GrammarUnavailable(
                f"harper {harper_version()} has no rule named {', '.join(unknown)}"
            )
        config.update({rule: False for rule in self._disabled})
        linter.set_lint_config(config)
        self._linter = linter
        self._linters["en-US"] = linter

    def _linter_for(self, dialect: str) -> Any:
        """The full linter of ``dialect``; Harper shares one dictionary
        between dialects, so a second one is cheap to build."""
        if dialect not in self._linters:
            import harper

            linter = harper.Linter(getattr(harper.Dialect, HARPER_DIALECTS[dialect]))
            linter.set_lint_config(self._linter.get_lint_config())
            self._linters[dialect] = linter
        return self._linters[dialect]

    def _speller_for(self, dialect: str) -> Any:
        """A linter of ``dialect`` that only checks spelling."""
        if dialect not in self._spellers:
            import harper

            speller = harper.Linter(getattr(harper.Dialect, HARPER_DIALECTS[dialect]))
            config = speller.get_lint_config()
            speller.set_lint_config({rule: rule == _SPELL_RULE for rule in config})
            self._spellers[dialect] = speller
        return self._spellers[dialect]

    def _accepted_in(self, word: str, primary: str) -> tuple[str, ...]:
        """The dialects other than ``primary`` whose dictionary knows ``word``
        (remembered: the same names recur draft after draft)."""
        key = (word, primary)
        if key not in self._accepted:
            if len(self._accepted) >= _ACCEPTED_KEPT:
                self._accepted.clear()
            with quiet_stdout():
                self._accepted[key] = tuple(
                    d for d in DIALECT_NAMES
                    if d != primary and not self._speller_for(d).lint(word, language="plaintext")
                )
        return self._accepted[key]

    def shed_caches(self) -> None:
        """Drop what Harper has cached about texts it has seen.

        Harper keeps results for every distinct text, so its memory grows
        with the drafts it has seen. ``clear_words`` (we add no words, so it
        changes no answer) rebuilds the word list and lets that cache go.
        The worker calls this when it is quiet.
        """
        for linter in {id(x): x for x in [*self._linters.values(), *self._spellers.values()]}.values():
            linter.clear_words()

    def check(self, text: str, dialect: str = "any") -> list[GrammarIssue]:
        self.warm()
        primary = dialect if dialect in DIALECT_NAMES else "en-US"
        blanked, runs = _without_symbol_runs(text)
        with quiet_stdout():  # Harper may print a debug line to descriptor 1
            organized = self._linter_for(primary).organized_lints(blanked, language="plaintext")
        issues: list[GrammarIssue] = []
        for rule, lints in organized.items():
            for lint in lints:
                if runs and _about_blanks(text, lint.span.start, lint.span.end, runs):
                    continue
                category = _category(rule, lint.lint_kind)
                accepted: tuple[str, ...] = ()
                if rule == _SPELL_RULE:
                    accepted = self._accepted_in(str(lint.problem_text), primary)
                issues.append(
                    GrammarIssue(
                        start=lint.span.start,
                        end=lint.span.end,
                        rule_id=rule,
                        category=category,
                        message=lint.message,
                        replacements=tuple(_replacement(lint, s) for s in lint.suggestions),
                        accepted_in=accepted,
                    )
                )
        issues.sort(key=lambda i: (i.start, i.end, i.rule_id))
        return issues


# Five or more symbols in a row ("-----", "?????"): no word, and Harper's
# time grows faster than their length (README, "Hostile input").
_SYMBOL_RUN = re.compile(r"[^\w\s]{5,}")


def _without_symbol_runs(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each long run of symbols blanked out (offsets kept),
    and where the runs were."""
    runs = [(m.start(), m.end()) for m in _SYMBOL_RUN.finditer(text)]
    if not runs:
        return text, runs
    return _SYMBOL_RUN.sub(lambda m: " " * len(m.group()), text), runs


def _about_blanks(text: str, start: int, end: int, runs: list[tuple[int, int]]) -> bool:
    """Whether an issue at ``start:end`` only concerns blanked-out symbols
    (Harper reports the run of spaces that replaced them)."""
    touches = any(a < end and start < b for a, b in runs)
    return touches and not any(ch.isalnum() for ch in text[start:end])


_SHARED: HarperBackend | None = None


def shed_shared_caches() -> None:
    """``shed_caches`` of this process's ``shared_harper``, if it was built."""
    if _SHARED is not None and _SHARED._linter is not None:
        _SHARED.shed_caches()


def shared_harper() -> HarperBackend:
    """This process's one ``HarperBackend``: its dictionary is slow and
    large to build, so the worker, the watcher and repeated runs share it."""
    global _SHARED
    if _SHARED is None:
        _SHARED = HarperBackend()
    return _SHARED
