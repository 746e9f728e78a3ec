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
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

from checks._phrases import body_sentences, first_sentence, lower, masked_text, quote, stem
from linter.sense import lookup, read
from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_STOP = frozenset(
    """a an the and or but nor so yet of to in on at by for with from into onto about around
    regarding concerning over under after before during since until as than then that this these
    those there here it its it's i me my mine myself we us our ours you your yours yourself he him
    his she her hers they them their theirs who whom whose which what when where why how whether
    if is am are was were be been being have has had having do does did doing will would could
    should can may might must shall not no very really so just also too more most much many some
    any all each every both either neither other another such own same only even still again
    further once one ones up down out off through toward towards across along among per via re
    bit lot lots way ways well quite rather i'm i've i'd i'll you're you've we're we've we'd
    let get got getting make made take took see saw seen say said go going went gone come came
    thing things something anything everything nothing someone anyone everyone kind sort back yet
    soon later now again ago recently shortly earlier""".split()
)

# A word this common in general English (Zipf scale) names nothing in
# particular ("culture", "project", "role"); rarer nouns can ("readmission",
# "dashboard", "invoices"). Capitalised words are held to a lower bar.
ORDINARY_ZIPF = 4.3
ORDINARY_CAPITAL_ZIPF = 4.0
# How far below the model's own threshold a sentence holding a rare noun may
# read as a detail: the noun is evidence too.
DETAIL_SLACK = 0.1


def _ordinary(low: str, bar: float = ORDINARY_ZIPF) -> bool:
    """A word too common, or never a noun, to name a detail."""
    row = lookup(low.rstrip("'’s") if low.endswith(("'s", "’s")) else low)
    if row is None:
        return False
    return row.zipf >= bar or (bool(row.pos) and "N" not in row.pos)


_ROLE_NOUNS = frozenset(
    "role roles position positions job jobs opening openings post vacancy internship".split()
)
_SLOT_BEFORE = frozenset("at join joining joined with for about to from of".split())
_SLOT_AFTER = frozenset("sounds seems looks is has team culture family".split())
# A token: a word (letters, digits, inner apostrophes and hyphens) or a
# punctuation mark that ends a phrase.
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’-]*|[,.;:!?()\u2014\u2013\"“”\n]")
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")

