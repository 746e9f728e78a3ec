"""``LanguageToolBackend``: the GrammarBackend that asks a LanguageTool server.

The HTTP side is language-tool-python's remote client (``remote.py``),
imported on the first check; this module adds what a lint run needs:
other dialects' verdicts on a flagged spelling, one restart of our own
server when it stops answering, and one-line errors.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from linter.grammar.base import DIALECT_NAMES, GrammarIssue, GrammarUnavailable
from linter.grammar.languagetool.mapping import issues_from_matches
from linter.grammar.languagetool.paths import cache_dir
from linter.grammar.languagetool.remote import ErrorReply, NotAnswering, check, client_for
from linter.grammar.languagetool.state import read_state, touch

__all__ = ["LanguageToolBackend"]


class LanguageToolBackend:
    """Checks text with the LanguageTool server at ``url``.

    ``url`` is the server's base URL (``http://127.0.0.1:8081``; a trailing
    ``/v2`` is accepted). When it is the local server managed in ``cache``
    (the default cache folder if None), a server that stops answering is
    restarted once per backend through ``server.ensure_server``; after that,
    or for any other server, ``check`` raises ``GrammarUnavailable``. An
    error LanguageTool itself answers (``Error: ...``) is raised at once:
    restarting would not change it.
    """

    def __init__(self, url: str, *, language: str = "en-US",
                 cache: Path | None = None, timeout: float = 30.0,
                 version: str | None = None) -> None:
        self._language = language
        self._timeout = timeout
        self._version = version
        self._restarted = False
        self._set_url(url)
        self._cache = cache or cache_dir()
        self._managed = self._is_managed()

    @property
    def url(self) -> str:
        return self._url

    @property
    def name(self) -> str:
        if self._version is None:
            self._request("")  # any check reports the server's version
        return f"languagetool {self._version} at {self._host}"  # where the text went

    def check(self, text: str, dialect: str = "any") -> list[GrammarIssue]:
        if not text.strip():
            return []
        primary = dialect if dialect in DIALECT_NAMES else self._language
        data = self._request(text, primary)
        issues = issues_from_matches(text, data.get("matches") or [])
        words = sorted({text[i.start:i.end] for i in issues if i.category == "spelling"})
        if not words:
            return issues
        known = {d: self._known_words(words, d) for d in DIALECT_NAMES if d != primary}
        return [
            replace(i, accepted_in=tuple(d for d, ok in known.items() if text[i.start:i.end] in ok))
            if i.category == "spelling" else i
            for i in issues
        ]

    def _known_words(self, words: list[str], dialect: str) -> set[str]:
        """Which of ``words`` ``dialect``'s dictionary knows: one request,
        a word a line."""
        lines = "\n\n".join(words)
        data = self._request(lines, dialect)
        flagged = {text for text in (
            lines[i.start:i.end] for i in issues_from_matches(lines, data.get("matches") or [])
            if i.category == "spelling")}
        return set(words) - flagged

    # -- internals -----------------------------------------------------------

    def _set_url(self, url: str) -> None:
        parts = urlsplit(url if "://" in url else f"http://{url}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise GrammarUnavailable(f"bad LanguageTool URL {url!r}")
        prefix = parts.path.rstrip("/").removesuffix("/v2")
        self._url = f"{parts.scheme}://{parts.netloc}{prefix}"
        self._host = parts.hostname

    def _is_managed(self) -> bool:
        state = read_state(self._cache)
        return state is not None and state.url == self._url

    def _request(self, text: str, language: str | None = None) -> dict[str, Any]:
        while True:
            try:
                client = client_for(self._url, self._timeout)
                data = check(client, text or ".", language or self._language)
                self._version = str(data["software"]["version"])
            except NotAnswering as exc:
                problem = f"is not answering ({exc})"
            except ErrorReply as exc:
                said = _first_line(str(exc))
                # LanguageTool's own error replies: about the request, or the
                # server's own failure; a restart would not change them.
                if said.startswith("Error:"):
                    raise GrammarUnavailable(f"LanguageTool at {self._url} answered: {said}") from None
                problem = "sent a reply that is not LanguageTool's JSON"
            except (KeyError, TypeError):
                problem = "sent a reply that is not LanguageTool's JSON"
            else:
                self._touch()
                return dict(data)
            if not self._restart():
                raise GrammarUnavailable(f"LanguageTool at {self._url} {problem}")

    def _restart(self) -> bool:
        """Restart our managed server once; False if that is not possible."""
        if not self._managed or self._restarted:
            return False
        self._restarted = True
        from linter.grammar.languagetool.errors import LanguageToolError
        from linter.grammar.languagetool.server import ensure_server

        try:
            self._set_url(ensure_server(self._cache))
        except LanguageToolError as exc:
            raise GrammarUnavailable(
                f"LanguageTool at {self._url} stopped answering and could not "
                f"be restarted: {exc}") from exc
        return True

    def _touch(self) -> None:
        if self._managed:
            touch(self._cache)


def _first_line(reply: str) -> str:
    text = reply.strip()
    return text.splitlines()[0][:200] if text else "(empty reply)"
