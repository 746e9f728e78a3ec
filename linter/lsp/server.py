"""The language server: diagnostics on open, change (debounced) and save,
hover with the check's explanation, and code actions.

Every lint goes through ``runner.Linter`` -- the engine ``check`` and
``watch`` use, with the config found for each document's folder, the
draft's front matter as its context and the warm grammar backend. Lints run
one at a time on a worker thread, so the server keeps answering while one is
under way; a result for a text that has since changed is not published.
"""

from __future__ import annotations

import asyncio
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from linter import __version__
from linter.lsp.actions import ADD_WORD
from linter.lsp.convert import SOURCE, to_diagnostic, to_offset, to_range
from linter.models import FileReport, Finding
from linter.positions import LineIndex

__all__ = ["build_server", "ADD_WORD", "DEBOUNCE_MS"]

DEBOUNCE_MS = 50  # a burst of keystrokes becomes one lint


@dataclass
class _Linted:
    text: str
    report: FileReport | None


class FollowupServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("followup-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.debounce = DEBOUNCE_MS / 1000
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.linted: dict[str, _Linted] = {}
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="followup-lint")
        self.engine: Any = None

    # -- linting -----------------------------------------------------------------
    def _engine(self) -> Any:
        if self.engine is None:
            from linter.runner import Linter
            from linter.settings import RunSettings

            self.engine = Linter(RunSettings())  # each document's folder config, as found
        return self.engine

    def _lint_now(self, path: str, text: str) -> FileReport | str | None:
        """A report, a one-line error, or None for an empty document."""
        from linter.config import ConfigError
        from linter.runner import RunAborted

        if not text.strip():
            return None
        try:
            engine = self._engine()
            config = engine.config_for(path)
            source = _source(path, text)
            if isinstance(source, str):
                return source
            result = engine.lint_source(source, config)
        except (ConfigError, RunAborted) as exc:
            return str(exc)
        return result if isinstance(result, FileReport) else result.message

    async def lint(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        path = to_fs_path(uri) or uri
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self.pool, self._lint_now, path, text)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version or current.source != text:
            return  # the text changed meanwhile; its own lint is on the way
        index = LineIndex(text)
        if isinstance(result, FileReport):
            self.linted[uri] = _Linted(text, result)
            diagnostics = [to_diagnostic(f, text, index) for f in result.findings]
        else:
            self.linted[uri] = _Linted(text, None)
            diagnostics = [] if result is None else [_problem(result, text, index)]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    def schedule(self, uri: str, delay: float) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()

        def start() -> None:
            self.pending.pop(uri, None)
            loop.create_task(self.lint(uri))

        self.pending[uri] = loop.call_later(delay, start)

    def reload(self) -> None:
        if self.engine is not None:
            self.pool.submit(self.engine.reload_configs).result()

    # -- lookups -----------------------------------------------------------------
    def findings_at(self, uri: str, start: int, end: int) -> tuple[str, list[Finding]]:
        linted = self.linted.get(uri)
        document = self.workspace.text_documents.get(uri)
        if linted is None or linted.report is None or document is None or document.source != linted.text:
            return "", []
        if start == end:  # a cursor: the findings it touches
            return linted.text, [f for f in linted.report.findings if f.span.start <= start <= f.span.end]
        return linted.text, [f for f in linted.report.findings if f.span.start < end and start < f.span.end]


def _source(path: str, text: str) -> Any:
    """The document as ``read_source`` would give it, or a one-line error."""
    from linter.sources import Source

    if not path.lower().endswith(".eml"):
        return Source(path, text, text)
    from linter.email_source import EmailError, email_to_text

    try:
        decoded, origin = email_to_text(text, text.encode("utf-8"))
    except EmailError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - as read_source: one line, never a crash
        return f"unreadable email message ({exc.__class__.__name__})"
    return Source(path, decoded, text, origin)


def _problem(message: str, text: str, index: LineIndex) -> types.Diagnostic:
    end = len(text.split("\n", 1)[0].rstrip("\r"))
    return types.Diagnostic(
        range=to_range(text, index, 0, end),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def build_server() -> FollowupServer:
    server = FollowupServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: FollowupServer, params: types.InitializeParams) -> None:
        options = params.initialization_options or {}
        if isinstance(options, dict) and isinstance(options.get("debounce_ms"), (int, float)):
            ls.debounce = max(0.0, float(options["debounce_ms"]) / 1000)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: FollowupServer, params: types.DidOpenTextDocumentParams) -> None:
        await ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FollowupServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: FollowupServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.reload()  # a saved config or vocabulary file applies at once
        await ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FollowupServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        handle = ls.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: FollowupServer, params: types.HoverParams) -> types.Hover | None:
        from linter.lsp.actions import hover_text

        text, _ = ls.findings_at(params.text_document.uri, 0, 0)
        if not text:
            return None
        at = to_offset(text, LineIndex(text), params.position)
        _, found = ls.findings_at(params.text_document.uri, at, at)
        if not found:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_text(found)))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: FollowupServer, params: types.CodeActionParams) -> list[types.CodeAction | types.Command]:
        from linter.lsp.actions import code_actions

        uri = params.text_document.uri
        text, _ = ls.findings_at(uri, 0, 0)
        if not text:
            return []
        index = LineIndex(text)
        start, end = to_offset(text, index, params.range.start), to_offset(text, index, params.range.end)
        _, found = ls.findings_at(uri, start, end)
        path = to_fs_path(uri) or uri
        vocabulary_file = ls._engine().config_for(path).vocabulary_file if found else None
        return code_actions(uri, text, found, vocabulary_file)

    @server.command(ADD_WORD)
    async def add_word(ls: FollowupServer, path: str, word: str) -> None:
        from linter.config import append_vocabulary

        try:
            append_vocabulary(path, word)
        except OSError as exc:
            ls.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error, message=f"{path}: cannot add '{word}': {exc.strerror}"))
            return
        ls.reload()
        for uri in list(ls.workspace.text_documents):
            await ls.lint(uri)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: FollowupServer, params: Any) -> None:
        for handle in ls.pending.values():
            handle.cancel()
        ls.pending.clear()
        ls.pool.shutdown(wait=True, cancel_futures=True)

    return server


def main() -> None:
    os.environ.setdefault("FOLLOWUP_LINT_LSP", "1")
    build_server().start_io(sys.stdin.buffer, _protocol_channel())


def _protocol_channel() -> BinaryIO:
    """Standard output as a descriptor of the protocol's own; descriptor 1
    then goes to standard error, so a stray line from native code (Harper
    prints some) or a ``print`` lands in the editor's log, not in the stream."""
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    return channel