# Words after which the next phrase names what was discussed.
_TRIGGERS = frozenset(
    """about regarding concerning around on re your team's company's team’s company’s
    discuss discussed discussing cover covered covering mention mentioned mentioning described
    describing explained explaining outlined outlining highlighted highlighting shared sharing
    showed shown walked through over told tackle tackled tackling solve solved solving improve
    improved improving build building launch launched launching develop developed developing
    redesign redesigned redesigning streamline streamlined streamlining expand expanded
    expanding reduce reduced reducing increase increased increasing grow growing migrate
    migrated migrating implement implemented implementing automate automated automating scale
    scaled scaling modernise modernising modernize modernizing replace replaced replacing fix
    fixed fixing cut cutting overhaul overhauled overhauling hear hearing heard learn learning
    learned learnt see seeing saw understand understanding problem problems challenge
    challenges issue issues goal goals plans priorities vision focus idea ideas""".split()
)
_WH = frozenset("how what why where".split())
_CLAUSE_STOP = frozenset("and but or nor because so which that while though although since".split())
_SENTENCE_START = frozenset(".!?\n\"“(:")
_PEOPLE_BEFORE = frozenset(
    "thank thanks meet meeting met and with to from ask tell introduce introducing including".split()
)
_COMMON_NAMES = frozenset(
    """i i'm i've i'd i'll i’m i’ve i’d i’ll zoom teams google meet skype linkedin mr ms mrs dr
    prof english""".split()
)
_NP_TRIGGERS = frozenset("your team's company's team’s company’s".split())
_OVER_AFTER = frozenset("went go going gone".split())
_OBJECT_STOP = frozenset(
    """and but or nor which who whom that how what why when where whether if because so as
    i we you he she they it is are was were will would could should can may might be been
    has have had do does did am while though although since at""".split()
)
_NP_STOP = _OBJECT_STOP | frozenset(
    """of at in for with to from by on about regarding into over during after before""".split()
)
_SKIP_LEAD = frozenset("me us through".split())
_SELF = frozenset("my me myself mine".split())
_THINGS = frozenset(
    """project projects initiative initiatives migration launch rollout roll-out system systems
    platform tool tools program programme campaign campaigns redesign pipeline pipelines dashboard
    dashboards framework app feature features release roadmap strategy expansion acquisition
    merger audit transition reorg restructuring backlog budget pilot study trial grant partnership
    integration rebrand upgrade overhaul refactor conversion database model workflow""".split()
)
_TIME_WORDS = frozenset(
    """am pm a.m p.m minutes minute mins hours hour hrs days day weeks week months month years year
    yrs o'clock oclock""".split()
)
_DATE_BEFORE = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december mon monday tue tues tuesday wed wednesday
    thu thurs thursday fri friday sat saturday sun sunday on at by the""".split()
)
_COMMON_CAPS = frozenset(
    """I OK CV CVs HR ASAP PTO FYI EOD COB USA US UK EU CEO CTO CFO COO VP PM AM TBD TODO FIXME XX
    XXX II III IV RE FW FWD PS""".split()
)
_SELF_NOUNS = frozenset(
    """experience skills skill background knowledge expertise certification degree certificate
    course courses training""".split()
)
_DETAIL_SLOT = re.compile(
    r"specific|detail|topic|discuss|project|something|mention|example|challenge|aspect|area|point"
    r"|insight|goal|initiative|problem|idea|thing|talked|conversation|plan|\bx\b|\by\b|\bz\b",
    re.I,
)
_NAME_SLOT = re.compile(
    r"name|e-?mail|phone|contact|title|company|employer|organi[sz]ation|position|role|job|date|day"
    r"|yesterday|today|address|signature|number|linkedin|interviewer|recruiter|city|location",
    re.I,
)


# A slot for the writer's own strengths ("[mention a key strength]") is not a
# detail from the interview, unless it points at the conversation.
_SELF_SLOT = re.compile(r"strength|skill|experience|qualification|background|achievement|accomplishment|expertise", re.I)
_TALK_SLOT = re.compile(r"discuss|talked|conversation|interview|mentioned", re.I)


def _detail_placeholder(name: str) -> bool:
    """A template slot that asks for a detail, not for a name, a date or the
    writer's own strengths."""
    if _SELF_SLOT.search(name) and not _TALK_SLOT.search(name):
        return False
    if _DETAIL_SLOT.search(name):
        return True
    words = re.split(r"[\s/]+", name.strip())
    return len(words) >= 4 and not _NAME_SLOT.search(name)


def _key_stems(topic: str, generic: frozenset[str]) -> list[str]:
    words = [w.lower() for w in _WORD.findall(topic.replace("-", " ").replace("/", " "))]
    content = [w for w in words if w not in _STOP]
    keys = [stem(w) for w in content if stem(w) not in generic and not _ordinary(w)]
    if not keys:
        keys = [stem(w) for w in content]
    return list(dict.fromkeys(keys))


_PREFIX = 5  # stems sharing their first five letters are taken as one word


def _sentence_stems(text: str) -> set[str]:
    """Stems of a sentence's words, plus each pair of neighbours run together
    ("rolling out" also gives "rollout", "night shift" gives "nightshift"),
    plus a prefix entry for long stems ("medicat" and "medicin" share
    "medic~"), so that near-synonyms built on one root match."""
    stems = [stem(w) for w in _WORD.findall(text.replace("-", " ").replace("/", " "))]
    out = set(stems)
    out.update(a + b for a, b in zip(stems, stems[1:]))
    out.update(w[:_PREFIX] + "~" for w in stems if len(w) > _PREFIX)
    return out


def _hits(keys: list[str], words: set[str]) -> int:
    return sum(
        1 for k in keys if k in words or (len(k) > _PREFIX and k[:_PREFIX] + "~" in words)
    )


