"""FL304 no-forward-close: the note ends without looking ahead.

Counts anywhere in the body: "look forward to..." in any form, "next
steps", an offer of more ("happy to provide/send/answer...", "please let me
know if you need anything", "don't hesitate to contact me", "if you have
any questions"), hoping to hear from them or stay in touch, "talk soon",
"in the meantime". A forward-looking sign-off line ("Looking forward,",
"Talk soon,") counts as well: it is the closing, and it does the job.

Span: the body's last sentence, after which the close belongs (no body, no
finding). Fix: a closing sentence appended at the end of the body.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from checks._phrases import Phrases, body_end, body_sentences
from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_FORWARD = Phrases(
    (
        (("forward",), r"look(?:ing|s)?\s+forward"),
        (("next",), r"next\s+steps?"),
        (
            ("happy", "glad", "pleased", "delighted", "willing", "ready"),
            r"(?:happy|glad|pleased|delighted|willing|ready)\s+to\s+(?:\w+\s+)?(?:provide|share|send|answer"
            r"|discuss|supply|help|talk|chat|speak|meet|clarify|elaborate|go\s+over|jump\s+on|hop\s+on"
            r"|follow\s+up|forward|pass\s+along|walk|expand|dig|come\s+in)",
        ),
        (("let",), r"let\s+me\s+know"),
        (("free",), r"feel\s+free\s+to"),
        (("hesitate",), r"(?:don't|do\s+not|never)\s+hesitate"),
        (("me",), r"(?:reach|get)\s+(?:out|back)\s+to\s+me"),
        (("me",), r"(?:contact|call|email|e-mail|text|ring)\s+me"),
        (
            ("you",),
            r"(?:if|should|in\s+case)\s+you\s+(?:\w+\s+)?(?:need|have|require|would\s+like|want|think\s+of)",
        ),
        (
            ("hope", "hoping", "wait", "waiting"),
            r"(?:hope|hoping|wait(?:ing)?)\s+to\s+(?:hear|speak|talk|stay|keep|connect|see|meet|continue|chat)",
        ),
        (("from",), r"hear(?:ing)?\s+(?:back\s+)?from\s+you"),
        (("touch", "connected"), r"(?:stay|keep)\s+(?:in\s+touch|connected)"),
        (("soon",), r"(?:talk|speak|chat|see\s+you)\s+soon"),
        (("then",), r"until\s+then"),
        (("meantime",), r"in\s+the\s+meantime"),
        (("anything",), r"anything\s+(?:else\s+)?(?:i\s+can|you\s+need)"),
    )
)
_FORWARD_SIGNOFF = Phrases(
    ((("forward",), r"looking\s+forward"), (("soon",), r"(?:talk|speak|chat)\s+soon"))
)


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    end = body_end(draft)
    if not draft.sentences or end is None:
        return
    anchor = draft.sentences[-1]  # the close belongs after the last sentence
    if draft.closing is not None and _FORWARD_SIGNOFF.search(draft.slice(draft.closing)):
        return
    extras = options.get("extra_phrases")
    for _, text in reversed(list(body_sentences(draft))):  # closes sit at the end
        if _FORWARD.search(text, extras=extras):
            return
    yield check.finding(
        anchor,
        "the note ends without a forward-looking close (that you look forward to hearing "
        "from them, or an offer to send anything they need)",
        fix=Fix(
            Span(end, end),
            " I look forward to hearing from you, and I am happy to send anything else you need.",
            "add a forward-looking close",
        ),
    )


CHECK = Check(
    code="FL304",
    name="no-forward-close",
    severity=Severity.INFO,
    summary="A note with no forward-looking close: no looking forward, no offer of more.",
    why=(
        "Advisers suggest ending on the next step (G7): say you look forward to hearing "
        "from them and offer any further information or documents they need. It leaves the "
        "door open without asking for news, and gives the reader an easy reason to reply."
    ),
    example=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. I enjoyed hearing about the "
        "reporting backlog.\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. I enjoyed hearing about the "
        "reporting backlog. I look forward to hearing from you, and I am happy to share "
        "work samples if they would help.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G7",),
    options={"extra_phrases": []},
    kinds=frozenset({"thank-you", "status-check", "general"}),
)
