"""A report written as the drafts are linted, for the formats that allow it.

``text``, ``json`` and ``github`` are written piece by piece: ``piece``
renders one draft's part of the report (in a pool worker, for a pooled
run) and keeps the few facts the run's summary needs; ``Writer`` writes
the pieces in order and, at the end, the summary. A run of any size holds
one draft at a time plus ``Tally``: counts, the three lowest scores and
the unreadable inputs (which the summary and the exit code report).
``format_text``, ``format_json`` and ``github.render`` render a whole run
from the same pieces of each format; tests/test_stream.py holds a report
written in pieces to the same bytes.

``sarif``, ``junit`` and ``html`` put totals or a whole-run index before
the drafts, so they are rendered from a whole ``RunResult``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from linter.formats import FileError, Tally
from linter.models import FileReport

__all__ = ["STREAMED", "Piece", "Writer", "piece"]

STREAMED = ("text", "json", "github")


class Piece(NamedTuple):
    """One draft's part of the report, and what the summary needs of it."""

    path: str
    text: str  # its part, in the report's order ("" when it has none there)
    error: str | None = None  # the message of an input that could not be linted
    score: int = 0
    failed: bool = False
    later: str = ""  # github: its summary line, written after every annotation


def piece(item: FileReport | FileError, fmt: str, color: bool = False, quiet: bool = False) -> Piece:
    """``item``'s part of a ``fmt`` report (a module-level function, so a
    pooled run can call it in its workers)."""
    if isinstance(item, FileError):
        error = item.message
        if fmt == "text":
            from linter.formats.text import error_line

            return Piece(item.path, error_line(item, color), error)
        if fmt == "github":
            from linter.formats.github import error_annotation

            return Piece(item.path, error_annotation(item), error)
        return Piece(item.path, "", error)
    if fmt == "text":
        from linter.formats.text import report_lines

        text = "\n".join(report_lines(item, color, quiet))
    elif fmt == "json":
        from linter.formats.json_format import report_text

        text = report_text(item)
    else:
        from linter.formats.github import draft_annotations, summary

        return Piece(item.path, "\n".join(draft_annotations(item)), score=item.score, failed=item.failed, later=summary(item))
    return Piece(item.path, text, score=item.score, failed=item.failed)


class Writer:
    """Writes pieces in order through ``write``; ``close`` adds the end."""

    def __init__(self, fmt: str, write: Callable[[str], object], color: bool = False, quiet: bool = False) -> None:
        self.fmt = fmt
        self.write = write
        self.color = color
        self.quiet = quiet
        self.tally = Tally()
        self._started = False  # a piece went out (text, github: a line; json: a file)
        self._held = ""  # text, github: the newlines a later piece may still need
        self._body = False  # text, github: anything but newlines went out
        self._later: list[str] = []  # github: the per-draft summary lines

    def add(self, part: Piece) -> None:
        self.tally.add(part)
        if self.fmt == "github" and part.later:
            self._later.append(part.later)
        if part.text:
            (self._json if self.fmt == "json" else self._lines)(part.text)

    def _lines(self, text: str) -> None:
        """Joined with newlines; trailing newlines held back, since the report
        ends in exactly one."""
        chunk = "\n" + text if self._started else text
        self._started = True
        body = chunk.rstrip("\n")
        if body:
            self.write(self._held + body)
            self._held = chunk[len(body):]
            self._body = True
        else:
            self._held += chunk

    def _json(self, text: str) -> None:
        if not self._started:
            from linter.formats.json_format import document_around_files

            self.write(document_around_files(self.tally)[0])
        self.write((",\n" if self._started else "") + text)
        self._started = True

    def close(self) -> Tally:
        tally = self.tally
        if self.fmt == "json":
            from linter.formats.json_format import document_around_files, format_empty

            self.write(document_around_files(tally)[1] if self._started else format_empty(tally))
            return tally
        if self.fmt == "github":
            for line in self._later:
                self._lines(line)
        elif tally.items > 1 and not self.quiet:
            from linter.formats.text import run_summary

            self._lines(run_summary(tally, self.color))
        if self._body:
            self.write("\n")
        return tally
