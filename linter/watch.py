"""``followup-lint watch``: lint drafts on start and again on every save.

With cli.py, the only module that prints. The flow:

* At start, every draft under the paths is linted and reported.
* A watchdog observer (inotify on Linux) reports file events from its own
  thread; the handler only records *which* path changed and when. A file
  closed after writing, or renamed onto a draft, is linted at once (the
  save is complete). Other changes wait until the file has been quiet for
  ``--debounce`` ms, so a burst of writes becomes one lint.
* The main thread lints due paths with one ``runner.Linter`` kept for the
  watcher's life, so the checks, the configs and the grammar backend are
  built once and stay warm.

Editors save in different ways and each must come out as one report:
writing in place (modify + close), writing a temporary file and renaming it
over the draft (the rename's destination is the draft), deleting and
re-creating it. A file that is empty or not valid UTF-8 when we read it is
usually half-written: it is read again after the debounce (at least
``RETRY`` seconds), and reported as it is only once two reads that far
apart find it unchanged. An event that did not change the file (same inode, size
and modification time as the last lint) is ignored, so our own reads and
editors' metadata updates cause no re-lint. A new file under a watched
folder is linted when the folder's include/exclude globs and .gitignore
admit it; a deleted one is reported as deleted and dropped. A watched
folder that is renamed or removed is one error line, and no longer watched;
when nothing watched is left, the watcher exits with status 2. When a config
file changes, configs are read again and every draft is re-linted.

Output. ``--format text`` on a terminal clears the screen and redraws every
draft's latest report after each lint, with a status line; otherwise each
report is appended as it is produced. ``--format json`` writes one JSON
document per line (JSON Lines), flushed at once, for editor plugins:

    {"event": "report", "path": ..., "score": ..., ...}   a lint (report_dict fields)
    {"event": "error", "path": ..., "message": ...}       a draft that cannot be linted
    {"event": "deleted", "path": ...}                     a draft that went away
    {"event": "ready", "files": N}                        start-up lints done, watching

Ctrl-C (SIGINT) or SIGTERM stops the watcher with exit status 0.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

import click

from linter.cli import Abort, _use_color, lint_options
from linter.command import _load_context, _split, decide_service
from linter.formats.escape import visible

if TYPE_CHECKING:
    from linter.config import Config
    from linter.formats import FileError
    from linter.models import FileReport
    from linter.runner import Linter

__all__ = ["watch", "Watcher", "RETRY"]

RETRY = 0.15  # least seconds before reading an empty or undecodable file again
_MAX_REREADS = 20  # of a file that keeps changing and keeps reading empty or broken
_CONFIG_FILES = (".followup-lint.yaml", ".followup-lint.yml", "pyproject.toml")
_CLEAR = "\x1b[H\x1b[2J\x1b[3J"


class _Stop(Exception):
    """SIGTERM, turned into a clean exit."""


class _NothingLeft(Exception):
    """Every watched folder was renamed or removed."""


@dataclass
class _Root:
    """A path given on the command line."""

    path: str  # as given
    folder: bool
    identity: tuple[int, int] | None = None  # a folder's (device, inode) at start
    gone: bool = False


class Watcher:
    """Keeps the latest report of every watched draft and re-lints on events."""

    def __init__(
        self,
        linter: Linter,
        paths: Sequence[str],
        *,
        fmt: str = "text",
        color: bool = False,
        debounce: float = 0.05,
        out: TextIO | None = None,
        interactive: bool | None = None,
    ) -> None:
        self.linter = linter
        self.roots = [_Root(p, os.path.isdir(p), _identity(p)) for p in paths]
        self.fmt = fmt
        self.color = color
        self.debounce = debounce
        self.out = out if out is not None else sys.stdout
        self.interactive = self.out.isatty() if interactive is None else interactive
        self.known: dict[str, str] = {}  # absolute path -> path as shown
        self.latest: dict[str, FileReport | FileError] = {}  # absolute path -> latest result
        self.stamps: dict[str, tuple[int, int, int]] = {}  # absolute path -> (inode, size, mtime)
        self.pending: dict[str, float] = {}  # absolute path -> when it is due
        self.retries: dict[str, tuple[int, tuple[int, int, int]]] = {}  # path -> (rereads, stamp read)
        self.reload = False
        self.cond = threading.Condition()
        self.status = ""
        self.started = False
        self.files = {os.path.abspath(r.path): r.path for r in self.roots if not r.folder}

    # -- the observer's thread ---------------------------------------------
    def on_event(self, event: Any) -> None:
        """Called from watchdog's thread: note which path changed."""
        kind = event.event_type
        if kind not in ("created", "modified", "moved", "deleted", "closed"):
            return  # opened, closed_no_write: reads, ours included
        paths = [event.src_path]
        if kind == "moved":
            paths.append(event.dest_path)
        with self.cond:
            now = time.monotonic()
            # A writer that closed the file, or a rename onto it, has finished
            # saving: lint at once. Other events wait out the debounce.
            due = now if kind in ("closed", "moved") else now + self.debounce
            for raw in paths:
                path = os.path.abspath(os.fsdecode(raw))
                if os.path.basename(path) in _CONFIG_FILES:
                    self.reload = True
                elif event.is_directory:
                    if kind != "modified":
                        self.pending[path] = due  # a folder came or went: rescan
                elif path not in self.pending or due > self.pending[path] or kind in ("closed", "moved"):
                    self.pending[path] = due
            self.cond.notify()

    # -- the main thread ------------------------------------------------------
    def start(self) -> int:
        """Lint everything once; returns how many drafts are watched."""
        for target in self.linter.targets([r.path for r in self.roots]):
            if isinstance(target, str):
                self.known[os.path.abspath(target)] = target
            else:
                self._emit_error(target.path, target.message)
        for path in list(self.known):
            self._lint(path)
        self.started = True
        if self.interactive and self.fmt == "text":
            self._redraw()
        return len(self.known)

    def run_forever(self) -> None:
        while True:
            due, reload = self._next_batch()
            if reload:
                self._reload()
            for path in sorted(due, key=lambda p: p not in self.known):  # known drafts first
                self._handle(path)

    def _next_batch(self) -> tuple[list[str], bool]:
        with self.cond:
            while True:
                self._check_roots()
                now = time.monotonic()
                due = [p for p, t in self.pending.items() if t <= now]
                reload = self.reload and not any(t > now for t in self.pending.values())
                if due or reload:
                    for p in due:
                        del self.pending[p]
                    self.reload = self.reload and not reload
                    return due, reload
                wait = min(self.pending.values()) - now if self.pending else 0.5
                self.cond.wait(min(max(wait, 0.001), 0.5))  # short waits keep Ctrl-C prompt

    def _check_roots(self) -> None:
        """A watched folder renamed or removed: say so once and drop its
        drafts (the observer would follow the folder under its new name,
        with paths that no longer exist)."""
        for root in self.roots:
            if root.gone or not root.folder or _identity(root.path) == root.identity:
                continue
            root.gone = True
            base = os.path.abspath(root.path) + os.sep
            for path in [p for p in self.known if p.startswith(base)]:
                self.known.pop(path)
                self.latest.pop(path, None)
                self.stamps.pop(path, None)
            for path in [p for p in self.pending if p.startswith(base)]:
                del self.pending[path]
            self._emit_error(root.path, "the watched folder was renamed or removed; no longer watching it")
            if self.interactive and self.fmt == "text":
                self.status = f"{visible(root.path)} was renamed or removed"
                self._redraw()
        if all(r.gone for r in self.roots):
            raise _NothingLeft

    def _handle(self, path: str) -> None:
        if path in self.known:
            if os.path.isdir(path) or not os.path.exists(path):
                self._forget(path)
            else:
                self._lint(path)
            return
        if path in self.files:  # a draft named on the command line came back
            if os.path.isfile(path):
                self.known[path] = self.files[path]
                self._lint(path)
            return
        was_folder = any(p.startswith(path + os.sep) for p in self.known)
        if was_folder or os.path.isdir(path) or self._could_be_draft(path):
            self._rescan()

    def _could_be_draft(self, path: str) -> bool:
        """Cheap test before a rescan: inside a watched folder, and a name
        the include globs could admit (the rescan applies the real rules)."""
        from fnmatch import fnmatch

        if not os.path.isfile(path):
            return False
        name = os.path.basename(path).lower()
        inside = any(
            r.folder and os.path.commonpath([os.path.abspath(r.path), path]) == os.path.abspath(r.path)
            for r in self.roots
        )
        return inside and any(fnmatch(name, p.lower().rsplit("/", 1)[-1]) for p in self.linter.base.include)

    def _rescan(self) -> None:
        """Find drafts that appeared (or went) under the watched folders."""
        now = {
            os.path.abspath(t): t
            for t in self.linter.targets([r.path for r in self.roots if os.path.exists(r.path)])
            if isinstance(t, str) and os.path.isfile(t)
        }
        for path in [p for p in self.known if p not in now and not os.path.exists(p)]:
            self._forget(path)
        for path, shown in now.items():
            if path not in self.known:
                self.known[path] = shown
                self._lint(path)

    def _reload(self) -> None:
        from linter.runner import RunAborted

        try:
            self.linter.reload_configs()
        except RunAborted as exc:
            self._emit_error("<config>", str(exc))
            return
        self.stamps.clear()
        self._rescan()
        for path in list(self.known):
            self._lint(path)

    def _forget(self, path: str) -> None:
        shown = self.known.pop(path)
        self.latest.pop(path, None)
        self.stamps.pop(path, None)
        if self.fmt == "json":
            self._write_json({"event": "deleted", "path": shown})
        elif self.interactive:
            self.status = f"{visible(shown)} was deleted"
            self._redraw()
        else:
            self._write(f"{visible(shown)}: deleted\n\n")

    def _stamp(self, path: str) -> tuple[int, int, int] | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _lint(self, path: str) -> None:
        from linter.config import ConfigError
        from linter.formats import FileError
        from linter.runner import RunAborted
        from linter.sources import InputError, read_source

        shown = self.known[path]
        stamp = self._stamp(path)
        if stamp is None:
            self._forget(path)
            return
        if self.stamps.get(path) == stamp and path in self.latest:
            return  # nothing changed: an attribute update, or our own read
        started = time.monotonic()
        try:
            config: Config = self.linter.config_for(shown)
        except ConfigError as exc:
            self._show(path, FileError(shown, str(exc)), started)
            return
        source = read_source(shown, max_bytes=config.max_bytes)
        if isinstance(source, InputError) or _ends_mid_character(path, stamp[1]):
            if self._may_be_mid_save(path, stamp):
                return
            if isinstance(source, InputError):
                self.stamps[path] = stamp
                self._show(path, FileError(shown, source.message), started)
                return
        self.retries.pop(path, None)
        self.stamps[path] = stamp
        try:
            result = self.linter.lint_source(source, config)
        except RunAborted as exc:
            result = FileError(shown, str(exc))
        except Exception as exc:  # a bug must not end the session; the next save tries again
            if os.environ.get("FOLLOWUP_LINT_DEBUG"):
                raise
            result = FileError(shown, f"internal error: {type(exc).__name__}: {exc}")
        self._show(path, result, started)

    def _may_be_mid_save(self, path: str, stamp: tuple[int, int, int]) -> bool:
        """For a file read empty or broken: true, with a re-read after the
        debounce, unless the last read found it the same (a save is over)."""
        rereads, before = self.retries.get(path, (0, None))
        if before == stamp or rereads >= _MAX_REREADS or not os.path.exists(path):
            self.retries.pop(path, None)
            return False
        self.retries[path] = (rereads + 1, stamp)
        with self.cond:
            self.pending[path] = time.monotonic() + max(self.debounce, RETRY)
        return True

    # -- output -----------------------------------------------------------------
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


