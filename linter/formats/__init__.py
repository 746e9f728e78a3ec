"""Report formatters: a run's results -> text. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass

from linter.models import FileReport

__all__ = ["FileError", "RunResult", "FORMATS"]

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
