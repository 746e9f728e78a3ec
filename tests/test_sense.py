"""The sentence model's reading of misspelt words (linter.sense.model)."""

from __future__ import annotations

import pytest

from linter.datafiles import sorted_line
from linter.sense.model import _one_slip, _tables, sense


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("intrested", "interested"),  # a letter missing
        ("oppurtunity", "opportunity"),  # a vowel wrong
        ("recieve", "receive"),  # two letters swapped
        ("definately", "definitely"),
        ("comittee", "committee"),  # a doubled letter single
    ],
)
def test_a_long_word_one_slip_from_a_common_word_reads_as_that_word(typo: str, word: str):
    assert _tables().respelled(typo) == word
    assert sense(f"I am {typo} today.").probs == sense(f"I am {word} today.").probs


@pytest.mark.parametrize("word", ["realy", "runbook", "failover", "kowalczyk"])
def test_short_words_and_words_with_no_common_neighbour_stay_as_written(word: str):
    assert _tables().respelled(word) == word


def test_a_capitalised_word_is_a_name_and_is_not_respelled():
    jonathan = sense("I met Jonathan on Friday.").probs
    assert _tables().respelled("jonathon") == "jonathan"
    assert sense("I met jonathon on Friday.").probs == jonathan  # in lower case it reads as a slip
    assert sense("I met Jonathon on Friday.").probs != jonathan


def test_one_slip_covers_the_four_kinds_of_slip():
    slips = _one_slip("plan")
    assert {"pan", "lpan", "plon", "plain", "pllan"} <= slips and "plan" not in slips


def test_the_not_of_not_only_and_not_just_is_no_negation():
    from linter.sense.model import word_tokens

    assert word_tokens("Not only did I enjoy it, it's not just a job; I'm not sure.") == [
        "only", "did", "i", "enjoy", "it", "it's", "just", "a", "job", "i'm", "not", "sure",
    ]


def test_the_indexed_word_table_answers_as_the_searched_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its first searches the word table is indexed; every word it
    holds, and words it lacks around them, get the same row either way."""
    from linter.sense import model

    monkeypatch.setattr(model, "_INDEX_AFTER", 3)
    tables = model._Tables(model._HERE)
    rows = [ln for ln in tables._words[:].split(b"\n") if ln and not ln.startswith(b"#")]
    words = [ln.split(b"\t", 1)[0].decode() for ln in rows]
    asked = [*words[:: 97], "", "?", "zzzzqx", "aaaa", "intrested", "thank", "thanks'", words[0], words[-1], words[-1] + "z"]
    searched = [sorted_line(tables._words, (w + "\t").encode()) for w in asked]
    assert [tables._line(w.encode()) for w in asked] == searched
    assert tables._keys is not None and len(tables._keys) == len(words) > 20000
    lacking = [w for w, line in zip(asked, searched) if line is None]
    assert lacking == ["", "zzzzqx", "aaaa", "intrested", "thanks'", words[-1] + "z"]


def _plain_sense(text: str) -> dict[str, float]:
    """``sense`` as a plain loop over words and labels (the reference the
    column sums must equal to the last bit)."""
    import math

    from linter.sense.model import _CAPITALISED, _unknown_tokens, ngram_features, word_tokens

    tables = _tables()
    words = word_tokens(text)
    rows = [tables.word(w) for w in words]
    names = set(word_tokens(" ".join(_CAPITALISED.findall(text))))
    for i, (w, row) in enumerate(zip(words, rows)):
        if row is None and w not in names:
            words[i] = tables.respelled(w)
            rows[i] = tables.word(words[i])
    totals = [0.0] * len(tables.labels)
    tokens = 0
    for w, row in zip(words, rows):
        if row is None:
            tokens += _unknown_tokens(w)
            continue
        tokens += row.tokens
        for i, s in enumerate(row.scores):
            totals[i] += s
    if tokens:
        totals = [t / tokens for t in totals]
    for f in ngram_features(words):
        for i, weight in tables.ngram(f):
            totals[i] += weight
    return {
        label.name: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, label.bias + totals[i]))))
        for i, label in enumerate(tables.labels)
    }


def test_sense_equals_the_plain_loop_on_every_sentence_we_ship() -> None:
    from pathlib import Path

    from linter.draft import parse_draft
    from linter.sense.model import clauses

    root = Path(__file__).resolve().parents[1]
    paths = sorted((root / "examples").rglob("*.txt")) + sorted((root / "tests/accuracy/drafts").glob("*.txt"))
    parts = set()
    for path in paths:
        draft = parse_draft(path.read_text(encoding="utf-8"), str(path))
        for span in draft.sentences:
            parts.update(clauses(draft.text[span.start : span.end]))
    parts.update(["", "?", "Zxqv Blorf.", "Thanks!"])
    assert len(parts) > 500
    for text in sorted(parts):
        assert sense.__wrapped__(text).probs == _plain_sense(text), text
