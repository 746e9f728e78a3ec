"""FL602 rejection-reply."""

from __future__ import annotations

from checks.timing.rejection_reply import CHECK
from linter.context import Context
from linter.models import Severity, Span
from tests.helpers import marked, run_check

REJECTED = Context(kind="post-rejection")
PUSH = "pushes back on the decision; a gracious reply keeps the door open instead"
NO_ASK = "the reply does not ask them to keep you in mind for future roles"


def _run(text: str, context: Context = REJECTED, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL602", "rejection-reply", Severity.WARNING)
    assert CHECK.kinds == frozenset({"post-rejection"})


def test_example_fires_and_instead_passes():
    found = run_check(CHECK, CHECK.example)
    assert [(f.code, f.message) for f in found] == [
        ("FL602", f'"I think you made a mistake" {PUSH}'),
        ("FL602", f'"reconsider" {PUSH}'),
        ("FL602", NO_ASK),
    ]
    assert run_check(CHECK, CHECK.instead) == []


def test_gracious_replies_pass():
    for ask in (
        "Please keep me in mind for future openings.",
        "I would be glad if you kept my CV on file.",
        "If a similar role opens up, I would love to hear from you.",
        "I hope we can stay in touch.",
        "Please keep my application in mind for other roles.",
    ):
        text = f"Hi Dana,\n\nThank you for letting me know. {ask}\n\nBest,\nSam"
        assert _run(text) == [], ask


def test_each_pushback_phrase_is_flagged():
    phrases = (
        "I think you made a mistake",
        "you made the wrong decision",
        "reconsider",
        "I disagree",
        "I deserve",
        "can you tell me why",
        "Could you please explain to me why",
        "why I was not selected",
        "I was the best candidate",
        "unfair",
        "I don't understand why",
        "a second chance",
        "make my case",
        "decision is a mistake",
        "look at my application again",
        "take another look",
    )
    for phrase in phrases:
        text, (span,) = marked(
            f"Hi Dana,\n\nThanks for the news, but [[{phrase}]] here. Please keep me in mind "
            "for future roles.\n\nBest,\nSam"
        )
        assert _run(text) == [
            ("FL602", span, f'"{phrase}" {PUSH}', Severity.WARNING, None)
        ], phrase


def test_missing_request_is_an_insertion_point_at_the_end_of_the_body():
    body = "Hi Dana,\n\nThank you for letting me know.\n\nI enjoyed meeting the team."
    text = body + "\n\nBest,\nSam"
    assert _run(text) == [("FL602", Span(len(body), len(body)), NO_ASK, Severity.WARNING, None)]


def test_quoted_rejection_is_not_read():
    text = (
        "Hi Dana,\n\nThank you for letting me know. Please keep me in mind for future roles."
        "\n\nBest,\nSam\n\nOn Mon, Mar 9, 2026, Dana Whitfield wrote:\n"
        "> We will not reconsider; I disagree that the process was unfair.\n"
    )
    assert _run(text) == []


def test_kind_is_inferred_from_the_text():
    text, (span,) = marked(
        "Hi Dana,\n\nI was disappointed to hear I was not selected, and I hope you will "
        "[[reconsider]].\n\nBest,\nSam"
    )
    end = text.index(".\n\nBest") + 1
    assert _run(text, Context()) == [
        ("FL602", span, f'"reconsider" {PUSH}', Severity.WARNING, None),
        ("FL602", Span(end, end), NO_ASK, Severity.WARNING, None),
    ]


def test_other_kinds_are_not_checked():
    text = "Hi Dana,\n\nThank you; I hope you reconsider your timeline.\n\nBest,\nSam"
    assert _run(text, Context(kind="status-check")) == []


def test_text_whose_lower_case_changes_length_keeps_true_offsets():
    text, (span,) = marked(
        "Hi Dana,\n\nİstanbul was lovely, but I hope you will [[reconsider]]. Please keep "
        "me in mind for future roles.\n\nBest,\nSam"
    )
    assert _run(text) == [("FL602", span, f'"reconsider" {PUSH}', Severity.WARNING, None)]
