"""FL403 premature-offer-question: asking about the terms of an offer that
has not been made.

Flags a sentence that asks (ends in "?" or carries a request such as
"could you tell me", "I wanted to confirm", "I was wondering") about pay
(salary, compensation, pay range, bonus, equity), time off (holidays,
vacation, PTO, annual leave), benefits (health insurance, pension, 401k,
perks), the start date, remote or hybrid work, or relocation costs.

Not flagged: statements ("I am flexible on the start date", "I can start on
1 May"), "the benefits of the new platform", and the same topics after a
rejection (the check runs on thank-you notes, status checks, general and
LinkedIn notes: G9 holds until there is an offer).

One finding per sentence; the span is the sentence; the message names the
topics asked about. No fix: the question should simply wait for an offer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from checks._phrases import Phrases, asks_before, body_sentences, is_question, quote
from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Severity

__all__ = ["CHECK"]

_TOPICS: tuple[tuple[str, tuple[tuple[tuple[str, ...], str], ...]], ...] = (
    (
        "pay",
        (
            (("salary", "salaries"), r"salar(?:y|ies)"),
            (("pay",), r"pay\s+(?:range|scale|band|rate|grade|structure|package|review|rise|raise)"),
            (("pay",), r"the\s+pay(?!\s+(?:attention|off|back|it|for\s+it))"),
            (("pay", "pays", "paid"), r"(?:what|how\s+much)\s+(?:\w+\s+){0,4}?(?:pays?|paid)"),
            (("compensation",), r"compensation(?:\s+package)?"),
            (("remuneration",), r"remuneration"),
            (("wage", "wages"), r"wages?"),
            (("hourly",), r"hourly\s+rate"),
            (("bonus", "bonuses"), r"bonus(?:es)?"),
            (("equity",), r"equity\s+(?:stake|grant|package|component|options?|compensation)"),
            (("equity",), r"(?:any|offer|include|includes)\s+equity"),
            (("stock",), r"stock\s+options?"),
            (("commission",), r"commission(?:\s+(?:structure|rate|plan))?(?=\s*(?:[?,.]|$|is|structure|rate|plan|work))"),
            (("earn", "make", "paid", "pay"), r"how\s+much\s+(?:\w+\s+){0,3}?(?:earn|make|paid|pay)"),
        ),
    ),
    (
        "time off",
        (
            (("holiday", "holidays"), r"holidays?(?:\s+(?:allowance|entitlement|days))?"),
            (("vacation",), r"vacation(?:\s+(?:days|time|policy))?"),
            (("pto",), r"pto"),
            (("paid",), r"paid\s+(?:time\s+off|leave)"),
            (("off",), r"time\s+off"),
            (("annual",), r"annual\s+leave"),
            (("sick",), r"sick\s+(?:days|leave|pay)"),
            (("leave",), r"(?:parental|maternity|paternity)\s+leave"),
            (("off",), r"days\s+off"),
        ),
    ),
    (
        "benefits",
        (
            (("benefits",), r"benefits(?:\s+package)?(?!\s+(?:of|to|for)\b)"),
            (("health",), r"health\s+(?:insurance|plan|cover(?:age)?|care\s+plan)"),
            (("dental",), r"dental(?:\s+(?:plan|cover(?:age)?))?"),
            (("401", "401k"), r"401\s?\(?k\)?"),
            (("pension",), r"pension(?:\s+(?:plan|scheme|contributions?))?"),
            (("retirement",), r"retirement\s+(?:plan|matching|contributions?)"),
            (("perks",), r"perks"),
        ),
    ),
    (
        "the start date",
        (
            (("start", "starting"), r"start(?:ing)?\s+date"),
            (
                ("start", "begin"),
                r"when\s+(?:would|could|can|might|do|does|will|should)\s+(?:i|the\s+(?:role|position|new\s+hire|job))"
                r"\s+(?:be\s+(?:able|expected)\s+to\s+)?(?:start|begin)",
            ),
            (
                ("start", "begin"),
                r"how\s+soon\s+(?:would|could|can|do|will)\s+(?:you\s+need\s+me\s+to|i)\s+(?:start|begin)",
            ),
            (("first",), r"first\s+day\s+(?:would|will)\s+be"),
        ),
    ),
    (
        "remote work",
        (
            (
                ("remote", "remotely"),
                r"remote(?:ly)?(?:\s+(?:work|working|days?|options?|policy|arrangements?|schedule|possibilities|basis))?"
                r"(?!\s+(?:patient|monitoring|sensing|control|access|team\s+members))",
            ),
            (("home", "anywhere"), r"work(?:ing)?\s+from\s+(?:home|anywhere)"),
            (("wfh",), r"wfh"),
            (("hybrid",), r"hybrid(?:\s+(?:schedule|arrangement|work|working|policy|model|options?))?"),
            (("office",), r"days\s+(?:in|at)\s+the\s+office"),
            (("office",), r"in-office\s+days"),
            (("flexible",), r"flexible\s+(?:hours|working|schedule|work)"),
        ),
    ),
    (
        "relocation costs",
        (
            (("relocation",), r"relocation\s+(?:package|assistance|support|budget|costs?|expenses|allowance|bonus)"),
            (("reimburse", "reimbursed", "reimbursement", "reimbursing", "reimbursements"), r"reimburs\w*"),
            (("cost", "costs", "expenses", "allowance"), r"(?:commute|commuting|travel)\s+(?:costs?|expenses|allowance)"),
        ),
    ),
)
_PHRASES = Phrases(branch for _, branches in _TOPICS for branch in branches)
_LABELS = tuple(label for label, branches in _TOPICS for _ in branches)


def _labels(text: str, extra: Any) -> list[str]:
    """Topics asked about in ``text``, each once, in the order they appear."""
    out: list[str] = []
    for start, end, branch in _PHRASES.matches(text, extra):
        label = _LABELS[branch] if branch >= 0 else f'"{text[start:end]}"'
        if label not in out:
            out.append(label)
    return out


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    extra = options.get("extra_phrases")
    for span, text in body_sentences(draft):
        topics = _labels(text, extra)
        if not topics:
            continue
        if not (is_question(text) or asks_before(text, len(text))):
            continue
        what = topics[0] if len(topics) == 1 else ", ".join(topics[:-1]) + " and " + topics[-1]
        yield check.finding(span, f'asks about {what} before any offer: "{quote(text)}"')


CHECK = Check(
    code="FL403",
    name="premature-offer-question",
    severity=Severity.WARNING,
    summary="Asks about pay, time off, benefits, the start date or remote work before an offer.",
    why=(
        "Questions about the terms of the job, such as pay, holidays or the start date, can "
        "wait until there is an offer to discuss (G9). Raised in a thank-you note they shift "
        "the message from what you would bring to what you would get, and they ask the "
        "interviewer to negotiate before the team has decided."
    ),
    example=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. Could you tell me what the "
        "salary range is?\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. I remain very interested in "
        "the analyst role and look forward to hearing from you.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G9",),
    options={"extra_phrases": []},
    kinds=frozenset({"thank-you", "status-check", "general", "linkedin"}),  # G9: before any offer
)
