"""Find the LanguageTool server a run should use."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from linter.grammar.languagetool.errors import NotInstalled, RemoteRefused
from linter.grammar.languagetool.paths import cache_dir
from linter.grammar.languagetool.state import pid_exists, read_state

__all__ = ["ENV_URL", "host_of", "is_loopback", "resolve_languagetool"]

ENV_URL = "FOLLOWUP_LINT_LANGUAGETOOL_URL"


def host_of(url: str) -> str:
    """The host name or address in ``url`` (a scheme is optional)."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url if "://" in url else f"http://{url}").hostname or ""
    except ValueError:
        return ""


def is_loopback(url: str) -> bool:
    """Whether ``url`` names this machine by a loopback name or address."""
    import ipaddress

    host = host_of(url).lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _config_url(url: str, source: str | None, allow_remote: bool) -> str:
    """A config file's URL, refused when it leaves this machine without the
    file's opt-in: a config in any parent folder applies to a draft."""
    if allow_remote or is_loopback(url):
        return url
    where = source or "the config"
    host = host_of(url) or repr(url)
    raise RemoteRefused(
        f"{where}: languagetool.url would send drafts to {host}, off this machine; "
        "add 'allow_remote: true' under 'languagetool:' in that file to allow it, or pass --languagetool URL"
    )


def resolve_languagetool(url_option: str | None, config_url: str | None,
                         env: Mapping[str, str] = os.environ, *,
                         cache: Path | None = None,
                         start: bool = True,
                         config_source: str | None = None,
                         allow_remote: bool = False) -> str | None:
    """The base URL of a LanguageTool server, or None if none is available.

    In order: the ``--languagetool`` option, ``FOLLOWUP_LINT_LANGUAGETOOL_URL``,
    the config key, the local server already running, then (``start``) a
    local server started from an existing install. Explicit URLs are
    returned as given, unchecked: a dead one makes the check itself fail.
    A config's URL off this machine raises ``RemoteRefused`` unless the
    config (``config_source``) sets ``allow_remote``.
    The caller falls back to the embedded backend for ``--grammar auto`` and
    exits 2 for ``--grammar languagetool`` on None. Starting that fails
    for another reason than a missing install (a lock held too long, Java
    gone) raises that ``LanguageToolError``.
    """
    for explicit in (url_option, env.get(ENV_URL)):
        if explicit:
            return explicit
    if config_url:
        return _config_url(config_url, config_source, allow_remote)
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
