"""Inputs -> ``RunResult``: find the config for each draft, read it, lint it.

Bad inputs become ``FileError`` items and the run goes on; only problems
that make the whole run meaningless (a bad explicit config, a grammar
backend that is gone) raise ``RunAborted``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from linter.check import Check, Tools
    from linter.config import Config
    from linter.context import Context
    from linter.formats import FileError, RunResult
    from linter.models import FileReport

__all__ = ["lint_paths", "RunAborted", "validated_selectors"]


class RunAborted(RuntimeError):
    """The run cannot go on; the message is one line."""


class _Configs:
    """Finds and caches the config for each draft's folder."""

    def __init__(self, explicit: str | None, checks: tuple[Check, ...], overrides: dict[str, Any]):
        self.checks = checks
        self.overrides = overrides
        self.cache: dict[str, Config] = {}
        self.explicit = self._load(explicit) if explicit else None

    def _load(self, path: str) -> Config:
        from linter.config import load_config

        if path not in self.cache:
            self.cache[path] = self._override(load_config(path, self.checks))
        return self.cache[path]

    def _override(self, config: Config) -> Config:
        changes = dict(self.overrides)
        if "select" in changes:
            changes["select"] = changes["select"]
        return config.updated(**changes) if changes else config

    def for_path(self, path: str | None) -> Config:
        if self.explicit is not None:
            return self.explicit
        from linter.config import Config, find_config

        found = find_config(os.path.dirname(os.path.abspath(path)) if path else os.getcwd())
        if found is None:
            return self._override(Config.default())
        return self._load(str(found))


def validated_selectors(values: tuple[str, ...], checks: tuple[Check, ...], where: str) -> tuple[str, ...]:
    from linter.config import ConfigError, _selectors

    try:
        return _selectors(list(values), checks, where)
    except ConfigError as exc:
        raise RunAborted(str(exc)) from None


def _is_template(path: str, config: Config) -> bool:
    """Whether ``path`` matches a ``templates`` glob, relative to the folder
    of the config that declares it (else the current folder)."""
    from fnmatch import fnmatch

    if path == "<stdin>" or not config.templates:
        return False
    root = os.path.dirname(os.path.abspath(config.source)) if config.source else os.getcwd()
    rel = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    return any(fnmatch(rel, pattern) for pattern in config.templates)


def _tools_for(choice: str, lt_url: str | None, config: Config, cache: dict[str, Tools]) -> Tools:
    from linter.grammar.choose import make_tools_for

    key = f"{choice}|{lt_url or config.languagetool_url}"
    if key not in cache:
        cache[key] = make_tools_for(choice, lt_url, config)
    return cache[key]


def lint_paths(
    paths: Sequence[str],
    *,
    config_path: str | None,
    context: Context | None,
    grammar: str | None,
    languagetool_url: str | None,
    overrides: dict[str, Any],
    stdin: Any = None,
) -> RunResult:
    """Read, parse and lint every input; bad inputs become ``FileError``s."""
    from linter.api import lint_text
    from linter.config import ConfigError
    from linter.draft import DraftError
    from linter.formats import FileError, RunResult
    from linter.grammar.base import GrammarUnavailable
    from linter.registry import load_checks
    from linter.sources import InputError, discover, read_source

    checks = load_checks()
    try:
        configs = _Configs(config_path, checks, overrides)
        base = configs.explicit or configs.for_path(None)
    except ConfigError as exc:
        raise RunAborted(str(exc)) from None
    tools_cache: dict[str, Tools] = {}
    items: list[FileReport | FileError] = []
    targets: list[str | InputError] = []
    for path in paths or ["-"]:
        if path == "-":
            targets.append("-")
        else:
            targets.extend(discover([path], base.include, base.exclude))
    for target in targets:
        if not isinstance(target, str):
            items.append(FileError(target.path, target.message))
            continue
        try:
            config = configs.for_path(None if target == "-" else target)
        except ConfigError as exc:
            items.append(FileError(target, str(exc)))
            continue
        source = read_source(target, stdin=stdin, max_bytes=config.max_bytes)
        if isinstance(source, InputError):
            items.append(FileError(source.path, source.message))
            continue
        if config.mode == "draft" and _is_template(source.path, config):
            config = config.with_mode("template")
        try:
            tools = _tools_for(grammar or config.grammar, languagetool_url, config, tools_cache)
            items.append(
                lint_text(
                    source.text,
                    source.path,
                    config=config,
                    context=context,
                    tools=tools,
                    checks=checks,
                    raw=source.raw,
                    origin=source.origin,
                )
            )
        except DraftError as exc:
            items.append(FileError(source.path, str(exc)))
        except GrammarUnavailable as exc:
            raise RunAborted(f"{source.path}: grammar backend unavailable: {exc}") from None
    return RunResult(tuple(items))


