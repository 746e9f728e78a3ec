"""Ask a LanguageTool server through language-tool-python's remote client.

language-tool-python is imported on the first request, never with this
module: a run without LanguageTool does not pay for it. Its clients are
kept for the life of the process, one per server URL, so the warm service
(and the watcher, the editor server) import it and build each client once;
building one asks the server for its languages, and never downloads or
starts anything, since ``remote_server`` is given.

The request is the library's own (``_create_params``: text, language and
any disabled rules), sent by its own transport (``_query_server``, one
attempt, a fresh connection each time); the reply is kept as the server's
JSON so ``mapping.py`` reads exactly what LanguageTool sent.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from language_tool_python import LanguageTool

__all__ = ["NotAnswering", "ErrorReply", "client_for", "request_params", "check"]

_clients: dict[tuple[str, float], LanguageTool] = {}


class NotAnswering(Exception):
    """No reply: the server is down, unreachable or too slow."""


class ErrorReply(Exception):
    """The server replied, but not with LanguageTool's JSON."""


def client_for(url: str, timeout: float) -> LanguageTool:
    """The process's client for the server at base ``url`` (no ``/v2``).

    Built for ``auto``, which the library always accepts: each request names
    its own language and the server judges it."""
    key = (url, timeout)
    client = _clients.get(key)
    if client is None:
        timed = _timed_client()
        client = _call(lambda: timed("auto", f"{url}/", timeout))
        _clients[key] = client
    return client


@cache
def _timed_client() -> Callable[[str, str, float], LanguageTool]:
    import language_tool_python

    class TimedClient(language_tool_python.LanguageTool):
        """The library's client with the caller's timeout in place of its
        class constant (300 s), from the first request (in ``__init__``) on."""

        def __init__(self, language: str, url: str, timeout: float) -> None:
            setattr(self, "_TIMEOUT", timeout)
            super().__init__(language, remote_server=url)

    return TimedClient


def request_params(client: LanguageTool, text: str, language: str) -> dict[str, str]:
    """The form fields of a check of ``text`` in ``language``."""
    params = client._create_params(text)
    params["language"] = language
    return params


def check(client: LanguageTool, text: str, language: str) -> Any:
    """The server's JSON reply to a check of ``text`` in ``language``."""
    from urllib.parse import urljoin

    params = request_params(client, text, language)
    return _call(lambda: client._query_server(
        urljoin(client.url, "check"), params, num_tries=1, method="post"))


def _call(ask: Any) -> Any:
    from language_tool_python.exceptions import LanguageToolError

    try:
        return ask()
    except LanguageToolError as exc:
        raise _translate(exc) from None
    except OSError as exc:  # what the transport lets through
        raise NotAnswering(_innermost(exc)) from None


def _translate(exc: BaseException) -> Exception:
    """The library raises one error type; tell a reply from no reply."""
    chain: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and link not in chain:
        chain.append(link)
        link = link.__cause__ or link.__context__
    if any(isinstance(link, ValueError) for link in chain[1:]):  # JSON that did not decode
        return ErrorReply(str(exc))
    return NotAnswering(_innermost(exc))


def _innermost(exc: BaseException) -> str:
    """The root cause's text: ``[Errno 111] Connection refused``, not the
    layers of the HTTP library wrapped around it."""
    said = str(exc) or type(exc).__name__
    link = exc.__cause__ or exc.__context__
    seen = {id(exc)}
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        said = str(link) or said
        link = link.__cause__ or link.__context__
    return said
