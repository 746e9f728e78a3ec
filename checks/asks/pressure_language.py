"""FL402 pressure-language: deadlines, ultimatums and urgency aimed at the
employer.

Flags, one finding per phrase:

* deadlines and ultimatums: "I need an answer by Friday", "please reply by
  end of day", "if I don't hear back by Monday", "no later than", "otherwise
  I will accept another offer", "this is your last chance";
* a competing offer used as a lever: "I have another offer and need to
  know", "I've received a competing offer";
* urgency words: "ASAP", "as soon as possible", "urgent(ly)", "immediately",
  "right away", "at your earliest convenience" is *not* flagged (it is a
  polite formula);
* doubled punctuation: "??", "!!", "?!" (a run counts once; the fix keeps
  one mark).

Not flagged: the writer offering their own availability. "I can start
immediately", "I'm available to start ASAP", "I could relocate right away"
are eagerness about the job, not pressure on the reader (FL405 watches the
tone). The urgency words are skipped when the clause before them has the
writer as the subject of start/begin/join/relocate/available/free.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from checks._phrases import Phrases, body_sentences, negated, quote
from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_WHEN = (
    r"(?:by|before|within|no\s+later\s+than|until)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:day|week|month)|eod|cob"
    r"|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|noon"
    r"|(?:this|next)(?:\s+(?:week|month|\w+day))?"
    r"|\d[\w:./-]*|\w+day|[a-z]+\s+\d+(?:st|nd|rd|th)?)"
)
_ANSWER = r"(?:answer|response|reply|decision|update|feedback|offer|word|confirmation)"

_DEADLINE: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            ("need", "needs", "want", "expect", "require", "must", "have"),
            rf"(?:need|needs|want|expect|require|must\s+have|must\s+get|have\s+to\s+(?:get|have)|would\s+need)\s+"
            rf"(?:an?\s+|your\s+|the\s+|some\s+)?(?:\w+\s+)?{_ANSWER}\s+(?:from\s+you\s+)?"
            rf"(?:{_WHEN}|asap|soon|now|today|immediately|quickly|right\s+away)",
        ),
        (
            ("must", "need", "have"),
            r"(?:must|need\s+to|have\s+to)\s+hear\s+(?:back\s+)?(?:from\s+you\s+)?"
            r"(?:this\s+week|today|tomorrow|tonight|by\s+\w+|before\s+\w+|within\s+\w+\s+\w+|asap|immediately)",
        ),
        (
            ("need",),
            rf"need\s+to\s+(?:know|hear)\s+(?:\w+\s+){{0,4}}?(?:{_WHEN}|asap|soon|now|today|immediately|quickly|right\s+away)",
        ),
        (
            ("respond", "reply", "answer", "decide", "back", "let", "confirm"),
            rf"(?:respond|reply|answer|decide|get\s+back\s+to\s+me|let\s+me\s+know|confirm|write\s+back)\s+"
            rf"(?:\w+\s+){{0,2}}?{_WHEN}",
        ),
        (
            ("if",),
            rf"if\s+i\s+(?:don't|do\s+not|haven't|have\s+not|can't|cannot)\s+(?:hear|get|receive|have)\s+"
            rf"(?:\w+\s+){{0,4}}?{_WHEN}",
        ),
        (
            ("if",),
            r"if\s+i\s+(?:don't|do\s+not|haven't|have\s+not)\s+(?:heard|hear|gotten|received)\s+(?:back\s+)?"
            r"(?:from\s+you\s+)?(?:soon|shortly|quickly)",
        ),
        (
            ("otherwise",),
            r"otherwise\s+i(?:'ll|\s+will|\s+would|\s+may|\s+might|\s+must|\s+have\s+to)\s+(?:\w+\s+){0,2}?"
            r"(?:accept|take|withdraw|pursue|move\s+on|go\s+with|consider|look\s+elsewhere)",
        ),
        (
            ("offer",),
            r"(?:i(?:'ll|\s+will)\s+have\s+to|i\s+must|i'll\s+need\s+to|i\s+will\s+need\s+to)\s+(?:\w+\s+)?"
            r"(?:accept|take)\s+(?:another|the\s+other|a\s+competing|their)\s+(?:\w+\s+)?offer",
        ),
        (("final", "last"), r"(?:final|last)\s+(?:chance|notice|warning|call)"),
        (("deadline",), r"deadline\s+(?:for\s+you|is|of)"),
        (
            ("running", "wait"),
            r"(?:time\s+is\s+running\s+out|running\s+out\s+of\s+time"
            r"|can(?:no|')?t\s+wait\s+(?:much\s+|any\s+)?(?:longer|forever))",
        ),
    )
)
_OFFER: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            ("offer", "offers"),
            r"(?:have|received|got|gotten|holding|hold|considering|weighing|on\s+the\s+table|another|been\s+offered)\s+"
            r"(?:\w+\s+)?(?:another|other|a\s+competing|competing|a\s+second|an?\s+other|a\s+rival|a\s+different)\s+"
            r"(?:\w+\s+)?(?:job\s+)?offers?",
        ),
        (
            ("offer", "offers"),
            r"(?:have|received|got|gotten|holding|considering)\s+(?:an?\s+)?(?:\w+\s+)?offer\s+from\s+"
            r"(?:another|a\s+competitor|a\s+different|an?\s+other)",
        ),
        (("another",), r"another\s+company\s+(?:has\s+)?(?:made|offered|extended)"),
    )
)
_URGENT: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (("asap",), r"asap"),
        (("p",), r"a\.s\.a\.p\.?"),
        (("soon",), r"as\s+soon\s+as\s+(?:possible|you\s+can)"),
        (("urgent", "urgently", "urgency"), r"urgent(?:ly)?|urgency"),
        (("immediately",), r"immediately"),
        (("away",), r"right\s+away"),
        (("delay",), r"without\s+delay"),
    )
)
_FAMILIES = (("deadline", _DEADLINE), ("offer", _OFFER), ("urgent", _URGENT))
_MESSAGES = (
    ("deadline", "puts a deadline on the employer"),
    ("offer", "uses a competing offer to hurry the employer"),
    ("urgent", "presses for speed"),
)
_ALL = Phrases(branch for _, family in _FAMILIES for branch in family)
_FAMILY_OF = tuple(name for name, family in _FAMILIES for _ in family)
_SELF_OFFER = re.compile(
    r"\b(?:i|i'm|i’m|i\s+am|i've|i’ve|me)\b[^.?!,;]{0,40}?\b(?:start|begin|join|relocate|move|available"
    r"|availability|free|ready|come\s+in|work|be\s+there|commence)\w*[^.?!,;]{0,25}$",
    re.I,
)
_PUNCT = re.compile(r"[?!]{2,}")


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    extras = options.get("extra_phrases")
    subject = draft.subject
    regions = [(subject.value_span, subject.value)] if subject is not None else []
    for span, text in [*regions, *body_sentences(draft)]:
        hits = _ALL.matches(text, extras)
        taken: list[tuple[int, int]] = []
        for name, message in _MESSAGES:
            for start, end, branch in hits:
                family = _FAMILY_OF[branch] if branch >= 0 else "deadline"
                if family != name or any(start < e and s < end for s, e in taken):
                    continue
                if family == "urgent":
                    if _SELF_OFFER.search(text[:start]):
                        continue
                elif negated(text, start):
                    continue
                taken.append((start, end))
                phrase = text[start:end] if family == "urgent" else quote(text[start:end])
                yield check.finding(
                    Span(span.start + start, span.start + end), f'{message}: "{phrase}"'
                )
        if "??" in text or "!!" in text or "?!" in text or "!?" in text:
            for m in _PUNCT.finditer(text):
                mark = "?" if "?" in m.group() else "!"
                at = Span(span.start + m.start(), span.start + m.end())
                yield check.finding(
                    at,
                    f'doubled punctuation reads as impatient: "{m.group()}"',
                    fix=Fix(at, mark, f'keep a single "{mark}"'),
                )


CHECK = Check(
    code="FL402",
    name="pressure-language",
    severity=Severity.ERROR,
    summary="Deadlines, ultimatums, urgency words and doubled ?/! aimed at the employer.",
    why=(
        "A follow-up should not put the reader under pressure (G10). Deadlines, \"ASAP\", "
        "a competing offer waved as a lever or a row of question marks tell a busy "
        "interviewer you are impatient, which is the opposite of the calm, professional "
        "impression the note exists to leave. Offering your own availability (\"I can start "
        "immediately\") is not pressure and is not flagged."
    ),
    example=(
        "Hi Dana,\n\nThank you for Tuesday. I need an answer by Friday, so please reply "
        "ASAP!!\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for Tuesday. I remain very interested in the role and look "
        "forward to hearing from you.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G10",),
    options={"extra_phrases": []},
    kinds=frozenset(),
)
