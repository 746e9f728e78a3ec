"""``followup-lint languagetool ...``: install, start, stop, status.

Mounted into the main CLI with ``cli.add_command(languagetool_group)``.
Every failure is one line on stderr and exit code 2; ``status`` exits 1 when
no server is running.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from linter.grammar.languagetool import install as install_mod
from linter.grammar.languagetool import server
from linter.grammar.languagetool.errors import LanguageToolError

__all__ = ["languagetool_group"]

F = TypeVar("F", bound=Callable[..., Any])


def _one_line_errors(func: F) -> F:
    """Report any failure as ``error: ...`` on one line and exit 2."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LanguageToolError as exc:
            message = str(exc)
        except OSError as exc:
            message = f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
        except KeyboardInterrupt:
            message = "interrupted"
        click.echo(f"error: {' '.join(message.split())}", err=True)
        sys.exit(2)
    return wrapper  # type: ignore[return-value]


_cache_option = click.option(
    "--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="LanguageTool cache folder (default: $FOLLOWUP_LINT_CACHE/languagetool "
         "or the user cache folder).")


def _cache(cache_dir: Path | None) -> Path:
    return install_mod.cache_dir(cache_dir)


@click.group("languagetool")
def languagetool_group() -> None:
    """Install and run a local LanguageTool server for grammar checks."""


@languagetool_group.command("install")
@_cache_option
@click.option("--version", "version", default=install_mod.DEFAULT_VERSION,
              show_default=True, help="LanguageTool release, or 'latest'.")
@click.option("--quiet", is_flag=True, help="Hide Maven's output.")
@_one_line_errors
def install_command(cache_dir: Path | None, version: str, quiet: bool) -> None:
    """Download LanguageTool (English only) with Maven into the cache folder."""
    result = install_mod.install(_cache(cache_dir), version, quiet=quiet)
    click.echo(result.installation.root)


@languagetool_group.command("start")
@_cache_option
@click.option("--heap", default=server.DEFAULT_HEAP, show_default=True,
              help="Java heap limit (-Xmx), e.g. 512m or 1g.")
@click.option("--idle-timeout", type=click.FloatRange(min=0),
              default=server.DEFAULT_IDLE_TIMEOUT, show_default=True,
              help="Stop the server after this many seconds unused (0: never).")
@_one_line_errors
def start_command(cache_dir: Path | None, heap: str, idle_timeout: float) -> None:
    """Start the local server (does nothing if one is running)."""
    result = server.start(_cache(cache_dir), heap=heap, idle_timeout=idle_timeout)
    if result.already_running:
        click.echo(f"already running: {result.state.url} (pid {result.state.pid})",
                   err=True)
    click.echo(result.state.url)


@languagetool_group.command("stop")
@_cache_option
@_one_line_errors
def stop_command(cache_dir: Path | None) -> None:
    """Stop the local server, if one is running."""
    stopped = server.stop(_cache(cache_dir))
    if stopped is None:
        click.echo("not running", err=True)
    else:
        click.echo(f"stopped pid {stopped.pid}", err=True)


@languagetool_group.command("status")
@_cache_option
@_one_line_errors
def status_command(cache_dir: Path | None) -> None:
    """Show the local server; exit 1 if it is not running."""
    current = server.status(_cache(cache_dir))
    if current is None:
        click.echo("not running")
        sys.exit(1)
    state = current.state
    idle = "never" if not state.idle_timeout else f"{state.idle_timeout:.0f} s"
    click.echo(f"url:          {state.url}")
    click.echo(f"pid:          {state.pid}")
    click.echo(f"version:      {state.version}")
    click.echo(f"healthy:      {'yes' if current.healthy else 'no'}")
    click.echo(f"uptime:       {_duration(current.uptime)}")
    click.echo(f"memory (RSS): {current.rss_bytes / 2**20:.0f} MiB")
    click.echo(f"heap limit:   {state.heap}")
    click.echo(f"idle timeout: {idle}")


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m{secs:02d}s" if hours else f"{minutes}m{secs:02d}s"
