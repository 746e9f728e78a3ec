"""The sentence model's reading of misspelt words (linter.sense.model) and
the time features of the kind model (linter.sense.kind_model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.sense import kind_model
from linter.sense.kind_model import time_marks
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


@pytest.mark.parametrize(
    ("body", "marks"),
    [
        ("Thank you for seeing me this morning.", (1.0, 0.0)),
        ("It was good to talk YESTERDAY.", (1.0, 0.0)),
        ("We met three weeks ago, so I wanted to check in.", (0.0, 1.0)),
        ("Since our interview I have been thinking about the role.", (0.0, 1.0)),
        ("I enjoyed the tour on Tuesday.", (0.0, 0.0)),
        ("Todays agenda and the yesterdays of the firm.", (0.0, 0.0)),
    ],
)
def test_time_marks_date_the_conversation_as_recent_or_a_while_ago(body: str, marks: tuple[float, float]):
    assert time_marks(body) == marks


def test_every_time_phrase_belongs_to_a_known_group():
    groups = {
        line.split("\t")[0]
        for line in Path(kind_model.__file__).with_name("time_words.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    assert groups == {"recent", "elapsed"}


def test_the_indexed_word_table_answers_as_the_searched_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past its first searches the word table is indexed; every word it
    holds, and words it lacks around them, get the same row either way."""
    from linter.sense import model

    monkeypatch.setattr(model, "_INDEX_AFTER", 3)
    tables = model._Tables(model._HERE)
    rows = [ln for ln in tables._words.split(b"\n") if ln and not ln.startswith(b"#")]
    words = [ln.split(b"\t", 1)[0].decode() for ln in rows]
    asked = [*words[:: 97], "", "?", "zzzzqx", "aaaa", "intrested", "thank", "thanks'", words[0], words[-1], words[-1] + "z"]
    searched = [model._sorted_line(tables._words, (w + "\t").encode()) for w in asked]
    assert [tables._line(w.encode()) for w in asked] == searched
    assert tables._keys is not None and len(tables._keys) == len(words) > 20000
    lacking = [w for w, line in zip(asked, searched) if line is None]
    assert lacking == ["", "zzzzqx", "aaaa", "intrested", "thanks'", words[-1] + "z"]
