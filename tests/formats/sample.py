"""Hand-built reports shared by the formatter tests (formats are pure)."""

from __future__ import annotations

from linter.check import Check
from linter.formats import FileError, RunResult
from linter.models import FileReport, Finding, Fix, Reason, Severity, Span

__all__ = ["DRAFT", "FAILED", "PASSED", "UNREADABLE", "RESULT", "CHECKS", "span_of"]

DRAFT = (
    "Subject: Following up\n"
    "\n"
    "Hi Dana,\n"
    "\n"
    "Thanks again for the interview on Tuesday. Have you made a decision yet?\n"
    "I'm 100% <sure> & ready, truely.\n"
    "\n"
    "Best,\n"
    "Sam\n"
)


def span_of(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle))


ASK = Finding(
    code="FL401",
    name="asks-about-decision",
    severity=Severity.ERROR,
    message="'Have you made a decision yet?' presses for a verdict; ask about the next steps instead",
    span=span_of(DRAFT, "Have you made a decision yet?"),
    fix=Fix(span_of(DRAFT, "Have you made a decision yet?"), "Could you share the next steps?", "ask about next steps"),
    rationale=("no-pressure",),
)
EAGER = Finding(
    code="FL405",
    name="over-eager-tone",
    severity=Severity.WARNING,
    message="'100% <sure> & ready' sounds eager: 100%, every time,\nand loud",
    span=span_of(DRAFT, "100% <sure> & ready"),
)
SPELLING = Finding(
    code="FL101",
    name="spelling-grammar",
    severity=Severity.INFO,
    message="'truely' is misspelt; did you mean 'truly'?",
    span=span_of(DRAFT, "truely"),
    fix=Fix(span_of(DRAFT, "truely"), "truly", "correct the spelling"),
    rule="Spelling",
    category="spelling",
)

FAILED = FileReport(
    path="drafts/dana, final:v2.txt",
    findings=(ASK, EAGER, SPELLING),
    score=70,
    breakdown=(("FL401", 20.0), ("FL405", 8.0), ("FL101", 2.0)),
    grammar_backend="harper 0.2.0",
    text=DRAFT,
    kind="thank-you",
    word_count=27,
    failed=True,
    pass_mark=70,
    fail_reasons=(Reason("fail-on", "1 finding at error level (FL401 asks-about-decision)", ("FL401",)),),
)

CLEAN = "Hi Lee,\r\n\r\nThank you for Monday's conversation about the data team.\r\n\r\nBest,\r\nSam\r\n"
PASSED = FileReport(
    path="drafts/lee.txt",
    findings=(),
    score=100,
    breakdown=(),
    grammar_backend="off",
    text=CLEAN,
    kind="thank-you",
    word_count=14,
    failed=False,
    kind_source="given",
    pass_mark=70,
)
UNREADABLE = FileError("drafts/broken.eml", "not UTF-8 text (invalid byte 0xff at offset 3)")
RESULT = RunResult((FAILED, PASSED, UNREADABLE))


def _run(*_: object) -> tuple[Finding, ...]:
    return ()


def _check(code: str, name: str, severity: Severity, summary: str, why: str, rationale: tuple[str, ...] = ()) -> Check:
    return Check(
        code=code,
        name=name,
        severity=severity,
        summary=summary,
        why=why,
        example="Have you decided yet?",
        instead="What are the next steps?",
        run_fn=_run,
        rationale=rationale,
    )


CHECKS = (
    _check("FL101", "spelling-grammar", Severity.WARNING, "Spelling and grammar mistakes.", "A typo in a two-line email is the one thing the reader remembers."),
    _check("FL401", "asks-about-decision", Severity.ERROR, "Asks whether a decision has been made.", "Pressing for a verdict puts the interviewer on the spot; asking about next steps gets the same answer politely.", ("no-pressure",)),
    _check("FL405", "over-eager-tone", Severity.WARNING, "Eager, breathless wording.", "Calm confidence reads better than enthusiasm in capitals."),
)
