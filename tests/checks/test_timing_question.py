"""FL406 timing-question.

The check reads sentences with the sentence model ("timeline" label) plus the
phrasings in ``checks/asks/timing_question.yaml``. Sentences read by the
model are chosen far from the threshold.
"""

from __future__ import annotations

import pytest

from checks.asks.asks_about_decision import CHECK as DECISION
from checks.asks.timing_question import CHECK
from linter.context import Context
from linter.models import Severity
from tests.helpers import marked, run_check

THANK_YOU = Context(kind="thank-you")
STATUS = Context(kind="status-check")


def _run(text: str, context: Context | None = THANK_YOU, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def _in_thanks(span, quoted):
    return ("FL406", span,
            f'asks about timing in a thank-you note; save it for a status check: "{quoted}"',
            Severity.WARNING, None)


def _again(span, quoted):
    return ("FL406", span,
            f'asks about timing again; one polite question is enough: "{quoted}"',
            Severity.WARNING, None)


def _note(body: str) -> str:
    return f"Hi Dana,\n\nThank you for Tuesday's interview. {body}\n\nBest,\nSam"


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == (
        "FL406", "timing-question", Severity.WARNING)
    assert CHECK.kinds == frozenset({"thank-you", "status-check"})
    assert CHECK.rationale == ("K3", "G8")
    assert CHECK.options == {"allowed_in_status_check": 1, "sure_kind": 0.6}


def test_instead_passes():
    assert _run(CHECK.instead) == []
    assert _run(CHECK.instead, None) == []


@pytest.mark.xfail(
    strict=True,
    reason="the check's own example: 'when do you expect to make your choice?' is read as a "
    "decision ask (FL401 fires on it), not as a timing question, and no phrasing covers "
    "'make your choice'",
)
def test_example_fires_in_a_thank_you_note():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday about the warehouse planning "
        "role. [[When do you expect to make your choice?]]\n\nBest,\nSam"
    )
    assert text == CHECK.example
    assert _run(text) == [_in_thanks(span, "When do you expect to make your choice?")]


def test_a_timing_question_in_a_thank_you_note_given_in_front_matter_fires():
    question = "Do you know when you'll be deciding on offers?"
    text, (span,) = marked(
        "---\nkind: thank-you\n---\nHi Dana,\n\nThank you for meeting with me on Tuesday "
        f"about the planner role. [[{question}]]\n\nBest,\nSam"
    )
    assert _run(text, None) == [_in_thanks(span, question)]


@pytest.mark.parametrize(
    "question",
    [
        "Could you share where things stand?",
        "Is there an update on the timeline?",
        "Could you let me know what the next steps are?",
        "When can I expect to hear back?",
        "When will I hear back?",
        "Will there be a second round?",
        "Is there an updated timeline for the process?",
    ],
)
def test_timing_questions_fire_in_a_thank_you_note(question: str):
    text, (span,) = marked(_note(f"[[{question}]]"))
    assert _run(text) == [_in_thanks(span, question)]


@pytest.mark.xfail(
    strict=True,
    reason="asking how long until they choose is a timing question; the model reads it "
    "well under the bar and no phrasing covers it",
)
def test_how_long_until_you_choose_fires_in_a_thank_you_note():
    question = "How long until you make your choice?"
    text, (span,) = marked(_note(f"[[{question}]]"))
    assert _run(text) == [_in_thanks(span, question)]


@pytest.mark.xfail(
    strict=True,
    reason="'I wanted to see if there were any updates' is an indirect ask for news, out of "
    "place in a thank-you note; it is neither a question nor read as a request",
)
def test_saying_you_wanted_an_update_is_a_timing_ask_in_a_thank_you_note():
    sentence = "I also wanted to see if there were any updates on the timeline."
    text, (span,) = marked(_note(f"[[{sentence}]]"))
    assert _run(text) == [_in_thanks(span, sentence)]


def test_a_question_about_the_workplace_is_not_a_timing_question():
    assert _run(_note("Is the old loading dock still in use?")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I look forward to the next steps.",
        "Please let me know if you need anything else from me.",
        "What does a typical week look like for the team?",
        "I look forward to hearing from you.",
    ],
)
def test_statements_and_other_questions_pass(sentence: str):
    assert _run(_note(sentence)) == []


@pytest.mark.parametrize(
    "question",
    [
        "Could you share where things stand?",
        "Is there an update on the timeline?",
        "Could you let me know what the next steps are?",
        "When can I expect to hear back?",
    ],
)
def test_one_polite_timing_question_is_fine_in_a_status_check(question: str):
    assert _run(_note(question), STATUS) == []


def test_a_status_check_given_in_front_matter_allows_one_and_flags_the_second():
    first = "Do you know when you'll be deciding on offers?"
    second = "Is there an updated timeline for the process?"
    head = (
        "---\nkind: status-check\n---\nHi Dana,\n\nI wanted to check in on the planner role, "
        "which I remain keen on. "
    )
    one = f"{head}{first}\n\nBest,\nSam"
    assert _run(one, None) == []
    assert run_check(DECISION, one) == []  # a timing question, not a decision ask
    text, (span,) = marked(f"{head}{first} [[{second}]]\n\nBest,\nSam")
    assert _run(text, None) == [_again(span, second)]
    assert run_check(DECISION, text) == []


def test_the_second_polite_question_in_a_status_check_fires():
    text, (span,) = marked(
        "Hi Dana,\n\nI wanted to check in on the analyst role. Is there an update on the timeline? "
        "I remain very interested. [[Could you also share where things stand?]]"
        "\n\nBest,\nSam"
    )
    assert _run(text, STATUS) == [_again(span, "Could you also share where things stand?")]


def test_process_questions_count_towards_the_one_allowed():
    text, spans = marked(
        "Hi Dana,\n\nI remain very interested in the role. Is there an updated timeline for "
        "the process? [[Will there be a second round?]] [[Could you let me know what the next "
        "steps are?]]\n\nBest,\nSam"
    )
    assert _run(text, STATUS) == [
        _again(spans[0], "Will there be a second round?"),
        _again(spans[1], "Could you let me know what the next steps are?"),
    ]


def test_saying_why_you_write_does_not_use_up_the_one_question():
    text = (
        "Hi Dana,\n\nI wanted to see if there were any updates on the analyst role. I remain "
        "very interested. Could you let me know how the process is going?\n\nBest,\nSam"
    )
    assert _run(text, STATUS) == []


def test_allowed_in_status_check_option():
    text = (
        "Hi Dana,\n\nIs there an update on the timeline? Could you also share where things "
        "stand?\n\nBest,\nSam"
    )
    assert _run(text, STATUS, options={"allowed_in_status_check": 2}) == []
    assert len(_run(text, STATUS)) == 1


def test_a_thank_you_note_inferred_with_low_confidence_gets_the_benefit_of_the_doubt():
    text = (
        "Hi Dana,\n\nThank you for meeting with me on Tuesday about the planner role. "
        "Do you know when you'll be deciding on offers?\n\nBest,\nSam"
    )
    assert _run(text, None) == []
    assert run_check(DECISION, text) == []


@pytest.mark.parametrize("kind", ["general", "linkedin", "post-rejection"])
def test_other_kinds_are_not_checked(kind: str):
    assert _run(_note("Is there an update on the timeline?"), Context(kind=kind)) == []


def test_questions_in_the_quoted_reply_are_ignored():
    text = (
        "Hi Dana,\n\nThank you for the update.\n\nBest,\nSam\n\n"
        "On Mon, 3 Mar 2026, Dana Li wrote:\n> Is there an update on the timeline?\n"
    )
    assert _run(text) == []
