"""FL302 no-continued-interest."""

from __future__ import annotations

import pytest

from checks.content.no_continued_interest import CHECK
from linter.context import Context
from linter.models import Fix, Severity, Span
from tests.helpers import marked, run_check

MESSAGE = "the body never says you are still interested in the role"
REJECTION_MESSAGE = "the reply never asks them to keep you in mind for future roles"
LINE = " I remain very interested in the role and would love to contribute."
REJECTION_LINE = (
    " I would welcome the chance to be considered for future openings, so please keep me in mind."
)
THANK_YOU = Context(kind="thank-you")
REJECTION = Context(kind="post-rejection")


def _run(text: str, context: Context | None = THANK_YOU, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def _flagged(span: Span, message: str = MESSAGE, line: str = LINE):
    """The finding on the whole body ``span``, with the fix at its end."""
    return [
        ("FL302", span, message, Severity.WARNING,
         Fix(Span(span.end, span.end), line, "add a line of continued interest"))
    ]


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == (
        "FL302", "no-continued-interest", Severity.WARNING)
    assert CHECK.kinds == frozenset({"thank-you", "status-check", "general", "post-rejection"})
    assert CHECK.rationale == ("G5", "K1")


def test_example_fires():
    text, (span,) = marked(
        "Hi Dana,\n\n[[Thank you for meeting with me on Tuesday. I look forward to hearing "
        "from you.]]\n\nBest,\nSam"
    )
    assert text == CHECK.example
    assert _run(CHECK.example, None) == _flagged(span)


def test_instead_passes():
    assert _run(CHECK.instead, None) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I am still very interested in the coordinator position.",
        "I'm excited about the opportunity to help the clinic grow.",
        # the model reads this one and the two marked "near the bar" only a
        # little above its threshold; the others carry a phrasing or read far above
        "Our talk left me even more enthusiastic about the role.",
        "I remain enthusiastic and ready to get started.",
        "I'm keen to join the events team.",
        "I would love to contribute to the new booking system.",
        "I'd be thrilled to join such a thoughtful group.",
        "I wanted to reiterate my strong interest in the role.",
        "The role is a great fit, and I'd love to bring my scheduling experience to it.",
        "I'm confident I'd thrive on the night desk and hope to be part of it.",
        "I can't wait to get started on the spring campaign.",  # near the bar
        "I am eager to put my forecasting skills to work for your team.",
        "I am very intrested in joining your team.",
        "Evergreen is my absolute dream company.",
        "I would do anything to work for you.",  # near the bar
        "Our chat made me even keener on the role.",
        "Count me as a very enthusiastic candidate.",
    ],
)
def test_interest_in_many_phrasings_passes(sentence: str):
    text = f"Hi Dana,\n\nThank you for Tuesday. {sentence}\n\nBest,\nSam"
    assert _run(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I look forward to the possibility of working with you.",
        "Northwind sounds like a wonderful place to work.",
        "The position really appeals to me.",
        pytest.param(
            "I would be delighted to accept a place on the team.",
            marks=pytest.mark.xfail(
                strict=True,
                reason="says plainly that the writer wants a place, which a coach counts as "
                "interest; the model reads it under the interest bar and no phrasing covers it",
            ),
        ),
        "This conversation confirmed that I want this job.",
    ],
)
def test_interest_the_model_misses_passes(sentence: str):
    text = f"Hi Dana,\n\nThank you for Tuesday. {sentence}\n\nBest,\nSam"
    assert _run(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "After meeting the crew I want this job more than ever.",
        "I would really love to be part of your team.",
        "The tour of the print room made me want to work there all the more.",
        "I am writing to renew my application for the archivist role.",
        "Talking with the drivers reinforced my interest.",  # the model alone reads it far under the bar
        "The visit strengthened my eagerness to work with the crew.",
    ],
)
def test_interest_stated_in_other_words_passes(sentence: str):
    text = f"Hi Dana,\n\nThank you for showing me round on Monday. {sentence}\n\nBest,\nSam"
    assert _run(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I look forward to hearing from you.",
        "I'm eager to hear back from you.",
        "I was excited to meet the team.",  # reads just under the bar
        "I am no longer excited about the move.",
    ],
)
def test_lookalikes_and_negations_are_not_interest(sentence: str):
    text, (span,) = marked(
        f"Hi Dana,\n\n[[Thank you for Tuesday. {sentence}]]\n\nBest,\nSam"
    )
    assert _run(text) == _flagged(span)


