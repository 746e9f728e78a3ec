"""Find the LanguageTool server a run should use."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from linter.grammar.languagetool.errors import NotInstalled
from linter.grammar.languagetool.paths import cache_dir
from linter.grammar.languagetool.state import pid_exists, read_state

__all__ = ["ENV_URL", "resolve_languagetool"]

ENV_URL = "FOLLOWUP_LINT_LANGUAGETOOL_URL"


def resolve_languagetool(url_option: str | None, config_url: str | None,
                         env: Mapping[str, str] = os.environ, *,
                         cache: Path | None = None,
                         start: bool = True) -> str | None:
    """The base URL of a LanguageTool server, or None if none is available.

    In order: the ``--languagetool`` option, ``FOLLOWUP_LINT_LANGUAGETOOL_URL``,
    the config key, the local server already running, then (``start``) a
    local server started from an existing install. Explicit URLs are
    returned as given, unchecked: a dead one makes the check itself fail.
    The caller falls back to the embedded backend for ``--grammar auto`` and
    exits 2 for ``--grammar languagetool`` on None. Starting that fails
    for another reason than a missing install (a lock held too long, Java
    gone) raises that ``LanguageToolError``.
    """
    for explicit in (url_option, env.get(ENV_URL), config_url):
        if explicit:
            return explicit
    cache = cache or cache_dir(env=env)
    state = read_state(cache)
    # os.kill(pid, 0) instead of psutil: this runs on every CLI call. A pid
    # reused by another program is caught by the check itself (it fails and
    # the backend restarts our server once).
    if state is not None and pid_exists(state.pid):
        return state.url
    if not start:
        return None
    from linter.grammar.languagetool import server  # only when starting

    try:
        return server.ensure_server(cache, env=env)
    except NotInstalled:
        return None
