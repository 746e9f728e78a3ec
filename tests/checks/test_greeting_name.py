"""FL502 greeting-name."""

from __future__ import annotations

from checks.form.greeting_name import CHECK
from linter.context import Context
from linter.models import Fix, Severity, Span
from tests.helpers import marked, run_check

REST = "\n\nThank you for meeting with me today about the analyst role.\n\nBest,\nSam"
DANA = Context(interviewer_name="Dana Whitfield", kind="thank-you")
NOBODY = Context(kind="thank-you")


def _run(text: str, context: Context = DANA, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL502", "greeting-name", Severity.WARNING)
    assert CHECK.kinds == frozenset()


def test_example_fires_and_instead_passes():
    found = run_check(CHECK, CHECK.example)
    assert [(f.code, f.message, f.fix.replacement if f.fix else None) for f in found] == [
        ("FL502", 'the greeting spells the name "Whitfeld"; the interviewer is Dana Whitfield',
         "Whitfield")
    ]
    assert run_check(CHECK, CHECK.instead) == []


def test_accepted_forms_of_the_name():
    for greeting in (
        "Hi Dana,",
        "Dear Dana Whitfield,",
        "Dear Ms. Whitfield:",
        "Hello Dr. Whitfield,",
        "Good morning Dana!",
        "Hi Jake, Dana, and Maria,",
        "Dana,",
    ):
        assert _run(greeting + REST) == [], greeting


def test_short_form_of_a_long_first_name_is_accepted():
    ctx = Context(interviewer_name="Christopher Lane", kind="thank-you")
    assert _run("Hi Chris," + REST, ctx) == []


def test_misspelt_last_name_gets_a_fix():
    text, (span,) = marked("Dear Ms. [[Whitfeld]]," + REST)
    assert _run(text) == [
        ("FL502", span, 'the greeting spells the name "Whitfeld"; the interviewer is Dana Whitfield',
         Severity.WARNING, Fix(span, "Whitfield", "spell it 'Whitfield'", safe=True))
    ]


def test_misspelt_first_name_and_transposition():
    text, (span,) = marked("Hi [[Dnaa]]," + REST)
    assert _run(text) == [
        ("FL502", span, 'the greeting spells the name "Dnaa"; the interviewer is Dana Whitfield',
         Severity.WARNING, Fix(span, "Dana", "spell it 'Dana'", safe=True))
    ]


def test_wrong_case_is_a_misspelling():
    text, (span,) = marked("Hi [[dana]]," + REST)
    assert _run(text) == [
        ("FL502", span, 'the greeting spells the name "dana"; the interviewer is Dana Whitfield',
         Severity.WARNING, Fix(span, "Dana", "spell it 'Dana'", safe=True))
    ]


def test_misspelling_in_a_full_name():
    text, (span,) = marked("Dear Dana [[Whitfeild]]," + REST)
    assert _run(text) == [
        ("FL502", span, 'the greeting spells the name "Whitfeild"; the interviewer is Dana Whitfield',
         Severity.WARNING, Fix(span, "Whitfield", "spell it 'Whitfield'", safe=True))
    ]


def test_generic_greetings_with_a_known_name_get_a_fix():
    cases = (
        ("Dear [[Hiring Manager]],", "Dana Whitfield"),
        ("Hi [[there]],", "Dana"),
        ("Hello [[Hiring Team]],", "Dana"),
        ("Dear [[Sir/Madam]],", "Dana Whitfield"),
        ("[[To whom it may concern]]:", "Dear Dana Whitfield"),
    )
    for greeting, replacement in cases:
        text, (span,) = marked(greeting + REST)
        line = text[: text.index("\n")]
        assert _run(text) == [
            ("FL502", span,
             f"the greeting \"{line}\" is generic; you know the interviewer's name, Dana Whitfield",
             Severity.WARNING,
             Fix(span, replacement, f"address {replacement.removeprefix('Dear ')} by name")),
        ], greeting


def test_greeting_naming_someone_else():
    text, (span,) = marked("[[Hi Marcus,]]" + REST)
    assert _run(text) == [
        ("FL502", span,
         "the greeting \"Hi Marcus,\" does not use the interviewer's name, Dana Whitfield",
         Severity.WARNING, None)
    ]


def test_without_a_known_name_only_form_letters_are_flagged():
    assert _run("Dear Hiring Manager," + REST, NOBODY) == []
    assert _run("Hi there," + REST, NOBODY) == []
    assert _run("Hi Dnaa," + REST, NOBODY) == []
    for greeting, flagged in (
        ("[[To whom it may concern]]:", "To whom it may concern"),
        ("[[Dear Sir or Madam]],", "Dear Sir or Madam"),
        ("[[Dear Sir/Madam]],", "Dear Sir/Madam"),
    ):
        text, (span,) = marked(greeting + REST)
        assert _run(text, NOBODY) == [
            ("FL502", span,
             f'"{flagged}" reads like a form letter; address the interviewer by name',
             Severity.INFO, None)
        ], greeting


def test_missing_greeting_is_an_insertion_point():
    text = "Thank you for meeting with me today about the analyst role.\n\nBest,\nSam"
    at = Span(0, 0)
    assert _run(text) == [
        ("FL502", at, "the message has no greeting; open by addressing the interviewer by name",
         Severity.INFO, Fix(at, "Dear Dana Whitfield,\n\n", "open with 'Dear Dana Whitfield,'"))
    ]
    assert _run(text, NOBODY) == [
        ("FL502", at, "the message has no greeting; open by addressing the interviewer by name",
         Severity.INFO, None)
    ]


def test_missing_greeting_after_a_subject():
    text = "Subject: Thank you\n\nThank you for meeting with me today.\n\nBest,\nSam"
    at = Span(text.index("Thank you for"), text.index("Thank you for"))
    assert [(f.span, f.severity) for f in run_check(CHECK, text, context=NOBODY)] == [
        (at, Severity.INFO)
    ]


def test_linkedin_note_may_skip_the_greeting():
    text = "Thank you for the interview today; I would love to connect.\n\nSam"
    assert _run(text, Context(kind="linkedin")) == []


def test_placeholder_greetings_are_left_to_the_placeholder_check():
    assert _run("Hi [Name]," + REST) == []
    assert _run("Hi [Interviewer Name]," + REST, mode="template") == []
    assert _run("Hi Name," + REST) == []
    assert _run("Dear Mr. Last Name:" + REST) == []


def test_name_from_front_matter():
    text = "---\ninterviewer:\n  name: Dana Whitfield\n---\nHi Dnaa," + REST
    start = text.index("Dnaa")
    span = Span(start, start + 4)
    assert [(f.span, f.fix) for f in run_check(CHECK, text)] == [
        (span, Fix(span, "Dana", "spell it 'Dana'", safe=True))
    ]
