"""Pick the grammar backend for a run: ``auto | languagetool | embedded | off``,
and whether Harper runs here or in the warm service. The reading grade is
always computed here: it is a few regular expressions over the text.

``auto`` uses LanguageTool when a server is configured or already running,
otherwise the embedded default: it never starts a Java server. Only an
explicit ``languagetool`` (flag or config) starts an installed one, and one
that cannot be reached is an error, never a silent fallback.

``use_worker`` is the run's one decision about the warm worker, made by the
caller (``RunSettings.use_worker``, from ``CheckRequest.service``); None reads
FOLLOWUP_LINT_WORKER.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from linter.check import Tools
from linter.grammar.base import GrammarBackend, GrammarUnavailable

if TYPE_CHECKING:
    from linter.config import Config

__all__ = [
    "choose_backend",
    "languagetool_backend",
    "make_embedded_backend",
    "make_tools_for",
    "worker_enabled",
]


def languagetool_backend(url_option: str | None, config: Config | None, *, start: bool = True) -> GrammarBackend | None:
    """A LanguageTool backend if one can be had (``start``: by starting an
    installed server), else None."""
    from linter.grammar.languagetool.client import LanguageToolBackend
    from linter.grammar.languagetool.resolve import resolve_languagetool

    url = resolve_languagetool(
        url_option,
        config.languagetool_url if config else None,
        start=start,
        config_source=config.source if config else None,
        allow_remote=config.languagetool_allow_remote if config else False,
    )
    return LanguageToolBackend(url) if url else None


def choose_backend(
    choice: str, url_option: str | None, config: Config | None, use_worker: bool | None = None,
    lane: int | None = None,
) -> GrammarBackend | None:
    if choice == "off":
        return None
    if choice == "embedded":
        return make_embedded_backend(use_worker, lane)
    from linter.grammar.languagetool.errors import LanguageToolError, RemoteRefused

    try:
        backend = languagetool_backend(url_option, config, start=choice == "languagetool")
    except RemoteRefused:
        raise  # the config's own error, for the drafts it applies to
    except LanguageToolError as exc:
        raise GrammarUnavailable(str(exc)) from None
    if backend is not None:
        return backend
    if choice == "languagetool":
        raise GrammarUnavailable(
            "no LanguageTool server is reachable; run 'followup-lint languagetool install' "
            "and 'followup-lint languagetool start', or pass --languagetool URL"
        )
    return make_embedded_backend(use_worker, lane)


def make_tools_for(
    choice: str, url_option: str | None, config: Config | None, use_worker: bool | None = None,
    lane: int | None = None,
) -> Tools:
    from linter.readability import coleman_liau_grade

    backend = choose_backend(choice, url_option, config, use_worker, lane)
    return Tools(grammar=backend, readability=coleman_liau_grade)


def worker_enabled(use_worker: bool | None = None) -> bool:
    """``use_worker`` if given, else false only when FOLLOWUP_LINT_WORKER=0.
    The CLI decides once (``RunSettings.use_worker``) and passes the answer."""
    if use_worker is not None:
        return use_worker
    return os.environ.get("FOLLOWUP_LINT_WORKER", "1").strip() not in ("0", "false", "no", "off")


def make_embedded_backend(use_worker: bool | None = None, lane: int | None = None) -> GrammarBackend:
    """The embedded backend the CLI uses: a ``WorkerBackend`` talking to the
    warm worker (started on first use; with a ``lane`` number, served by a
    lane of its own), or ``HarperBackend`` in process when the worker is
    not to be used. Neither does any work until ``check``."""
    if worker_enabled(use_worker):
        from linter.service.client import WorkerBackend

        return WorkerBackend(lane=lane)
    from linter.grammar.embedded import shared_harper

    return shared_harper()
