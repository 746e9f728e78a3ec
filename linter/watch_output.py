"""How the watcher shows its results: a redrawn screen on a terminal,
appended reports otherwise, or JSON Lines for editor plugins."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Any, TextIO

import click

from linter.formats.escape import visible

if TYPE_CHECKING:
    from linter.formats import FileError
    from linter.models import FileReport

_CLEAR = "\x1b[H\x1b[2J\x1b[3J"


class WatchOutput:
    """The output half of ``linter.watcher.Watcher``."""

    fmt: str
    color: bool
    out: TextIO
    interactive: bool
    status: str
    started: bool
    known: dict[str, str]
    latest: dict[str, FileReport | FileError]

    def _show(self, path: str, result: FileReport | FileError, started: float) -> None:
        from linter.formats import FileError, RunResult

        self.latest[path] = result
        took = (time.monotonic() - started) * 1000
        if self.fmt == "json":
            if isinstance(result, FileError):
                self._write_json({"event": "error", "path": result.path, "message": result.message})
            else:
                from linter.formats.json_format import report_dict

                self._write_json({"event": "report", **report_dict(result)})
            return
        if self.interactive:
            self.status = f"{visible(result.path)} linted in {took:.0f} ms at {time.strftime('%H:%M:%S')}"
            if self.started:
                self._redraw()
            return
        from linter.formats.text import format_text

        self._write(format_text(RunResult((result,)), color=self.color) + "\n")

    def _redraw(self) -> None:
        from linter.formats import RunResult
        from linter.formats.text import format_text

        items = tuple(self.latest[p] for p in sorted(self.known, key=self.known.__getitem__) if p in self.latest)
        body = format_text(RunResult(items), color=self.color) if items else "no drafts yet\n"
        count = len(self.known)
        status = f"watching {count} draft{'s' if count != 1 else ''}"
        if self.status:
            status += f" · {self.status}"
        status += " · Ctrl-C to stop"
        footer = click.style(status, dim=True) if self.color else status
        self._write(_CLEAR + body + "\n" + footer + "\n")

    def _emit_error(self, path: str, message: str) -> None:
        if self.fmt == "json":
            self._write_json({"event": "error", "path": path, "message": message})
        else:
            click.echo(visible(f"followup-lint: error: {path}: {message}"), err=True)

    def _write_json(self, doc: dict[str, Any]) -> None:
        self._write(json.dumps(doc, ensure_ascii=False) + "\n")

    def _write(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()
