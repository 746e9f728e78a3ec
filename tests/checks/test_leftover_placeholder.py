"""FL503 leftover-placeholder.

``[[...]]`` span markers cannot wrap a ``[...]`` slot, so those spans are
taken with ``_at``.
"""

from __future__ import annotations

from checks.form.leftover_placeholder import CHECK
from linter.context import Context
from linter.models import Fix, Severity, Span
from tests.helpers import marked, run_check

FULL = Context(company="Fernhill", role="Data Analyst", interviewer_name="Dana Whitfield")


def _at(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def _run(text: str, **kw):
    found = run_check(CHECK, text, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == (
        "FL503", "leftover-placeholder", Severity.ERROR
    )
    assert CHECK.options == {"allowed": []}
    assert CHECK.kinds == frozenset()


def test_example_fires_and_instead_passes():
    found = run_check(CHECK, CHECK.example)
    assert [(f.code, f.message) for f in found] == [
        ("FL503", 'the greeting still says "Hi [Name],"; fill in "[Name]" before sending'),
        ("FL503", 'placeholder "{{company}}" left in the message; fill it in before sending'),
    ]
    assert run_check(CHECK, CHECK.instead) == []


def test_every_placeholder_style_one_finding_each():
    text = (
        "Subject: Thank you - <Role> interview\n\n"
        "Dear [Name],\n\n"
        "Thank you for the interview at {{company}} and {team}. "
        "I can start on XXX. TODO: add a detail.\n\n"
        "Best,\nSam\n555-201-7788\n"
    )
    E = Severity.ERROR
    assert _run(text) == [
        ("FL503", _at(text, "<Role>"),
         'placeholder "<Role>" left in the subject; fill it in before sending', E, None),
        ("FL503", _at(text, "[Name]"),
         'the greeting still says "Dear [Name],"; fill in "[Name]" before sending', E, None),
        ("FL503", _at(text, "{{company}}"),
         'placeholder "{{company}}" left in the message; fill it in before sending', E, None),
        ("FL503", _at(text, "{team}"),
         'placeholder "{team}" left in the message; fill it in before sending', E, None),
        ("FL503", _at(text, "XXX"),
         'placeholder "XXX" left in the message; fill it in before sending', E, None),
        ("FL503", _at(text, "TODO"),
         'placeholder "TODO" left in the message; fill it in before sending', E, None),
    ]


def test_fixes_fill_in_what_the_context_knows():
    text = (
        "Subject: [Position Title] interview\n\n"
        "Hi [Interviewer Name],\n\n"
        "Thank you for meeting me about the [role] role at [Company Name].\n\n"
        "Best,\n[Your Name]\nsam@example.com\n"
    )
    found = run_check(CHECK, text, context=FULL)
    assert [(f.span, f.fix) for f in found] == [
        (_at(text, "[Position Title]"),
         Fix(_at(text, "[Position Title]"), "Data Analyst", "fill in 'Data Analyst'")),
        (_at(text, "[Interviewer Name]"),
         Fix(_at(text, "[Interviewer Name]"), "Dana", "fill in 'Dana'")),
        (_at(text, "[role]"), Fix(_at(text, "[role]"), "Data Analyst", "fill in 'Data Analyst'")),
        (_at(text, "[Company Name]"),
         Fix(_at(text, "[Company Name]"), "Fernhill", "fill in 'Fernhill'")),
        (_at(text, "[Your Name]"), None),
    ]
    assert found[-1].message == (
        'placeholder "[Your Name]" left in the signature; fill it in before sending'
    )


def test_formal_greeting_fills_in_the_full_name():
    text = "Dear [Name],\n\nThank you for today.\n\nBest,\nSam"
    span = _at(text, "[Name]")
    assert [f.fix for f in run_check(CHECK, text, context=FULL)] == [
        Fix(span, "Dana Whitfield", "fill in 'Dana Whitfield'")
    ]


def test_bare_name_slots_in_greeting_and_signature():
    text = "Dear Mr. Last Name:\n\nThank you for today.\n\nSincerely,\n\nYour Name\n"
    assert _run(text) == [
        ("FL503", _at(text, "Last Name"),
         'the greeting still says "Dear Mr. Last Name:"; fill in "Last Name" before sending',
         Severity.ERROR, None),
        ("FL503", _at(text, "Your Name"),
         'placeholder "Your Name" left in the signature; fill it in before sending',
         Severity.ERROR, None),
    ]
    text = "Hi Name,\n\nThank you for today.\n\nBest,\nName"
    assert [(f.span, f.fix) for f in run_check(CHECK, text, context=FULL)] == [
        (_at(text, "Name"), Fix(_at(text, "Name"), "Dana", "fill in 'Dana'")),
        (_at(text, "Name", 1), None),
    ]


def test_clean_draft_and_non_placeholders_pass():
    text = (
        "Subject: Thank you\n\n"
        "Hi Dana,\n\n"
        "Thank you for the interview. I enjoyed the talk on the [billing](https://x.example) "
        "system and the 3 x 4 grid.\n\n"
        "Best,\nSam Ortiz <sam@example.com>\n"
    )
    assert _run(text) == []


def test_front_matter_and_quoted_reply_are_ignored():
    text = (
        "---\ncompany: Fernhill\n---\n"
        "Hi Dana,\n\nThank you for today.\n\nBest,\nSam\n\n"
        "On Mon, Mar 9, 2026, Dana Whitfield wrote:\n> Dear [Name], we use {{company}}.\n"
    )
    assert _run(text) == []


def test_template_mode_allows_any_placeholder_by_default():
    text = "Hi [Interviewer Name],\n\nThank you for the {{role}} interview.\n\nBest,\n[Your Name]"
    assert _run(text, mode="template") == []


def test_template_mode_flags_undeclared_and_misspelt_slots():
    text = (
        "Hi [Interviewer Name],\n\nThank you for the interview at [Compnay Name] "
        "on [Day].\n\nBest,\n[Your Name]"
    )
    options = {"allowed": ["Interviewer Name", "Company Name", "Your Name"]}
    assert _run(text, mode="template", options=options) == [
        ("FL503", _at(text, "[Compnay Name]"),
         "placeholder \"[Compnay Name]\" is not one the template declares "
         "(did you mean 'Company Name'?)", Severity.ERROR, None),
        ("FL503", _at(text, "[Day]"),
         'placeholder "[Day]" is not one the template declares', Severity.ERROR, None),
    ]


def test_template_mode_does_not_flag_bare_slots():
    text = "Hi Name,\n\nThank you for today.\n\nBest,\nYour Name"
    assert _run(text, mode="template", options={"allowed": ["Name"]}) == []


def test_markers_work_for_curly_slots():
    text, (span,) = marked("Hi Dana,\n\nThanks for the tour of [[{{office}}]].\n\nBest,\nSam")
    assert _run(text) == [
        ("FL503", span, 'placeholder "{{office}}" left in the message; fill it in before sending',
         Severity.ERROR, None)
    ]
