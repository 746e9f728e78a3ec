"""FL601 send-timing."""

from __future__ import annotations

import datetime as dt

from checks.timing.send_timing import CHECK
from linter.check import Tools
from linter.context import Context
from linter.models import Severity
from tests.helpers import marked, run_check

THANKS = "Subject: [[Thank you for Tuesday]]\n\nHi Dana,\n\nThank you for meeting with me.\n\nBest,\nSam"
STATUS = (
    "Subject: [[Analyst role]]\n\nHi Dana,\n\nI am following up on the analyst role and "
    "would welcome an update on next steps.\n\nBest,\nSam"
)
D = dt.date


def _ctx(kind: str, interview: dt.date | None, send: dt.date | None = None) -> Context:
    return Context(kind=kind, interview_date=interview, send_date=send)


def _run(text: str, context: Context, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL601", "send-timing", Severity.WARNING)
    assert CHECK.options == {"max_thank_you_days": 2, "min_status_days": 7}
    assert CHECK.kinds == frozenset({"thank-you", "status-check"})


def test_example_fires_and_instead_passes():
    found = run_check(CHECK, CHECK.example)
    assert [(f.code, f.message) for f in found] == [
        ("FL601", "thank-you note sent 7 days after the interview on 2026-03-02; send it "
         "within 2 days, ideally the next morning")
    ]
    assert run_check(CHECK, CHECK.instead) == []


def test_thank_you_within_two_days_passes():
    text, _ = marked(THANKS)
    for send in (D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4)):
        assert _run(text, _ctx("thank-you", D(2026, 3, 2), send)) == [], send


def test_late_thank_you_marks_the_subject():
    text, (span,) = marked(THANKS)
    assert _run(text, _ctx("thank-you", D(2026, 3, 2), D(2026, 3, 5))) == [
        ("FL601", span, "thank-you note sent 3 days after the interview on 2026-03-02; send it "
         "within 2 days, ideally the next morning", Severity.WARNING, None)
    ]


def test_send_date_defaults_to_today():
    text, (span,) = marked(THANKS)
    found = _run(text, _ctx("thank-you", D(2026, 3, 6)))
    assert [(f[1], f[2]) for f in found] == [
        (span, "thank-you note sent 4 days after the interview on 2026-03-06; send it "
         "within 2 days, ideally the next morning")
    ]
    assert _run(text, _ctx("thank-you", D(2026, 3, 9))) == []


def test_status_check_too_soon_and_on_the_day():
    text, (span,) = marked(STATUS)
    assert _run(text, _ctx("status-check", D(2026, 3, 2), D(2026, 3, 3))) == [
        ("FL601", span, "status check sent 1 day after the interview on 2026-03-02; wait at "
         "least 7 days (10 to 14 is usual) before asking for news", Severity.WARNING, None)
    ]
    assert _run(text, _ctx("status-check", D(2026, 3, 10))) == [
        ("FL601", span, "status check sent on the day of the interview; wait at least 7 days "
         "(10 to 14 is usual) before asking for news", Severity.WARNING, None)
    ]


def test_status_check_after_a_week_passes():
    text, _ = marked(STATUS)
    assert _run(text, _ctx("status-check", D(2026, 3, 3))) == []
    assert _run(text, _ctx("status-check", D(2026, 2, 24))) == []


def test_send_date_before_the_interview_is_an_error():
    text, (span,) = marked(STATUS)
    assert _run(text, _ctx("status-check", D(2026, 3, 12), D(2026, 3, 11))) == [
        ("FL601", span, "the send date 2026-03-11 is before the interview on 2026-03-12; "
         "check the dates", Severity.ERROR, None)
    ]


def test_no_interview_date_means_no_finding():
    text, _ = marked(THANKS)
    assert _run(text, _ctx("thank-you", None, D(2026, 4, 1))) == []


def test_options_change_the_windows():
    text, (span,) = marked(THANKS)
    ctx = _ctx("thank-you", D(2026, 3, 2), D(2026, 3, 4))
    assert [f[1] for f in _run(text, ctx, options={"max_thank_you_days": 1})] == [span]
    text, (span,) = marked(STATUS)
    ctx = _ctx("status-check", D(2026, 3, 1), D(2026, 3, 10))
    assert [f[2] for f in _run(text, ctx, options={"min_status_days": 10})] == [
        "status check sent 9 days after the interview on 2026-03-01; wait at least 10 days "
        "(10 to 14 is usual) before asking for news"
    ]


def test_span_falls_back_to_greeting_then_first_sentence():
    ctx = _ctx("thank-you", D(2026, 3, 1))
    text, (span,) = marked("[[Hi Dana,]]\n\nThank you for meeting with me.\n\nBest,\nSam")
    assert [f[1] for f in _run(text, ctx)] == [span]
    text, (span,) = marked("[[Thank you for meeting with me.]] It was great.\n\nBest,\nSam")
    assert [f[1] for f in _run(text, ctx)] == [span]


def test_other_kinds_are_not_checked():
    text, _ = marked(THANKS)
    for kind in ("general", "post-rejection", "linkedin"):
        assert _run(text, _ctx(kind, D(2026, 1, 1))) == [], kind


def test_front_matter_dates_and_tools_today():
    text = (
        "---\nkind: thank-you\ninterview_date: 2026-02-01\n---\n"
        "Hi Dana,\n\nThank you for meeting with me.\n\nBest,\nSam"
    )
    tools = Tools(today=D(2026, 2, 2))
    assert run_check(CHECK, text, tools=tools) == []
    span_start = text.index("Hi Dana,")
    found = run_check(CHECK, text, tools=Tools(today=D(2026, 2, 10)))
    assert [(f.span.start, f.span.end, f.message) for f in found] == [
        (span_start, span_start + 8, "thank-you note sent 9 days after the interview on "
         "2026-02-01; send it within 2 days, ideally the next morning")
    ]
