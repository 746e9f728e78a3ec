"""Report formatters: a run's results -> text. No I/O here."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from linter.models import FileReport

if TYPE_CHECKING:
    from linter.formats.stream import Piece

__all__ = ["FileError", "RunResult", "Tally", "FORMATS"]

FORMATS = ("text", "json", "github", "sarif", "junit", "html")


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


class Tally:
    """What a run's summary and exit code need, kept as the pieces go by."""

    def __init__(self) -> None:
        self.items = 0
        self.reports = 0
        self.failed = 0
        self.score_sum = 0
        self.lowest: list[tuple[int, str]] = []  # the three lowest (score, path)
        self.errors: list[tuple[str, str]] = []  # (path, message)

    def add(self, part: Piece) -> None:
        if part.error is not None:
            self.items += 1
            self.errors.append((part.path, part.error))
        else:
            self.count(part.path, part.score, part.failed)

    def count(self, path: str, score: int, failed: bool) -> None:
        """One more draft linted."""
        self.items += 1
        self.reports += 1
        self.failed += failed
        self.score_sum += score
        bisect.insort(self.lowest, (score, path))
        del self.lowest[3:]

    @classmethod
    def of(cls, items: tuple[FileReport | FileError, ...]) -> Tally:
        """The tally of a whole run."""
        tally = cls()
        for item in items:
            if isinstance(item, FileError):
                tally.errors.append((item.path, item.message))
                tally.items += 1
            else:
                tally.count(item.path, item.score, item.failed)
        return tally
