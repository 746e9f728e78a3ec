"""A config file cannot send drafts off the machine unasked (issue 10,
item 10), and the report says where the text went.

A LanguageTool URL off this machine is used from ``--languagetool`` or
the environment; from a config file only with ``allow_remote: true``
there. Loopback is recognised by name or address, never by a DNS lookup,
so the tests reach a fake server through this machine's own host name,
which counts as remote."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from linter.grammar.languagetool.errors import RemoteRefused
from linter.grammar.languagetool.resolve import ENV_URL, is_loopback, resolve_languagetool

ROOT = Path(__file__).resolve().parents[1]
GOOD = (
    "Hi Dana,\n\nThank you for the talk about the readmission dashboard yesterday. I enjoyed hearing\n"
    "how your team plans the nightly extracts. I remain very interested in the role and look\n"
    "forward to hearing from you.\n\nBest,\nJo Lee\njo@lee.example\n"
)
HOST = socket.gethostname()


class _FakeLanguageTool(BaseHTTPRequestHandler):
    """Answers every check with no matches, as LanguageTool 6.4, and the
    question for its languages; counts the checks."""

    posts = 0

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        type(self).posts += 1
        body = json.dumps({"software": {"name": "LanguageTool", "version": "6.4"}, "matches": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the client asks for the languages first
        body = json.dumps([{"name": "English (US)", "code": "en", "longCode": "en-US"}]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[int]:
    """A fake LanguageTool on every address of this machine; its port."""
    try:
        socket.gethostbyname(HOST)
    except OSError:
        pytest.skip(f"this machine's name {HOST!r} does not resolve")
    _FakeLanguageTool.posts = 0
    httpd = ThreadingHTTPServer(("0.0.0.0", 0), _FakeLanguageTool)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_LINT_")}
    base.update(NO_COLOR="1", FOLLOWUP_LINT_WORKER="0", PYTHONPATH=str(ROOT), FOLLOWUP_LINT_CACHE=str(cwd / "cache"))
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "linter", *args], cwd=cwd, env=base, capture_output=True, text=True, timeout=60
    )


def drafts_under_config(tmp_path: Path, languagetool: str) -> Path:
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs/.followup-lint.yaml").write_text(f"languagetool: {languagetool}\n")
    (tmp_path / "jobs/a.txt").write_text(GOOD)
    return tmp_path


# -- resolution -------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8081", "http://127.3.4.5:1", "localhost:8081", "http://LOCALHOST", "http://[::1]:8081",
    "http://lt.localhost:9",
])
def test_loopback_urls(url: str) -> None:
    assert is_loopback(url)


@pytest.mark.parametrize("url", [
    "http://lt.example.com:8081", "https://10.0.0.7", "http://[2001:db8::1]:8081", "http://127.0.0.1.example.com",
    HOST,
])
def test_urls_off_this_machine(url: str) -> None:
    assert not is_loopback(url)


def test_a_remote_url_from_a_config_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RemoteRefused) as caught:
        resolve_languagetool(None, "http://lt.example.com:8081", {}, cache=tmp_path, config_source="/j/.followup-lint.yaml")
    assert str(caught.value) == (
        "/j/.followup-lint.yaml: languagetool.url would send drafts to lt.example.com, off this machine; "
        "add 'allow_remote: true' under 'languagetool:' in that file to allow it, or pass --languagetool URL"
    )


def test_remote_urls_from_the_option_the_environment_or_an_opted_in_config(tmp_path: Path) -> None:
    remote = "http://lt.example.com:8081"
    assert resolve_languagetool(remote, remote, {}, cache=tmp_path) == remote
    assert resolve_languagetool(None, remote, {ENV_URL: remote}, cache=tmp_path) == remote
    assert resolve_languagetool(None, remote, {}, cache=tmp_path, allow_remote=True) == remote
    assert resolve_languagetool(None, "http://127.0.0.1:1", {}, cache=tmp_path) == "http://127.0.0.1:1"


# -- through the command line ------------------------------------------------------------

def test_a_config_in_a_parent_folder_cannot_send_drafts_away(tmp_path: Path, server: int) -> None:
    root = drafts_under_config(tmp_path, f"{{url: 'http://{HOST}:{server}'}}")
    (root / "ok.txt").write_text(GOOD)
    result = cli("check", "jobs/a.txt", "ok.txt", cwd=root)
    assert result.returncode == 2
    assert result.stderr == (
        f"followup-lint: error: jobs/a.txt: {root}/jobs/.followup-lint.yaml: languagetool.url would send drafts "
        f"to {HOST}, off this machine; add 'allow_remote: true' under 'languagetool:' in that file to allow it, "
        "or pass --languagetool URL\n"
    )
    assert _FakeLanguageTool.posts == 0
    assert [line for line in result.stdout.splitlines() if ": score " in line] == [
        "ok.txt: score 100/100, passed (no findings) · thank-you (inferred), 34 words · grammar: harper 0.2.0"
    ]


def test_allow_remote_must_be_a_boolean(tmp_path: Path) -> None:
    root = drafts_under_config(tmp_path, "{url: 'http://lt.example.com', allow_remote: 'yes'}")
    result = cli("check", "jobs/a.txt", cwd=root)
    assert result.returncode == 2
    assert ": score " not in result.stdout
    assert result.stderr == (
        f"followup-lint: error: jobs/a.txt: {root}/jobs/.followup-lint.yaml: 'languagetool.allow_remote' must be true or false\n"
    )


def test_an_opted_in_config_sends_and_the_report_names_the_host(tmp_path: Path, server: int) -> None:
    root = drafts_under_config(tmp_path, f"{{url: 'http://{HOST}:{server}', allow_remote: true}}")
    text = cli("check", "jobs/a.txt", cwd=root)
    assert (text.returncode, text.stderr) == (0, "")
    assert text.stdout.splitlines()[0] == (
        f"jobs/a.txt: score 100/100, passed (no findings) · thank-you (inferred), 34 words · grammar: languagetool 6.4 at {HOST}"
    )
    report = json.loads(cli("check", "-f", "json", "jobs/a.txt", cwd=root).stdout)
    assert report["files"][0]["grammar_backend"] == f"languagetool 6.4 at {HOST}"
    sarif = json.loads(cli("check", "-f", "sarif", "jobs/a.txt", cwd=root).stdout)
    assert sarif["runs"][0]["artifacts"][0]["properties"]["grammarBackend"] == f"languagetool 6.4 at {HOST}"
    assert _FakeLanguageTool.posts > 0


def test_the_command_line_and_the_environment_may_name_a_remote_server(tmp_path: Path, server: int) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    url = f"http://{HOST}:{server}"
    for result in (
        cli("check", "--languagetool", url, "a.txt", cwd=tmp_path),
        cli("check", "a.txt", cwd=tmp_path, env={ENV_URL: url}),
    ):
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.splitlines()[0].endswith(f"· grammar: languagetool 6.4 at {HOST}")