def _topic_mentioned(draft: Draft, text: str, share: float, generic: frozenset[str]) -> str:
    """"yes" when a topic is mentioned, "partly" when only some key word of a
    topic appears, "no" otherwise."""
    sentences = [_sentence_stems(t) for _, t in body_sentences(draft, text)]
    partly = False
    for topic in draft.context.topics:
        keys = _key_stems(topic, generic)
        if not keys:
            continue
        need = max(1, math.ceil(share * len(keys) - 1e-9))
        best = max((_hits(keys, words) for words in sentences), default=0)
        if best >= need:
            return "yes"
        partly = partly or best > 0
    return "partly" if partly else "no"


_CAP_RUN = re.compile(r"[A-Z0-9][\w&'’.-]*(?:[ \t]+(?:[A-Z0-9][\w&'’.-]*|&|of)){0,3}")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_ROLE_AT = re.compile(r"(?:role|position|job|opening|post|vacancy|internship)s?\b")


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


def _kept(low: str, generic: frozenset[str]) -> bool:
    """Could ``low`` (a lower-case word) be a detail, before names are ruled
    out? Two-letter acronyms ("UX") are found by ``_marks``."""
    if len(low) < 3 or low in _STOP or low in _DATE_BEFORE or low.isdigit():
        return False
    return stem(low) not in generic and not _ordinary(low)


_HOOKS = _TRIGGERS | _THINGS


def _candidates(lows: list[str], generic: frozenset[str]) -> Iterator[str]:
    """Possible details among the body's lower-case tokens, in order."""
    n = len(lows)
    for i in [i for i, low in enumerate(lows) if low in _HOOKS]:
        low = lows[i]
        if low in _THINGS:
            j = i - 1
            while j >= 0 and i - j <= 3 and lows[j][0].isalnum() and lows[j] not in _STOP:
                if _kept(lows[j], generic):
                    yield lows[j]
                j -= 1
            continue
        if low == "over" and not (i > 0 and lows[i - 1] in _OVER_AFTER):
            continue
        np_only = low in _NP_TRIGGERS
        stops = _NP_STOP if np_only else _OBJECT_STOP
        end = min(n, i + 1 + (3 if np_only else 6))
        j = i + 1
        while j < n and lows[j] in _SKIP_LEAD:
            j += 1
            end = min(n, end + 1)
        if j < n and lows[j] in _SELF:
            continue  # "improve my candidacy": about the writer
        if j < n and lows[j] in _WH and not np_only:
            # "hear how the team plans to switch to zone picking": a clause
            stops = _CLAUSE_STOP
            j += 1
            end = min(n, j + 8)
        while j < end:
            word = lows[j]
            if not word[0].isalnum() or word in stops:
                break
            if _kept(word, generic):
                yield word
            j += 1


_CAPS_OR_DIGITS = re.compile(r"[A-Z0-9][\w'’&.-]*")
_DIGIT = re.compile(r"\d")
_LOWER_CAMEL = re.compile(r"\b[a-z]+[A-Z][A-Za-z]*")  # "iPhone", "eBay"
_WORDS = re.compile(r"[a-z0-9'’]+")


def _self_near(chunk: str, start: int, end: int) -> bool:
    """The word at ``start:end`` describes the writer: "my 5 years", "I have
    5 years", "SQL experience"."""
    before = _WORDS.findall(chunk[max(0, start - 30) : start].lower())[-3:]
    after = _WORDS.findall(chunk[end : end + 30].lower())[:2]
    return (
        "my" in before
        or "i've" in before
        or "i’ve" in before
        or ("i" in before and ("have" in before or "bring" in before))
        or not _SELF_NOUNS.isdisjoint(after)
    )


