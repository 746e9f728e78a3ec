"""The catalog of checks: the built-ins plus third-party ones.

Third-party packages publish a callable returning checks under the
``followup_lint.checks`` entry-point group (flake8's model); nothing is
discovered by import side effects.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points

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
        for ep in entry_points(group=GROUP):
            if ep.value.startswith("checks:"):
                continue  # our own built-ins, already loaded
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


def find_check(key: str, checks: tuple[Check, ...]) -> Check | None:
    """A check by code (any case) or name."""
    wanted = key.strip()
    for check in checks:
        if wanted.upper() == check.code or wanted.lower() == check.name:
            return check
    return None
