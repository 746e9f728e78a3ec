"""FL304 no-forward-close."""

from __future__ import annotations

import pytest

from checks.content.no_forward_close import CHECK
from linter.context import Context
from linter.models import Fix, Severity, Span
from tests.helpers import marked, run_check

MESSAGE = (
    "the note ends without a forward-looking close (that you look forward to hearing "
    "from them, or an offer to send anything they need)"
)
LINE = " I look forward to hearing from you, and I am happy to send anything else you need."
THANK_YOU = Context(kind="thank-you")


def _run(text: str, context: Context | None = THANK_YOU, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def _flagged(span: Span):
    """The finding on the last body sentence ``span``, with the fix just after it."""
    at = Span(span.end, span.end)
    return [("FL304", span, MESSAGE, Severity.INFO, Fix(at, LINE, "add a forward-looking close"))]


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL304", "no-forward-close", Severity.INFO)
    assert CHECK.kinds == frozenset({"thank-you", "status-check", "general"})
    assert CHECK.rationale == ("G7",)


def test_example_fires_and_instead_passes():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. [[I enjoyed hearing about the "
        "reporting backlog.]]\n\nBest,\nSam"
    )
    assert text == CHECK.example
    assert _run(CHECK.example, None) == _flagged(span)
    assert _run(CHECK.instead, None) == []


@pytest.mark.parametrize(
    "close",
    [
        "I look forward to hearing from you.",
        "Looking forward to the next steps!",
        "I'm happy to provide references if they would help.",
        "Please let me know if you need anything else from me.",
        "Don't hesitate to contact me with any questions.",
        "If you need samples of my work, just say the word.",
        "I hope to stay in touch either way.",
        "Talk soon.",
        "I hope to hear from you soon.",
        "In the meantime, my portfolio is online.",
        "Feel free to reach out to me at any time.",
    ],
)
def test_forward_looking_closes_pass(close: str):
    text = f"Hi Dana,\n\nThank you for Tuesday. I enjoyed the tour. {close}\n\nBest,\nSam"
    assert _run(text) == []


@pytest.mark.parametrize("sign_off", ["Looking forward,", "Talk soon,"])
def test_a_forward_looking_sign_off_counts(sign_off: str):
    text = f"Hi Dana,\n\nThank you for Tuesday. I enjoyed the tour.\n\n{sign_off}\nSam"
    assert _run(text) == []


def test_a_plain_sign_off_does_not_count():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you for Tuesday.\n\n[[I enjoyed the tour of the depot.]]"
        "\n\nKind regards,\nSam"
    )
    assert _run(text) == _flagged(span)


def test_looking_back_is_not_looking_forward():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you for the conversation about next quarter's audit. "
        "[[It was a pleasure to meet you and the team.]]\n\nBest,\nSam"
    )
    assert _run(text) == _flagged(span)


def test_a_close_in_the_quoted_reply_does_not_count():
    text, (span,) = marked(
        "Hi Dana,\n\n[[Thank you for the update.]]\n\nBest,\nSam\n\n"
        "On Mon, 3 Mar 2026, Dana Li wrote:\n> Let me know if you have questions.\n"
    )
    assert _run(text) == _flagged(span)


def test_other_kinds_are_not_checked():
    text = "Hi Dana,\n\nThank you for letting me know.\n\nBest,\nSam"
    assert _run(text, Context(kind="post-rejection")) == []
    assert _run(text, Context(kind="linkedin")) == []


def test_extra_phrases_from_config_count():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you for Tuesday. [[Catch you at the open day.]]\n\nBest,\nSam"
    )
    assert _run(text, options={"extra_phrases": ["catch you at"]}) == []
    assert _run(text) == _flagged(span)


def test_a_close_earlier_in_the_body_counts():
    text = (
        "Hi Dana,\n\nThank you for Tuesday. I look forward to hearing from you.\n\n"
        "P.S. The photos of the depot are attached.\n\nBest,\nSam"
    )
    assert _run(text) == []
    text = (
        "Hi Dana,\n\nI look forward to hearing from you about the role.\n\nThank you again "
        "for the tour of the depot.\n\nBest,\nSam"
    )
    assert _run(text) == []


def test_a_note_with_no_body_is_not_checked():
    assert _run("Hi Dana,\n\nBest,\nSam") == []
