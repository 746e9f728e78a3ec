"""Configuration: ``.followup-lint.yaml`` or ``[tool.followup-lint]`` in
pyproject.toml, validated into a frozen ``Config``.

Unknown keys, checks and options are errors with a did-you-mean, so a typo
in a config never silently turns a check off.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from linter.check import Check
from linter.config_model import (
    CONFIG_NAMES,
    DEFAULT_CHECK_WEIGHTS,
    DEFAULT_MUST_HAVE,
    DEFAULT_PASS_MARK,
    DEFAULT_SEVERITY_WEIGHTS,
    FAIL_ON,
    GRAMMAR_CHOICES as GRAMMAR_CHOICES,
    MODES,
    Config,
)
from linter.config_values import (
    ConfigError,
    _check_keys,
    _choice,
    _number,
    _option_value,
    _per_file_ignores,
    _resolve_check,
    _selectors as _selectors,  # runner and api use it
    _sender,
    _text_list,
    _weights,
)
from linter.context import KINDS
from linter.grammar.base import DIALECTS
from linter.models import Severity
from linter.suggest import did_you_mean
from linter.vocabulary_file import _vocabulary_path, append_vocabulary, read_vocabulary

__all__ = [
    "Config",
    "ConfigError",
    "CONFIG_NAMES",
    "find_config",
    "load_config",
    "parse_config",
    "read_vocabulary",
    "append_vocabulary",
    "DEFAULT_SEVERITY_WEIGHTS",
    "DEFAULT_CHECK_WEIGHTS",
    "DEFAULT_MUST_HAVE",
    "DEFAULT_PASS_MARK",
]

_TOP_KEYS = (
    "select", "ignore", "severity", "checks", "score", "fail_on", "fail_under", "must_have",
    "vocabulary", "grammar", "languagetool", "mode", "templates", "include",
    "exclude", "max_bytes", "sender", "vocabulary_file", "per_file_ignores", "dialect",
)
_SCORE_KEYS = ("severity_weights", "check_weights", "max_loss_per_check")
_LT_KEYS = ("url", "allow_remote", "heap", "idle_timeout")


def _must_have(value: Any, checks: Sequence[Check]) -> dict[str, tuple[str, ...]]:
    """``{kind: [checks]}`` over the defaults; ``false`` clears every kind."""
    if value is False:
        return {kind: () for kind in KINDS}
    if not isinstance(value, Mapping):
        raise ConfigError(
            "'must_have' must map kinds of follow-up (thank-you, linkedin ...) to lists of checks, or be false"
        )
    out = dict(DEFAULT_MUST_HAVE)
    for key, items in value.items():
        kind = str(key)
        if kind not in KINDS:
            raise ConfigError(f"must_have: unknown kind '{kind}'{did_you_mean(kind, KINDS)}")
        items = [] if items is None else [items] if isinstance(items, str) else items
        if not isinstance(items, list):
            raise ConfigError(f"'must_have.{kind}' must be a list of check codes or names")
        out[kind] = tuple(_resolve_check(item, checks, f"must_have.{kind}").code for item in items)
    return out


def parse_config(data: Any, checks: Sequence[Check], source: str | None = None) -> Config:
    """Validate a parsed mapping (YAML or TOML) into a ``Config``."""
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise ConfigError("the config must be a mapping of keys to values")
    _check_keys(data, _TOP_KEYS, "")
    changes: dict[str, Any] = {"source": source}
    if "select" in data:
        changes["select"] = _selectors(data["select"], checks, "select")
    if "ignore" in data:
        changes["ignore"] = _selectors(data["ignore"], checks, "ignore")
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, Mapping):
            raise ConfigError("'severity' must map check names to info, warning or error")
        out = {}
        for key, value in sev.items():
            check = _resolve_check(key, checks, "severity")
            try:
                out[check.code] = Severity.parse(str(value))
            except ValueError as exc:
                raise ConfigError(f"severity.{key}: {exc}") from None
        changes["severity"] = out
    if "checks" in data:
        table = data["checks"]
        if not isinstance(table, Mapping):
            raise ConfigError("'checks' must map check names to their options")
        options = {}
        for key, opts in table.items():
            check = _resolve_check(key, checks, "checks")
            if not isinstance(opts, Mapping):
                raise ConfigError(f"checks.{key} must be a mapping of options")
            for name, value in opts.items():
                if name not in check.options:
                    hint = did_you_mean(str(name), check.options)
                    known = ", ".join(check.options) or "none"
                    raise ConfigError(
                        f"checks.{check.name}: unknown option '{name}'{hint} (options: {known})"
                    )
            options[check.code] = {n: _option_value(check, n, v) for n, v in opts.items()}
        changes["options"] = options
    if "score" in data:
        score = data["score"]
        if not isinstance(score, Mapping):
            raise ConfigError("'score' must be a mapping")
        _check_keys(score, _SCORE_KEYS, "score: ")
        if "severity_weights" in score:
            weights = dict(DEFAULT_SEVERITY_WEIGHTS)
            for key, value in _weights(score["severity_weights"], "score.severity_weights").items():
                try:
                    sev_key = Severity.parse(str(key))
                except ValueError as exc:
                    raise ConfigError(f"score.severity_weights: {exc}") from None
                weights[sev_key] = _number(value, f"score.severity_weights.{key}")
            changes["severity_weights"] = weights
        if "check_weights" in score:
            changes["check_weights"] = {
                **DEFAULT_CHECK_WEIGHTS,
                **{
                    _resolve_check(k, checks, "score.check_weights").code: _number(
                        v, f"score.check_weights.{k}"
                    )
                    for k, v in _weights(score["check_weights"], "score.check_weights").items()
                },
            }
        if "max_loss_per_check" in score:
            changes["max_loss_per_check"] = _number(
                score["max_loss_per_check"], "score.max_loss_per_check", high=100
            )
    if "fail_on" in data:
        changes["fail_on"] = _choice(data["fail_on"], FAIL_ON, "fail_on")
    if "fail_under" in data:
        value = data["fail_under"]
        changes["fail_under"] = None if value is None else int(_number(value, "fail_under", integer=True, high=100))
    if "must_have" in data:
        changes["must_have"] = _must_have(data["must_have"], checks)
    if "vocabulary" in data:
        changes["vocabulary"] = _text_list(data["vocabulary"], "vocabulary")
    if "dialect" in data:
        changes["dialect"] = _choice(data["dialect"], DIALECTS, "dialect")
    if "grammar" in data:
        # YAML 1.1 reads an unquoted ``off`` as false: take it as written.
        grammar = "off" if data["grammar"] is False else data["grammar"]
        changes["grammar"] = _choice(grammar, GRAMMAR_CHOICES, "grammar")
    if "languagetool" in data:
        lt = data["languagetool"]
        if not isinstance(lt, Mapping):
            raise ConfigError("'languagetool' must be a mapping (url, allow_remote, heap, idle_timeout)")
        _check_keys(lt, _LT_KEYS, "languagetool: ")
        if "url" in lt:
            changes["languagetool_url"] = str(lt["url"])
        if "allow_remote" in lt:
            if not isinstance(lt["allow_remote"], bool):
                raise ConfigError("'languagetool.allow_remote' must be true or false")
            changes["languagetool_allow_remote"] = lt["allow_remote"]
        if "heap" in lt:
            changes["languagetool_heap"] = str(lt["heap"])
        if "idle_timeout" in lt:
            changes["languagetool_idle_timeout"] = int(_number(lt["idle_timeout"], "languagetool.idle_timeout", integer=True, low=1))
    if "mode" in data:
        changes["mode"] = _choice(data["mode"], MODES, "mode")
    for key in ("templates", "include", "exclude"):
        if key in data:
            changes[key] = _text_list(data[key], key)
    if "max_bytes" in data:
        changes["max_bytes"] = int(_number(data["max_bytes"], "max_bytes", integer=True, low=1))
    if "sender" in data:
        changes["sender"] = _sender(data["sender"])
    if "per_file_ignores" in data:
        changes["per_file_ignores"] = _per_file_ignores(data["per_file_ignores"], checks)
    if data.get("vocabulary_file") is not None:
        path = _vocabulary_path(str(data["vocabulary_file"]), source)
        changes["vocabulary_file"] = path
        changes["vocabulary"] = (*changes.get("vocabulary", ()), *read_vocabulary(path))
    changes["set_keys"] = tuple(str(k) for k in data)
    return replace(Config(), **changes)


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The nearest config walking up from ``start`` (a folder or a file)."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and b"[tool.followup-lint]" in _read_pyproject(pyproject):
            return pyproject
    return None


def _read_pyproject(path: Path) -> bytes:
    """A pyproject.toml's bytes; one we may not read could hold our section,
    so it is the run's error rather than skipped."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None


def load_config(path: str | os.PathLike[str], checks: Sequence[Check]) -> Config:
    """Read and validate a config file. Errors name the file."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        if path.name == "pyproject.toml":
            import tomllib

            data = tomllib.loads(raw).get("tool", {}).get("followup-lint", {})
        else:
            from linter import safe_yaml

            data = safe_yaml.load(raw)
    except Exception as exc:  # yaml.YAMLError, tomllib.TOMLDecodeError
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError(f"{path}: malformed config: {first}") from None
    try:
        return parse_config(data, checks, source=str(path))
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
