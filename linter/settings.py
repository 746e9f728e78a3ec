"""The settings of one run, as one frozen value: built once from what the
command line was given (``check``, ``check --fix``, ``watch`` and the warm
service's runs for a client all use ``run_settings``), and laid over each
config the run reads by one step, ``RunSettings.over``.

Reads only the ``--context`` file; imports no I/O layer (tests/test_layers.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.check import Check
    from linter.config_model import Config
    from linter.context import Context

__all__ = ["RunSettings", "RunAborted", "run_settings"]


class RunAborted(RuntimeError):
    """The run cannot go on; the message is one line."""


# The settings that take the place of the config's own value when given.
_OVER_CONFIG = ("select", "ignore", "fail_on", "fail_under", "mode")


@dataclass(frozen=True)
class RunSettings:
    """Everything a run was asked for besides its inputs; None: not given."""

    config_path: str | None = None  # instead of the config found for each draft
    context: Context | None = None  # the interview, read from --context
    grammar: str | None = None  # the backend; None: each config's
    languagetool_url: str | None = None
    select: tuple[str, ...] | None = None  # checked against the catalog
    ignore: tuple[str, ...] | None = None
    fail_on: str | None = None
    fail_under: int | None = None
    mode: str | None = None
    jobs: int | None = None  # worker processes; None: one per core
    use_worker: bool | None = None  # the warm worker for grammar; None: FOLLOWUP_LINT_WORKER
    service_lane: int | None = None  # in a pooled run: this process's number, the worker's lane it asks for
    stdin_filename: str | None = None  # the name piped text is linted under

    def over(self, config: Config) -> Config:
        """``config`` with the values given here in place of its own."""
        changes = {name: getattr(self, name) for name in _OVER_CONFIG if getattr(self, name) is not None}
        return config.updated(**changes) if changes else config


def run_settings(
    *,
    config_path: str | None = None,
    context_path: str | None = None,
    grammar: str | None = None,
    languagetool_url: str | None = None,
    fail_on: str | None = None,
    fail_under: int | None = None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    mode: str | None = None,
    jobs: int | None = None,
    use_worker: bool | None = None,
    stdin_filename: str | None = None,
) -> RunSettings:
    """The run's settings from the command line's values: ``select`` and
    ``ignore`` as typed (repeated, comma-separated) and checked against the
    catalog, the context file read. ``RunAborted`` (one line) for a bad one."""
    from linter.registry import load_checks

    checks = load_checks()
    return RunSettings(
        config_path=config_path,
        context=_load_context(context_path),
        grammar=grammar,
        languagetool_url=languagetool_url,
        select=validated_selectors(_split(select), checks, "--select") if select else None,
        ignore=validated_selectors(_split(ignore), checks, "--ignore") if ignore else None,
        fail_on=fail_on or None,
        fail_under=fail_under,
        mode=mode or None,
        jobs=jobs,
        use_worker=use_worker,
        stdin_filename=stdin_filename or None,
    )


def validated_selectors(values: tuple[str, ...], checks: tuple[Check, ...], where: str) -> tuple[str, ...]:
    from linter.config_values import ConfigError, _selectors

    try:
        return _selectors(list(values), checks, where)
    except ConfigError as exc:
        raise RunAborted(str(exc)) from None


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _load_context(path: str | None) -> Context | None:
    if path is None:
        return None
    import yaml

    from linter import safe_yaml
    from linter.context import ContextError, parse_context

    try:
        with open(path, encoding="utf-8") as handle:
            data = safe_yaml.load(handle.read())
        return parse_context(data)
    except safe_yaml.YamlRejected as exc:
        raise RunAborted(f"{path}: context file: {exc}") from None
    except UnicodeDecodeError:
        raise RunAborted(f"{path}: context file is not UTF-8 text") from None
    except OSError as exc:
        raise RunAborted(f"{path}: cannot read context file: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0]
        raise RunAborted(f"{path}: malformed context file: {first}") from None
    except ContextError as exc:
        raise RunAborted(f"{path}: {exc}") from None
