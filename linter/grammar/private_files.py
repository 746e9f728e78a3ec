"""Folders and logs only their owner may read: the cache folder holds the
warm worker's socket and the logs, which can quote drafts.

In the grammar package, the lowest layer that writes files, so the
LanguageTool code and the warm service (``service.place``) share it;
imported by every CLI run: standard library only.
"""

from __future__ import annotations

import os
from typing import IO

__all__ = ["private_dir", "private_log"]

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: str | os.PathLike[str]) -> None:
    """Create ``path`` and any missing parents, each readable by its owner
    only. A folder that exists already keeps its mode: it may be shared
    on purpose (``FOLLOWUP_LINT_CACHE``)."""
    missing = []
    here = os.path.abspath(path)
    while not os.path.isdir(here):
        missing.append(here)
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, FOLDER_MODE)
        except FileExistsError:
            if not os.path.isdir(folder):
                raise


def private_log(path: str | os.PathLike[str], *, fresh: bool = False) -> IO[bytes]:
    """``path`` opened to append (``fresh``: emptied first), owner-only: a new
    log is created 0600 and an older one made so."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if fresh else os.O_APPEND)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        if os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, FILE_MODE)
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise
