"""FL203 long-sentence."""

from __future__ import annotations

from checks.length.long_sentence import CHECK
from linter.models import Severity
from tests.helpers import marked, run_check

LONG = (
    "I also wanted to mention that the project you described, where the team is "
    "moving every monthly report from the old billing system to the new one while "
    "both keep running, sounds like exactly the kind of careful and detailed work "
    "I have enjoyed most in my current role."
)  # 49 words


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL203", "long-sentence", Severity.INFO)
    assert CHECK.options == {"max_words": 35}
    assert CHECK.kinds == frozenset()


def test_example_fires_and_instead_passes():
    found = run_check(CHECK, CHECK.example)
    assert [(f.code, f.message) for f in found] == [
        ("FL203", "sentence has 53 words; split it so each sentence stays within 35")
    ]
    assert run_check(CHECK, CHECK.instead) == []


def test_flags_each_long_sentence_with_its_span():
    text, spans = marked(
        "Hi Dana,\n\nThank you for meeting with me today. [[" + LONG + "]]\n\n"
        "Short one here. [[" + LONG + "]] Another short one.\n\nBest,\nSam"
    )
    found = run_check(CHECK, text)
    assert [(f.code, f.span, f.message, f.severity, f.fix) for f in found] == [
        ("FL203", spans[0], "sentence has 49 words; split it so each sentence stays within 35",
         Severity.INFO, None),
        ("FL203", spans[1], "sentence has 49 words; split it so each sentence stays within 35",
         Severity.INFO, None),
    ]


def test_exactly_max_words_passes():
    sentence = " ".join(["word"] * 34) + " end."
    assert run_check(CHECK, f"Hi Dana,\n\n{sentence}\n\nBest,\nSam") == []


def test_one_over_is_flagged_and_option_applies():
    sentence = " ".join(["word"] * 35) + " end."
    text, (span,) = marked(f"Hi Dana,\n\n[[{sentence}]]\n\nBest,\nSam")
    assert [(f.span, f.message) for f in run_check(CHECK, text)] == [
        (span, "sentence has 36 words; split it so each sentence stays within 35")
    ]
    assert run_check(CHECK, text, options={"max_words": 40}) == []


def test_abbreviations_do_not_split_and_line_breaks_do():
    listy = "\n".join(["- the reporting checks we built for nightly runs"] * 5)
    assert run_check(CHECK, f"Hi Dana,\n\nWe covered:\n{listy}\n\nBest,\nSam") == []
    text, (span,) = marked(
        "Hi Dana,\n\n[[I met Ms. Whitfield and Dr. Lee, e.g. on the call, and we "
        + " ".join(["talked"] * 28)
        + " about it.]]\n\nBest,\nSam"
    )
    assert [(f.span, f.message) for f in run_check(CHECK, text)] == [
        (span, "sentence has 43 words; split it so each sentence stays within 35")
    ]


def test_quoted_reply_and_signature_are_ignored():
    text = (
        "Hi Dana,\n\nThank you for today.\n\nBest,\nSam\n\n"
        "On Mon, Mar 9, 2026, Dana wrote:\n> " + LONG + "\n"
    )
    assert run_check(CHECK, text) == []
