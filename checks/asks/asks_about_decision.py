"""FL401 asks-about-decision: asking whether you got the job, or when you
will hear.

Two families of asks are told apart:

* demands for the outcome, flagged in every kind of note even without a
  question: "I need an answer by Friday", "I need to know whether you..."
  (FL402 reports the deadline wording as pressure too);
* blunt asks about the outcome, flagged in every kind of note: "did I get
  the job?", "have you made a decision?", "whether you have decided on the
  position yet", "is the position filled?", "why haven't I heard back?",
  "when will I hear?", "any news yet?", "I'd like to know if I got it",
  "give me some good news";
* polite asks about where the process stands: "could you share where things
  stand?", "is there an update on the timeline?", "what are the next steps?",
  "when can I expect to hear back?", "let me know how the process is going",
  "have you finished interviewing?", "will there be a second round?".
  A status check may hold one of these (K3): the first is fine, each further
  one is flagged. A sentence that only says why you are writing ("I wanted
  to see if there were any updates", "I'm following up on my application")
  is the purpose of a status check and does not use up that one question.
  In any other kind of note each one is flagged.

An ask is a sentence that ends in "?" or that carries a request ("let me
know", "I wanted to see if", "I'd like to know", "I was wondering", "follow
up about", "could you..."); a statement such as "I look forward to hearing
about next steps" is not an ask. Negated mentions ("I know you haven't made
a decision yet") are not asks either.

One finding per offending sentence; the span is the sentence. No fix: the
right rewrite depends on the note.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from checks._phrases import REQUEST, Phrases, asks_before, body_sentences, is_question, kind_label, quote
from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Severity

__all__ = ["CHECK"]

_WHO = r"(?:you|the\s+team|the\s+committee|the\s+panel|they|anyone|the\s+company|the\s+hiring\s+(?:team|manager))"
_JOBWORD = r"(?:job|role|position|offer|post|opening|vacancy|it|this|that)"

_BLUNT: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            ("get", "got", "gotten", "land", "landed", "win", "won"),
            rf"(?:did|have|will|do)\s+i\s+(?:get|got|gotten|land(?:ed)?|win|won)\s+(?:the\s+|this\s+|that\s+)?{_JOBWORD}",
        ),
        (
            ("make", "pass", "succeed", "been"),
            r"(?:did|have)\s+i\s+(?:make\s+it|pass|succeed|been\s+(?:selected|chosen|successful|hired|accepted))",
        ),
        (
            ("got", "get", "gotten", "landed", "getting"),
            rf"(?:if|whether)\s+i(?:\s+got|\s+get|\s+have\s+got(?:ten)?|'ve\s+got(?:ten)?|\s+landed|\s+will\s+get"
            rf"|\s+am\s+getting|'m\s+getting)"
            rf"\s+(?:the\s+|this\s+|that\s+)?{_JOBWORD}",
        ),
        (
            ("if", "whether"),
            r"(?:if|whether)\s+i(?:\s+was|\s+were|\s+have\s+been|'ve\s+been|\s+am|'m|\s+will\s+be|'ll\s+be)\s+"
            r"(?:selected|chosen|successful"
            r"|hired|accepted|shortlisted|picked|offered|moving\s+forward|still\s+in\s+the\s+running|through"
            r"|invited|progressing|advancing|going\s+through|being\s+considered)",
        ),
        (
            ("decision",),
            rf"(?:have|has|had)\s+{_WHO}\s+(?:\w+\s+)?(?:made|reached|come\s+to|arrived\s+at|got|gotten)\s+"
            r"(?:a|any|your|the|their)\s+(?:final\s+)?decision",
        ),
        (
            ("decision",),
            rf"(?:if|whether)\s+{_WHO}\s+(?:have|has|had|'ve)?\s*(?:\w+\s+)?(?:made|reached|come\s+to)\s+"
            r"(?:a|any|your|the|their)\s+(?:final\s+)?decision",
        ),
        (
            ("decision",),
            rf"(?:if|whether)\s+{_WHO}\s+(?:have|has|had|'ve)\s+(?:your|their|a|the)\s+(?:final\s+)?decision",
        ),
        (
            ("decided", "chosen", "picked", "selected", "filled", "hired", "made"),
            rf"(?:have|has|had|if|whether)\s+{_WHO}\s+(?:have\s+|has\s+|had\s+|'ve\s+)?(?:\w+\s+)?"
            r"(?:decided|chosen|picked|selected|filled|hired|made\s+(?:an?\s+)?(?:offer|hire|choice|selection))",
        ),
        (
            ("decided", "decision"),
            r"(?:decided|decision)\s+(?:on|about|for)\s+(?:the|this|that|my)\s+(?:\w+\s+)?"
            r"(?:position|role|job|opening|candidate|application)",
        ),
        (("decision",), r"(?:your|a|the|any)\s+(?:final\s+)?decision\s+yet"),
        (
            ("filled", "taken", "gone", "closed"),
            r"(?:is|has|was)\s+(?:the|this|that)\s+(?:\w+\s+)?(?:position|role|job|vacancy|opening)\s+"
            r"(?:been\s+|already\s+|still\s+)*(?:filled|taken|gone|closed)",
        ),
        (
            ("am", "was"),
            r"(?:am|was)\s+i\s+(?:still\s+)?(?:in\s+the\s+running|being\s+considered|under\s+consideration"
            r"|selected|chosen|successful|hired|getting)",
        ),
        (
            ("why", "come"),
            r"(?:why|how\s+come)\s+(?:\w+\s+){0,3}?(?:haven't|have\s+not|hasn't|has\s+not|didn't|did\s+not|don't"
            r"|do\s+not|isn't)\s+(?:i\s+|anyone\s+|you\s+|somebody\s+|someone\s+)?(?:\w+\s+)?"
            r"(?:heard|hear|gotten|received|replied|responded|been\s+contacted|got|get)",
        ),
        (
            ("why", "come"),
            r"(?:why|how\s+come)\s+(?:\w+\s+){0,2}?(?:no\s+one|nobody)\s+(?:has\s+)?"
            r"(?:replied|responded|got|gotten|contacted|called)",
        ),
        (
            ("when", "soon"),
            r"(?:when|how\s+soon)\s+will\s+(?:i|we)\s+(?:hear|know|find\s+out|get\s+(?:an?\s+)?"
            r"(?:answer|decision|response|offer))",
        ),
        (
            ("when", "soon"),
            r"(?:when|how\s+soon)\s+will\s+(?:you|they|the\s+team)\s+(?:decide|make\s+(?:a|your|the)\s+decision"
            r"|let\s+me\s+know|get\s+back)",
        ),
        (("news",), r"good\s+news"),
        (
            ("pick", "picked", "choose", "chose", "chosen", "select", "selected", "hire", "hired", "offer", "offered"),
            rf"(?:did|has|have|had)\s+{_WHO}\s+(?:already\s+|now\s+)?(?:pick|picked|choose|chose|chosen|select"
            r"|selected|hire|hired|offer|offered)\s+(?:someone|somebody|another|anyone|a\s+candidate|the\s+role)",
        ),
        (
            ("chance",),
            rf"(?:have|has|had)\s+{_WHO}\s+(?:\w+\s+)?(?:had\s+)?(?:a|the)\s+chance\s+to\s+"
            r"(?:decide|make\s+(?:a|your|the)\s+(?:final\s+)?decision|choose)",
        ),
        (
            ("moving", "move", "progress", "progressing", "advance", "advancing", "going", "proceed", "proceeding"),
            r"(?:will|am|would|shall)\s+i\s+(?:be\s+)?(?:moving|move|progress(?:ing)?|advanc(?:e|ing)|going|proceed(?:ing)?)"
            r"\s+(?:forward|on|through|ahead|to\s+the\s+next)",
        ),
        (
            ("decision", "outcome", "verdict", "result"),
            r"(?:what|whether|if)\s+(?:was|is)\s+(?:the|your)\s+(?:final\s+)?(?:decision|outcome|verdict|result)",
        ),
    )
)
# Demands: statements that press for the outcome, flagged without a "?".
_DEMAND: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            ("need", "needs", "want", "expect", "require", "must"),
            r"(?:need|needs|want|expect|require|must\s+(?:have|get))\s+(?:an?\s+|your\s+|the\s+|a\s+final\s+)?"
            r"(?:answer|decision|response|reply|verdict|outcome)\s+(?:from\s+you\s+)?"
            r"(?:by|before|within|today|tomorrow|this\s+week|asap|soon|now|immediately|quickly|right\s+away)",
        ),
        (("need",), r"need\s+to\s+know\s+(?:if|whether|what)\s+(?:i|you|the\s+team)\b"),
        (("tell", "let"), r"(?:tell|let)\s+me\s+(?:now|today|immediately|right\s+away)\s+(?:if|whether)"),
    )
)
# "Any news yet?" on its own: elliptical and impatient.
_BARE_NEWS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            ("news", "update", "updates", "word"),
            r"^\W*(?:so\s*,?\s*)?any\s+(?:news|updates?|word)(?:\s+(?:yet|so\s+far|at\s+all))?\W*$",
        ),
    )
)

_POLITE: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            ("where",),
            r"where\s+(?:things|everything|the\s+(?:\w+\s+)?process|the\s+search|my\s+application|my\s+candidacy|we)"
            r"\s+(?:currently\s+|now\s+)?(?:stands?|are|is)",
        ),
        (
            ("how", "where"),
            r"(?:how|where)\s+(?:the\s+(?:\w+\s+)?process|the\s+search|things|my\s+application|my\s+candidacy)"
            r"\s+(?:is|are)\s+(?:going|progressing|moving|coming\s+along)",
        ),
        (("news", "update", "updates", "word", "progress"), r"(?:any|an|the\s+latest)\s+(?:news|updates?|word|progress)"),
        (
            ("timeline", "timeframe", "time", "line", "schedule"),
            r"(?:timeline|timeframe|time\s+frame|time-frame|time\s+line|schedule)\s+(?:for|of|on|you|that)",
        ),
        (("next",), r"next\s+steps?"),
        (("status",), r"status\s+of\s+(?:the|my|this|your)"),
        (("status",), r"(?:what|how)\s+(?:the|my)\s+status\s+is"),
        (("status",), r"(?:current|application)\s+status"),
        (
            ("when", "soon"),
            r"(?:when|how\s+soon|by\s+when)\s+(?:\w+\s+){0,3}?(?:expect|hope|plan|anticipate|intend)\s+to"
            r"\s+(?:hear|make|reach|decide|fill|finali[sz]e|move\s+forward|have|know|share|get\s+back)",
        ),
        (
            ("when", "soon"),
            r"(?:when|how\s+soon)\s+(?:i|we)\s+(?:might|could|can|should|would|may)\s+(?:\w+\s+)?(?:hear|know|expect)",
        ),
        (
            ("when", "soon"),
            r"(?:when|how\s+soon)\s+(?:you|the\s+team|they)\s+(?:might|could|can|would|will|may)\s+(?:\w+\s+)?"
            r"(?:decide|have|make|be\s+(?:making|in\s+touch))",
        ),
        (("back",), r"(?:hear|hearing)\s+back"),
        (("long",), r"how\s+long\s+(?:until|before|till|will\s+it\s+(?:be|take)|do\s+you\s+(?:think|expect))"),
        (
            ("decision",),
            r"when\s+(?:a|the|your|any)\s+(?:final\s+)?decision\s+(?:will|would|might|may|is\s+(?:likely|expected)\s+to)"
            r"\s+be\s+(?:made|reached|taken|announced)",
        ),
        (
            ("finished", "completed", "wrapped", "concluded", "done"),
            r"(?:have|has|are|is)\s+(?:you|the\s+team|they|the\s+panel|the\s+committee)\s+(?:\w+\s+)?"
            r"(?:finished|completed|wrapped\s+up|concluded|done\s+with)\s+(?:\w+\s+)?"
            r"(?:interview|interviews|interviewing|the\s+process|the\s+search|your\s+search|the\s+first\s+round)",
        ),
        (
            ("round", "stage", "interview"),
            r"will\s+there\s+be\s+(?:a|another|any)\s+(?:second|third|next|final|further|follow-up)?\s*"
            r"(?:round|stage|interview)",
        ),
        (("candidates",), r"(?:other|remaining|final|shortlisted)\s+candidates"),
    )
)
# Saying why you write ("I wanted to see if there were any updates") rather
# than asking the reader: in a status check that is the note's purpose, not a
# question that counts towards the one allowed.
_PURPOSE = Phrases(
    (
        (("see", "check", "find", "learn"), r"(?:see|check|find\s+out|learn)\s+(?:if|whether|how|where)"),
        (("follow", "following"), r"follow(?:ing)?[\s-]+up\s+(?:\w+\s+){0,2}?(?:about|on|regarding|with\s+you)"),
        (("check", "checking"), r"check(?:ing)?\s+in\s+(?:about|on|regarding|to)"),
    )
)
_DENIAL: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            ("not", "never", "t"),
            r"(?:not|never|n't)\s+(?:\w+\s+){0,2}?(?:asking|expecting|pushing|rushing|trying\s+to\s+rush|looking\s+for)",
        ),
    )
)


# One pass per sentence: every family in one ``Phrases``, told apart by branch.
_FAMILIES = (
    ("denial", _DENIAL),
    ("demand", _DEMAND),
    ("blunt", _BLUNT),
    ("blunt", _BARE_NEWS),
    ("polite", _POLITE),
)
_ALL = Phrases(branch for _, family in _FAMILIES for branch in family)
_FAMILY_OF = tuple(name for name, family in _FAMILIES for _ in family)


def _only_purpose(text: str) -> bool:
    """Every request marker in ``text`` states the writer's purpose."""
    purpose = _PURPOSE.finditer(text)
    if not purpose:
        return False
    return all(
        any(s < pe and ps < e for ps, pe in purpose) for s, e in REQUEST.finditer(text)
    )


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    extras = options.get("extra_phrases")
    allowed = int(options.get("polite_questions_allowed", 1)) if draft.kind == "status-check" else 0
    polite_seen = 0
    for span, text in body_sentences(draft):
        ends: dict[str, int] = {}  # family -> end of its last match
        for _, end, branch in _ALL.matches(text, extras):
            family = _FAMILY_OF[branch] if branch >= 0 else "blunt"
            ends[family] = max(end, ends.get(family, 0))
        if not ends or "denial" in ends:
            continue
        if "demand" in ends:
            yield check.finding(span, f'demands an answer about the hiring decision: "{quote(text)}"')
            continue
        question = is_question(text)
        if "blunt" in ends and (question or asks_before(text, ends["blunt"])):
            yield check.finding(span, f'asks outright about the hiring decision: "{quote(text)}"')
            continue
        if "polite" not in ends or not (question or asks_before(text, ends["polite"])):
            continue
        if draft.kind == "status-check" and not question and _only_purpose(text):
            continue
        polite_seen += 1
        if polite_seen <= allowed:
            continue
        if draft.kind == "status-check":
            message = f'asks about the process again; one polite question is enough: "{quote(text)}"'
        else:
            message = (
                f"asks about the hiring timeline in {kind_label(draft.kind)}; "
                f'save it for a status check: "{quote(text)}"'
            )
        yield check.finding(span, message)


CHECK = Check(
    code="FL401",
    name="asks-about-decision",
    severity=Severity.ERROR,
    summary="Asks whether a decision has been made, whether you got the job, or when you will hear.",
    why=(
        "Advisers are blunt about it (G8): the follow-up exists to make you memorable, not to "
        "extract news, and asking whether you got the job reads as pressure on someone who "
        "may not be able to answer yet. In a status check, sent after the promised date has "
        "passed, one polite question about where things stand is fine (K3); a second one, or "
        "a blunt one, is not."
    ),
    example=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. Have you made a decision yet?"
        "\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. I enjoyed hearing about the "
        "reporting backlog and remain very interested in the role.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G8", "K3"),
    options={"extra_phrases": [], "polite_questions_allowed": 1},
    kinds=frozenset(),
)
