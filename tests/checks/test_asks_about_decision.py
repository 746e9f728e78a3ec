"""FL401 asks-about-decision.

The check reads sentences with the sentence model ("decision" label) plus the
phrasings in ``checks/asks/asks_about_decision.yaml``. Sentences read by the
model are chosen far from the threshold; where an old case sits close to it,
the comment says so.
"""

from __future__ import annotations

import pytest

from checks.asks.asks_about_decision import CHECK
from checks.asks.pressure_language import CHECK as PRESSURE
from linter.context import Context
from linter.models import Severity
from tests.helpers import marked, run_check

THANK_YOU = Context(kind="thank-you")
STATUS = Context(kind="status-check")
GENERAL = Context(kind="general")


def _run(text: str, context: Context | None = THANK_YOU, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def _ask(span, quoted):
    return ("FL401", span, f'asks about the hiring decision: "{quoted}"', Severity.ERROR, None)


def _note(body: str) -> str:
    return f"Hi Dana,\n\nThank you for Tuesday's interview. {body}\n\nBest,\nSam"


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == (
        "FL401", "asks-about-decision", Severity.ERROR)
    assert CHECK.kinds == frozenset()
    assert CHECK.rationale == ("G8", "K3")
    assert CHECK.options == {"extra_phrases": [], "doubt_margin": 0.1, "sure_kind": 0.6}


def test_example_fires_and_instead_passes():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. [[Have you made a decision yet?]]"
        "\n\nBest,\nSam"
    )
    assert text == CHECK.example
    assert _run(CHECK.example, None) == [_ask(span, "Have you made a decision yet?")]
    assert _run(CHECK.instead, None) == []


@pytest.mark.parametrize(
    "question",
    [
        "Did I get the job?",
        "Have you made a decision yet?",
        "I wanted to ask whether you have made a decision on the role.",
        "Could you tell me if you have decided on the position yet?",
        "Any news yet?",
        "Why haven't I heard anything from you?",
        "Is the position filled?",
        "Has the team chosen someone?",
        "Did the panel pick someone else?",
        "Have you had a chance to decide yet?",
    ],
)
def test_blunt_asks_fire_in_any_kind(question: str):
    for ctx in (THANK_YOU, STATUS, GENERAL):
        text, (span,) = marked(_note(f"[[{question}]]"))
        assert _run(text, ctx) == [_ask(span, question)], ctx.kind


# These read just above the model's bar ("decision" about 0.8 against 0.725),
# so they fire in a thank-you or general note but not in a status check,
# where the bar is raised by ``doubt_margin``.
_NEAR_THE_BAR = [
    "I'd like to know if I got it.",
    "Please let me know whether I was selected.",
    "Could you let me know if I've been successful?",
]


@pytest.mark.parametrize("question", _NEAR_THE_BAR)
def test_requests_for_the_outcome_fire_in_a_thank_you_or_general_note(question: str):
    for ctx in (THANK_YOU, GENERAL):
        text, (span,) = marked(_note(f"[[{question}]]"))
        assert _run(text, ctx) == [_ask(span, question)], ctx.kind


@pytest.mark.parametrize("question", _NEAR_THE_BAR)
def test_requests_for_the_outcome_fire_in_a_status_check(question: str):
    text, (span,) = marked(_note(f"[[{question}]]"))
    assert _run(text, STATUS) == [_ask(span, question)]


@pytest.mark.parametrize(
    "question",
    [
        "Can you tell me if I'm through to the next stage?",
        "Will I be moving forward to the next round?",
    ],
)
def test_asking_whether_you_are_through_fires(question: str):
    text, (span,) = marked(_note(f"[[{question}]]"))
    assert _run(text) == [_ask(span, question)]


@pytest.mark.parametrize(
    "sentence",
    [
        # passive: a phrasing from the data
        "Could you tell me whether a final decision has been reached?",
        # about who was picked: a phrasing from the data
        "I wondered whether you've gone with someone else.",
        # a wish to learn the outcome, not a question: a phrasing from the data
        "I'm keen to learn the outcome of the final round.",
    ],
)
def test_decision_asks_in_other_voices_fire(sentence: str):
    for ctx in (THANK_YOU, STATUS, GENERAL):
        text, (span,) = marked(_note(f"[[{sentence}]]"))
        assert _run(text, ctx) == [_ask(span, sentence)], ctx.kind


def test_a_decision_ask_in_the_subject_line_fires_on_the_subject_text():
    text, (span,) = marked(
        "Subject: [[Did I get the warehouse job?]]\n\nHi Dana,\n\nThank you for Tuesday's "
        "interview.\n\nBest,\nSam"
    )
    assert _run(text) == [
        ("FL401", span,
         'the subject line asks about the hiring decision: "Did I get the warehouse job?"',
         Severity.ERROR, None)
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Could you share where things stand?",
        "Is there an update on the timeline?",
        "Could you let me know what the next steps are?",
        "When can I expect to hear back?",
        "I wanted to see if there were any updates on the search.",
    ],
)
def test_one_polite_status_question_is_fine_in_a_status_check(question: str):
    assert _run(_note(question), STATUS) == []


