"""``LanguageToolBackend``: the GrammarBackend that asks a LanguageTool server.

Why not language-tool-python: importing it costs 70-190 ms here (it pulls
in requests, tqdm, psutil, ...), many times a warm LanguageTool check of a
whole draft (5-30 ms), and the CLI must stay close to LanguageTool's own
check time. For the same reason plain ``http://`` servers are spoken to
with the small socket client in ``wire.py`` (``http.client`` alone imports
in 18-30 ms); ``https://`` goes through ``http.client``.

Each check opens a new loopback connection on purpose: on a kept-alive
connection LanguageTool's server (the JDK's built-in HTTP server) answers
~45 ms late (most likely its split response writes meeting TCP delayed
ACKs), while a fresh connection costs well under a millisecond. Measured
here: 48 ms kept-alive vs 4 ms fresh per check of a cached 150-word draft.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from linter.grammar.base import DIALECT_NAMES, GrammarIssue, GrammarUnavailable
from linter.grammar.languagetool.mapping import issues_from_matches
from linter.grammar.languagetool.paths import cache_dir
from linter.grammar.languagetool.state import read_state, touch
from linter.grammar.languagetool.wire import post

__all__ = ["LanguageToolBackend"]

# Everything a dead or confused server can cause (BadResponse is an OSError).
_SOFTWARE_ERRORS = (OSError, ValueError)
_HEADERS = {"Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json"}


class LanguageToolBackend:
    """Checks text with the LanguageTool server at ``url``.

    ``url`` is the server's base URL (``http://127.0.0.1:8081``; a trailing
    ``/v2`` is accepted). When it is the local server managed in ``cache``
    (the default cache folder if None), a server that stops answering is
    restarted once per backend through ``server.ensure_server``; after that,
    or for any other server, ``check`` raises ``GrammarUnavailable``.
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
        self._scheme = parts.scheme
        self._host = parts.hostname
        self._port = parts.port
        self._prefix = parts.path.rstrip("/").removesuffix("/v2")
        self._url = f"{parts.scheme}://{parts.netloc}{self._prefix}"

    def _is_managed(self) -> bool:
        state = read_state(self._cache)
        return state is not None and state.url == self._url

    def _post(self, body: bytes) -> tuple[int, bytes]:
        path = f"{self._prefix}/v2/check"
        if self._scheme == "http":
            return post(self._host, self._port or 80, path, body, _HEADERS,
                        self._timeout)
        import http.client

        conn: http.client.HTTPConnection = http.client.HTTPSConnection(
            self._host, self._port, timeout=self._timeout)
        try:
            conn.request("POST", path, body=body, headers=_HEADERS)
            resp = conn.getresponse()
            return resp.status, resp.read()
        except http.client.HTTPException as exc:
            raise OSError(str(exc) or type(exc).__name__) from exc
        finally:
            conn.close()

    def _request(self, text: str, language: str | None = None) -> dict[str, Any]:
        body = urlencode({"language": language or self._language, "text": text or "."}).encode()
        while True:
            try:
                code, raw = self._post(body)
                problem = None if code == 200 else f"answered HTTP {code}: {_first_line(raw)}"
            except _SOFTWARE_ERRORS as exc:
                problem = f"is not answering ({_describe(exc)})"
            if problem is None:
                try:
                    data = json.loads(raw)
                    self._version = str(data["software"]["version"])
                except (ValueError, KeyError, TypeError):
                    problem = "sent a reply that is not LanguageTool's JSON"
                else:
                    self._touch()
                    return dict(data)
            # A client error (4xx) is about the request: restarting won't help.
            if problem.startswith("answered HTTP 4") or not self._restart():
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


def _first_line(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    return text.splitlines()[0][:200] if text else "(empty reply)"


def _describe(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
