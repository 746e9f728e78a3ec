"""The watcher's state: which drafts are known, which are due, and their
latest reports; ``linter.watch`` is the command that runs it (its docstring
describes the flow and how each editor's save comes out as one report).

A little over 300 lines on purpose: the observer's thread records changes
and the main thread acts on them under one condition variable, and both
sides are read together here."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from linter.formats.escape import visible
from linter.watch_output import WatchOutput

if TYPE_CHECKING:
    from linter.config import Config
    from linter.formats import FileError
    from linter.models import FileReport
    from linter.runner import Linter

__all__ = ["Watcher", "RETRY"]

RETRY = 0.15  # least seconds before reading an empty or undecodable file again
_MAX_REREADS = 20  # of a file that keeps changing and keeps reading empty or broken
_CONFIG_FILES = (".followup-lint.yaml", ".followup-lint.yml", "pyproject.toml")


class _NothingLeft(Exception):
    """Every watched folder was renamed or removed."""


@dataclass
class _Root:
    """A path given on the command line."""

    path: str  # as given
    folder: bool
    identity: tuple[int, int] | None = None  # a folder's (device, inode) at start
    gone: bool = False


class Watcher(WatchOutput):
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
