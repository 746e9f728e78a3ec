"""FL401 asks-about-decision."""

from __future__ import annotations

import pytest

from checks.asks.asks_about_decision import CHECK
from linter.context import Context
from linter.models import Severity
from tests.helpers import marked, run_check

THANK_YOU = Context(kind="thank-you")
STATUS = Context(kind="status-check")


def _run(text: str, context: Context | None = THANK_YOU, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def _blunt(span, quoted):
    return ("FL401", span, f'asks outright about the hiring decision: "{quoted}"', Severity.ERROR, None)


def _note(body: str) -> str:
    return f"Hi Dana,\n\nThank you for Tuesday's interview. {body}\n\nBest,\nSam"


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == (
        "FL401", "asks-about-decision", Severity.ERROR)
    assert CHECK.kinds == frozenset()
    assert CHECK.rationale == ("G8", "K3")
    assert CHECK.options == {"extra_phrases": [], "polite_questions_allowed": 1}


def test_example_fires_and_instead_passes():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. [[Have you made a decision yet?]]"
        "\n\nBest,\nSam"
    )
    assert text == CHECK.example
    assert _run(CHECK.example, None) == [_blunt(span, "Have you made a decision yet?")]
    assert _run(CHECK.instead, None) == []


@pytest.mark.parametrize(
    "question",
    [
        "Did I get the job?",
        "Have you made a decision yet?",
        "I wanted to ask whether you have made a decision on the role.",
        "Could you tell me if you have decided on the position yet?",
        "When will I hear back?",
        "Any news yet?",
        "Why haven't I heard anything from you?",
        "Is the position filled?",
        "I'd like to know if I got it.",
        "Please let me know whether I was selected.",
        "I hope you can give me some good news soon.",
        "Has the team chosen someone?",
        "Did the panel pick someone else?",
        "Can you tell me if I'm through to the next stage?",
        "Could you let me know if I've been successful?",
        "Have you had a chance to decide yet?",
        "Will I be moving forward to the next round?",
    ],
)
def test_blunt_asks_fire_in_any_kind(question: str):
    for ctx in (THANK_YOU, STATUS, Context(kind="general")):
        text, (span,) = marked(_note(f"[[{question}]]"))
        assert _run(text, ctx) == [_blunt(span, question)], ctx.kind


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
        "When can I expect to hear back?",
        "How long until you make your choice?",
        "Do you know when a decision will be made?",
    ],
)
def test_a_polite_status_question_fires_in_a_thank_you_note(question: str):
    text, (span,) = marked(_note(f"[[{question}]]"))
    assert _run(text) == [
        ("FL401", span,
         f'asks about the hiring timeline in a thank-you note; save it for a status check: "{question}"',
         Severity.ERROR, None)
    ]


@pytest.mark.parametrize(
    "demand",
    [
        "However, I need an answer by Friday, as another firm is waiting for me.",
        "I need to know whether you want me before the end of the month.",
    ],
)
def test_demands_for_the_outcome_fire_without_a_question(demand: str):
    for ctx in (THANK_YOU, STATUS):
        text, (span,) = marked(_note(f"[[{demand}]]"))
        assert _run(text, ctx) == [
            ("FL401", span, f'demands an answer about the hiring decision: "{demand}"',
             Severity.ERROR, None)
        ], ctx.kind


def test_process_questions_count_towards_the_one_allowed():
    text, spans = marked(
        "Hi Dana,\n\nI remain very interested in the role. Has the team finished interviewing? "
        "[[Will there be a second round?]] [[When do you expect to make a final decision?]]"
        "\n\nBest,\nSam"
    )
    again = 'asks about the process again; one polite question is enough: "{}"'
    assert _run(text, STATUS) == [
        ("FL401", spans[0], again.format("Will there be a second round?"), Severity.ERROR, None),
        ("FL401", spans[1], again.format("When do you expect to make a final decision?"),
         Severity.ERROR, None),
    ]


