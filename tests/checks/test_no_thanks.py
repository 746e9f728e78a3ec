"""FL303 no-thanks."""

from __future__ import annotations

import pytest

from checks.content.no_thanks import CHECK
from linter.context import Context
from linter.models import Fix, Severity, Span
from tests.helpers import marked, run_check

MESSAGE = "the body never thanks the reader for their time or the conversation"
GENERIC_LINE = "Thank you for taking the time to talk with me. "
THANK_YOU = Context(kind="thank-you")


def _run(text: str, context: Context | None = THANK_YOU, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def _flagged(span: Span, line: str = GENERIC_LINE):
    return [
        ("FL303", span, MESSAGE, Severity.WARNING,
         Fix(Span(span.start, span.start), line, "open with a thank-you"))
    ]


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL303", "no-thanks", Severity.WARNING)
    assert CHECK.kinds == frozenset()
    assert CHECK.rationale == ("G3",)
    assert CHECK.options == {"extra_phrases": []}


def test_example_fires_and_instead_passes():
    text, (span,) = marked(
        "Hi Dana,\n\n[[I wanted to follow up on Tuesday's interview for the analyst role.]]"
        "\n\nThanks,\nSam"
    )
    assert text == CHECK.example
    assert _run(CHECK.example, None) == _flagged(span)
    assert _run(CHECK.instead, None) == []


@pytest.mark.parametrize(
    "body",
    [
        "Thank you for meeting with me on Monday to talk about the warehouse role.",
        "Thanks so much for walking me through the new picking system yesterday.",
        "I wanted to send a quick thank-you for Thursday's panel interview.",
        "I'm grateful for the hour you spent with me and for the tour of the lab.",
        "I really appreciated hearing how the night team handles returns.",
        "I appreciate your time and the chance to meet the rest of the crew.",
        "Many thanks, too, for introducing me to Priya after the interview.",
        "It was a pleasure to meet you. I want to express my gratitude for the tour.",
        "Please pass on my appreciation to the panel.",
    ],
)
def test_thanks_in_many_phrasings_pass(body: str):
    assert _run(f"Hi Dana,\n\n{body} I look forward to hearing from you.\n\nBest,\nSam") == []


def test_thanks_after_a_rejection_pass():
    ctx = Context(kind="post-rejection")
    text = "Hi Dana,\n\nThank you for letting me know, and for considering me.\n\nBest,\nSam"
    assert _run(text, ctx) == []


def test_a_bare_thanks_sign_off_does_not_count():
    text, (span,) = marked(
        "Hi Dana,\n\n[[I wanted to check in about the analyst role. I remain very interested.]]"
        "\n\nThanks,\nSam"
    )
    assert _run(text) == _flagged(span)


@pytest.mark.parametrize(
    "first",
    [
        "If you could share an update, that would be much appreciated.",
        "I would be grateful if you could tell me where things stand.",
        "I'd appreciate an update when you have one.",
        "Thanks to the new rota system, my availability has opened up.",
        "Lovely meeting you and the crew on Friday.",
        "The tasting session was such fun.",
    ],
)
def test_requests_and_lookalikes_are_not_thanks(first: str):
    text, (span,) = marked(f"Hi Dana,\n\n[[{first} I am still keen on the role.]]\n\nBest,\nSam")
    assert _run(text) == _flagged(span)


def test_the_fix_names_the_role_from_the_context():
    ctx = Context(kind="thank-you", role="Data Analyst")
    text, (span,) = marked("Hi Dana,\n\n[[I enjoyed our talk.]]\n\nBest,\nSam")
    line = "Thank you for taking the time to talk with me about the Data Analyst role. "
    assert _run(text, ctx) == _flagged(span, line)


def test_the_fix_after_a_rejection_thanks_them_for_letting_you_know():
    ctx = Context(kind="post-rejection")
    text, (span,) = marked(
        "Hi Dana,\n\n[[I am sorry to hear the news. Please keep me in mind.]]\n\nBest,\nSam"
    )
    line = "Thank you for letting me know, and for the time you gave me. "
    assert _run(text, ctx) == _flagged(span, line)


def test_thanks_in_the_quoted_reply_does_not_count():
    text, (span,) = marked(
        "Hi Dana,\n\n[[I wanted to follow up on my application.]]\n\nBest,\nSam\n\n"
        "On Mon, 3 Mar 2026, Dana Li wrote:\n> Thank you for applying to the role.\n"
    )
    assert _run(text) == _flagged(span)


def test_thanks_in_the_subject_does_not_count():
    text, (span,) = marked(
        "Subject: Thank you\n\nHi Dana,\n\n[[I enjoyed Tuesday's interview.]]\n\nBest,\nSam"
    )
    assert _run(text) == _flagged(span)


def test_a_note_with_no_body_is_left_to_the_length_checks():
    assert _run("Hi Dana,\n\nBest,\nSam") == []


def test_informal_thanks_counts_without_configuration():
    # The old phrase list needed "cheers for" in the config; the model reads it as thanks.
    assert _run("Hi Dana,\n\nCheers for the chat on Friday.\n\nBest,\nSam") == []


def test_extra_phrases_from_config_count_as_thanks():
    text, (span,) = marked("Hi Dana,\n\n[[Friday's chat was a real gift.]]\n\nBest,\nSam")
    assert _run(text, options={"extra_phrases": ["a real gift"]}) == []
    assert _run(text) == _flagged(span)


@pytest.mark.parametrize("closing", ["Thank you.", "Many thanks!", "Thanks so much."])
def test_a_bare_thanks_ending_the_body_thanks_for_nothing(closing: str):
    text, (span,) = marked(
        f"Hi Dana,\n\n[[I have attached the references you asked for. Let me know if you need more. "
        f"{closing}]]\n\nBest,\nSam"
    )
    assert _run(text) == _flagged(span)


def test_thanks_for_something_at_the_end_of_the_body_counts():
    text = (
        "Hi Dana,\n\nI have attached the references you asked for. "
        "Thank you for your time on Monday.\n\nBest,\nSam"
    )
    assert _run(text) == []


def test_a_pleasantry_does_not_hide_thanks_in_the_same_sentence():
    text = "Hi Dana,\n\nGreat meeting you, and thank you for the tour of the bakery.\n\nBest,\nSam"
    assert _run(text) == []