def _ends_mid_character(path: str, size: int) -> bool:
    """Whether the file ends inside a UTF-8 multi-byte character: a sure
    sign of a save caught half-way (a legacy-encoded draft would otherwise
    be decoded as such, and linted with a wrong last letter)."""
    from linter.sources import open_regular

    try:
        with open_regular(path) as handle:
            handle.seek(max(0, size - 4))
            tail = handle.read(4)
    except OSError:
        return False
    for back in range(1, len(tail) + 1):
        byte = tail[-back]
        if byte & 0xC0 == 0x80:  # a continuation byte: look further back
            continue
        if byte >= 0xC0:
            return (2 if byte < 0xE0 else 3 if byte < 0xF0 else 4) > back
        return False
    return False


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _schedule(observer: Any, watcher: Watcher) -> None:
    from watchdog.events import FileSystemEventHandler

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: Any) -> None:
            watcher.on_event(event)

    handler = Handler()
    folders = {os.path.abspath(r.path) for r in watcher.roots if r.folder}
    parents = {
        os.path.dirname(os.path.abspath(r.path))
        for r in watcher.roots
        if not r.folder
    }
    for folder in sorted(folders):
        if not any(folder != f and folder.startswith(f + os.sep) for f in folders):
            observer.schedule(handler, folder, recursive=True)
    for parent in sorted(parents):
        if not any(parent == f or parent.startswith(f + os.sep) for f in folders):
            observer.schedule(handler, parent, recursive=False)


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Stop


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output: text for people, or json (one JSON document per line) for editor plugins.")
@lint_options
@click.option("--debounce", type=click.IntRange(0, 10_000), default=50, show_default=True, metavar="MS", help="Wait this long after a change before linting, unless the file was closed after writing or renamed into place.")
def watch(
    paths: tuple[str, ...],
    fmt: str,
    config_path: str | None,
    context_path: str | None,
    grammar: str | None,
    languagetool_url: str | None,
    fail_on: str | None,
    fail_under: int | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    mode: str | None,
    debounce: int,
    color: bool | None,
) -> None:
    """Lint drafts now and again every time one is saved, until Ctrl-C.

    PATHS are files or folders (searched for *.txt, *.eml, *.md; new files
    are picked up). With --format json, each lint is one JSON line.
    """
    from linter.runner import Linter, RunAborted, validated_selectors

    try:
        from linter.registry import load_checks

        checks = load_checks()
        overrides: dict[str, Any] = {}
        if select:
            overrides["select"] = validated_selectors(_split(select), checks, "--select")
        if ignore:
            overrides["ignore"] = validated_selectors(_split(ignore), checks, "--ignore")
        if fail_on:
            overrides["fail_on"] = fail_on
        if fail_under is not None:
            overrides["fail_under"] = fail_under
        if mode:
            overrides["mode"] = mode
        linter = Linter(
            config_path=config_path,
            context=_load_context(context_path),
            grammar=grammar,
            languagetool_url=languagetool_url,
            overrides=overrides,
            use_worker=decide_service(grammar) == "start",
        )
    except RunAborted as exc:
        raise Abort(str(exc)) from None

    from watchdog.observers import Observer

    status = 0
    watcher = Watcher(linter, paths, fmt=fmt, color=fmt == "text" and _use_color(color, None), debounce=debounce / 1000)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored
    observer = Observer()
    try:
        _schedule(observer, watcher)
        observer.start()  # before the first lints: no save is missed meanwhile
        count = watcher.start()
        if fmt == "json":
            watcher._write_json({"event": "ready", "files": count})
        elif not watcher.interactive:
            click.echo(f"watching {count} draft{'s' if count != 1 else ''}; press Ctrl-C to stop", err=True)
        watcher.run_forever()
    except (KeyboardInterrupt, _Stop):
        pass
    except _NothingLeft:
        status = 2
    except BrokenPipeError:  # the editor closed our output: nothing left to do
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt the clean-up
        signal.signal(signal.SIGTERM, previous)
        observer.stop()
        observer.join(timeout=2)
    sys.exit(status)
