"""The catalog of checks: the built-ins plus third-party ones.

Third-party packages publish a callable returning checks under the
``followup_lint.checks`` entry-point group (flake8's model); nothing is
discovered by import side effects.

``importlib.metadata`` costs a run more to import and search than linting a
draft does, so it is used only when a plugin is declared: the
``entry_points.txt`` files on ``sys.path`` are read first, and a run with no
plugin (the usual case) never imports it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from linter.check import Check

__all__ = ["load_checks", "find_check", "RegistryError"]

GROUP = "followup_lint.checks"


class RegistryError(RuntimeError):
    """A plugin failed to load or clashes with another check."""


@lru_cache(maxsize=1)
def load_checks(plugins: bool = True) -> tuple[Check, ...]:
    """Every check, built-ins first; codes and names must be unique."""
    from checks import builtin_checks

    found = list(builtin_checks())
    if plugins:
        for ep in _plugin_entry_points():
            try:
                found.extend(ep.load()())
            except Exception as exc:
                raise RegistryError(f"plugin '{ep.name}' failed to load: {exc}") from None
    seen: dict[str, str] = {}
    for check in found:
        for key in (check.code, check.name):
            if key in seen:
                raise RegistryError(f"two checks share '{key}'")
            seen[key] = check.code
    return tuple(found)


def _plugin_entry_points() -> list[Any]:
    """The group's entry points other than our built-ins."""
    if not plugin_declared(sys.path):
        return []
    from importlib.metadata import entry_points

    return [ep for ep in entry_points(group=GROUP) if not _ours(ep.value)]


def _ours(value: str) -> bool:
    return value.replace(" ", "").startswith("checks:")


def plugin_declared(paths: Iterable[str]) -> bool:
    """Whether a distribution under ``paths`` may declare a plugin: an
    ``entry_points.txt`` with our group naming anything but the built-ins,
    or a path entry that is not a folder (a zip or an egg, which only
    ``importlib.metadata`` reads)."""
    for entry in paths:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return True
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")) and _declares(os.path.join(folder, name, "entry_points.txt")):
                return True
    return False


def _declares(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return False
    if GROUP not in text:
        return False
    section = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == GROUP and "=" in line and not line.startswith(("#", ";")):
            if not _ours(line.split("=", 1)[1].strip()):
                return True
    return False


def find_check(key: str, checks: tuple[Check, ...]) -> Check | None:
    """A check by code (any case) or name."""
    wanted = key.strip()
    for check in checks:
        if wanted.upper() == check.code or wanted.lower() == check.name:
            return check
    return None
