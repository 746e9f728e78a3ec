"""``followup-lint watch`` end to end: a real process on a temp folder.

Each report on the JSON stream must equal what ``check --format json``
says about the same file (``report_dict`` of the same lint), plus
``"event": "report"``, so the stream is pinned without copying check output
that other modules own.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from linter.formats.json_format import report_dict
from linter.runner import Linter
from linter.settings import RunSettings
from linter.sources import read_source

TIMEOUT = 15.0  # seconds for any one expected event (a cold start is the slowest)
QUIET = 0.4  # seconds in which no further event may arrive

THANKS = (
    "Subject: Thank you for Tuesday\n\nHi Dana,\n\nThank you for walking me through the data "
    "platform on Tuesday. Have you made a decision yet?\n\nBest regards,\nSam Lee\n"
)
SHORT = "Hi Dana,\n\nThanks for your time today.\n\nSam\n"
LONGER = (
    "Hi Dana,\n\nThank you for the conversation about the migration to event sourcing. "
    "I enjoyed hearing how the team splits on-call.\n\nBest,\nSam Lee\nsam@example.com\n"
)


class Watch:
    """A running ``followup-lint watch --format json`` and its event stream."""

    def __init__(self, cwd: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "linter", "watch", *args, "--grammar", "off"],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.stderr = ""
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)

    def next_text(self, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while True:
            try:
                return self.lines.get(timeout=0.05)
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    raise AssertionError(f"watch exited with {self.proc.returncode}: {self._stderr()}") from None
                if time.monotonic() > deadline:
                    raise AssertionError(f"no event within {timeout} s") from None

    def next(self, timeout: float = TIMEOUT) -> Any:
        return json.loads(self.next_text(timeout))

    def quiet(self, seconds: float = QUIET) -> None:
        """Assert that nothing more is reported for a while."""
        try:
            line = self.lines.get(timeout=seconds)
        except queue.Empty:
            return
        raise AssertionError(f"unexpected event: {line}")

    def stop(self, sig: int = signal.SIGINT) -> tuple[int, str]:
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout=10)
        return code, self._stderr()

    def _stderr(self) -> str:
        if self.proc.poll() is None:
            return "(still running)"
        assert self.proc.stderr is not None
        return self.proc.stderr.read()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.txt").write_text(THANKS, encoding="utf-8")
    (folder / "b.md").write_text(SHORT, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a draft")
    return folder


@pytest.fixture
def watch(drafts: Path) -> Any:
    started: list[Watch] = []

    def start(*args: str) -> Watch:
        w = Watch(drafts.parent, *args)
        started.append(w)
        return w

    yield start
    for w in started:
        w.close()


def expected(folder: Path, name: str) -> dict[str, Any]:
    """What check --format json says about ``drafts/<name>``, as a stream event."""
    linter = Linter(RunSettings(grammar="off"))
    result = linter.lint_target(str(folder / name))
    doc = report_dict(result)  # type: ignore[arg-type]
    doc["path"] = f"drafts/{name}"
    return {"event": "report", **doc}


def started(w: Watch, folder: Path, *names: str) -> None:
    for name in names:
        assert w.next() == expected(folder, name)
    assert w.next() == {"event": "ready", "files": len(names)}


def save_atomically(path: Path, text: str) -> None:
    """What vim (backupcopy=no), VS Code and most editors do."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def test_start_lints_every_draft_then_reports_ready(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    w.quiet()


