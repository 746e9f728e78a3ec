"""The LanguageTool grammar backend: install, run and query a local server.

Modules: ``install`` (Maven into a cache folder), ``server`` (start, stop,
status, ``ensure_server``), ``watchdog`` (idle stop), ``client`` (the
GrammarBackend), ``remote`` (language-tool-python's remote client, held
per process), ``mapping`` (JSON to GrammarIssue), ``resolve`` (which server a run uses),
``commands`` (the click group); ``paths``, ``state``, ``lockfile`` and
``errors`` are shared by them. The check path (``client``, ``resolve``)
imports neither subprocess, psutil nor click, and language-tool-python
only on the first check: the backend, the resolver and the CLI group are
loaded on first use, so importing ``errors`` costs nothing else.
"""

from __future__ import annotations

from typing import Any

from linter.grammar.languagetool.errors import (
    InstallFailed,
    JavaNotFound,
    LanguageToolError,
    MavenNotFound,
    NotInstalled,
    ServerFailed,
)

__all__ = [
    "LanguageToolBackend",
    "resolve_languagetool",
    "languagetool_group",
    "LanguageToolError",
    "JavaNotFound",
    "MavenNotFound",
    "InstallFailed",
    "NotInstalled",
    "ServerFailed",
]


def __getattr__(name: str) -> Any:
    if name == "LanguageToolBackend":
        from linter.grammar.languagetool.client import LanguageToolBackend

        return LanguageToolBackend
    if name == "resolve_languagetool":
        from linter.grammar.languagetool.resolve import resolve_languagetool

        return resolve_languagetool
    if name == "languagetool_group":
        from linter.grammar.languagetool.commands import languagetool_group

        return languagetool_group
    raise AttributeError(name)
