"""Change-to-diagnostics latency of ``followup-lint lsp`` (embedded grammar).

    python3 tests/bench_lsp.py [ROUNDS]

Starts the server over stdio like an editor does, opens a draft, then sends
ROUNDS edits (each a full-text change) one at a time and times each from
sending ``didChange`` to receiving the diagnostics for that version. The
debounce (``DEBOUNCE_MS``) is part of what is measured. Prints p50, p90
and max in milliseconds; the target is a p50 within 100 ms.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

DRAFT = Path(__file__).resolve().parent.parent / "examples" / "drafts" / "weak" / "typos-in-thank-you.txt"


async def main(rounds: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-lsp-"))
    (folder / ".followup-lint.yaml").write_text("grammar: embedded\n")
    path = folder / "draft.txt"
    text = DRAFT.read_text()
    path.write_text(text)
    uri = path.as_uri()
    client = LanguageClient("bench", "1")
    arrived: dict[int, float] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        arrived[params.version or 0] = time.perf_counter()
        event.set()

    await client.start_io(sys.executable, "-m", "linter", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    await asyncio.wait_for(event.wait(), 60)  # the first lint warms the backend
    took = []
    for version in range(2, rounds + 2):
        event.clear()
        edited = text.replace("lab.", f"lab{'.' * (version % 3 + 1)}")
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)]))
        while version not in arrived:
            await asyncio.wait_for(event.wait(), 30)
            event.clear()
        took.append((arrived[version] - sent) * 1000)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    took.sort()
    p90 = took[int(len(took) * 0.9) - 1]
    print(f"{rounds} edits: p50 {statistics.median(took):.1f} ms, p90 {p90:.1f} ms, max {took[-1]:.1f} ms")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50))
