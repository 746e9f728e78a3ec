"""Report formatters: a run's results -> text. No I/O here.

``FORMATTERS`` is the one table of formats: each name, the module and
function that renders a whole run, and whether it takes the text options
(colour, quiet). The CLI's choices, ``render`` and the streamed report
(``stream.py``) all read it; a module is imported only when its format is
used."""

from __future__ import annotations

import bisect
import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from linter.models import FileError, FileReport, RunResult  # re-exported: formats take them

if TYPE_CHECKING:
    from linter.formats.stream import Piece

__all__ = ["FileError", "RunResult", "Tally", "FORMATS", "FORMATTERS", "RenderOptions", "render"]


@dataclass(frozen=True)
class RenderOptions:
    """How a report is shown: only the text format reads these."""

    color: bool = False
    quiet: bool = False


class Formatter:
    """Where a format's renderer lives, and whether it takes ``RenderOptions``
    (a plain class: a dataclass costs start-up more than this needs)."""

    __slots__ = ("module", "function", "options")

    def __init__(self, module: str, function: str, options: bool = False) -> None:
        self.module = module
        self.function = function
        self.options = options


FORMATTERS: dict[str, Formatter] = {
    "text": Formatter("linter.formats.text", "format_text", options=True),
    "json": Formatter("linter.formats.json_format", "format_json"),
    "github": Formatter("linter.formats.github", "render"),
    "sarif": Formatter("linter.formats.sarif", "render"),
    "junit": Formatter("linter.formats.junit", "render"),
    "html": Formatter("linter.formats.html", "render"),
}
FORMATS = tuple(FORMATTERS)


def render(result: RunResult, fmt: str, options: RenderOptions = RenderOptions()) -> str:
    """The whole report of ``result`` in format ``fmt`` (a key of ``FORMATTERS``)."""
    entry = FORMATTERS[fmt]
    function: Any = getattr(importlib.import_module(entry.module), entry.function)
    if entry.options:
        return str(function(result, color=options.color, quiet=options.quiet))
    return str(function(result))


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
