"""``followup-lint worker status|stop``: the warm worker, seen and stopped by hand."""

from __future__ import annotations

import sys
import time

import click

__all__ = ["worker_group"]


@click.group("worker")
def worker_group() -> None:
    """The warm worker that keeps Harper and the checks loaded between runs."""


@worker_group.command()
def status() -> None:
    """Show the worker for this code (exit 1 when none is running)."""
    from linter.service.manage import worker_status

    info = worker_status()
    if not info["running"]:
        click.echo(f"not running (socket {info['socket']})")
        sys.exit(1)
    uptime = time.time() - float(info.get("started", time.time()))
    rss = info.get("rss")
    memory = f", {rss / 2**20:.0f} MB resident" if isinstance(rss, (int, float)) else ""
    lanes = info.get("lanes")
    lanes_line = f", {lanes} lane process(es) for pooled runs" if isinstance(lanes, int) and lanes else ""
    click.echo(
        f"running: pid {info.get('pid')}, {info.get('backend')}, up {uptime:.0f} s, "
        f"{info.get('requests')} requests{memory}{lanes_line}, stops after {info.get('idle_timeout')} s idle\n"
        f"socket: {info.get('socket')}"
    )


@worker_group.command()
def stop() -> None:
    """Stop the worker for this code, if one is running."""
    from linter.service.manage import stop_worker

    stopped = stop_worker()
    click.echo(f"stopped {stopped} worker(s)" if stopped else "no worker was running")
