"""Configuration: ``.followup-lint.yaml`` or ``[tool.followup-lint]`` in
pyproject.toml, validated into a frozen ``Config``.

Unknown keys, checks and options are errors with a did-you-mean, so a typo
in a config never silently turns a check off.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from linter.check import Check
from linter.context import KINDS
from linter.grammar.base import DIALECTS
from linter.models import Severity
from linter.suggest import did_you_mean

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

CONFIG_NAMES = (".followup-lint.yaml", ".followup-lint.yml")
GRAMMAR_CHOICES = ("auto", "languagetool", "embedded", "off")
MODES = ("draft", "template")
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_SEVERITY_WEIGHTS: Mapping[Severity, float] = {
    Severity.ERROR: 20.0,
    Severity.WARNING: 8.0,
    Severity.INFO: 2.0,
}
# The elements a follow-up must have (GUIDANCE G3, G4, G5, G11) weigh double:
# a note missing one of them should not pass on a single warning.
DEFAULT_CHECK_WEIGHTS: Mapping[str, float] = {
    "FL301": 2.0,  # no-specific-detail
    "FL302": 2.0,  # no-continued-interest
    "FL303": 2.0,  # no-thanks
    "FL501": 2.0,  # missing-contact-signature
}
# With no config a draft fails under this score (README "Pass or fail").
DEFAULT_PASS_MARK = 70
# What each kind of follow-up must have (GUIDANCE G3, G4, G5, G11, K2): a
# finding of one of these checks fails the draft whatever the score.
_EMAIL_MUST_HAVE = ("FL302", "FL303", "FL501")  # interest, thanks, signature
DEFAULT_MUST_HAVE: Mapping[str, tuple[str, ...]] = {
    "thank-you": ("FL301", *_EMAIL_MUST_HAVE),
    "status-check": _EMAIL_MUST_HAVE,
    "post-rejection": _EMAIL_MUST_HAVE,
    "general": _EMAIL_MUST_HAVE,
    "linkedin": ("FL301", "FL302", "FL303"),  # a connection note has no signature
}
_TOP_KEYS = (
    "select", "ignore", "severity", "checks", "score", "fail_on", "fail_under", "must_have",
    "vocabulary", "grammar", "languagetool", "mode", "templates", "include",
    "exclude", "max_bytes", "sender", "vocabulary_file", "per_file_ignores", "dialect",
)
_SENDER_KEYS = ("name", "email", "phone", "linkedin")
_SCORE_KEYS = ("severity_weights", "check_weights", "max_loss_per_check")
_LT_KEYS = ("url", "allow_remote", "heap", "idle_timeout")


class ConfigError(ValueError):
    """A config file or option is invalid; the message is one line."""


@dataclass(frozen=True)
class Config:
    """Everything configurable, with the defaults a new user gets."""

    select: tuple[str, ...] = ("all",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)  # code -> severity
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # code -> options
    severity_weights: Mapping[Severity, float] = field(
        default_factory=lambda: dict(DEFAULT_SEVERITY_WEIGHTS)
    )
    check_weights: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_CHECK_WEIGHTS)
    )  # code -> weight; unlisted checks weigh 1
    max_loss_per_check: float = 40.0
    fail_on: str = "error"
    fail_under: int | None = DEFAULT_PASS_MARK
    must_have: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_MUST_HAVE)
    )  # kind -> codes of the checks it must pass
    vocabulary: tuple[str, ...] = ()
    dialect: str | None = None  # English dialect for spelling; None: the check's default
    grammar: str = "auto"
    languagetool_url: str | None = None
    languagetool_allow_remote: bool = False  # the url may be off this machine
    languagetool_heap: str = "512m"
    languagetool_idle_timeout: int = 1800
    mode: str = "draft"
    templates: tuple[str, ...] = ()
    include: tuple[str, ...] = ("*.txt", "*.eml", "*.md")
    exclude: tuple[str, ...] = ()
    max_bytes: int = 2_000_000
    sender: Mapping[str, str] = field(default_factory=dict)  # name, email, phone, linkedin
    vocabulary_file: str | None = None  # absolute; its words are in ``vocabulary``
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors)
    source: str | None = None  # the file it came from
    set_keys: tuple[str, ...] = ()  # the top-level keys the file sets

    @classmethod
    def default(cls) -> Config:
        return cls()

    def with_mode(self, mode: str) -> Config:
        if mode not in MODES:
            raise ConfigError(f"unknown mode '{mode}'{did_you_mean(mode, MODES)}")
        return replace(self, mode=mode)

    def updated(self, **changes: Any) -> Config:
        return replace(self, **changes)

    # -- per check -------------------------------------------------------
    def enabled(self, check: Check) -> bool:
        """The most specific matching selector wins; on a tie, ``ignore``."""
        chosen = _specificity(check, self.select)
        dropped = _specificity(check, self.ignore)
        return chosen > 0 and chosen > dropped

    def options_for(self, check: Check) -> dict[str, Any]:
        merged = dict(check.options)
        merged.update(self.options.get(check.code, {}))
        if "vocabulary" in merged and self.vocabulary:
            merged["vocabulary"] = [*merged["vocabulary"], *self.vocabulary]
        if "sender" in merged and self.sender:
            merged["sender"] = dict(self.sender)
        if "dialect" in merged and self.dialect and "dialect" not in self.options.get(check.code, {}):
            merged["dialect"] = self.dialect
        return merged

    def root(self) -> str:
        """The folder globs are relative to: the config's, else the current one."""
        return os.path.dirname(os.path.abspath(self.source)) if self.source else os.getcwd()

    def for_file(self, path: str) -> Config:
        """This config with the ``per_file_ignores`` that match ``path`` applied."""
        from fnmatch import fnmatch

        if not self.per_file_ignores or path == "<stdin>":
            return self
        rel = os.path.relpath(os.path.abspath(path), self.root()).replace(os.sep, "/")
        extra = [code for glob, codes in self.per_file_ignores if fnmatch(rel, glob) for code in codes]
        return replace(self, ignore=(*self.ignore, *extra)) if extra else self

    def severity_for(self, check: Check) -> Severity | None:
        return self.severity.get(check.code)

    def weight_for(self, code: str) -> float:
        return self.check_weights.get(code, 1.0)


def _specificity(check: Check, selectors: Sequence[str]) -> int:
    best = 0
    for sel in selectors:
        if sel == "all":
            best = max(best, 1)
        elif sel in (check.code, check.name):
            best = max(best, 100)
        elif check.code.startswith(sel):
            best = max(best, 1 + len(sel))
    return best


# -- parsing -----------------------------------------------------------------

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
