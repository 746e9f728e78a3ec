"""Stop an idle LanguageTool server: ``python -m`` entry point, one per server.

Started detached by ``server.start`` with the cache folder, the server's pid
and start time, and the idle timeout. Every few seconds it checks:

- the server is gone, or the state file names another server: exit;
- nothing touched ``last-used`` (and the server did not start) within the
  idle timeout: stop the server through ``server.stop`` (under the same lock
  as ``start``, and only if the state still names our server), then exit.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from linter.grammar.languagetool import server

__all__ = ["main", "poll_interval"]


def poll_interval(idle_timeout: float) -> float:
    """Often enough to stop within ~10% of the timeout, at most every 30 s."""
    return max(0.5, min(30.0, idle_timeout / 10))


def _last_use(cache: Path, started_at: float) -> float:
    try:
        return max(started_at, (cache / server.LAST_USED).stat().st_mtime)
    except OSError:
        return started_at


def main(argv: list[str]) -> int:
    cache, pid = Path(argv[0]), int(argv[1])
    create_time, idle_timeout = float(argv[2]), float(argv[3])
    interval = poll_interval(idle_timeout)
    while True:
        time.sleep(interval)
        state = server.read_state(cache)
        if state is None or state.pid != pid or state.create_time != create_time:
            return 0
        if not server.pid_exists(pid):
            server.stop(cache, only_pid=pid)  # clears the stale state file
            return 0
        idle = time.time() - _last_use(cache, state.started_at)
        if idle >= idle_timeout:
            print(f"followup-lint watchdog: idle for {idle:.0f} s, stopping "
                  f"LanguageTool (pid {pid})", flush=True)
            server.stop(cache, only_pid=pid)
            return 0


if __name__ == "__main__":
    os.umask(0o077)
    sys.exit(main(sys.argv[1:]))
