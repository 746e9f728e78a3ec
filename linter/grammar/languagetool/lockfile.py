"""An exclusive file lock shared by the installer and the server manager."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from linter.grammar.base import say_waiting
from linter.grammar.languagetool.errors import LanguageToolError
from linter.grammar.private_files import private_dir

__all__ = ["LockTimeout", "file_lock"]


class LockTimeout(LanguageToolError):
    """Another process held the lock for longer than the caller would wait."""


@contextmanager
def file_lock(path: Path, timeout: float, what: str) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` for the ``with`` block.

    Waits at most ``timeout`` seconds, saying once (``say_waiting``) that it
    waits for ``what`` (another process doing it); then ``LockTimeout``.
    ``flock`` locks belong to the open file, so they exclude other processes
    and other open()s in this process alike, and vanish if the holder dies.
    """
    private_dir(path.parent)
    with open(path, "a+") as handle:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not told:
                    say_waiting(f"waiting for another process that is {what} (lock {path})")
                    told = True
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"another process has been {what} for over {timeout:g} s "
                        f"(it holds {path}); try again, or stop it"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
