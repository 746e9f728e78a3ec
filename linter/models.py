"""Value types shared by the engine, the checks and the formatters.

Findings hold character offsets into the text the user edits; line and
column are computed only when a report is rendered (see ``positions.py``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = ["Severity", "Span", "Fix", "Finding", "Reason", "FileReport", "FileError", "RunResult"]


class Severity(enum.IntEnum):
    """How much a finding matters. Ordered, so ``>=`` compares thresholds."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {name!r} (expected info, warning or error)"
            ) from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # Written out rather than generated: a draft makes about a hundred
        # spans, and setting the two fields in the instance's dict is
        # cheaper than the frozen dataclass's __setattr__ calls.
        if not 0 <= start <= end:
            raise ValueError(f"bad span {start}..{end}")
        fields = self.__dict__
        fields["start"] = start
        fields["end"] = end

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def shift(self, by: int) -> Span:
        return Span(self.start + by, self.end + by)


@dataclass(frozen=True)
class Fix:
    """Replace ``span`` of the text with ``replacement``.

    ``safe``: the fix cannot change what the writer meant (a misspelling
    with one clear replacement, a name the context spells), so ``--fix``
    applies it without review; other fixes are offered in the editor only.
    """

    span: Span
    replacement: str
    description: str
    safe: bool = False


@dataclass(frozen=True)
class Finding:
    """One problem a check found.

    ``code`` and ``name`` identify the check; ``rule`` is an optional
    sub-rule (a grammar backend's own rule id, say). ``rationale`` holds the
    GUIDANCE.md tags the advice rests on.
    """

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    rationale: tuple[str, ...] = ()
    rule: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class Reason:
    """One rule of the verdict that failed a draft.

    ``rule`` is ``fail-on`` (a finding at or above the severity threshold),
    ``must-have`` (a finding of a check the kind must pass) or ``pass-mark``
    (a score under ``fail_under``); ``codes`` are the checks involved.
    """

    rule: str
    message: str
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileReport:
    """The outcome of linting one draft."""

    path: str
    findings: tuple[Finding, ...]
    score: int
    breakdown: tuple[tuple[str, float], ...]  # (check code, points lost)
    grammar_backend: str
    text: str = field(repr=False, default="")
    kind: str = "general"
    word_count: int = 0
    failed: bool = False  # see ``fail_reasons``
    kind_source: str = "inferred"  # "given" (front matter or --context) or "inferred"
    pass_mark: int | None = None  # the fail_under the draft was judged by
    fail_reasons: tuple[Reason, ...] = ()
    # (code, name, count) of findings not listed: see ``linter.limits``
    omitted: tuple[tuple[str, str, int], ...] = ()


@dataclass(frozen=True)
class FileError:
    """A draft that could not be linted (bad input); one line, exit code 2."""

    path: str
    message: str


@dataclass(frozen=True)
class RunResult:
    """What one run produced, in input order."""

    items: tuple[FileReport | FileError, ...]

    @property
    def reports(self) -> tuple[FileReport, ...]:
        return tuple(i for i in self.items if isinstance(i, FileReport))

    @property
    def errors(self) -> tuple[FileError, ...]:
        return tuple(i for i in self.items if isinstance(i, FileError))