def _marks(chunk: str) -> Iterator[str]:
    """Numbers that are not dates, times or durations; acronyms, CamelCase
    names and names with digits ("EHR", "NetSuite", "COVID-19"); proper nouns
    in mid-sentence ("the Midwest territory")."""
    yield from (m.group() for m in _LOWER_CAMEL.finditer(chunk))
    for m in _CAPS_OR_DIGITS.finditer(chunk):
        tok = m.group().rstrip(".'’-")
        if not tok or tok[0] == "I" and (len(tok) == 1 or tok[1] in "'’"):
            continue  # "I", "I'm", "I've"
        start, end = m.start(), m.start() + len(tok)
        if start > 0 and (chunk[start - 1].isalnum() or chunk[start - 1] in "_'’-"):
            continue  # inside a word
        j = start - 1
        while j >= 0 and chunk[j] in " \t":
            j -= 1
        at_start = j < 0 or chunk[j] in _SENTENCE_START
        if tok[0].isdigit():
            nxt = _WORDS.findall(chunk[end : end + 20].lower())[:1]
            prev = _WORDS.findall(chunk[max(0, start - 20) : start].lower())[-1:]
            low = tok.lower()
            if (nxt and nxt[0] in _TIME_WORDS) or (prev and prev[0] in _DATE_BEFORE) or ":" in tok:
                continue
            if low.endswith(("am", "pm")) or (
                low.endswith(("st", "nd", "rd", "th")) and nxt and nxt[0] in _DATE_BEFORE
            ):
                continue
            if len(tok) == 4 and tok.isdigit() and tok.startswith(("19", "20")):
                continue  # a year
            if not _self_near(chunk, start, end):
                yield tok
            continue
        core = tok[:-1] if tok.endswith("s") else tok
        acronym = len(core) >= 2 and core.isupper() and core.isalpha()
        camel = tok.isalpha() and tok[1:] != tok[1:].lower() and not tok[1:].isupper()
        mixed = not tok.isalpha() and _DIGIT.search(tok) is not None and not tok[0].isdigit()
        if acronym or camel or mixed:
            if tok in _COMMON_CAPS or core in _COMMON_CAPS or _self_near(chunk, start, end):
                continue
            yield tok
        elif (
            not at_start
            and tok[1:].islower()
            and tok.lower() not in _COMMON_NAMES
            and tok.lower() not in _DATE_BEFORE
            and not _ordinary(tok.lower(), ORDINARY_CAPITAL_ZIPF)
        ):
            yield tok  # a proper noun mid-sentence


# A pair of nouns names a thing even when each word is common ("the sample
# tracking system", "enterprise accounts") once its rarer word is below this;
# "company culture" and "job description" stay ordinary.
COMPOUND_ZIPF = 4.6


def _compounds(lows: list[str]) -> Iterator[str]:
    """Noun pairs ("tracking system") whose rarer word is below ``COMPOUND_ZIPF``."""
    for a, b in zip(lows, lows[1:]):
        if not (a[0].isalpha() and b[0].isalpha()) or a in _STOP or b in _STOP:
            continue
        ra, rb = lookup(a), lookup(b)
        if rb is None or "N" not in rb.pos:
            continue  # the head is a noun ("system")
        if ra is not None and not set(ra.pos) & {"N", "V"}:
            continue  # the modifier is a noun or a verb form ("tracking"), not "new"
        if ra is not None and "N" not in ra.pos and b.endswith("ing"):
            continue  # a verb and its gerund object ("enjoyed hearing") name nothing
        if min(ra.zipf if ra else 0.0, rb.zipf) < COMPOUND_ZIPF:
            yield f"{a} {b}"


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
            if low in slots or bare in slots:
                continue
            return word
    return None


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    body = draft.body
    if body is None or not draft.sentences:
        return
    anchor = body
    if draft.mode == "template" and body is not None and any(
        body.contains(p.span) and _detail_placeholder(p.name) for p in draft.placeholders
    ):
        return
    extra = options.get("generic_words")
    generic = frozenset(stem(str(w).lower()) for w in extra or ())
    text = masked_text(draft)
    topics = draft.context.topics
    if topics:
        mentioned = _topic_mentioned(draft, text, float(options.get("topic_share", 0.6)), generic)
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
    options={"topic_share": 0.6, "generic_words": []},
    kinds=frozenset({"thank-you", "linkedin"}),
)
