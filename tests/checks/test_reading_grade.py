"""FL205 reading-grade."""

from __future__ import annotations

from checks.length.reading_grade import CHECK
from linter.check import Tools
from linter.models import Severity
from tests.helpers import TODAY, marked, run_check

PLAIN = (
    "Hi Dana,\n\n[[Thank you for meeting me today.]] I liked hearing about the new "
    "billing system. It made me want the job even more. I would love to help your "
    "team build the reports for it. Please tell me if you need anything else.\n\n"
    "Best,\nSam"
)


def _fixed(grade: float) -> Tools:
    return Tools(readability=lambda text: grade, today=TODAY)


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL205", "reading-grade", Severity.INFO)
    assert CHECK.options == {"max_grade": 14}
    assert CHECK.kinds == frozenset()


def test_example_fires_and_instead_passes_with_the_real_grader():
    found = run_check(CHECK, CHECK.example)
    assert [(f.code, f.message) for f in found] == [
        (
            "FL205",
            "body reads at grade 40.7 (Coleman-Liau); aim for grade 14 or below with "
            "shorter words and sentences",
        )
    ]
    assert run_check(CHECK, CHECK.instead) == []


def test_grade_above_limit_marks_the_first_sentence():
    text, (span,) = marked(PLAIN)
    found = run_check(CHECK, text, tools=_fixed(14.06))
    assert [(f.code, f.span, f.message, f.severity, f.fix) for f in found] == [
        (
            "FL205",
            span,
            "body reads at grade 14.1 (Coleman-Liau); aim for grade 14 or below with "
            "shorter words and sentences",
            Severity.INFO,
            None,
        )
    ]


def test_grade_at_limit_passes():
    text, _ = marked(PLAIN)
    assert run_check(CHECK, text, tools=_fixed(14.0)) == []


def test_option_changes_the_limit():
    text, (span,) = marked(PLAIN)
    found = run_check(CHECK, text, options={"max_grade": 8}, tools=_fixed(9.25))
    assert [(f.span, f.message) for f in found] == [
        (
            span,
            "body reads at grade 9.2 (Coleman-Liau); aim for grade 8 or below with "
            "shorter words and sentences",
        )
    ]


def test_bodies_under_thirty_words_are_not_graded():
    text = "Hi Dana,\n\nNotwithstanding organizational considerations, I appreciated it.\n\nBest,\nSam"
    assert run_check(CHECK, text, tools=_fixed(30.0)) == []


def test_the_grader_sees_only_the_body():
    seen: list[str] = []

    def grade(text: str) -> float:
        seen.append(text)
        return 1.0

    text, _ = marked(PLAIN)
    run_check(
        CHECK,
        "Subject: Thanks\n\n" + text + "\n\nOn Mon, Dana wrote:\n> Quoted words here.\n",
        tools=Tools(readability=grade, today=TODAY),
    )
    assert seen == [
        "Thank you for meeting me today. I liked hearing about the new billing system. "
        "It made me want the job even more. I would love to help your team build the "
        "reports for it. Please tell me if you need anything else."
    ]
