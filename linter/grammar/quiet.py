"""Keep Harper's own output out of ours.

Harper's native code writes an occasional debug line to the process's
standard output (file descriptor 1), below Python: in a report piped to
another tool, or in a language server's protocol stream, that line would
corrupt it. ``quiet_stdout()`` points descriptor 1 at the null device for
the length of a call into Harper; callers in several threads at once share
one redirection, undone when the last one leaves.

A process whose other threads write to standard output while Harper runs
cannot rely on this alone: the language server gives its protocol stream a
descriptor of its own (``linter.lsp.server.main``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["quiet_stdout"]

_lock = threading.Lock()
_depth = 0  # callers inside Harper now
_saved = -1  # descriptor 1 as it was before the first of them came in
_null = -1  # the null device, opened once


@contextmanager
def quiet_stdout() -> Iterator[None]:
    """Descriptor 1 goes to the null device until the block (and every
    other one running at the same time) ends."""
    global _depth, _saved, _null
    with _lock:
        if _depth == 0:
            try:
                if _null < 0:
                    _null = os.open(os.devnull, os.O_WRONLY)
                _saved = os.dup(1)
                os.dup2(_null, 1)
            except OSError:  # no descriptor 1 to guard (closed): nothing to undo
                _saved = -1
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved >= 0:
                os.dup2(_saved, 1)
                os.close(_saved)
                _saved = -1
