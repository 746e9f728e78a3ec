"""FL403 premature-offer-question."""

from __future__ import annotations

import pytest

from checks.asks.premature_offer_question import CHECK
from linter.context import Context
from linter.models import Severity
from tests.helpers import marked, run_check

THANK_YOU = Context(kind="thank-you")


def _run(text: str, context: Context | None = THANK_YOU, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def _note(body: str) -> str:
    return f"Hi Dana,\n\nThank you for Tuesday. {body}\n\nBest,\nSam"


def _f(span, what, sentence):
    return ("FL403", span, f'asks about {what} before any offer: "{sentence}"', Severity.WARNING, None)


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == (
        "FL403", "premature-offer-question", Severity.WARNING)
    assert CHECK.kinds == frozenset({"thank-you", "status-check", "general", "linkedin"})
    assert CHECK.rationale == ("G9",)


def test_example_fires_and_instead_passes():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. [[Could you tell me what the "
        "salary range is?]]\n\nBest,\nSam"
    )
    assert text == CHECK.example
    assert _run(CHECK.example, None) == [
        _f(span, "pay", "Could you tell me what the salary range is?")
    ]
    assert _run(CHECK.instead, None) == []


@pytest.mark.parametrize(
    ("question", "what"),
    [
        ("What is the salary for this role?", "pay"),
        ("What does the job pay?", "pay"),
        ("Is there an annual bonus?", "pay"),
        ("How many vacation days would I get?", "time off"),
        ("Could you tell me about the holiday allowance?", "time off"),
        ("I was wondering how much PTO the team gets.", "time off"),
        ("What does the benefits package include?", "benefits"),
        ("Is health insurance included?", "benefits"),
        ("When would I start?", "the start date"),
        ("Do you have a start date in mind?", "the start date"),
        ("How many remote days does the team have?", "remote work"),
        ("Could I work from home on Fridays?", "remote work"),
        ("I wanted to confirm that relocation costs would be covered.", "relocation costs"),
    ],
)
def test_questions_about_terms_fire(question: str, what: str):
    text, (span,) = marked(_note(f"[[{question}]]"))
    assert _run(text) == [_f(span, what, question)]


def test_several_topics_in_one_sentence_are_named_in_order():
    question = "Could you tell me whether the role is hybrid and what the salary is?"
    text, (span,) = marked(_note(f"[[{question}]]"))
    assert _run(text) == [_f(span, "remote work and pay", question)]


def test_one_finding_per_sentence():
    text, spans = marked(_note("[[What is the pay range?]] [[How much holiday is there?]]"))
    assert _run(text) == [
        _f(spans[0], "pay", "What is the pay range?"),
        _f(spans[1], "time off", "How much holiday is there?"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "I am flexible on the start date.",
        "I can start on 1 May.",
        "I enjoyed hearing about the benefits of the new scheduling tool.",
        "What are the biggest challenges facing the team?",
        "I have worked remotely for three years and enjoyed it.",
        "Please pay attention to the attached portfolio.",
        "How does the team measure the benefits to patients?",
    ],
)
def test_statements_and_other_questions_pass(sentence: str):
    assert _run(_note(sentence)) == []


def test_status_checks_are_checked_rejection_replies_are_not():
    text, (span,) = marked(_note("[[What is the salary range?]]"))
    assert _run(text, Context(kind="status-check")) == [_f(span, "pay", "What is the salary range?")]
    assert _run(text, Context(kind="post-rejection")) == []


def test_linkedin_notes_are_checked():
    text, (span,) = marked("Hi Dana,\n\n[[Is the role remote?]] Happy to connect.\n\nSam")
    assert _run(text, Context(kind="linkedin")) == [_f(span, "remote work", "Is the role remote?")]


def test_extra_phrases_from_config():
    text, (span,) = marked(_note("[[Is there a company car?]]"))
    assert _run(text, options={"extra_phrases": ["company car"]}) == [
        _f(span, '"company car"', "Is there a company car?")
    ]
    assert _run(text) == []


def test_paying_attention_is_not_a_question_about_pay():
    assert _run(_note("What should I pay attention to before the first week?")) == []
    text, (span,) = marked(_note("[[What should I pay attention to, and what does the job pay?]]"))
    assert _run(text) == [_f(span, "pay", "What should I pay attention to, and what does the job pay?")]
