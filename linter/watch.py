"""``followup-lint watch``: lint drafts on start and again on every save.

With cli.py, the only modules that print: this command, linter.watcher (the
state) and linter.watch_output (what is shown). The flow:

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

import logging
import os
import signal
import sys
from typing import Any

import click

from linter.cli import Abort, _use_color, lint_options
from linter.command import decide_service
from linter.watcher import RETRY, Watcher, _NothingLeft

__all__ = ["watch", "Watcher", "RETRY"]


class _Stop(Exception):
    """SIGTERM, turned into a clean exit."""



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
    from linter.runner import Linter, RunAborted
    from linter.settings import run_settings

    try:
        linter = Linter(run_settings(
            config_path=config_path,
            context_path=context_path,
            grammar=grammar,
            languagetool_url=languagetool_url,
            fail_on=fail_on,
            fail_under=fail_under,
            select=select,
            ignore=ignore,
            mode=mode,
            use_worker=decide_service(grammar) == "start",
        ))
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
        # Stopping can race an event in flight, which watchdog logs as an
        # error ("queue_events() called when the thread is inactive"): noise
        # on a clean exit, so its log is shut before the stop.
        logging.getLogger("watchdog").setLevel(logging.CRITICAL + 1)
        observer.stop()
        observer.join(timeout=2)
    sys.exit(status)
