"""A process's memory: how much it holds, and handing freed heap back (the
warm service, and a pooled run's processes with a Harper of their own)."""

from __future__ import annotations

import os


def _rss() -> int:
    """Resident set size in bytes (Linux), 0 where unknown."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _trim_heap() -> None:
    """Hand freed heap pages back to the OS (glibc only).

    Building Harper's dictionary leaves freed scratch memory in the heap;
    ``malloc_trim`` returns it.
    """
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
