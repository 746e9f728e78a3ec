"""The vocabulary file: the words a user added, one a line."""

from __future__ import annotations

import os

from linter.config_values import ConfigError

__all__ = ["read_vocabulary", "append_vocabulary"]


def _vocabulary_path(name: str, source: str | None) -> str:
    folder = os.path.dirname(os.path.abspath(source)) if source else os.getcwd()
    return os.path.normpath(os.path.join(folder, os.path.expanduser(name)))


def read_vocabulary(path: str) -> tuple[str, ...]:
    """The words of a vocabulary file: one a line; blank lines and ``#``
    comments are skipped. A file that does not exist yet is empty (the
    editor's "add to vocabulary" creates it)."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        return ()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(f"vocabulary_file {path}: cannot read it: {reason}") from None
    return tuple(w for w in (ln.strip() for ln in lines) if w and not w.startswith("#"))


def append_vocabulary(path: str, word: str) -> None:
    """Add ``word`` to the vocabulary file (created if needed), once."""
    word = word.strip()
    if not word or word.casefold() in {w.casefold() for w in read_vocabulary(path)}:
        return
    try:
        with open(path, "rb") as handle:
            existing = handle.read()
    except FileNotFoundError:
        existing = b""
    newline = b"\r\n" if b"\r\n" in existing else b"\n"
    prefix = newline if existing and not existing.endswith(b"\n") else b""
    with open(path, "ab") as handle:
        handle.write(prefix + word.encode("utf-8") + newline)
