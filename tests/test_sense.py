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
