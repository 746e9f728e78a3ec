"""What the backend sends LanguageTool and what it makes of the reply,
recorded between the backend and a real server; and the one line a dead
server gives, in the backend and through the CLI."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from linter.cli import cli
from linter.grammar.base import GrammarIssue, GrammarUnavailable
from linter.grammar.languagetool.client import LanguageToolBackend
from tests.helpers import marked

Seen = list[tuple[str, str, dict[str, list[str]]]]


class _Recorder(BaseHTTPRequestHandler):
    """Forwards each request to the real server and records it."""

    upstream: tuple[str, int]
    seen: Seen

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._forward(b"")

    def do_POST(self) -> None:  # noqa: N802
        self._forward(self.rfile.read(int(self.headers.get("Content-Length", "0"))))

    def _forward(self, body: bytes) -> None:
        path, _, query = self.path.partition("?")
        self.seen.append((self.command, path, parse_qs((query or body.decode()), keep_blank_values=True)))
        conn = http.client.HTTPConnection(*self.upstream, timeout=60)
        headers = {"Content-Type": self.headers.get("Content-Type", "")} if body else {}
        conn.request(self.command, self.path, body=body or None, headers=headers)
        reply = conn.getresponse()
        data = reply.read()
        conn.close()
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.getheader("Content-Type", "application/json"))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def recorded(lt_url: str) -> Iterator[tuple[str, Seen]]:
    """A recording proxy on a port of its own in front of the real server."""
    parts = urlsplit(lt_url)
    seen: Seen = []
    handler = type("Handler", (_Recorder,), {"upstream": (parts.hostname, parts.port), "seen": seen})
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{proxy.server_address[1]}", seen
    proxy.shutdown()
    proxy.server_close()


def test_a_check_sends_the_text_and_language_only(recorded: tuple[str, Seen], tmp_path: Path) -> None:
    url, seen = recorded
    text, [span] = marked("She ate [[a]] apple.")
    issues = LanguageToolBackend(url, cache=tmp_path).check(text)
    assert seen == [
        ("GET", "/v2/languages", {}),  # once per server and process: the client's start
        ("POST", "/v2/check", {"language": ["en-US"], "text": [text]}),  # no disabled rules
    ]
    assert issues == [GrammarIssue(
        start=span.start, end=span.end, rule_id="EN_A_VS_AN", category="grammar",
        # The server's text as sent (a no-break space after "e.g."), not
        # language-tool-python's Match, which would NFKC-normalise it.
        message="Use “an” instead of ‘a’ if the following word starts with a vowel sound, "
                "e.g.\xa0‘an article’, ‘an hour’.",
        replacements=("an",))]


def test_the_client_is_built_once_per_server(recorded: tuple[str, Seen], tmp_path: Path) -> None:
    url, seen = recorded
    LanguageToolBackend(url, cache=tmp_path).check("Thank you for your time.")
    LanguageToolBackend(url, cache=tmp_path).check("Thank you for your time.")
    assert [(method, path) for method, path, _ in seen] == [
        ("GET", "/v2/languages"), ("POST", "/v2/check"), ("POST", "/v2/check")]


def test_a_misspelling_is_asked_of_the_other_dialects(recorded: tuple[str, Seen], tmp_path: Path) -> None:
    url, seen = recorded
    text, [span] = marked("I enjoyed the [[colour]] charts.")
    [issue] = LanguageToolBackend(url, cache=tmp_path).check(text, dialect="en-US")
    assert [fields for method, _, fields in seen if method == "POST"] == [
        {"language": ["en-US"], "text": [text]},
        {"language": ["en-GB"], "text": ["colour"]},
        {"language": ["en-CA"], "text": ["colour"]},
        {"language": ["en-AU"], "text": ["colour"]},
    ]
    assert (issue.start, issue.end, issue.rule_id, issue.category) == (
        span.start, span.end, "MORFOLOGIK_RULE_EN_US", "spelling")
    assert issue.accepted_in == ("en-GB", "en-CA", "en-AU")


def test_an_error_languagetool_answers_is_one_line(recorded: tuple[str, Seen], tmp_path: Path) -> None:
    url, seen = recorded
    backend = LanguageToolBackend(url, language="xx-YY", cache=tmp_path)
    with pytest.raises(GrammarUnavailable) as err:
        backend.check("Thank you for your time.")
    assert str(err.value) == (  # the server's first line, cut at 200 characters
        f"LanguageTool at {url} answered: Error: 'xx-YY' is not a language code known to "
        "LanguageTool. Supported language codes are: ca-ES, ca-ES-balear, ca-ES-valencia, en, "
        "en-AU, en-CA, en-GB, en-NZ, en-US, en-ZA, es, es-AR, es-ES, pt, pt-A")
    assert [fields["language"] for method, _, fields in seen if method == "POST"] == [["xx-YY"]]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_dead_server_is_one_line(tmp_path: Path) -> None:
    port = _closed_port()
    backend = LanguageToolBackend(f"http://127.0.0.1:{port}", cache=tmp_path, timeout=2)
    with pytest.raises(GrammarUnavailable) as err:
        backend.check("I recieved it.")
    assert str(err.value) == (
        f"LanguageTool at http://127.0.0.1:{port} is not answering ([Errno 111] Connection refused)")


def test_a_dead_server_through_the_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FOLLOWUP_LINT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER", "0")
    monkeypatch.delenv("FOLLOWUP_LINT_LANGUAGETOOL_URL", raising=False)
    port = _closed_port()
    draft = tmp_path / "draft.txt"
    draft.write_text("Dear Ms. Vega,\n\nThank you for today.\n\nBest regards,\nJordan Ellis\n")
    result = CliRunner().invoke(cli, ["check", "--grammar", "languagetool", "--languagetool",
                                      f"http://127.0.0.1:{port}", str(draft)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"followup-lint: error: {draft}: grammar backend unavailable: LanguageTool at "
        f"http://127.0.0.1:{port} is not answering ([Errno 111] Connection refused)\n")


def test_the_library_is_imported_on_the_first_check_only() -> None:
    code = (
        "import sys\n"
        "from linter.grammar.languagetool.client import LanguageToolBackend\n"
        "import linter.backends, linter.cli\n"
        "LanguageToolBackend('http://127.0.0.1:1')\n"
        "print(sorted(m for m in ('language_tool_python', 'requests') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"
