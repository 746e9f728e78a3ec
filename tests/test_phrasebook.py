"""Phrasings as data: the syntax, derived anchors, and every phrasing file
in checks/ reachable (each example read the way its family says)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.phrasebook import PhraseBook, PhraseError, compile_phrase, load_books
from checks.reading import Reader

ROOT = Path(__file__).resolve().parents[1]
PHRASE_FILES = sorted((ROOT / "checks").rglob("*.yaml"))
LABEL_OF = {
    "no_thanks.yaml": "thanks",
    "no_continued_interest.yaml": "interest",
    "asks_about_decision.yaml": "decision",
    "timing_question.yaml": "timeline",
}


def test_every_phrasing_file_is_known() -> None:
    assert sorted(p.name for p in PHRASE_FILES) == sorted(LABEL_OF)


@pytest.mark.parametrize("path", PHRASE_FILES, ids=lambda p: p.name)
def test_every_phrasing_is_reachable(path: Path) -> None:
    reader = Reader(LABEL_OF[path.name], path)
    books = load_books(str(path), check=True)
    assert set(books) <= {"says", "not"}
    for phrase in books.get("says", PhraseBook(())).phrases:
        assert reader.carries(phrase.example), f"{path.name}: says {phrase.pattern!r} is shadowed on its example"
    for phrase in books.get("not", PhraseBook(())).phrases:
        assert not reader.carries(phrase.example), f"{path.name}: not {phrase.pattern!r} does not hold on its example"


def test_anchors_are_derived_from_the_rarest_required_slot() -> None:
    phrase = compile_phrase("i'm|i_am still interested|keen ... role|job", "I'm still keen on the analyst role")
    assert phrase.anchors == frozenset({"still"})
    assert compile_phrase("[very] grateful", "very grateful").anchors == frozenset({"grateful"})


def test_words_apostrophes_gaps_and_prefixes() -> None:
    phrase = compile_phrase("i'd love ... to contribut*", "I'd love a chance to contribute")
    assert phrase.regex.search("i’d love the chance to contributing here") is not None
    assert phrase.regex.search("i'd love to be a contributor") is None
    book = PhraseBook([phrase])
    assert book.search("So I’d love a real chance to contribute.") == (3, 39)


@pytest.mark.parametrize(
    ("pattern", "example", "message"),
    [
        ("", "x", "empty phrasing"),
        ("[very] contribut*", "very contributing", "'[very] contribut*' has no plain required word to anchor it"),
        ("Thank you", "Thank you", "'Thank' is not a lower-case word"),
        ("thank you", "Thanks a lot", "'thank you' does not match its own example 'Thanks a lot'"),
    ],
)
def test_bad_phrasings_are_refused(pattern: str, example: str, message: str) -> None:
    with pytest.raises(PhraseError) as info:
        compile_phrase(pattern, example)
    assert str(info.value) == message


def test_a_file_with_a_bad_entry_names_the_file_and_family(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text('says:\n  - phrase: "thank you"\n', encoding="utf-8")
    with pytest.raises(PhraseError) as info:
        load_books(str(path), check=True)
    assert str(info.value).startswith("broken.yaml: says: each entry needs a 'phrase' and an 'example'")