def test_save_in_place_relints(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    (drafts / "a.txt").write_text(LONGER, encoding="utf-8")
    assert w.next() == expected(drafts, "a.txt")
    w.quiet()


def test_atomic_save_by_rename_is_one_report(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    save_atomically(drafts / "a.txt", LONGER)
    assert w.next() == expected(drafts, "a.txt")
    w.quiet()  # nothing about the temporary file
    save_atomically(drafts / "a.txt", SHORT)
    assert w.next() == expected(drafts, "a.txt")


def test_burst_of_writes_is_debounced_into_one_report(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    with open(drafts / "a.txt", "w", encoding="utf-8") as handle:
        for line in LONGER.splitlines(keepends=True):
            handle.write(line)
            handle.flush()
    assert w.next() == expected(drafts, "a.txt")
    w.quiet()


def test_new_deleted_and_renamed_files(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    (drafts / "sub").mkdir()
    (drafts / "sub" / "c.txt").write_text(LONGER, encoding="utf-8")
    assert w.next() == expected(drafts, "sub/c.txt")
    (drafts / "b.md").unlink()
    assert w.next() == {"event": "deleted", "path": "drafts/b.md"}
    os.rename(drafts / "a.txt", drafts / "renamed.txt")
    events = [w.next(), w.next()]
    assert {"event": "deleted", "path": "drafts/a.txt"} in events
    assert expected(drafts, "renamed.txt") in events
    (drafts / "ignored.pdf").write_bytes(b"%PDF")
    w.quiet()


def test_briefly_empty_file_is_not_reported_empty(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    path = drafts / "a.txt"
    with open(path, "w", encoding="utf-8") as handle:  # truncate, then write a little later
        handle.flush()
        time.sleep(0.08)
        handle.write(LONGER)
    assert w.next() == expected(drafts, "a.txt")
    w.quiet()


def test_file_left_empty_is_reported_as_an_error_and_watching_goes_on(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    (drafts / "a.txt").write_text("", encoding="utf-8")
    assert w.next() == {"event": "error", "path": "drafts/a.txt", "message": "empty draft"}
    (drafts / "a.txt").write_text(SHORT, encoding="utf-8")
    assert w.next() == expected(drafts, "a.txt")


def test_half_written_utf8_is_read_again(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    data = LONGER.replace("Sam Lee", "Zoë Lee").encode("utf-8")
    cut = data.index("ë".encode("utf-8")) + 1  # in the middle of the two-byte ë
    with open(drafts / "a.txt", "wb") as handle:
        handle.write(data[:cut])
        handle.flush()
        time.sleep(0.09)  # past the debounce: the watcher sees a broken file
        handle.write(data[cut:])
    assert w.next() == expected(drafts, "a.txt")
    w.quiet()


def test_undecodable_file_is_an_error_event(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    (drafts / "a.txt").write_bytes(b"\xff\xfe\x00bad\x00" * 20 + b"\x81")
    source = read_source(str(drafts / "a.txt"))
    message = getattr(source, "message")
    assert w.next() == {"event": "error", "path": "drafts/a.txt", "message": message}


def test_config_change_relints_everything(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    # Written whole and renamed into place, as editors save: an in-place write
    # can be seen half done (empty), which relints once more with no config.
    staged = drafts.parent / "staged.yaml"
    staged.write_text("ignore: [FL201]\n", encoding="utf-8")
    os.replace(staged, drafts / ".followup-lint.yaml")
    events = sorted((w.next(), w.next()), key=lambda e: e["path"])
    assert events == [expected(drafts, "a.txt"), expected(drafts, "b.md")]
    assert all(b["code"] != "FL201" for e in events for b in e["breakdown"])


def test_sigint_exits_cleanly_with_status_0(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    assert w.stop(signal.SIGINT) == (0, "")


_RACE_AT_STOP = """
import logging
from watchdog.observers.api import BaseObserver

_stop = BaseObserver.stop


def stop(self):
    # What watchdog logs when a stop races an event in flight.
    logging.getLogger("watchdog.observers.inotify").error(
        "InotifyEmitter.queue_events() called when the thread is inactive")
    _stop(self)


BaseObserver.stop = stop
"""


def test_watchdogs_complaint_about_a_stop_racing_an_event_is_not_shown(drafts: Path, tmp_path: Path) -> None:
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(_RACE_AT_STOP, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), *sys.path])}
    w = Watch(drafts.parent, "drafts", "--format", "json", env=env)
    try:
        started(w, drafts, "a.txt", "b.md")
        assert w.stop(signal.SIGINT) == (0, "")
    finally:
        if w.proc.poll() is None:
            w.proc.kill()


def test_sigterm_exits_cleanly_with_status_0(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    assert w.stop(signal.SIGTERM) == (0, "")


def test_text_format_appends_reports_when_not_a_terminal(drafts: Path, watch: Any) -> None:
    from linter.formats import RunResult
    from linter.formats.text import format_text

    def text_of(name: str) -> list[str]:
        linter = Linter(RunSettings(grammar="off"))
        result = linter.lint_target(str(drafts / name))
        shown = format_text(RunResult((result,))).replace(str(drafts / name), f"drafts/{name}")
        return (shown + "\n").splitlines(keepends=True)

    w = watch("drafts/a.txt")
    first = text_of("a.txt")
    assert [w.next_text() for _ in first] == first
    (drafts / "a.txt").write_text(SHORT, encoding="utf-8")
    again = text_of("a.txt")
    assert [w.next_text() for _ in again] == again
    (drafts / "a.txt").unlink()
    assert [w.next_text(), w.next_text()] == ["drafts/a.txt: deleted\n", "\n"]
    code, err = w.stop()
    assert (code, err) == (0, "watching 1 draft; press Ctrl-C to stop\n")


def test_a_named_file_that_comes_back_is_linted_again(drafts: Path, watch: Any) -> None:
    w = watch("drafts/a.txt", "--format", "json")
    assert w.next() == expected(drafts, "a.txt")
    assert w.next() == {"event": "ready", "files": 1}
    (drafts / "a.txt").unlink()
    assert w.next() == {"event": "deleted", "path": "drafts/a.txt"}
    (drafts / "b.md").write_text(LONGER, encoding="utf-8")  # a sibling: not watched
    (drafts / "a.txt").write_text(SHORT, encoding="utf-8")
    assert w.next() == expected(drafts, "a.txt")
    w.quiet()


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "linter", "watch", "nowhere"],
        cwd=tmp_path, capture_output=True, text=True, timeout=30,
    )
    assert done.returncode == 2
    assert "'nowhere' does not exist" in done.stderr


def test_terminal_redraws_every_report_with_a_status_line(drafts: Path) -> None:
    import pty
    import re
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: the watcher on a terminal
        os.chdir(drafts.parent)
        os.execv(sys.executable, [sys.executable, "-m", "linter", "watch", "drafts", "--grammar", "off", "--no-color"])
    screen = b""

    def read_until(pattern: bytes, timeout: float = TIMEOUT) -> None:
        nonlocal screen
        deadline = time.monotonic() + timeout
        while not re.search(pattern, screen):
            assert time.monotonic() < deadline, f"{pattern!r} never shown; got {screen[-400:]!r}"
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                screen += os.read(fd, 65536)

    try:
        clear = rb"\x1b\[H\x1b\[2J\x1b\[3J"
        read_until(clear + rb"(?s:.)*watching 2 drafts \xc2\xb7 drafts/b\.md linted in \d+ ms at \d\d:\d\d:\d\d \xc2\xb7 Ctrl-C to stop\r\n")
        first = screen.split(b"\x1b[H\x1b[2J\x1b[3J")[-1].decode("utf-8")
        assert "drafts/a.txt: score " in first and "drafts/b.md: score " in first
        assert "2 files: " in first  # the run summary
        screen = b""
        (drafts / "a.txt").write_text(SHORT, encoding="utf-8")
        read_until(clear + rb"(?s:.)*watching 2 drafts \xc2\xb7 drafts/a\.txt linted in \d+ ms")
        os.kill(pid, signal.SIGINT)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)


def test_a_crash_while_linting_is_an_error_event_and_watching_goes_on(
    drafts: Path, watch: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A draft whose lint raises (simulated: lint_text breaks on a marker
    word) is reported as an error; the next save lints normally."""
    plugin = drafts.parent / "crashy"
    plugin.mkdir()
    (plugin / "sitecustomize.py").write_text(
        "import linter.api as api\n"
        "real = api.lint_text\n"
        "def lint_text(text, *args, **kwargs):\n"
        "    if 'KABOOM' in text:\n"
        "        raise RuntimeError('simulated bug')\n"
        "    return real(text, *args, **kwargs)\n"
        "api.lint_text = lint_text\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(plugin), os.environ.get("PYTHONPATH")])))
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    (drafts / "a.txt").write_text(SHORT + "KABOOM\n", encoding="utf-8")
    assert w.next() == {"event": "error", "path": "drafts/a.txt", "message": "internal error: RuntimeError: simulated bug"}
    (drafts / "a.txt").write_text(SHORT, encoding="utf-8")
    assert w.next() == expected(drafts, "a.txt")


def test_tools_are_built_once_and_reused_across_relints(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In process, without an observer: start, then three saves handled."""
    import io

    import linter.backends as choose
    from linter.watch import Watcher

    built: list[str] = []
    real = choose.make_tools_for

    def counting(choice: str, *args: Any) -> Any:
        built.append(choice)
        return real(choice, *args)

    monkeypatch.setattr(choose, "make_tools_for", counting)
    monkeypatch.chdir(drafts.parent)
    linter = Linter(RunSettings(grammar="off"))
    out = io.StringIO()
    watcher = Watcher(linter, ["drafts"], fmt="json", out=out, interactive=False)
    assert watcher.start() == 2
    for text in (SHORT, LONGER, THANKS):
        (drafts / "a.txt").write_text(text, encoding="utf-8")
        watcher._handle(str(drafts / "a.txt"))
    assert built == ["off"]
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(e["event"], e["path"]) for e in events] == [("report", "drafts/a.txt"), ("report", "drafts/b.md")] + [
        ("report", "drafts/a.txt")
    ] * 3
    assert events[-1] == expected(drafts, "a.txt")


def test_draft_replaced_by_a_named_pipe_is_an_error_and_watching_goes_on(drafts: Path, watch: Any) -> None:
    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    pipe = drafts / ".a.txt.fifo"
    os.mkfifo(pipe)
    os.replace(pipe, drafts / "a.txt")  # nobody ever writes to it: opening it would block
    assert w.next() == {"event": "error", "path": "drafts/a.txt", "message": "not a regular file (a named pipe)"}
    save_atomically(drafts / "a.txt", SHORT)
    assert w.next() == expected(drafts, "a.txt")


def test_a_save_caught_empty_twice_is_never_reported_empty(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two quick in-place saves, each read just after it truncated the file:
    the watcher waits for the file to settle instead of saying ``empty draft``."""
    import io

    from linter.watch import Watcher

    monkeypatch.chdir(drafts.parent)
    linter = Linter(RunSettings(grammar="off"))
    out = io.StringIO()
    watcher = Watcher(linter, ["drafts"], fmt="json", out=out, interactive=False)
    watcher.start()
    path = drafts / "a.txt"
    for _ in range(2):
        path.write_bytes(b"")  # a save has truncated the draft...
        watcher._handle(str(path))  # ...and the watcher reads it then
        assert str(path) in watcher.pending  # to be read again after the debounce
        time.sleep(0.02)  # the next truncation carries a later time
    path.write_text(LONGER, encoding="utf-8")
    watcher._handle(str(path))
    events = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(e["event"], e["path"]) for e in events[2:]] == [("report", "drafts/a.txt")]
    assert events[-1] == expected(drafts, "a.txt")


@pytest.mark.parametrize("how", ["renamed", "removed"])
def test_a_watched_folder_renamed_or_removed_is_one_error_and_the_watcher_exits(
    drafts: Path, watch: Any, how: str
) -> None:
    import shutil

    w = watch("drafts", "--format", "json")
    started(w, drafts, "a.txt", "b.md")
    if how == "renamed":
        os.rename(drafts, drafts.with_name("sent"))
    else:
        shutil.rmtree(drafts)
    assert w.next() == {
        "event": "error", "path": "drafts", "message": "the watched folder was renamed or removed; no longer watching it"
    }
    assert w.proc.wait(timeout=10) == 2
    w.quiet()


def test_a_watched_folder_gone_leaves_the_other_watched(drafts: Path, watch: Any) -> None:
    other = drafts.parent / "other"
    other.mkdir()
    (other / "c.txt").write_text(SHORT, encoding="utf-8")
    w = watch("drafts", "other", "--format", "json")
    for name in ("a.txt", "b.md"):
        assert w.next() == expected(drafts, name)
    assert w.next()["path"] == "other/c.txt"
    assert w.next() == {"event": "ready", "files": 3}
    os.rename(drafts, drafts.with_name("sent"))
    assert w.next() == {
        "event": "error", "path": "drafts", "message": "the watched folder was renamed or removed; no longer watching it"
    }
    (other / "c.txt").write_text(LONGER, encoding="utf-8")
    event = w.next()
    assert (event["event"], event["path"], event["word_count"]) == ("report", "other/c.txt", 19)
