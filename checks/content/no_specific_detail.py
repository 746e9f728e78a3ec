"""FL301 no-specific-detail: a note that could have been sent to anyone.

With interview topics in the context (``topics:``), the body must mention at
least one. A topic counts as mentioned when most of its key words (content
words, minus ordinary ones such as "team" or "role") appear in one sentence,
in any order and inflection: "night-shift staffing" is matched by "staffing
the night shifts". Words built on one root count as one ("medication" and
"medicine" share "medic"), and so do run-together pairs ("rolling out" and
"rollout"). The share is the option ``topic_share`` (0.6: one of one, two of
two, two of three, three of four key words). A paraphrase that keeps only
some key word of a topic ("residents living with dementia" for
"dementia-friendly activities") passes when the body also holds a concrete
detail by the rules below.

Without topics, the check looks for a sentence that the sentence model
(``linter.sense``, label "detail") reads as being about the conversation or
the job and that holds something concrete beyond the role title and the
company name. What is concrete is decided by word rarity, not by a list:
a word counts when it is rarer in general English than ``ORDINARY_ZIPF``
(wordfreq's Zipf scale, stored in the model's word table) and can be a noun
("readmission", "dashboard", "invoices"; not "culture", "position",
"exciting" or "resonated"). Such a word counts

* in the object of a reference ("we discussed X", "you mentioned X", "hearing
  about X", "hear how X", "your plans for X", "the problem of X", "help
  your team X", "ideas around X", a preposition such as about/on/regarding/
  around); an object that starts with "my" is about the writer and does not
  count;
* a modifier on a named thing ("the onboarding redesign", "your Q3 launch",
  "the billing migration");
* a number that is not a date, a time or a duration, an acronym, a CamelCase
  name or a name with digits ("EHR", "NetSuite", "COVID-19"), unless it
  describes the writer ("my SQL experience", "5 years");
* a capitalised name in mid-sentence ("the Midwest territory"), unless the
  word is common in lower case ("Position", "Name" in a title-cased line).

Names are never details: those from the context, the greeting and the
signature; the words of the role title (the words just before "role"/
"position"/"job"); capitalised names in a company slot ("at Acme", "join
Acme", "Acme's", "Acme sounds like...") or a person slot ("thank Andy",
"meeting Priya"), anywhere in the body. The option ``generic_words`` adds
words that never count.

In template mode a placeholder that asks for a detail ("[something specific
you discussed]", "{topic}", "[specific aspect of the role]") satisfies the
check; in draft mode placeholders are blanked out (FL503 reports them).

Span: the whole body, where the detail is missing (no body, no finding).
Applies to thank-you and LinkedIn notes, the kinds G4 and K2 speak of. With
topics, a fix
adds a sentence naming the first topic at the end of the first paragraph.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator, Mapping
from typing import Any

from checks._concrete import _STOP, _TOKEN, _WORD, _candidates, _compounds, _kept, _marks
from checks._phrases import body_sentences, lower, masked_text, quote, stem
from checks._topics import topic_mentioned
from linter import regexes
from linter.sense import read
from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

# How far below the model's own threshold a sentence holding a rare noun may
# read as a detail: the noun is evidence too.
DETAIL_SLACK = 0.1

# Heads that make a noun pair the role's title ("accountant role"); not "job",
# which also names a piece of work ("the rewiring job").
_ROLE_NOUNS = frozenset("role roles position positions opening openings post vacancy internship".split())
_SLOT_BEFORE = frozenset("at join joining joined with for about to from of".split())
_SLOT_AFTER = frozenset("sounds seems looks is has team culture family".split())
_PEOPLE_BEFORE = frozenset(
    "thank thanks meet meeting met and with to from ask tell introduce introducing including".split()
)
_DETAIL_SLOT = regexes.compile(
    r"specific|detail|topic|discuss|project|something|mention|example|challenge|aspect|area|point"
    r"|insight|goal|initiative|problem|idea|thing|talked|conversation|plan|\bx\b|\by\b|\bz\b",
    re.I,
)
_NAME_SLOT = regexes.compile(
    r"name|e-?mail|phone|contact|title|company|employer|organi[sz]ation|position|role|job|date|day"
    r"|yesterday|today|address|signature|number|linkedin|interviewer|recruiter|city|location",
    re.I,
)


# A slot for the writer's own strengths ("[mention a key strength]") is not a
# detail from the interview, unless it points at the conversation.
_SELF_SLOT = regexes.compile(r"strength|skill|experience|qualification|background|achievement|accomplishment|expertise", re.I)
_TALK_SLOT = regexes.compile(r"discuss|talked|conversation|interview|mentioned", re.I)


def _detail_placeholder(name: str) -> bool:
    """A template slot that asks for a detail, not for a name, a date or the
    writer's own strengths."""
    if _SELF_SLOT.search(name) and not _TALK_SLOT.search(name):
        return False
    if _DETAIL_SLOT.search(name):
        return True
    words = re.split(r"[\s/]+", name.strip())
    return len(words) >= 4 and not _NAME_SLOT.search(name)


_CAP_RUN = regexes.compile(r"[A-Z0-9][\w&'’.-]*(?:[ \t]+(?:[A-Z0-9][\w&'’.-]*|&|of)){0,3}")
_NEXT_WORD = regexes.compile(r"\s*([A-Za-z]+)")
_ROLE_AT = regexes.compile(r"(?:role|position|job|opening|post|vacancy|internship)s?\b")


