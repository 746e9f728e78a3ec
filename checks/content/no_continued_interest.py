"""FL302 no-continued-interest: the body never says the writer still wants
the job.

Counts: interest or enthusiasm stated in the present (common misspellings
such as "intrested" included: FL101 reports the typo, this check the intent) ("I remain very
interested in the role", "I'm excited about the opportunity", "even more
enthusiastic after our talk", "reiterate my interest"), wanting to join or
contribute ("I would love to join the team", "I'd be thrilled to contribute",
"I hope to bring my experience to...", "I look forward to working with
you", "can't wait to get started"), and "X sounds like a great place to
work", "my dream job", "I would do anything to work here". After a
rejection, asking to be kept in mind or reconsidered counts too ("keep me in
mind", "keep my CV on file", "interested in future openings", "stay in
touch", "please reconsider").

Does not count: "I look forward to hearing from you" on its own, excitement
about hearing back ("eager to hear from you"), past-tense pleasantries
("I was excited to meet the team"), and anything negated ("not sure I'm
still interested", "no longer excited").

Span: the body's first sentence (no body, no finding). Fix: a sentence of
continued interest appended at the end of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from checks._phrases import Phrases, body_end, body_sentences, first_sentence, negated
from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_ADVERBS = (
    r"(?:still|now|even|very|really|so|truly|genuinely|incredibly|extremely|highly|more|all the more"
    r"|most|particularly|especially|definitely|deeply|quite|sincerely|just as|as|both)"
)
# common misspellings count too: FL101 reports the typo, this check the intent
_FEELING = (
    r"(?:interested|intrested|intersted|interessted|excited|exicted|excitied|enthusiastic|enthusiatic"
    r"|eager|keen|keener|thrilled|passionate|energi[sz]ed|motivated)"
)
_NOT_ABOUT_ROLE = r"(?:meet|hear|speak|talk|chat|connect|receive|see you|get your|learn (?:if|whether|when))"
_NOT_ROLE_TAIL = (
    r"\s+(?:hearing|your\s+(?:thoughts|feedback|views|reply|response)|knowing"
    r"|learning\s+(?:if|whether|when))"
)
_NOT_ROLE_OBJECT = r"\s+in" + _NOT_ROLE_TAIL
_JOIN = (
    r"(?:join|work(?:ing)?\s+(?:for|with|at|on|alongside|together|there|here)|contribut|be(?:come|coming|ing)?"
    r"\s+(?:a\s+)?part|becom|bring|help\s+(?:your|the|you)|be\s+considered|move\s+forward|take\s+on|start"
    r"|get\s+started|be\s+on\s+(?:the|your)\s+team|put\s+(?:them|it|my|those|these)|grow\s+with|build|lead"
    r"|accept|support\s+(?:your|the)|apply\s+my|use\s+my|add\s+value|make\s+an?\s+impact|be\s+a\s+(?:member|candidate))\w*"
)

_FEELINGS = (
    "interested", "intrested", "intersted", "interessted", "excited", "exicted", "excitied",
    "enthusiastic", "enthusiatic", "eager", "keen", "keener", "thrilled", "passionate", "energised",
    "energized", "motivated",
)
_INTEREST = Phrases(
    (
        # "interested in the role", "my interest in joining" (not "interested in hearing back")
        (
            ("interest", "interested"),
            rf"interest(?:ed)?\s+in(?!{_NOT_ROLE_TAIL})",
        ),
        (
            ("interest", "interested", "enthusiasm", "excitement", "eagerness", "keen", "excited"),
            r"(?:reiterate|reaffirm|restate|express|confirm|underscore|emphasi[sz]e|convey|share|repeat)\s+"
            r"(?:my|our|how)\s+(?:\w+\s+){0,2}?(?:interest|enthusiasm|excitement|eagerness|keen|excited|interested)",
        ),
        (
            ("interest", "enthusiasm"),
            r"my\s+(?:continued|strong|keen|genuine|sincere|real|great|deep)\s+(?:interest|enthusiasm)",
        ),
        (
            _FEELINGS,
            rf"(?:i'm|we're|remains?|feel|feeling|am)\s+"
            rf"(?:{_ADVERBS}\s+)*{_FEELING}(?!\s+to\s+{_NOT_ABOUT_ROLE}|{_NOT_ROLE_OBJECT})",
        ),
        (
            _FEELINGS,
            rf"{_FEELING}\s+(?:about|by|for|at|on)(?!\s+(?:hearing|the\s+(?:prospect|possibility)\s+of\s+hearing))",
        ),
        (
            ("eager", "keen", "excited", "thrilled", "motivated"),
            rf"(?:eager|keen|excited|thrilled|motivated)\s+to(?!\s+{_NOT_ABOUT_ROLE})",
        ),
        (("enthusiasm",), r"enthusiasm\s+for"),
        (
            (
                "love", "like", "welcome", "relish", "jump", "thrilled", "delighted", "excited", "honored",
                "honoured", "happy", "glad", "proud", "eager", "keen", "grateful", "pleased",
            ),
            rf"(?:would|'d)\s+(?:really\s+|very\s+much\s+|truly\s+|absolutely\s+|still\s+|just\s+)?"
            rf"(?:love|like|welcome|relish|jump\s+at|be\s+(?:so\s+|very\s+|really\s+)?(?:thrilled|delighted|excited"
            rf"|honou?red|happy|glad|proud|eager|keen|grateful|pleased))\s+(?:[\w']+[\s,]+){{0,6}}?"
            rf"(?:to\s+|of\s+)?{_JOIN}",
        ),
        (
            ("hope", "hoping", "forward", "want", "wish", "aim", "plan", "excited", "eager", "keen"),
            rf"(?:hope|hoping|look(?:ing)?\s+forward|want|wish|aim|plan|excited|eager|keen)\s+to\s+"
            rf"(?:[\w']+\s+){{0,5}}?{_JOIN}",
        ),
        (
            ("hope", "hoping"),
            r"(?:hope|hoping)\s+(?:that\s+)?(?:i|we)\s+(?:can|will|get\s+to|may|might)\s+(?:\w+\s+)?"
            r"(?:work|join|contribut|be\s+part|be\s+a\s+part|collaborat|help)",
        ),
        (("wait",), rf"(?:can(?:no|')?t|cannot)\s+wait\s+to\s+(?:\w+\s+){{0,2}}?{_JOIN}"),
        (
            ("like",),
            r"(?:sounds?|seems?|looks?)\s+like\s+(?:a|an|such\s+a|the)\s+(?:\w+\s+){0,3}?"
            r"(?:place|company|team|organi[sz]ation|environment|employer|opportunity)\s+(?:to|i'd|i\s+would)",
        ),
        (
            ("appeal", "appeals"),
            r"(?:role|position|job|opportunity|work)\s+(?:really\s+|strongly\s+|truly\s+)?appeals?\s+to\s+me",
        ),
        (("keen", "eager"), r"(?:still|very|really|more|all)\s+(?:\w+\s+)?(?:keen|eager)\b"),
        (
            ("dream",),
            r"(?:my|a|the|absolute|true)\s+(?:\w+\s+)?dream\s+(?:job|role|company|employer|position|team)",
        ),
        (("anything", "whatever"), r"(?:do|give)\s+(?:anything|whatever\s+it\s+takes)\s+(?:to|for)"),
        (("imagine",), r"imagine\s+(?:myself\s+)?working\s+anywhere\s+else"),
        (
            ("want", "wanted"),
            r"(?:i|really|truly|still|only|definitely)\s+want(?:ed)?\s+(?:this|the|that)\s+(?:job|role|position|opportunity)",
        ),
        (
            ("candidate", "applicant"),
            rf"(?:very|really|genuinely|truly|highly|an?)\s+{_FEELING}\s+(?:candidate|applicant)",
        ),
        (
            ("fit", "match"),
            r"(?:excellent|perfect|ideal|great|strong)\s+(?:fit|match)\s+for\s+(?:me|my\s+(?:skills|interests|goals))",
        ),
    )
)

# Only after a rejection: asking to stay on their list is the interest to state.
_KEEP_IN_MIND = Phrases(
    (
        (
            ("keep", "kept", "keeping"),
            r"(?:keep|kept|keeping)\s+(?:me|my\s+(?:\w+\s+){0,2}?(?:resume|cv|details|application|information|profile|name))"
            r"\s+(?:\w+\s+)?(?:in\s+mind|on\s+file|on\s+your\s+radar|on\s+record)",
        ),
        (("consider",), r"consider\s+me\s+for\s+(?:any\s+)?(?:future|other|upcoming|similar|later|new)"),
        (
            ("future", "other", "upcoming", "similar"),
            r"(?:future|other|upcoming|similar)\s+(?:\w+\s+)?(?:openings|roles|positions|opportunities|vacancies)",
        ),
        (("touch",), r"(?:stay|keep)\s+in\s+touch"),
        (("reconsider",), r"reconsider"),
        (("connected",), r"stay\s+connected"),
    )
)


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    anchor = first_sentence(draft)
    end = body_end(draft)
    if anchor is None or end is None:
        return
    extras = options.get("extra_phrases")
    rejection = draft.kind == "post-rejection"
    for _, text in body_sentences(draft):
        found = _INTEREST.finditer(text, extras)
        if rejection:
            found += _KEEP_IN_MIND.finditer(text)
        if any(not negated(text, start) for start, _ in found):
            return
    if rejection:
        line = " I would welcome the chance to be considered for future openings, so please keep me in mind."
        message = "the reply never asks them to keep you in mind for future roles"
    else:
        role = draft.context.role
        company = draft.context.company
        target = f"the {role} role" if role else "the role"
        if company:
            target += f" at {company}"
        line = f" I remain very interested in {target} and would love to contribute."
        message = "the body never says you are still interested in the role"
    yield check.finding(
        anchor,
        message,
        fix=Fix(Span(end, end), line, "add a line of continued interest"),
    )


CHECK = Check(
    code="FL302",
    name="no-continued-interest",
    severity=Severity.WARNING,
    summary="A body that never says the writer is still interested in the role or company.",
    why=(
        "Saying plainly that you still want the job is one of the few things every adviser "
        "asks for (G5): the interviewer is weighing who would accept, and a note that only "
        "thanks or only asks for news leaves them guessing. \"I look forward to hearing from "
        "you\" is a polite close, not a statement of interest. After a rejection the same "
        "idea takes the form of asking them to keep you in mind for future roles (K1)."
    ),
    example=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. I look forward to hearing "
        "from you.\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for meeting with me on Tuesday. Hearing about the reporting "
        "backlog made me even more excited about the analyst role. I look forward to hearing "
        "from you.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G5", "K1"),
    options={"extra_phrases": []},
    kinds=frozenset({"thank-you", "status-check", "general", "post-rejection"}),
)
