"""FL201 body-length."""

from __future__ import annotations

from checks.length.body_length import CHECK
from linter.context import Context
from linter.models import Severity, Span
from tests.helpers import marked, run_check

BAND = "keep a follow-up between 25 and 300 words"


def _words(n: int) -> str:
    return " ".join(f"word{i}" for i in range(n - 1)) + " end."


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL201", "body-length", Severity.WARNING)
    assert CHECK.options == {"min_words": 25, "max_words": 300}
    assert "linkedin" not in CHECK.kinds
    assert CHECK.kinds == frozenset({"thank-you", "status-check", "post-rejection", "general"})


def test_example_fires_and_instead_passes():
    found = run_check(CHECK, CHECK.example)
    assert [(f.code, f.message, f.severity) for f in found] == [
        ("FL201", f"body has 5 words: too short to say anything; {BAND}", Severity.ERROR)
    ]
    assert run_check(CHECK, CHECK.instead) == []


def test_ten_words_or_fewer_is_an_error_on_the_first_sentence():
    text, (span,) = marked(
        "Hi Dana,\n\n[[Thanks so much for the chat today.]] Really great.\n\nBest,\nSam"
    )
    found = run_check(CHECK, text)
    assert [(f.span, f.message, f.severity, f.fix) for f in found] == [
        (span, f"body has 9 words: too short to say anything; {BAND}", Severity.ERROR, None)
    ]


def test_one_word():
    text, (span,) = marked("Hi Dana,\n\n[[Noted.]]\n\nSam")
    found = run_check(CHECK, text, context=Context(kind="thank-you"))
    assert [(f.span, f.message, f.severity) for f in found] == [
        (span, f"body has 1 word: too short to say anything; {BAND}", Severity.ERROR)
    ]


def test_eleven_to_twenty_four_words_is_a_warning():
    body = (
        "Thank you for meeting with me today about the analyst role. "
        "I enjoyed our talk about the billing migration."
    )
    text, (span,) = marked(
        "Hi Dana,\n\n[[Thank you for meeting with me today about the analyst role.]]"
        + body[len("Thank you for meeting with me today about the analyst role.") :]
        + "\n\nBest,\nSam"
    )
    found = run_check(CHECK, text)
    assert [(f.span, f.message, f.severity) for f in found] == [
        (span, f"body has 19 words; {BAND}", Severity.WARNING)
    ]


def test_within_band_passes_at_both_edges():
    for n in (25, 300):
        text = f"Hi Dana,\n\nThank you. {_words(n - 2)}\n\nBest,\nSam"
        assert run_check(CHECK, text, context=Context(kind="thank-you")) == []


def test_over_max_words():
    first = "Thank you for meeting with me today."
    text, (span,) = marked(
        f"Hi Dana,\n\n[[{first}]] {_words(294)}\n\n{_words(20)}\n\nBest,\nSam"
    )
    found = run_check(CHECK, text, context=Context(kind="thank-you"))
    assert [(f.span, f.message, f.severity) for f in found] == [
        (span, f"body has 321 words; {BAND}", Severity.WARNING)
    ]


def test_options_change_the_band():
    text, (span,) = marked(f"Hi Dana,\n\n[[Thank you.]] {_words(58)}\n\nBest,\nSam")
    found = run_check(
        CHECK, text, options={"min_words": 10, "max_words": 50}, context=Context(kind="thank-you")
    )
    assert [(f.span, f.message) for f in found] == [
        (span, "body has 60 words; keep a follow-up between 10 and 50 words")
    ]


def test_empty_body_is_an_insertion_point_after_the_greeting():
    text = "Hi Dana,\n\nBest,\nSam"
    found = run_check(CHECK, text, context=Context(kind="thank-you"))
    assert [(f.span, f.message, f.severity) for f in found] == [
        (Span(8, 8), f"the message has no body text; {BAND}", Severity.ERROR)
    ]


def test_subject_signature_and_quoted_reply_are_not_counted():
    body = " ".join(["Thank you for meeting with me today about the analyst role."] * 3)
    quoted = "\n".join("> " + _words(40) for _ in range(10))
    text = (
        "Subject: Thank you for the interview today with the whole team\n\n"
        f"Hi Dana,\n\n{body}\n\nBest regards,\nSam Ortiz\nsam@example.com\n555-201-7788\n\n"
        f"On Mon, Mar 9, 2026, Dana Whitfield wrote:\n{quoted}\n"
    )
    assert run_check(CHECK, text, context=Context(kind="thank-you")) == []


def test_linkedin_notes_are_not_checked():
    assert run_check(CHECK, "Hi Dana,\n\nThanks!\n\nSam", context=Context(kind="linkedin")) == []