@pytest.mark.parametrize(
    "question",
    [
        "Could you share where things stand?",
        "Is there an update on the timeline?",
        "When will I hear back?",
        "How long until you make your choice?",
        # "When can I expect to hear back?" reads just under the bar in a
        # thank-you note; it is pinned only in a status check (above).
    ],
)
def test_a_timing_question_is_not_a_decision_ask(question: str):
    # In a thank-you note these are FL406's (tests/checks/test_timing_question.py).
    for ctx in (THANK_YOU, STATUS, GENERAL, Context(kind="linkedin"),
                Context(kind="post-rejection")):
        assert _run(_note(question), ctx) == [], ctx.kind


@pytest.mark.parametrize(
    "question",
    [
        "Do you know when a decision will be made?",
        "When do you expect to make a final decision?",
        "When will the team plan to decide?",
    ],
)
def test_asking_when_the_decision_will_be_made_is_a_timing_question(question: str):
    assert _run(_note(question), STATUS) == []


def test_a_process_question_in_a_status_check_is_not_a_decision_ask():
    assert _run(_note("Has the team finished interviewing?"), STATUS) == []


@pytest.mark.parametrize(
    "demand",
    [
        "However, I need an answer by Friday, as another firm is waiting for me.",
        "I need to know whether you want me before the end of the month.",
    ],
)
def test_demands_are_left_to_pressure_language(demand: str):
    # A pressing statement asks nothing; FL402 reports its deadline.
    text = _note(demand)
    for ctx in (THANK_YOU, STATUS):
        assert _run(text, ctx) == [], ctx.kind
    pressure = run_check(PRESSURE, text, context=THANK_YOU)
    assert [f.code for f in pressure] == ["FL402"]
    assert pressure[0].message.startswith("puts a deadline on the employer: ")


def test_a_blunt_question_in_a_status_check_fires_even_as_the_only_one():
    text, (span,) = marked(
        "Hi Dana,\n\nI wanted to follow up on the analyst role. [[Did I get it?]]\n\nBest,\nSam"
    )
    assert _run(text, STATUS) == [_ask(span, "Did I get it?")]


@pytest.mark.parametrize(
    "sentence",
    [
        "I look forward to hearing about next steps.",
        "I know you have not made a decision yet, and I am happy to wait.",
        "I'm not asking whether I got the job; I just wanted to say thanks.",
        "Please let me know if you need anything else from me.",
        "Is there anything else I can send you?",
        "What does a typical week look like for the team?",
        # a hope, not a question or request
        "I hope you can give me some good news soon.",
    ],
)
def test_statements_and_other_questions_pass(sentence: str):
    assert _run(_note(sentence)) == []


def test_one_finding_per_sentence_in_text_order():
    text, spans = marked(
        "Hi Dana,\n\n[[Did I get the job?]] I enjoyed the tour. "
        "[[Have you decided yet, and when will I hear?]]\n\nBest,\nSam"
    )
    assert _run(text) == [
        _ask(spans[0], "Did I get the job?"),
        _ask(spans[1], "Have you decided yet, and when will I hear?"),
    ]


def test_a_long_sentence_is_shortened_in_the_message():
    question = (
        "I was wondering whether you have already made a final decision about the warehouse "
        "supervisor position that we talked about last week?"
    )
    text, (span,) = marked(_note(f"[[{question}]]"))
    assert _run(text) == [
        _ask(span, "I was wondering whether you have already made a final decision about the "
                   "warehouse…")
    ]


def test_questions_in_the_quoted_reply_are_ignored():
    text = (
        "Hi Dana,\n\nThank you for the update.\n\nBest,\nSam\n\n"
        "On Mon, 3 Mar 2026, Dana Li wrote:\n> Have you made a decision about the offer?\n"
    )
    assert _run(text) == []


def test_extra_phrases_from_config():
    sentence = "I would love to find out how the panel voted."
    text, (span,) = marked(_note(f"[[{sentence}]]"))
    assert _run(text, options={"extra_phrases": ["find out how the panel voted"]}) == [
        _ask(span, sentence)
    ]
    assert _run(text) == []


@pytest.mark.parametrize(
    "offer",
    [
        "Please let me know if I can send anything else, such as my driving record.",
        "Tell me whether I should bring my tools to the next stage.",
        "Let me know if there's anything more you need from me.",
    ],
)
def test_an_offer_to_send_or_help_is_no_decision_ask(offer: str):
    from checks.asks.asks_about_decision import _READER

    assert _READER.denies.matches(offer)  # kept from the model's reading, whatever it says
    assert _run(_note(offer)) == []


@pytest.mark.parametrize(
    "offer",
    [
        "Please let me know if you'd like another writing sample or more references.",
        "Let me know if you need a copy of my certificates.",
    ],
)
def test_an_offer_of_more_material_is_no_decision_ask(offer: str):
    for ctx in (THANK_YOU, STATUS, GENERAL):
        assert _run(_note(offer), ctx) == [], ctx.kind
