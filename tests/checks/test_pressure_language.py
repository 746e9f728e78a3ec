"""FL402 pressure-language."""

from __future__ import annotations

import pytest

from checks.asks.pressure_language import CHECK
from linter.context import Context
from linter.models import Fix, Severity
from tests.helpers import marked, run_check

THANK_YOU = Context(kind="thank-you")


def _run(text: str, context: Context | None = THANK_YOU, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def _note(body: str) -> str:
    return f"Hi Dana,\n\nThank you for Tuesday. {body}\n\nBest,\nSam"


def _f(span, message, fix=None):
    return ("FL402", span, message, Severity.ERROR, fix)


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL402", "pressure-language", Severity.ERROR)
    assert CHECK.kinds == frozenset()
    assert CHECK.rationale == ("G10",)


def test_example_fires_and_instead_passes():
    text, spans = marked(
        "Hi Dana,\n\nThank you for Tuesday. I [[need an answer by Friday]], so please reply "
        "[[ASAP]][[!!]]\n\nBest,\nSam"
    )
    assert text == CHECK.example
    assert _run(CHECK.example, None) == [
        _f(spans[0], 'puts a deadline on the employer: "need an answer by Friday"'),
        _f(spans[1], 'presses for speed: "ASAP"'),
        _f(spans[2], 'doubled punctuation reads as impatient: "!!"',
           Fix(spans[2], "!", 'keep a single "!"')),
    ]
    assert _run(CHECK.instead, None) == []


@pytest.mark.parametrize(
    ("body", "phrase"),
    [
        ("I [[need a decision by the end of the week]].", "need a decision by the end of the week"),
        ("[[If I don't hear back by Monday]], I will assume the answer is no.",
         "If I don't hear back by Monday"),
        ("Please [[respond by 5pm]] today.", "respond by 5pm"),
        ("I [[need to know by Thursday]] at the latest.", "need to know by Thursday"),
        ("[[Otherwise I will accept]] the other company's terms.", "Otherwise I will accept"),
        ("This is your [[last chance]] to reach me.", "last chance"),
        ("I [[must hear from you this week]].", "must hear from you this week"),
    ],
)
def test_deadlines_and_ultimatums(body: str, phrase: str):
    text, (span,) = marked(_note(body))
    assert _run(text) == [_f(span, f'puts a deadline on the employer: "{phrase}"')]


def test_a_competing_offer_used_as_a_lever():
    text, spans = marked(_note("I [[have another offer]] and [[need to know soon]]."))
    assert _run(text) == [
        _f(spans[0], 'uses a competing offer to hurry the employer: "have another offer"'),
        _f(spans[1], 'puts a deadline on the employer: "need to know soon"'),
    ]


@pytest.mark.parametrize("word", ["ASAP", "as soon as possible", "urgently", "immediately", "right away"])
def test_urgency_words(word: str):
    text, (span,) = marked(_note(f"Please send me the feedback [[{word}]]."))
    assert _run(text) == [_f(span, f'presses for speed: "{word}"')]


@pytest.mark.parametrize(("marks", "single"), [("??", "?"), ("!!!", "!"), ("?!", "?"), ("!?", "?")])
def test_doubled_punctuation_is_fixed_to_one_mark(marks: str, single: str):
    text, (span,) = marked(_note(f"Is the role still open[[{marks}]]"))
    assert _run(text) == [
        _f(span, f'doubled punctuation reads as impatient: "{marks}"',
           Fix(span, single, f'keep a single "{single}"'))
    ]


@pytest.mark.parametrize(
    "body",
    [
        "I can start immediately if that helps.",
        "I'm available to start ASAP.",
        "I could relocate right away.",
        "I look forward to hearing from you at your earliest convenience.",
        "I don't need an answer by Friday; take the time you need.",
        "I will be away until Monday, so please take your time.",
        "Thanks again!",
    ],
)
def test_availability_and_calm_wording_pass(body: str):
    assert _run(_note(body)) == []


def test_one_finding_per_phrase_across_sentences():
    text, spans = marked(_note("Please reply [[urgently]]. Any news[[??]] I [[need an answer today]]."))
    assert _run(text) == [
        _f(spans[0], 'presses for speed: "urgently"'),
        _f(spans[1], 'doubled punctuation reads as impatient: "??"', Fix(spans[1], "?", 'keep a single "?"')),
        _f(spans[2], 'puts a deadline on the employer: "need an answer today"'),
    ]


def test_the_subject_line_is_read_and_the_quoted_reply_ignored():
    text, spans = marked(
        "Subject: [[URGENT]][[??]]\n\nHi Dana,\n\nThank you for the update.\n\nBest,\nSam\n\n"
        "On Mon, 3 Mar 2026, Dana Li wrote:\n> Please reply ASAP!!\n"
    )
    assert _run(text) == [
        _f(spans[0], 'presses for speed: "URGENT"'),
        _f(spans[1], 'doubled punctuation reads as impatient: "??"', Fix(spans[1], "?", 'keep a single "?"')),
    ]


def test_pressure_in_the_subject_line_is_flagged_on_the_subject_text():
    text, spans = marked(
        "Subject: [[Need an answer ASAP]]\n\nHi Dana,\n\nThank you for meeting with me on "
        "Tuesday.\n\nBest,\nSam"
    )
    assert _run(text) == [_f(spans[0], 'puts a deadline on the employer: "Need an answer ASAP"')]


def test_a_calm_subject_line_passes():
    text = "Subject: Thank you for Tuesday\n\nHi Dana,\n\nThank you for Tuesday.\n\nBest,\nSam"
    assert _run(text) == []


def test_extra_phrases_from_config():
    text, (span,) = marked(_note("I [[must insist on]] a reply."))
    assert _run(text, options={"extra_phrases": ["must insist on"]}) == [
        _f(span, 'puts a deadline on the employer: "must insist on"')
    ]
    assert _run(text) == []


def test_a_deadline_ending_in_a_number_stops_before_the_full_stop():
    text, spans = marked(_note("Please [[respond by the 12th]]. I [[need an answer by 10/12]]."))
    assert _run(text) == [
        _f(spans[0], 'puts a deadline on the employer: "respond by the 12th"'),
        _f(spans[1], 'puts a deadline on the employer: "need an answer by 10/12"'),
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Two weeks on, I would at least expect the [[courtesy of an answer]].",
         'reproaches the reader for not replying: "courtesy of an answer"'),
        ("You have not even shown me the [[courtesy of replying]].",
         'reproaches the reader for not replying: "courtesy of replying"'),
        ("Frankly, the [[lack of communication]] has been disappointing.",
         'reproaches the reader for not replying: "lack of communication"'),
        ("It seems you are [[ignoring my emails]].",
         'reproaches the reader for not replying: "ignoring my emails"'),
        ("Nobody has [[bothered to answer]] since the interview.",
         'reproaches the reader for not replying: "bothered to answer"'),
        ("If this goes on, [[I will complain]] to the hospital board.",
         'threatens the employer: "I will complain"'),
        ("[[I'll be sure to mention your silence]] to people I know in the trade.",
         'threatens the employer: "I\'ll be sure to mention your silence"'),
        ("I am taking [[legal advice]] about how this was handled.",
         'threatens the employer: "legal advice"'),
        ("I plan to [[leave a review]] of the process online.",
         'threatens the employer: "leave a review"'),
    ],
)
def test_reproach_and_threats_are_pressure(body: str, message: str):
    text, (span,) = marked(_note(body))
    assert _run(text) == [_f(span, message)]


@pytest.mark.parametrize(
    "body",
    [
        "I know how busy hiring keeps you, so no need to reply in a hurry.",
        "I'll be sure to mention our chat to my old manager, who knows your team.",
        "My review of the quarterly figures is attached.",
        "I appreciated the courtesy of your call.",
        "I will not complain about the wait; I know these things take time.",
    ],
)
def test_courtesy_and_mentions_without_reproach_are_not_pressure(body: str):
    assert _run(_note(body)) == []
