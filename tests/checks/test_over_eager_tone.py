"""FL405 over-eager-tone."""

from __future__ import annotations

import pytest

from checks.asks.over_eager_tone import CHECK
from linter.context import Context
from linter.models import Severity
from tests.helpers import marked, run_check

THANK_YOU = Context(kind="thank-you")


def _run(text: str, context: Context | None = THANK_YOU, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def _note(body: str) -> str:
    return f"Hi Dana,\n\nThank you for Tuesday. {body}\n\nBest,\nSam"


def _f(span, message):
    return ("FL405", span, message, Severity.WARNING, None)


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL405", "over-eager-tone", Severity.WARNING)
    assert CHECK.kinds == frozenset()
    assert CHECK.options == {"extra_phrases": [], "max_exclamations": 2}
    assert CHECK.rationale == ("G10", "T5")


def test_example_fires_and_instead_passes():
    text, spans = marked(
        "Hi Dana,\n\nThis is [[my dream job]] and I [[really need this job]]! I'm [[following up "
        "again]] in case you missed my email!\n\nBest,\nSam"
    )
    assert text == CHECK.example
    assert _run(CHECK.example, None) == [
        _f(spans[0], 'gushing flattery: "my dream job"'),
        _f(spans[1], 'sounds desperate: "really need this job"'),
        _f(spans[2], 'points to repeated contact: "following up again"'),
    ]
    assert _run(CHECK.instead, None) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "the best company in the world",
        "my dream job",
        "I would do anything",
        "absolutely perfect",
        "perfect in every way",
        "dream come true",
        "you are the most amazing team",
    ],
)
def test_gushing_flattery(phrase: str):
    text, (span,) = marked(_note(f"Honestly, [[{phrase}]], that is how I feel."))
    assert _run(text) == [_f(span, f'gushing flattery: "{phrase}"')]


@pytest.mark.parametrize(
    "phrase",
    ["really need this job", "please, I beg", "I'm desperate", "this job means everything",
     "my last hope"],
)
def test_desperation(phrase: str):
    text, (span,) = marked(_note(f"Honestly, [[{phrase}]] and I hope you understand."))
    assert _run(text) == [_f(span, f'sounds desperate: "{phrase}"')]


@pytest.mark.parametrize(
    "phrase",
    [
        "I've emailed you three times",
        "following up again",
        "I'll call you tomorrow",
        "I'll stop by",
        "yet another email",
        "my third message",
        "I will keep checking",
    ],
)
def test_repeated_contact(phrase: str):
    text, (span,) = marked(_note(f"Just so you know, [[{phrase}]] about the role."))
    assert _run(text) == [_f(span, f'points to repeated contact: "{phrase}"')]


@pytest.mark.parametrize(
    "body",
    [
        "I'd be thrilled to join the team and help with the backlog.",
        "I admire how the team runs its morning huddles.",
        "It was the best interview experience I have had this year.",
        "I'm not desperate for a quick answer; take your time.",
        "I'll call you at the number you gave me if that is easier.",
        "It was great to meet you! I enjoyed the tour!",
        "The perfect candidate for your team would bring shift experience.",
    ],
)
def test_warm_but_measured_notes_pass(body: str):
    assert _run(_note(body)) == []


def test_three_exclamations_flag_the_sentence_with_the_third():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you so much! I loved the tour! I enjoyed meeting Priya. "
        "[[It was great to meet the team!]]\n\nBest,\nSam"
    )
    assert _run(text) == [
        _f(span, 'uses 3 exclamation marks; more than 2 reads as over-eager: '
                 '"It was great to meet the team!"')
    ]


def test_a_run_of_exclamation_marks_counts_once():
    text = "Hi Dana,\n\nThank you so much!!! I loved the tour!\n\nBest,\nSam"
    assert _run(text) == []


def test_max_exclamations_option():
    text, (span,) = marked("Hi Dana,\n\n[[Thank you so much!]] I loved the tour.\n\nBest,\nSam")
    assert _run(text, options={"max_exclamations": 0}) == [
        _f(span, 'uses 1 exclamation marks; more than 0 reads as over-eager: "Thank you so much!"')
    ]


def test_subject_signature_and_quoted_reply_are_ignored():
    text = (
        "Subject: My dream job!!!\n\nHi Dana,\n\nThank you for Tuesday.\n\nBest!\nSam\n\n"
        "On Mon, 3 Mar 2026, Dana Li wrote:\n> I'll call you tomorrow! Great! Yes!\n"
    )
    assert _run(text) == []


def test_extra_phrases_from_config():
    text, (span,) = marked(_note("I am [[over the moon]] about it."))
    assert _run(text, options={"extra_phrases": ["over the moon"]}) == [
        _f(span, 'over-eager wording: "over the moon"')
    ]
    assert _run(text) == []
