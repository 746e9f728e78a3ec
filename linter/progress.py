"""Progress of a long run on standard error.

On a terminal: one line redrawn in place (``[#####.....]  412/1000 drafts``),
at most ten times a second, erased when the run ends so the report starts
on a clean screen. In a CI log (not a terminal, or ``CI=true``): a plain
line at every tenth of the run, since logs keep every carriage return as a
new line. Short runs (under ``MIN_FILES`` drafts) show nothing.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

__all__ = ["Progress", "MIN_FILES"]

MIN_FILES = 50
_WIDTH = 30


class Progress:
    """Call with ``(done, total)`` as drafts finish; see the module doc."""

    def __init__(self, stream: TextIO | None = None, *, interactive: bool | None = None, min_files: int = MIN_FILES) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if interactive is None:
            isatty = getattr(self.stream, "isatty", None)
            interactive = bool(isatty and isatty()) and os.environ.get("CI", "").lower() != "true"
        self.interactive = interactive
        self.min_files = min_files
        self._last_draw = 0.0
        self._last_step = 0
        self._drawn = False

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_files:
            return
        if self.interactive:
            self._bar(done, total)
        else:
            self._plain(done, total)

    def _bar(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        if done >= total:
            if self._drawn:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
            return
        filled = _WIDTH * done // total
        self.stream.write(f"\r\x1b[Klinting [{'#' * filled}{'.' * (_WIDTH - filled)}] {done:>{len(str(total))}}/{total} drafts")
        self.stream.flush()
        self._drawn = True

    def _plain(self, done: int, total: int) -> None:
        step = 10 * done // total
        if step <= self._last_step:
            return
        self._last_step = step
        self.stream.write(f"followup-lint: linted {done}/{total} drafts ({100 * done // total}%)\n")
        self.stream.flush()
