"""Property tests: any Unicode input lints without error, spans in bounds,
and the result does not depend on the order of the checks."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.api import lint_text
from linter.check import Tools
from linter.config import Config
from linter.grammar.base import GrammarIssue
from linter.registry import load_checks

PIECES = st.sampled_from([
    "Dear Ms. Vega,", "Hi [Name],", "Thank you for the interview.", "Did I get the job??",
    "I remain very interested.", "Best regards,", "Jo Lee", "jo@mail.example", "555-0100",
    "> quoted", "On Mon Jo wrote:", "---", "company: X", "Subject: Hi", "{{company}}",
    "\n", "\n\n", " ", "\r\n", "é", "😀", "\u200b", "\t", "ASAP!!", "?",
])
TEXTS = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=40).map("".join))


class EchoGrammar:
    """A backend that flags every third word, to exercise span mapping."""

    name = "echo"

    def check(self, text: str, dialect: str = "any") -> list[GrammarIssue]:
        out = []
        pos = 0
        for i, word in enumerate(text.split()):
            pos = text.index(word, pos)
            if i % 3 == 0:
                out.append(GrammarIssue(pos, pos + len(word), "ECHO", "spelling", "echo", ("x",)))
            pos += len(word)
        return out


def _check_report(text, report):
    assert 0 <= report.score <= 100
    for f in report.findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert f.rule != "internal-error", f.message
        if f.fix is not None:
            assert 0 <= f.fix.span.start <= f.fix.span.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_lints_cleanly(text):
    from linter.draft import DraftError

    for mode in ("draft", "template"):
        try:
            report = lint_text(text, config=Config().with_mode(mode), tools=Tools(grammar=EchoGrammar()))
        except DraftError:
            return  # malformed front matter is a reported input error, not a crash
        _check_report(text, report)


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.randoms())
def test_check_order_does_not_matter(text, rnd):
    from linter.draft import DraftError

    checks = list(load_checks())
    shuffled = checks[:]
    rnd.shuffle(shuffled)
    tools = Tools(grammar=EchoGrammar())
    try:
        a = lint_text(text, tools=tools, checks=checks)
    except DraftError:
        return
    b = lint_text(text, tools=tools, checks=shuffled)
    assert a.findings == b.findings and a.score == b.score



@given(st.text(alphabet=st.sampled_from(["a", "É", "7", "_", "-", "'", ".", " ", "\t", "\n", "\u2003", "\x1c", "\u00a0", "😀"]), max_size=80),
       st.integers(0, 80), st.integers(0, 80))
def test_word_spans_are_the_whitespace_tokens_holding_a_letter_or_digit(text: str, a: int, b: int) -> None:
    """As the pattern defines them: each run of non-space inside the region
    that holds a letter or a digit."""
    import re

    from linter.models import Span
    from linter.textutil import word_spans

    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    expected = [Span(m.start(), m.end()) for m in re.finditer(r"\S+", text[:hi]) if m.end() > lo]
    expected = [Span(max(s.start, lo), s.end) for s in expected]
    assert word_spans(text, Span(lo, hi)) == [s for s in expected if re.search(r"[^\W_]", text[s.start : s.end])]
