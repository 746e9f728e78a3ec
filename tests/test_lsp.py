"""The language server end to end: a real LSP client (pytest-lsp) talks to
``python -m linter lsp`` in a subprocess over stdio."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

CONFIG = """\
grammar: embedded
vocabulary_file: words.txt
"""

DRAFT = """\
Subject: Thank you for the interview

Hi Dana,

Thank you for the oppurtunity to talk about the analyst role yesterday. I
enjoyed hearing about the billing migration, and I remain very interested.

Please reply ASAP!!

Best regards,
Sam Ortiz
sam.ortiz@example.com
"""


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "linter", "lsp"]))
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        initialization_options={"debounce_ms": 20},
    ))
    yield
    await lsp_client.shutdown_session()


def _folder(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / ".followup-lint.yaml").write_text(CONFIG)
    draft = tmp_path / "note.txt"
    draft.write_text(DRAFT)
    return draft, draft.as_uri()


async def _diagnostics(
    client: LanguageClient, uri: str, waiting: asyncio.Future[Any] | None = None
) -> list[tuple[str, int, int, int, int, int, str]]:
    await asyncio.wait_for(waiting or client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30)
    return [
        (str(d.code), d.range.start.line, d.range.start.character, d.range.end.line,
         d.range.end.character, int(d.severity or 0), d.message)
        for d in client.diagnostics[uri]
    ]


def _open(client: LanguageClient, uri: str, text: str) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))


def _change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


@pytest.mark.asyncio
async def test_open_edit_hover_and_fix(client: LanguageClient, tmp_path: Path) -> None:
    _, uri = _folder(tmp_path)
    _open(client, uri, DRAFT)
    assert await _diagnostics(client, uri) == OPENED

    edited = DRAFT.replace("oppurtunity", "opportunity")
    _change(client, uri, 2, edited)
    assert await _diagnostics(client, uri) == EDITED

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=7, character=19)))
    assert hover is not None
    value = hover.contents.value  # type: ignore[union-attr]
    # The last sentence is FL304's span too, so its finding comes first.
    assert value.startswith(f"**FL304 no-forward-close** (info): {FORWARD[:-5]}\n\nGUIDANCE: G7\n\n")
    assert '\n\n---\n\n**FL402 pressure-language** (error): doubled punctuation reads as impatient: "!!"\n\nGUIDANCE: G10' in value
    assert "What it flags" in value and "Why" in value

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=7, character=17), end=types.Position(line=7, character=19)),
        context=types.CodeActionContext(diagnostics=[])))
    assert actions is not None
    summary = [(a.title, a.is_preferred) for a in actions]  # type: ignore[union-attr]
    close = "I look forward to hearing from you, and I am happy to send anything else you need."
    assert summary == [
        (f'FL304: add a forward-looking close ("{close}")', False),
        ('FL402: keep a single "!"', True),
        ("Ignore FL304 no-forward-close for this draft (front matter)", None),
        ("Ignore FL402 pressure-language for this draft (front matter)", None),
    ]
    fix = actions[1].edit.changes[uri][0]  # type: ignore[union-attr,index]
    assert (fix.range.start.line, fix.range.start.character, fix.range.end.character, fix.new_text) == (7, 17, 19, "!")


@pytest.mark.asyncio
async def test_add_to_vocabulary_relints(client: LanguageClient, tmp_path: Path) -> None:
    _, uri = _folder(tmp_path)
    _open(client, uri, DRAFT)
    before = await _diagnostics(client, uri)
    assert [d[0] for d in before] == ["FL101", "FL304", "FL402", "FL402"]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=4, character=18), end=types.Position(line=4, character=18)),
        context=types.CodeActionContext(diagnostics=[])))
    titles = [a.title for a in actions or []]  # type: ignore[union-attr]
    assert 'Add "oppurtunity" to the vocabulary file' in titles
    add = next(a for a in actions or [] if a.title == 'Add "oppurtunity" to the vocabulary file')  # type: ignore[union-attr]
    assert isinstance(add, types.Command)
    command = add
    assert list(command.arguments or ()) == [str(tmp_path / "words.txt"), "oppurtunity"]
    # Listening before the command: the server re-lints before it answers.
    waiting = asyncio.ensure_future(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS))
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=command.command, arguments=command.arguments))
    after = await _diagnostics(client, uri, waiting)
    assert [d[0] for d in after] == ["FL304", "FL402", "FL402"]
    assert (tmp_path / "words.txt").read_text() == "oppurtunity\n"

FORWARD = ("the note ends without a forward-looking close (that you look forward to hearing "
           "from them, or an offer to send anything they need) [G7]")
ERROR, WARNING, INFO = 1, 2, 3
EDITED = [
    ("FL304", 7, 0, 7, 19, INFO, FORWARD),
    ("FL402", 7, 13, 7, 17, ERROR, 'presses for speed: "ASAP" [G10]'),
    ("FL402", 7, 17, 7, 19, ERROR, 'doubled punctuation reads as impatient: "!!" [G10]'),
]
OPENED = [
    ("FL101", 4, 18, 4, 29, ERROR, 'possible misspelling: "oppurtunity" [G2, R1, R5]'),
    *EDITED,
]


@pytest.mark.asyncio
async def test_bad_front_matter_is_one_diagnostic_on_the_first_line(client: LanguageClient, tmp_path: Path) -> None:
    _, uri = _folder(tmp_path)
    _open(client, uri, "---\nfollowup-lint: {ignore: [FL999]}\n---\n" + DRAFT)
    assert await _diagnostics(client, uri) == [
        ("None", 0, 0, 0, 3, ERROR, "front matter: followup-lint.ignore: unknown check 'FL999'"),
    ]


def _frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def _read_frame(stream: Any) -> dict[str, Any]:
    """One message as the protocol frames it, read strictly: header lines
    ending in CRLF, a blank line, then exactly Content-Length bytes."""
    length = None
    while True:
        line = stream.readline()
        assert line.endswith(b"\r\n"), f"not a header line: {line!r}"
        if line == b"\r\n":
            break
        name, _, value = line[:-2].partition(b": ")
        assert name in (b"Content-Length", b"Content-Type"), f"not a header line: {line!r}"
        if name == b"Content-Length":
            length = int(value)
    assert length is not None
    return dict(json.loads(stream.read(length)))


def test_harpers_debug_line_never_reaches_the_protocol_stream(tmp_path: Path) -> None:
    # Harper prints a line to descriptor 1 on "looking forward to hear" (harper-py 0.2.0);
    # some clients drop the connection on a line that is not a header
    (tmp_path / ".followup-lint.yaml").write_text("grammar: embedded\nselect: [FL101]\n")
    uri = (tmp_path / "note.txt").as_uri()
    server = subprocess.Popen([sys.executable, "-m", "linter", "lsp"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              env={**os.environ, "FOLLOWUP_LINT_WORKER": "0"})  # Harper in the server
    assert server.stdin is not None and server.stdout is not None
    try:
        server.stdin.write(_frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                                   "params": {"capabilities": {}, "initializationOptions": {"debounce_ms": 20}}}))
        server.stdin.write(_frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
        server.stdin.write(_frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1,
            "text": "Hi Dana,\n\nI am looking forward to hear your thoughts.\n"}}}))
        server.stdin.flush()
        published = None
        while published is None:
            message = _read_frame(server.stdout)
            if message.get("method") == "textDocument/publishDiagnostics":
                published = message["params"]["diagnostics"]
        server.stdin.write(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        server.stdin.flush()
        while _read_frame(server.stdout).get("id") != 2:
            pass
        server.stdin.write(_frame({"jsonrpc": "2.0", "method": "exit"}))
        server.stdin.close()
        assert server.stdout.read() == b""  # nothing after the last message either
        assert server.wait(timeout=30) == 0
    finally:
        server.kill()
    assert [(d["code"], d["range"]["start"]["character"], d["range"]["end"]["character"]) for d in published] == [
        ("FL101", 24, 28)
    ]
