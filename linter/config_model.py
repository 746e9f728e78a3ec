"""The ``Config`` a run uses, and the defaults a new user gets; reading
and validating a config file is ``linter.config``."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from linter.check import Check
from linter.config_values import ConfigError
from linter.models import Severity
from linter.suggest import did_you_mean

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
