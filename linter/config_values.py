"""Checking one value of a config: a number in range, a choice, a list of
text, a check named by code or name. Every problem is a ``ConfigError``
whose message is one line, with a did-you-mean where one helps."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from linter.check import Check
from linter.grammar.base import DIALECTS
from linter.suggest import did_you_mean

_SENDER_KEYS = ("name", "email", "phone", "linkedin")


class ConfigError(ValueError):
    """A config file or option is invalid; the message is one line."""


def _resolve_check(key: Any, checks: Sequence[Check], where: str) -> Check:
    key = str(key)
    for check in checks:
        if key in (check.code, check.name):
            return check
    names = [c.name for c in checks] + [c.code for c in checks]
    raise ConfigError(f"{where}: unknown check '{key}'{did_you_mean(key, names)}")


def _selectors(value: Any, checks: Sequence[Check], where: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ConfigError(f"'{where}' must be a list of check codes, names or code prefixes")
    out = []
    for item in items:
        item = str(item)
        if item == "all" or any(c.code.startswith(item) and len(item) >= 3 for c in checks):
            out.append(item)
            continue
        out.append(_resolve_check(item, checks, where).code)
    return tuple(out)


def _check_keys(data: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    for key in data:
        if key not in allowed:
            raise ConfigError(f"{where}unknown key '{key}'{did_you_mean(str(key), allowed)}")


_HUGE = 1_000_000_000  # above any sensible limit, below any overflow


def _shown(value: Any) -> str:
    """A bad value as quoted in an error: a short prefix, never all of it."""
    if isinstance(value, int) and value.bit_length() > 128:
        return "a number too long to show"  # repr of a huge int is slow or refused
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _number(
    value: Any, where: str, *, integer: bool = False, low: float = 0, high: float = _HUGE
) -> float:
    """A finite number in ``low..high``; YAML's .nan and .inf are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"'{where}' must be a number, not {_shown(value)}")
    if integer and not isinstance(value, int):
        raise ConfigError(f"'{where}' must be a whole number, not {_shown(value)}")
    if not math.isfinite(value):
        raise ConfigError(f"'{where}' must be a finite number, not {_shown(value)}")
    if not low <= value <= high:
        raise ConfigError(f"'{where}' must be between {_bound(low)} and {_bound(high)}, not {_shown(value)}")
    return value


def _bound(limit: float) -> str:
    return f"{int(limit):,}" if limit == int(limit) else f"{limit:g}"


def _weights(value: Any, where: str) -> Mapping[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigError(f"'{where}' must map names to weights, not {_shown(value)}")
    return value


def _option_range(name: str) -> tuple[float, float]:
    """A ``max_`` limit is at least 1, a share is a fraction, the rest not negative."""
    if name.startswith("max_"):
        return 1, _HUGE
    if name.endswith("_share"):
        return 0, 1
    return 0, _HUGE


def _option_value(check: Check, name: str, value: Any) -> Any:
    default = check.options[name]
    where = f"checks.{check.name}.{name}"
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"'{where}' must be true or false, not {value!r}")
    elif isinstance(default, (int, float)):
        low, high = _option_range(name)
        _number(value, where, integer=isinstance(default, int), low=low, high=high)
    elif isinstance(default, (list, tuple)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"'{where}' must be a list of text")
    elif isinstance(default, str) and not isinstance(value, str):
        raise ConfigError(f"'{where}' must be text, not {value!r}")
    if name == "dialect":
        _choice(value, DIALECTS, where)
    return value


def _choice(value: Any, choices: Sequence[str], where: str) -> str:
    text = str(value)
    if text not in choices:
        raise ConfigError(
            f"'{where}' must be one of {', '.join(choices)}, not '{text}'{did_you_mean(text, choices)}"
        )
    return text


def _text_list(value: Any, where: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, (str, int)) for v in items):
        raise ConfigError(f"'{where}' must be a list of text")
    return tuple(str(v) for v in items)


def _sender(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ConfigError("'sender' must be a mapping (name, email, phone, linkedin)")
    _check_keys(value, _SENDER_KEYS, "sender: ")
    out = {}
    for key, item in value.items():
        if not isinstance(item, (str, int)) or isinstance(item, bool):
            raise ConfigError(f"'sender.{key}' must be text, not {item!r}")
        if str(item).strip():
            out[str(key)] = str(item).strip()
    return out


def _per_file_ignores(value: Any, checks: Sequence[Check]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, Mapping):
        raise ConfigError("'per_file_ignores' must map file globs to lists of checks")
    return tuple(
        (str(glob), _selectors(codes, checks, f"per_file_ignores.{glob}"))
        for glob, codes in value.items()
    )
