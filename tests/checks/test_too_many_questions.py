"""FL404 too-many-questions."""

from __future__ import annotations

import pytest

from checks.asks.too_many_questions import CHECK
from linter.context import Context
from linter.models import Severity
from tests.helpers import marked, run_check

THANK_YOU = Context(kind="thank-you")


def _run(text: str, context: Context | None = THANK_YOU, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def _f(span, count, first, limit=3):
    return (
        "FL404", span,
        f'asks {count} questions; more than {limit} tends to cost replies, starting with: "{first}"',
        Severity.WARNING, None,
    )


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL404", "too-many-questions", Severity.WARNING)
    assert CHECK.kinds == frozenset()
    assert CHECK.options == {"max_questions": 3}
    assert CHECK.rationale == ("G9",)


def test_example_fires_and_instead_passes():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you for Tuesday. How big is the team? Who would I report to? "
        "What tools do you use? [[How is success measured?]]\n\nBest,\nSam"
    )
    assert text == CHECK.example
    assert _run(CHECK.example, None) == [_f(span, 4, "How is success measured?")]
    assert _run(CHECK.instead, None) == []


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_up_to_three_questions_pass(count: int):
    questions = " ".join(["Which shifts would I cover?"] * count)
    assert _run(f"Hi Dana,\n\nThank you for Tuesday. {questions}\n\nBest,\nSam") == []


def test_the_span_runs_from_the_fourth_question_to_the_last():
    text, (span,) = marked(
        "Hi Dana,\n\nWho leads the team? How big is it? What tools do you use?\n\n"
        "[[Is there on-call work? I enjoyed the tour. Do you hire in spring?]]\n\n"
        "I look forward to hearing from you.\n\nBest,\nSam"
    )
    assert _run(text) == [_f(span, 5, "Is there on-call work?")]


def test_doubled_question_marks_count_once():
    text, (span,) = marked(
        "Hi Dana,\n\nIs it open?? Who decides?! When?? [[Where??]]\n\nBest,\nSam"
    )
    assert _run(text) == [_f(span, 4, "Where??")]


def test_max_questions_option():
    text, (span,) = marked("Hi Dana,\n\nWho leads it? [[How big is it?]]\n\nBest,\nSam")
    assert _run(text, options={"max_questions": 1}) == [_f(span, 2, "How big is it?", limit=1)]


def test_questions_outside_the_body_do_not_count():
    text = (
        "Subject: Any news?\n\nHi Dana,\n\nWho leads it? How big is it? What do you use?\n\n"
        "Best,\nSam\n\nOn Mon, 3 Mar 2026, Dana Li wrote:\n> Any questions? Any at all?\n"
    )
    assert _run(text) == []


def test_a_question_mark_inside_a_sentence_is_not_a_question():
    text = (
        "Hi Dana,\n\nWho leads it? How big is it? What do you use? I read the post "
        "\"Why queues?\" on your blog and liked it.\n\nBest,\nSam"
    )
    assert _run(text) == []
