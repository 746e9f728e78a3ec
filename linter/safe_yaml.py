"""YAML from drafts, context files and configs, read without surprises.

``yaml.safe_load`` builds no arbitrary objects, but it still expands
aliases (a few hundred bytes of ``&a [*b, *b, ...]`` become gigabytes once
anything prints the value) and raises ``ValueError`` for a date like
2026-13-45 or a number too long to convert. ``load`` refuses aliases before
anything is built and turns those errors into ``YamlRejected``; ``short``
quotes a bad value in a message at bounded length and cost.
"""

from __future__ import annotations

import reprlib
from typing import Any

__all__ = ["YamlRejected", "load", "short", "clip", "SHOWN"]

SHOWN = 40  # characters of a bad value quoted in a message


class YamlRejected(ValueError):
    """Valid YAML we will not read; the message is one line."""


def _loader() -> Any:
    """libyaml's C loader when present (10x faster than the pure-Python one).
    PyYAML is imported here, not at module load: most runs read no YAML."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _has_alias(text: str) -> bool:
    if "*" not in text:  # every alias starts with one
        return False
    import yaml

    return any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=_loader()))


def load(text: str) -> Any:
    """The value of YAML ``text``. Raises ``yaml.YAMLError`` for malformed
    YAML and ``YamlRejected`` for aliases and values Python cannot hold.
    Plain documents are read without PyYAML (``plain_yaml``), with the value
    it gives."""
    from linter import plain_yaml

    value = plain_yaml.read(text)
    if value is not plain_yaml.NOT_PLAIN:
        return value
    import yaml

    if _has_alias(text):
        raise YamlRejected("aliases (*name) are not allowed: write each value out")
    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, yaml.YAMLError):
            raise
        reason = "too many digits" if "digits" in str(exc) else clip(str(exc))
        raise YamlRejected(f"a value is not a valid date, time or number ({reason})") from None
    except RecursionError:
        raise YamlRejected("values nested too deeply") from None


_REPR = reprlib.Repr()
_REPR.maxstring = SHOWN
_REPR.maxother = SHOWN
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4
_REPR.maxlevel = 2
_REPR.maxlong = SHOWN


def short(value: Any) -> str:
    """``repr(value)``, at most about ``SHOWN`` characters however large."""
    try:
        return clip(_REPR.repr(value))
    except ValueError:  # an int too long to turn into digits
        return "a number too long to show"


def clip(text: str) -> str:
    """``text`` cut to ``SHOWN`` characters."""
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
