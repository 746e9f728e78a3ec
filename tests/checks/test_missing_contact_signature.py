"""FL501 missing-contact-signature."""

from __future__ import annotations

import pytest

from checks.form.missing_contact_signature import CHECK
from linter.context import Context
from linter.models import Severity, Span
from tests.helpers import marked, run_check

BODY = (
    "Hi Dana,\n\nThank you for meeting with me today about the analyst role. "
    "I enjoyed our talk about the billing migration."
)
THANKS = Context(kind="thank-you")
NO_CONTACT = "has no contact detail; add a phone number, email or LinkedIn link under your name"


def _run(text: str, **kw):
    found = run_check(CHECK, text, context=kw.pop("context", THANKS), **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == (
        "FL501", "missing-contact-signature", Severity.WARNING
    )
    assert CHECK.kinds == frozenset({"thank-you", "status-check", "post-rejection", "general"})


def test_example_fires_and_instead_passes():
    found = run_check(CHECK, CHECK.example)
    assert [(f.code, f.message) for f in found] == [
        ("FL501", f'the signature "Sam Ortiz" {NO_CONTACT}')
    ]
    assert run_check(CHECK, CHECK.instead) == []


def test_no_sign_off_at_all_is_an_insertion_point_after_the_body():
    text = BODY + "\n"
    assert _run(text) == [
        (
            "FL501",
            Span(len(BODY), len(BODY)),
            "the message has no sign-off or name; end with a sign-off, your name and a "
            "phone number or email",
            Severity.WARNING,
            None,
        )
    ]


def test_closing_without_a_name():
    text, (span,) = marked(BODY + "\n\n[[Best regards,]]\n")
    assert _run(text) == [
        (
            "FL501",
            span,
            'the sign-off "Best regards," has no name after it; add your name and a '
            "phone number or email",
            Severity.WARNING,
            None,
        )
    ]


def test_name_without_contact_marks_the_signature_block():
    text, (span,) = marked(BODY + "\n\nKind regards,\n[[Sam Ortiz\nData Analyst]]\n")
    assert _run(text) == [
        ("FL501", span, f'the signature "Sam Ortiz / Data Analyst" {NO_CONTACT}',
         Severity.WARNING, None)
    ]


def test_lone_name_after_the_body_without_closing():
    text, (span,) = marked(BODY + "\n\n[[Sam Ortiz]]\n")
    assert _run(text) == [
        ("FL501", span, f'the signature "Sam Ortiz" {NO_CONTACT}', Severity.WARNING, None)
    ]


def test_each_kind_of_contact_detail_passes():
    for contact in (
        "sam.ortiz@example.com",
        "(555) 201-7788",
        "+44 20 7946 0958",
        "linkedin.com/in/samortiz",
        "https://samortiz.dev/work",
        "samortiz.dev",
        "Portfolio: see my site",
        "Mobile: on request",
    ):
        text = BODY + f"\n\nBest,\nSam Ortiz\n{contact}\n"
        assert _run(text) == [], contact


def test_signature_without_closing_line_with_contacts_passes():
    text = BODY + "\n\nSam Ortiz\nsam.ortiz@example.com\n555-201-7788\n"
    assert _run(text) == []


def test_contact_in_the_body_only_does_not_count():
    text, (span,) = marked(
        "Hi Dana,\n\nThank you for today. You can reach me at 555-201-7788 any time.\n\n"
        "Best,\n[[Sam]]\n"
    )
    assert _run(text) == [
        ("FL501", span, f'the signature "Sam" {NO_CONTACT}', Severity.WARNING, None)
    ]


def test_contact_placeholders_count_in_template_mode_and_in_drafts():
    for slot in ("[Your Email]", "[Your Contact Information]", "{{phone}}", "<LinkedIn URL>"):
        text = BODY + f"\n\nBest regards,\n[Your Name]\n{slot}\n"
        assert _run(text, mode="template") == [], slot
        assert _run(text) == [], slot


@pytest.mark.parametrize("field", ["Phone Number", "Your Email Address", "LinkedIn URL"])
def test_an_unbracketed_contact_field_counts_in_a_template_only(field: str):
    text, (span,) = marked(BODY + f"\n\nBest regards,\n[[Your Full Name\n{field}]]\n")
    assert _run(text, mode="template") == []
    assert _run(text) == [
        ("FL501", span, f'the signature "Your Full Name / {field}" {NO_CONTACT}', Severity.WARNING, None)
    ]


def test_a_sentence_mentioning_a_phone_number_is_no_contact_field():
    text, (span,) = marked(BODY + "\n\nBest regards,\n[[Sam Ortiz\nCall my phone number]]\n")
    assert _run(text, mode="template") == [
        ("FL501", span, f'the signature "Sam Ortiz / Call my phone number" {NO_CONTACT}', Severity.WARNING, None)
    ]


def test_name_placeholder_alone_is_still_missing_contact():
    # "[[...]]" markers cannot wrap a "[...]" slot: mark it by hand
    text = BODY + "\n\nBest regards,\n[Your Name]\n"
    start = text.index("[Your Name]")
    assert _run(text, mode="template") == [
        ("FL501", Span(start, start + len("[Your Name]")),
         f'the signature "[Your Name]" {NO_CONTACT}', Severity.WARNING, None)
    ]


def test_quoted_reply_contacts_do_not_count():
    text, (span,) = marked(
        BODY + "\n\nBest,\n[[Sam]]\n\nOn Mon, Mar 9, 2026, Dana Whitfield wrote:\n"
        "> Dana Whitfield\n> dana@example.com\n"
    )
    assert _run(text) == [
        ("FL501", span, f'the signature "Sam" {NO_CONTACT}', Severity.WARNING, None)
    ]


def test_linkedin_notes_are_not_checked():
    assert _run(BODY + "\n", context=Context(kind="linkedin")) == []
