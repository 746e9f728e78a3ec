"""The language server's pure parts: positions in UTF-16 units and the
front-matter edits behind "ignore for this draft" and "add to vocabulary"."""

from __future__ import annotations

from lsprotocol import types

from linter.lsp.convert import to_offset, to_position
from linter.lsp.front_matter import add_setting
from linter.positions import LineIndex


def _apply(text: str, key: str, value: str) -> str:
    edit = add_setting(text, key, value)
    assert edit is not None
    start, end, new = edit
    return text[:start] + new + text[end:]


def test_positions_count_utf16_units_and_all_line_breaks() -> None:
    text = "Hi 😀 Dana,\r\nThanks\rfor\nit"
    index = LineIndex(text)
    dana = text.index("Dana")
    assert to_position(text, index, dana) == types.Position(line=0, character=6)
    assert to_offset(text, index, types.Position(line=0, character=6)) == dana
    assert to_position(text, index, text.index("for")) == types.Position(line=2, character=0)
    assert to_offset(text, index, types.Position(line=1, character=99)) == text.index("\rfor")


def test_front_matter_is_added_or_only_its_entry_rewritten() -> None:
    assert _apply("Hi Dana,\n", "ignore", "FL304") == "---\nfollowup-lint: {ignore: [FL304]}\n---\nHi Dana,\n"
    text = "---\ncompany: Acme   # kept as written\nfollowup-lint:\n  vocabulary:\n    - Quorvex\nrole: analyst\n---\nHi\n"
    assert _apply(text, "ignore", "FL101") == (
        "---\ncompany: Acme   # kept as written\n"
        "followup-lint: {vocabulary: [Quorvex], ignore: [FL101]}\nrole: analyst\n---\nHi\n"
    )
    crlf = "---\r\nkind: linkedin\r\n---\r\nHi\r\n"
    assert _apply(crlf, "vocabulary", "Quorvex") == "---\r\nkind: linkedin\r\nfollowup-lint: {vocabulary: [Quorvex]}\r\n---\r\nHi\r\n"
    assert add_setting("---\nfollowup-lint: {ignore: [FL101]}\n---\n", "ignore", "FL101") is None
    assert add_setting("---\n: [\n---\nHi\n", "ignore", "FL101") is None  # unreadable: left alone
