"""The installed Harper's version, found without ``importlib.metadata``
(slow to import on a cold start) and without importing the grammar
interface: the thin entry point (``linter.launch``) names the worker's
socket with it."""

from __future__ import annotations

import os
import sys

__all__ = ["harper_version"]

_HARPER_DIST = "harper-py"


def harper_version() -> str:
    """harper-py's installed version, from its dist-info folder's name."""
    prefix = "harper_py-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith(prefix) and name.endswith(".dist-info"):
                return name[len(prefix) : -len(".dist-info")]
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version(_HARPER_DIST)
    except PackageNotFoundError:
        return "unknown"