@pytest.mark.parametrize(
    ("kind", "label"),
    [("general", "a follow-up note"), ("linkedin", "a LinkedIn note"),
     ("post-rejection", "a reply to a rejection")],
)
def test_the_timeline_message_names_the_kind_of_note(kind: str, label: str):
    question = "Is there an update on the timeline?"
    text, (span,) = marked(_note(f"[[{question}]]"))
    assert _run(text, Context(kind=kind)) == [
        ("FL401", span,
         f'asks about the hiring timeline in {label}; save it for a status check: "{question}"',
         Severity.ERROR, None)
    ]


def test_the_second_polite_question_in_a_status_check_fires():
    text, (span,) = marked(
        "Hi Dana,\n\nI wanted to check in on the analyst role. Is there an update on the timeline? "
        "I remain very interested. [[Could you also tell me how the process is going?]]"
        "\n\nBest,\nSam"
    )
    assert _run(text, STATUS) == [
        ("FL401", span,
         'asks about the process again; one polite question is enough: '
         '"Could you also tell me how the process is going?"',
         Severity.ERROR, None)
    ]


def test_saying_why_you_write_does_not_use_up_the_one_question():
    text = (
        "Hi Dana,\n\nI wanted to see if there were any updates on the analyst role. I remain "
        "very interested. Could you let me know how the process is going?\n\nBest,\nSam"
    )
    assert _run(text, STATUS) == []


def test_saying_why_you_write_is_still_a_timeline_ask_in_a_thank_you_note():
    sentence = "I also wanted to see if there were any updates on the timeline."
    text, (span,) = marked(_note(f"[[{sentence}]]"))
    assert _run(text) == [
        ("FL401", span,
         f'asks about the hiring timeline in a thank-you note; save it for a status check: "{sentence}"',
         Severity.ERROR, None)
    ]


def test_polite_questions_allowed_option():
    text = (
        "Hi Dana,\n\nIs there an update on the timeline? Could you also tell me how the process "
        "is going?\n\nBest,\nSam"
    )
    assert _run(text, STATUS, options={"polite_questions_allowed": 2}) == []


def test_a_blunt_question_in_a_status_check_fires_even_as_the_only_one():
    text, (span,) = marked(
        "Hi Dana,\n\nI wanted to follow up on the analyst role. [[Did I get it?]]\n\nBest,\nSam"
    )
    assert _run(text, STATUS) == [_blunt(span, "Did I get it?")]


@pytest.mark.parametrize(
    "sentence",
    [
        "I look forward to hearing about next steps.",
        "I know you have not made a decision yet, and I am happy to wait.",
        "I'm not asking whether I got the job; I just wanted to say thanks.",
        "Please let me know if you need anything else from me.",
        "Is there anything else I can send you?",
        "What does a typical week look like for the team?",
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
        _blunt(spans[0], "Did I get the job?"),
        _blunt(spans[1], "Have you decided yet, and when will I hear?"),
    ]


def test_a_long_sentence_is_shortened_in_the_message():
    question = (
        "I was wondering whether you have already made a final decision about the warehouse "
        "supervisor position that we talked about last week?"
    )
    text, (span,) = marked(_note(f"[[{question}]]"))
    assert _run(text) == [
        _blunt(span, "I was wondering whether you have already made a final decision about the "
                     "warehouse…")
    ]


def test_questions_in_the_quoted_reply_are_ignored():
    text = (
        "Hi Dana,\n\nThank you for the update.\n\nBest,\nSam\n\n"
        "On Mon, 3 Mar 2026, Dana Li wrote:\n> Have you made a decision about the offer?\n"
    )
    assert _run(text) == []


def test_extra_phrases_from_config():
    text, (span,) = marked(_note("[[Is it a yes or a no?]]"))
    assert _run(text, options={"extra_phrases": ["yes or a no"]}) == [
        _blunt(span, "Is it a yes or a no?")
    ]
    assert _run(text) == []
