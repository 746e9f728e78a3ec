"""What the command line reads from its terminal and decides by it: the
piped draft, read once as bytes, and whether to colour the report. Shared
by the click command (``cli``) and the thin entry point (``launch``)."""

from __future__ import annotations

import os
import sys

__all__ = ["STDIN_CAP", "StdinError", "read_stdin", "use_color"]

STDIN_CAP = 64 * 2**20  # never hold more of a pipe in memory than this


class StdinError(Exception):
    """Standard input could not be had; the message is the run's error line."""


def use_color(choice: bool | str | None, output: str | None) -> bool:
    """``--color always|never`` decides; ``auto`` (the default): not into a
    file, not with ``NO_COLOR``, yes with ``FORCE_COLOR``, else on a terminal."""
    if isinstance(choice, bool):
        return choice
    if choice in ("always", "never"):
        return choice == "always"
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return sys.stdout.isatty()


def read_stdin() -> bytes:
    """The piped draft, read once, as bytes: the same bytes serve the warm
    worker or, when it cannot be had, the run in this process."""
    if sys.stdin is None:  # pythonw, a closed descriptor
        return b""
    try:
        data = sys.stdin.buffer.read(STDIN_CAP + 1)
    except OSError as exc:
        raise StdinError(f"<stdin>: cannot read: {exc.strerror}") from None
    if len(data) > STDIN_CAP:
        raise StdinError(f"<stdin>: larger than the {STDIN_CAP >> 20} MB a piped draft may be")
    return data
