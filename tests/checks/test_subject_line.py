"""FL202 subject-line."""

from __future__ import annotations

from checks.length.subject_line import CHECK
from linter.context import Context
from linter.models import Fix, Severity, Span
from tests.helpers import marked, run_check

BODY = (
    "Hi Dana,\n\nThank you for meeting with me today about the analyst role. "
    "I enjoyed our talk about the billing migration.\n\nBest,\nSam"
)
THANKS = Context(kind="thank-you")


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL202", "subject-line", Severity.WARNING)
    assert CHECK.options == {"max_words": 10}
    assert CHECK.kinds == frozenset({"thank-you", "status-check", "post-rejection", "general"})


def test_example_fires_and_instead_passes():
    found = run_check(CHECK, CHECK.example + "\n" + BODY, context=THANKS)
    assert [(f.code, f.message) for f in found] == [
        (
            "FL202",
            'subject has 18 words: "Just wanted to reach out and say thank you so much for '
            'the interview we had on Tuesday"; keep it to 10 or fewer (3 to 4 words do best)',
        )
    ]
    assert run_check(CHECK, CHECK.instead + "\n" + BODY, context=THANKS) == []


def test_pasted_body_without_headers_is_not_flagged():
    assert run_check(CHECK, BODY, context=THANKS) == []


def test_short_subject_passes():
    assert run_check(CHECK, "Subject: Thank you for Tuesday\n\n" + BODY, context=THANKS) == []


def test_headers_without_subject_get_an_insertion_fix():
    text = "To: dana@example.com\n\n" + BODY
    found = run_check(CHECK, text, context=THANKS)
    at = Span(0, 0)
    assert [(f.span, f.message, f.severity, f.fix) for f in found] == [
        (
            at,
            "the headers have no subject line; emails without one get few replies",
            Severity.WARNING,
            Fix(at, "Subject: Thank you for the interview\n", "add the subject 'Thank you for the interview'"),
        )
    ]


def test_missing_subject_suggestion_follows_the_kind():
    text = "To: dana@example.com\n\n" + BODY
    found = run_check(CHECK, text, context=Context(kind="status-check"))
    assert [f.fix for f in found] == [
        Fix(
            Span(0, 0),
            "Subject: Following up on my interview\n",
            "add the subject 'Following up on my interview'",
        )
    ]


def test_empty_subject_marks_its_line():
    text, (span,) = marked("To: dana@example.com\n[[Subject:  ]]\n\n" + BODY)
    found = run_check(CHECK, text, context=THANKS)
    value_at = span.start + len("Subject:  ")
    assert [(f.span, f.message, f.fix) for f in found] == [
        (
            span,
            "the subject line is empty; emails without a subject get few replies",
            Fix(
                Span(value_at, span.end),
                "Thank you for the interview",
                "use the subject 'Thank you for the interview'",
            ),
        )
    ]


def test_long_subject_marks_the_subject_text():
    text, (span,) = marked(
        "Subject: [[Thank you so much for taking the time to meet with me today]]\n\n" + BODY
    )
    found = run_check(CHECK, text, context=THANKS)
    assert [(f.span, f.message, f.severity, f.fix) for f in found] == [
        (
            span,
            'subject has 13 words: "Thank you so much for taking the time to meet with me '
            'today"; keep it to 10 or fewer (3 to 4 words do best)',
            Severity.WARNING,
            None,
        )
    ]


def test_ten_words_pass_and_the_option_tightens():
    text, (span,) = marked(
        "Subject: [[Thank you for the analyst interview on Tuesday, Dana Whitfield]]\n\n"
        + BODY
    )
    assert run_check(CHECK, text, context=THANKS) == []
    found = run_check(CHECK, text, options={"max_words": 4}, context=THANKS)
    assert [(f.span, f.message) for f in found] == [
        (
            span,
            'subject has 10 words: "Thank you for the analyst interview on Tuesday, Dana '
            'Whitfield"; keep it to 4 or fewer (3 to 4 words do best)',
        )
    ]


def test_re_line_counts_as_the_subject():
    assert run_check(CHECK, "Re: Analyst interview\n\n" + BODY, context=THANKS) == []


def test_subject_line_header_name_is_accepted():
    assert run_check(CHECK, "Subject line: Thank you\n\n" + BODY, context=THANKS) == []


def test_linkedin_notes_are_not_checked():
    assert run_check(CHECK, "To: dana@example.com\n\n" + BODY, context=Context(kind="linkedin")) == []
