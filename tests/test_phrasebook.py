"""Phrasings as data: the syntax, derived anchors, and every phrasing file
in checks/ reachable (each example read the way its family says)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.phrasebook import (
    PhraseBook,
    PhraseError,
    compile_phrase,
    family_matches,
    load_books,
    user_book,
)
from checks.reading import Reader

ROOT = Path(__file__).resolve().parents[1]
PHRASE_FILES = sorted((ROOT / "checks").rglob("*.yaml"))
LABEL_OF = {
    "no_thanks.yaml": "thanks",
    "no_continued_interest.yaml": "interest",
    "asks_about_decision.yaml": "decision",
    "timing_question.yaml": "timeline",
}

# files read family by family (checks.phrasebook.family_matches): their families
FAMILIES_OF = {
    "no_forward_close.yaml": {"close", "signoff"},
    "pressure_language.yaml": {"deadline", "offer", "urgent", "reproach", "threat", "not"},
    "premature_offer_question.yaml": {
        "pay", "time off", "benefits", "the start date", "remote work", "relocation costs", "not"},
    "over_eager_tone.yaml": {"flattery", "desperate", "chasing", "not"},
    "requests.yaml": {"request"},
}


def test_every_phrasing_file_is_known() -> None:
    assert sorted(p.name for p in PHRASE_FILES) == sorted([*LABEL_OF, *FAMILIES_OF])


@pytest.mark.parametrize("path", [p for p in PHRASE_FILES if p.name in LABEL_OF], ids=lambda p: p.name)
def test_every_phrasing_is_reachable(path: Path) -> None:
    reader = Reader(LABEL_OF[path.name], path)
    books = load_books(str(path), check=True)
    assert set(books) <= {"says", "not"}
    for phrase in books.get("says", PhraseBook(())).phrases:
        assert reader.carries(phrase.example), f"{path.name}: says {phrase.pattern!r} is shadowed on its example"
    for phrase in books.get("not", PhraseBook(())).phrases:
        assert not reader.carries(phrase.example), f"{path.name}: not {phrase.pattern!r} does not hold on its example"


@pytest.mark.parametrize("path", [p for p in PHRASE_FILES if p.name in FAMILIES_OF], ids=lambda p: p.name)
def test_every_phrasing_of_a_family_file_is_reachable(path: Path) -> None:
    books = load_books(str(path), check=True)
    assert set(books) == FAMILIES_OF[path.name]
    others = {name: book for name, book in books.items() if name != "not"}
    for name, book in others.items():
        for phrase in book.phrases:
            hits = {family for _, _, family in family_matches(books, phrase.example)}
            assert name in hits, f"{path.name}: {name} {phrase.pattern!r} is shadowed on its example"
    for phrase in books.get("not", PhraseBook(())).phrases:
        (start, end), *_ = books["not"].finditer(phrase.example)
        voided = [s for book in others.values() for s, e in book.finditer(phrase.example) if s < end and start < e]
        kept = [s for s, e, _ in family_matches(books, phrase.example) if s < end and start < e]
        assert voided and not kept, f"{path.name}: not {phrase.pattern!r} voids nothing on its example"


def test_anchors_are_derived_from_the_rarest_required_slot() -> None:
    phrase = compile_phrase("i'm|i_am still interested|keen ... role|job", "I'm still keen on the analyst role")
    assert phrase.anchors == frozenset({"still"})
    assert compile_phrase("[very] grateful", "very grateful").anchors == frozenset({"grateful"})
    # very common words make poor anchors, and long words are rarer than short ones
    assert compile_phrase("the|your best company", "your best company").anchors == frozenset({"company"})
    assert compile_phrase("time is running out", "time is running out").anchors == frozenset({"running"})
    assert compile_phrase("i'd|i_would like", "I'd like").anchors == frozenset({"like"})


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


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("reply ... by {number}", "Please reply to me by 5pm.", "reply to me by 5pm"),
        ("reply [*] by {number}", "Please reply by 10/12.", "reply by 10/12"),
        ("reply [*] by {number}", "Reply soon by 3:30pm", "Reply soon by 3:30pm"),
        ("by *day", "by Thursday or by midday", "by Thursday"),
        ("need it by {time}", "I need it by the end of the week.", "need it by the end of the week"),
        ("need it by {time}", "I need it by June 5th, please.", "need it by June 5th"),
        ("compensation [package]", "What compensation?", "compensation"),
        ("compensation [package]", "The compensation package?", "compensation package"),
        ("please|please, i beg", "Please, I beg you.", "Please, I beg"),
    ],
)
def test_any_word_suffixes_named_classes_and_a_last_optional_slot(pattern: str, text: str, found: str) -> None:
    span = PhraseBook([compile_phrase(pattern, text)]).search(text)
    assert span is not None and text[span[0] : span[1]] == found


def test_named_classes_and_any_word_cannot_anchor() -> None:
    with pytest.raises(PhraseError) as info:
        compile_phrase("* {number} *day", "the 5th monday")
    assert str(info.value) == "'* {number} *day' has no plain required word to anchor it"
    assert compile_phrase("by {number}", "by 5pm").anchors == frozenset({"by"})


def test_finditer_gives_every_match_longest_first() -> None:
    book = PhraseBook([compile_phrase("asap", "asap"), compile_phrase("reply asap", "reply asap")])
    assert book.finditer("Reply ASAP, really asap.") == [(0, 10), (6, 10), (19, 23)]


def test_family_matches_leave_out_what_a_not_phrasing_covers() -> None:
    books = {
        "urgent": PhraseBook([compile_phrase("immediately", "immediately")]),
        "not": PhraseBook([compile_phrase("i can start immediately", "I can start immediately")]),
    }
    extra = ("mine", user_book(("right now",)))
    text = "I can start immediately; please reply immediately or right now."
    assert family_matches(books, text, extra) == [(38, 49, "urgent"), (53, 62, "mine")]


def test_configured_phrasings_use_the_syntax_or_else_their_literal_words() -> None:
    book = user_book(("[very] keen|eager", "Company car!", "!!!"))
    assert [p.pattern for p in book.phrases] == ["[very] keen|eager", "Company car!"]
    assert book.finditer("A company car! I am very eager.") == [(2, 14), (20, 30)]


def test_the_model_reads_only_sentences_of_three_words_or_more(tmp_path: Path, monkeypatch) -> None:
    """A lone "Goodnight." is read by the model's bias alone: below
    ``MIN_MODEL_WORDS`` only the phrasings decide."""
    from checks import reading
    from linter.sense import Sense

    monkeypatch.setattr(reading, "sense", lambda text: Sense({"interest": 0.9}, {"interest": 0.5}))
    path = tmp_path / "book.yaml"
    path.write_text('says:\n  - phrase: "count me in"\n    example: "Count me in."\n', encoding="utf-8")
    reader = Reader("interest", path)
    assert reading.MIN_MODEL_WORDS == 3
    assert [reader.carries(t) for t in ("Goodnight.", "Talk soon.", "Talk soon, Dana.")] == [False, False, True]
    assert reader.carries("Count me in!") is True


def test_a_phrasing_that_holds_its_own_negator_is_undone_only_by_one_before_it(tmp_path: Path) -> None:
    path = tmp_path / "book.yaml"
    path.write_text(
        'says:\n  - phrase: "why ... haven\'t ... heard"\n    example: "Why haven\'t I heard anything?"\n'
        '  - phrase: "still interested"\n    example: "I am still interested."\n',
        encoding="utf-8",
    )
    reader = Reader("decision", path)
    assert reader.said("Why haven't I heard anything yet?") is True
    assert reader.said("It's not a matter of why I haven't heard back.") is False
    assert reader.said("I'm not sure I am still interested.") is False