_LOOKALIKE = pytest.mark.xfail(
    strict=True,
    reason="does not say the writer still wants the job; the model reads it as interest",
)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("I'm not sure I'm still interested in the role.", marks=_LOOKALIKE),
        "I'm interested in hearing your thoughts on my portfolio.",
        "I'd be happy to send references.",
    ],
)
def test_lookalikes_read_as_interest_fire(sentence: str):
    text, (span,) = marked(f"Hi Dana,\n\n[[Thank you for Tuesday. {sentence}]]\n\nBest,\nSam")
    assert _run(text) == _flagged(span)


def test_the_fix_names_role_and_company_from_the_context():
    ctx = Context(kind="thank-you", role="Data Analyst", company="Northwind")
    text, (span,) = marked("Hi Dana,\n\n[[Thank you for Tuesday.]]\n\nBest,\nSam")
    line = " I remain very interested in the Data Analyst role at Northwind and would love to contribute."
    assert _run(text, ctx) == _flagged(span, line=line)


def test_the_fix_goes_at_the_end_of_the_last_paragraph():
    text, (span,) = marked(
        "Hi Dana,\n\n[[Thank you for Tuesday.\n\nI enjoyed the tour of the depot.]]"
        "\n\nBest,\nSam"
    )
    assert _run(text) == _flagged(span)


@pytest.mark.parametrize(
    "sentence",
    [
        "Please keep me in mind for future openings.",
        "I would be glad if you kept my CV on file.",
        "I'd like to be considered for any future roles on the team.",
        "I remain interested in other positions at the company.",
    ],
)
def test_after_a_rejection_keeping_in_touch_counts(sentence: str):
    text = f"Hi Dana,\n\nThank you for letting me know. {sentence}\n\nBest,\nSam"
    assert _run(text, REJECTION) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # staying in touch is not asking to be considered again
        "I hope we can stay in touch.",
        # pleading for this post is not asking to be kept in mind for others
        "Please, please reconsider my application.",
    ],
)
def test_after_a_rejection_other_lines_do_not_count(sentence: str):
    text, (span,) = marked(
        f"Hi Dana,\n\n[[Thank you for letting me know. {sentence}]]\n\nBest,\nSam"
    )
    assert _run(text, REJECTION) == _flagged(span, REJECTION_MESSAGE, REJECTION_LINE)


def test_after_a_rejection_the_message_and_fix_ask_to_be_kept_in_mind():
    text, (span,) = marked(
        "Hi Dana,\n\n[[Thank you for letting me know. I enjoyed meeting the team.]]"
        "\n\nBest,\nSam"
    )
    assert _run(text, REJECTION) == _flagged(span, REJECTION_MESSAGE, REJECTION_LINE)


def test_keep_in_touch_is_not_interest_in_a_thank_you_note():
    text, (span,) = marked(
        "Hi Dana,\n\n[[Thank you for Tuesday. I hope we can stay in touch.]]\n\nBest,\nSam"
    )
    assert _run(text) == _flagged(span)


def test_interest_in_the_quoted_reply_does_not_count():
    text, (span,) = marked(
        "Hi Dana,\n\n[[Thank you for the update.]]\n\nBest,\nSam\n\n"
        "On Mon, 3 Mar 2026, Dana Li wrote:\n> Are you still interested in the role?\n"
    )
    assert _run(text) == _flagged(span)


def test_linkedin_notes_are_not_checked():
    text = "Hi Dana,\n\nThank you for the chat. Could we connect here?\n\nSam"
    assert _run(text, Context(kind="linkedin")) == []


def test_extra_phrases_from_config_count_as_interest():
    text, (span,) = marked(
        "Hi Dana,\n\n[[Thank you for Tuesday. The depot is where I belong.]]\n\nBest,\nSam"
    )
    assert _run(text, options={"extra_phrases": ["where i belong"]}) == []
    assert _run(text) == _flagged(span)


def test_an_extra_phrase_that_is_not_phrasing_syntax_counts_as_its_words():
    text, (span,) = marked("Hi Dana,\n\n[[Thank you for Tuesday. Put my name down, please!]]\n\nBest,\nSam")
    assert _run(text) == _flagged(span)
    assert _run(text, options={"extra_phrases": ["my name down, please!"]}) == []