def _known_names(draft: Draft, sentences: list[str]) -> set[str]:
    """Lower-case words that name people, the company or the role: context
    names, a letter's address block, the greeting and signature, and the
    role title."""
    names = {w.lower() for w in draft.context.names}
    for region in (draft.letterhead, draft.greeting, draft.signature):
        if region is not None:
            names.update(w.lower() for w in _WORD.findall(draft.slice(region)))
    for sent in sentences:
        for m in _ROLE_AT.finditer(sent.lower()):  # "the web development role": the title
            for word in reversed(_WORD.findall(sent[max(0, m.start() - 60) : m.start()])[-3:]):
                if word.lower() in _STOP:
                    break
                names.add(word.lower())
    return names


def _slot_names(sentences: list[str]) -> set[str]:
    """Lower-case words of capitalised names in a company slot."""
    names: set[str] = set()
    for sent in sentences:
        for m in _CAP_RUN.finditer(sent):
            if m.group() == "I":
                continue
            words = _WORD.findall(m.group())
            before = sent[max(0, m.start() - 12) : m.start()].split()
            after = _NEXT_WORD.match(sent, m.end())
            slot = (
                (before and (before[-1].lower() in _SLOT_BEFORE or before[-1].lower() in _PEOPLE_BEFORE))
                or (after is not None and after.group(1).lower() in _SLOT_AFTER)
                or words[-1].endswith(("'s", "’s", "s'", "s’"))
                or sent[m.end() : m.end() + 2] in ("'s", "’s")
            )
            if slot:  # a capitalised run in a company slot: "at Acme Health", "Acme's"
                for word in words:
                    names.add(word.lower())
                    names.add(word.lower().rstrip("'’s"))
    return names


NOUNS_FILE = Path(__file__).with_name("no_specific_detail.nouns")


def listed_nouns() -> tuple[str, ...]:
    """The nouns that describe any employer, candidate or feeling, as
    written in ``no_specific_detail.nouns``."""
    lines = NOUNS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def generic_nouns() -> frozenset[str]:
    """Stems of ``listed_nouns``."""
    return frozenset(stem(w) for w in listed_nouns())


def _generic_noun(word: str, generic: frozenset[str]) -> bool:
    """A generic noun alone, or one led by a word that is not itself rare
    ("innovative approaches"; not "triage approach")."""
    parts = word.lower().split()
    if stem(parts[-1]) not in generic_nouns():
        return False
    return len(parts) == 1 or not _kept(parts[0], generic)


def _specific(draft: Draft, text: str, generic: frozenset[str]) -> str | None:
    """The first concrete detail in a body sentence that the sentence model
    reads as being about the conversation or the job, or None."""
    known: set[str] | None = None
    slots: set[str] | None = None
    for _, chunk in body_sentences(draft, text):
        if not read(chunk).has("detail", -DETAIL_SLACK):
            continue
        lows = _TOKEN.findall(lower(chunk))
        for word in itertools.chain(_candidates(lows, generic), _marks(chunk), _compounds(lows)):
            low = word.lower()
            bare = low.rstrip("'’s")
            if _generic_noun(low, generic):
                continue
            if known is None:
                known = _known_names(draft, [text[s.start : s.end] for s in draft.sentences])
            if " " in low and (
                all(part in known for part in low.split())
                or any(stem(part) in generic for part in low.split())
                or low.split()[-1] in _ROLE_NOUNS
            ):
                continue  # a name, the role title ("data analyst", "accountant role"), or a word the user calls generic
            if low in known or bare in known:
                continue
            if slots is None:  # capitalised names in a company slot ("at Acme")
                slots = _slot_names([text[s.start : s.end] for s in draft.sentences])
            if low in slots or low.split()[0].rstrip("'’s") in slots:
                continue  # the company, or a pair it leads ("Acme sounds")
            return word
    return None


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    topic_share: float = 0.6
    generic_words: tuple[str, ...] = ()


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    body = draft.body
    if body is None or not draft.sentences:
        return
    anchor = body
    if draft.mode == "template" and body is not None and any(
        body.contains(p.span) and _detail_placeholder(p.name) for p in draft.placeholders
    ):
        return
    extra = opts.generic_words
    generic = frozenset(stem(str(w).lower()) for w in extra or ())
    text = masked_text(draft)
    topics = draft.context.topics
    if topics:
        mentioned = topic_mentioned(draft, text, opts.topic_share, generic)
        if mentioned == "yes":
            return
        if mentioned == "partly" and _specific(draft, text, generic) is not None:
            return  # a topic's key word plus a concrete detail: paraphrased
        listed = ", ".join(f'"{quote(t, 40)}"' for t in topics[:3])
        more = f" (and {len(topics) - 3} more)" if len(topics) > 3 else ""
        first_para = draft.paragraphs[0]
        yield check.finding(
            anchor,
            f"mentions none of the topics from the interview: {listed}{more}",
            fix=Fix(
                Span(first_para.end, first_para.end),
                f" I especially enjoyed our discussion of {topics[0]}.",
                "mention a topic you discussed",
            ),
        )
        return
    if _specific(draft, text, generic) is not None:
        return
    yield check.finding(
        anchor,
        "names nothing specific from the conversation or the job, so it could be sent to anyone",
    )


CHECK = Check(
    code="FL301",
    name="no-specific-detail",
    severity=Severity.WARNING,
    summary="A note that names nothing specific from the conversation or the job.",
    why=(
        "A follow-up is meant to make you memorable, and what people remember is the moment "
        "that stood out: a project, a problem the team is working on, a topic you discussed "
        "(G4). \"I enjoyed learning more about the role\" fits every interview with every "
        "company, so it reminds the reader of nothing. List the topics in the context to have "
        "the check look for them."
    ),
    example=(
        "Hi Dana,\n\nThank you for meeting with me. I enjoyed learning more about the role "
        "and the company culture.\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for meeting with me. I enjoyed hearing how your team plans to "
        "clear the month-end reporting backlog before the audit.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G4",),
    options=option_defaults(Options),
    kinds=frozenset({"thank-you", "linkedin"}),
)
