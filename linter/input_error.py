"""A path that cannot be linted, and the one-line reason an ``OSError``
gives, shared by reading (``sources``) and folder walks (``discovery``)."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class InputError:
    """A path that cannot be linted, and why (one line, no path in it)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def _os_error(path: str, exc: OSError) -> str:
    """A one-line reason for an ``OSError`` raised while opening ``path``."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return "broken symlink"
        return "no such file"
    if isinstance(exc, NotADirectoryError):
        return "no such file (a parent is not a folder)"
    reason = exc.strerror or exc.__class__.__name__
    return reason[:1].lower() + reason[1:]
