"""FL405 over-eager-tone: gushing, pleading or chasing.

Flags, one finding per phrase:

* gushing flattery: "the best company in the world", "my dream job", "I
  would do anything", "absolutely perfect in every way", "you are the most
  amazing team", "a dream come true";
* desperation: "I really need this job", "please, I beg you", "I'm
  desperate", "this job means everything to me", "my last hope";
* repeated contact: "I've emailed three times", "following up again", "yet
  another email", "my third message", "I'll call you tomorrow", "I'll stop
  by your office", "I'll keep checking in";
* too many exclamation marks: more than ``max_exclamations`` (2) in the
  body. A run such as "!!!" counts once (FL402 already flags the run); the
  finding marks the sentence holding the first mark over the limit.

Warm but measured praise ("I admire the team's work on X", "I'd be thrilled
to join") is not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from checks._phrases import Phrases, body_sentences, negated, quote
from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Severity, Span

__all__ = ["CHECK"]

_SUPERLATIVE = r"(?:best|greatest|most\s+(?:amazing|incredible|wonderful|inspiring|impressive|perfect))"
_PLACE = r"(?:company|team|organi[sz]ation|employer|place|firm|interviewer|boss|people|interview|job|role|office)"

_FLATTERY: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            ("world", "universe", "ever", "planet", "earth", "industry", "country"),
            rf"(?:the|your)\s+{_SUPERLATIVE}\s+{_PLACE}\s+(?:in\s+the\s+(?:world|universe|country|industry)|ever"
            r"|on\s+(?:the\s+)?(?:planet|earth)|i(?:'ve|\s+have)\s+ever\s+(?:seen|met|known|encountered))",
        ),
        (
            (
                "best", "greatest", "amazing", "incredible", "wonderful", "inspiring", "impressive",
                "perfect",
            ),
            rf"(?:you\s+are|you're|this\s+is|it's|it\s+is)\s+(?:truly\s+|simply\s+|by\s+far\s+)?(?:the|a)\s+"
            rf"{_SUPERLATIVE}\s+{_PLACE}",
        ),
        (
            ("dream",),
            r"(?:my|a|the)\s+(?:absolute\s+|true\s+|ultimate\s+)?dream\s+(?:job|role|company|position|employer|team)",
        ),
        (("dream",), r"dream\s+come\s+true"),
        (("dreamed", "dreamt"), r"(?:i(?:'ve|\s+have)\s+)?always\s+dream(?:ed|t)\s+of\s+(?:working|joining)"),
        (
            ("anything",),
            r"(?:i\s+would|i'd|i\s+will|i'll)\s+(?:literally\s+|honestly\s+)?do\s+(?:absolutely\s+)?anything",
        ),
        (("perfect",), r"(?:absolutely|utterly|simply)\s+perfect"),
        (("every",), r"(?:perfect|amazing|incredible|flawless|wonderful)\s+in\s+every\s+(?:way|respect)"),
        (("everything",), r"(?:love|adore|worship)\s+(?:absolutely\s+)?everything\s+about"),
        (("blown", "awe"), r"(?:truly|absolutely|simply)\s+(?:blown\s+away|in\s+awe)"),
        (("genius", "visionary"), r"(?:genius|visionary)\s+(?:leader|interviewer|team)"),
        (("worship",), r"i\s+worship"),
        (("life",), r"(?:my\s+)?(?:whole|entire)\s+life\s+(?:i(?:'ve|\s+have)\s+)?(?:wanted|dreamed)"),
        (("dream",), r"life-?long\s+dream"),
    )
)
_DESPERATE: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            ("need",),
            r"(?:really|desperately|badly|truly|seriously|so)\s+need\s+(?:this|the|that)\s+"
            r"(?:job|role|position|opportunity|offer|work)",
        ),
        (("need",), r"i\s+need\s+(?:this|the)\s+(?:job|role|position|offer)"),
        (("beg", "begging"), r"(?:i\s+)?beg(?:ging)?\s+(?:you|of\s+you)|i'm\s+begging|i\s+am\s+begging|please,?\s+i\s+beg"),
        (("please",), r"please,?\s+please"),
        (("desperate",), r"(?:i'm|i\s+am|i\s+feel|getting)\s+(?:(?!not\b|never\b|hardly\b)\w+\s+)?desperate"),
        (
            ("mean", "means"),
            r"(?:this|the)\s+(?:job|role|position|opportunity)\s+(?:means|would\s+mean)\s+(?:absolutely\s+)?"
            r"(?:everything|the\s+world)",
        ),
        (("last",), r"(?:my|the)\s+last\s+(?:hope|chance|option)"),
        (("afford",), r"can(?:no|')?t\s+afford\s+(?:to\s+)?(?:lose|miss|not\s+get)"),
        (("chance",), r"(?:just\s+)?give\s+me\s+a\s+chance"),
        (("anything",), r"i'll\s+take\s+anything|i\s+will\s+take\s+anything"),
    )
)
_CHASING: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        (
            (
                "emailed", "mailed", "called", "phoned", "written", "messaged", "texted", "contacted",
                "reached", "left",
            ),
            r"(?:i(?:'ve|\s+have)|i)\s+(?:already\s+)?(?:emailed|e-mailed|called|phoned|written|messaged|texted|contacted"
            r"|reached\s+out(?:\s+to\s+you)?|left\s+(?:you\s+)?(?:a\s+)?(?:voicemails?|messages?))\s+(?:you\s+)?"
            r"(?:\w+\s+)?(?:twice|three\s+times|four\s+times|several\s+times|multiple\s+times|many\s+times"
            r"|a\s+few\s+times|\d+\s+times|again|already|repeatedly|every\s+day|daily)",
        ),
        (
            ("following", "checking", "reaching"),
            r"(?:following|checking|reaching)\s+(?:up|in|out)\s+(?:\w+\s+)?(?:again|once\s+more|one\s+more\s+time"
            r"|another\s+time)",
        ),
        (
            ("second", "third", "fourth", "fifth", "2nd", "3rd", "4th", "5th"),
            r"(?:follow(?:ing)?|check(?:ing)?)\s+(?:up|in)\s+for\s+the\s+(?:second|third|fourth|fifth"
            r"|\d+(?:st|nd|rd|th))\s+time",
        ),
        (("yet",), r"yet\s+another\s+(?:email|e-mail|message|follow[\s-]?up|note|reminder)"),
        (
            ("second", "third", "fourth", "fifth", "2nd", "3rd", "4th", "5th"),
            r"(?:my|this\s+is\s+my)\s+(?:second|third|fourth|fifth|\d+(?:nd|rd|th))\s+"
            r"(?:email|e-mail|message|follow[\s-]?up|attempt|note|try)",
        ),
        (
            ("call", "phone", "ring"),
            r"(?:i'll|i\s+will|i'm\s+going\s+to|i\s+plan\s+to)\s+(?:\w+\s+)?(?:call|phone|ring)\s+"
            r"(?:you\s+|your\s+(?:office|desk|team)\s+)?"
            r"(?:again|tomorrow|today|tonight|later|this\s+(?:afternoon|evening|week)|next\s+week|first\s+thing"
            r"|every|on\s+(?:monday|tuesday|wednesday|thursday|friday))",
        ),
        (
            ("stop", "drop", "come", "swing", "pop"),
            r"(?:i'll|i\s+will|i'm\s+going\s+to|i\s+plan\s+to|i\s+might|i\s+may)\s+(?:\w+\s+)?"
            r"(?:stop|drop|come|swing|pop)\s+by",
        ),
        (
            ("office",),
            r"(?:i'll|i\s+will|i'm\s+going\s+to)\s+(?:\w+\s+)?(?:visit|come\s+to|show\s+up\s+at)\s+(?:your|the)\s+office",
        ),
        (
            ("keep",),
            r"(?:i'll|i\s+will)\s+keep\s+(?:calling|emailing|e-mailing|checking|following\s+up|trying|messaging)",
        ),
        (
            ("said", "wrote", "mentioned"),
            r"as\s+i\s+(?:said|mentioned|wrote)\s+in\s+my\s+(?:last|previous|earlier|other)\s+(?:\w+\s+)?"
            r"(?:emails?|messages?|voicemails?|notes?)",
        ),
        (
            ("previous", "last", "earlier", "other", "many", "several"),
            r"(?:haven't|have\s+not|never)\s+(?:received|had|got|gotten)\s+(?:a|any)\s+(?:reply|response|answer)\s+to\s+"
            r"(?:any\s+of\s+)?my\s+(?:previous|last|earlier|other|many|several)\s+(?:\w+\s+)?"
            r"(?:emails?|messages?|calls?|voicemails?)",
        ),
    )
)
_BANG = re.compile(r"!+")
_FAMILIES = (
    (_FLATTERY, "gushing flattery"),
    (_DESPERATE, "sounds desperate"),
    (_CHASING, "points to repeated contact"),
)
_ALL = Phrases(branch for family, _ in _FAMILIES for branch in family)
_LABELS = tuple(label for family, label in _FAMILIES for _ in family)


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    extras = options.get("extra_phrases")
    sentences = list(body_sentences(draft))
    for span, text in sentences:
        taken: list[tuple[int, int]] = []
        for start, end, branch in _ALL.matches(text, extras):
            if any(start < e and s < end for s, e in taken) or negated(text, start):
                continue
            taken.append((start, end))
            label = _LABELS[branch] if branch >= 0 else "over-eager wording"
            yield check.finding(
                Span(span.start + start, span.start + end),
                f'{label}: "{quote(text[start:end])}"',
            )
    limit = int(options.get("max_exclamations", 2))
    runs = [len(_BANG.findall(text)) for _, text in sentences]
    total = sum(runs)
    if total <= limit:
        return
    seen = 0
    for (span, text), count in zip(sentences, runs):
        seen += count
        if seen > limit:
            yield check.finding(
                span,
                f"uses {total} exclamation marks; more than {limit} reads as over-eager: "
                f'"{quote(text)}"',
            )
            return


CHECK = Check(
    code="FL405",
    name="over-eager-tone",
    severity=Severity.WARNING,
    summary="Gushing flattery, pleading, talk of repeated contact or a pile of exclamation marks.",
    why=(
        "Advisers warn against coming across as too eager (G10), and the reply data agree: "
        "slightly warm emails do better than neutral ones, but gushing flattery does worse "
        "(B16). Pleading puts the reader in an awkward spot, and mentioning how often you "
        "have written or that you will call or drop by reads as pressure (T5)."
    ),
    example=(
        "Hi Dana,\n\nThis is my dream job and I really need this job! I'm following up again "
        "in case you missed my email!\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you again for Tuesday. I'd be thrilled to join the team and help "
        "with the reporting backlog.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G10", "T5"),
    options={"extra_phrases": [], "max_exclamations": 2},
    kinds=frozenset(),
)
