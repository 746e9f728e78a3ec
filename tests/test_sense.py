"""The sentence model's reading of misspelt words (linter.sense.model)."""

from __future__ import annotations

import pytest

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
