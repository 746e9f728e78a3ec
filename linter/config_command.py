"""``followup-lint config [PATH]``: the effective config for a draft or
folder, each value with where it came from (the config file or the default)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import click

__all__ = ["config_command"]

# Config fields set by a nested key of the file.
_KEY_OF = {
    "options": "checks",
    "severity_weights": "score",
    "check_weights": "score",
    "max_loss_per_check": "score",
    "languagetool_url": "languagetool",
    "languagetool_allow_remote": "languagetool",
    "languagetool_heap": "languagetool",
    "languagetool_idle_timeout": "languagetool",
}
_HIDDEN = ("source", "set_keys")


def _plain(value: Any) -> Any:
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(getattr(k, "label", k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return getattr(value, "label", value)


@click.command("config")
@click.argument("path", default=".", type=click.Path())
@click.option("--config", "config_path", type=click.Path(), help="Use this config file instead of searching for one.")
def config_command(path: str, config_path: str | None) -> None:
    """Show the effective config for PATH (a draft or folder; default: here)
    and where each value comes from."""
    from linter.cli import Abort
    from linter.config import Config, ConfigError, find_config, load_config
    from linter.registry import load_checks

    try:
        found = config_path or find_config(path)
        config = load_config(found, load_checks()) if found else Config.default()
    except ConfigError as exc:
        raise Abort(str(exc)) from None
    from os.path import isfile

    if isfile(path):
        config = config.for_file(path)
    click.echo(f"# config file: {found or 'none (defaults)'}")
    for field in dataclasses.fields(config):
        if field.name in _HIDDEN:
            continue
        key = _KEY_OF.get(field.name, field.name)
        origin = str(found) if key in config.set_keys else "default"
        if field.name == "ignore" and isfile(path) and config.per_file_ignores:
            origin += " + per_file_ignores"
        if field.name == "mode" and isfile(path) and config.mode == "draft":
            from linter.runner import _is_template

            if _is_template(path, config):
                config = config.with_mode("template")
                origin = "templates glob"
        value = json.dumps(_plain(getattr(config, field.name)), ensure_ascii=False)
        click.echo(f"{field.name}: {value}  # {origin}")
