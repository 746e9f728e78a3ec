"""What counts as concrete in a sentence, for FL301 no-specific-detail
(its docstring states the rules): the word lists, and the rules that find
candidate details in the object of a reference, before a named thing, in
numbers, acronyms and names, and in noun pairs."""

from __future__ import annotations

from collections.abc import Iterator

from checks._phrases import stem
from linter import regexes
from linter.sense import lookup

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


def _ordinary(low: str, bar: float = ORDINARY_ZIPF) -> bool:
    """A word too common, or never a noun, to name a detail."""
    row = lookup(low.rstrip("'’s") if low.endswith(("'s", "’s")) else low)
    if row is None:
        return False
    return row.zipf >= bar or (bool(row.pos) and "N" not in row.pos)


# A token: a word (letters, digits, inner apostrophes and hyphens) or a
# punctuation mark that ends a phrase.
_TOKEN = regexes.compile(r"[A-Za-z0-9][\w'’-]*|[,.;:!?()\u2014\u2013\"“”\n]")
_WORD = regexes.compile(r"[A-Za-z0-9][\w'’-]*")

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


def _kept(low: str, generic: frozenset[str]) -> bool:
    """Could ``low`` (a lower-case word) be a detail, before names are ruled
    out? Two-letter acronyms ("UX") are found by ``_marks``."""
    if len(low) < 3 or low in _STOP or low in _DATE_BEFORE or low.isdigit():
        return False
    return stem(low) not in generic and not _ordinary(low)


_HOOKS = _TRIGGERS | _THINGS

# Nouns that name the employer or the job itself, so "the team project" or
# "the company strategy" names nothing in particular.
_PLAIN_MODIFIERS = frozenset(
    "team company business job role position work interview organisation organization department office group".split()
)


def _noun_modifier(low: str, generic: frozenset[str]) -> bool:
    """A common noun that makes a piece of work particular ("product" in "the
    product launch"); rare ones are candidates on their own."""
    if not low.isalpha() or low in _STOP or low in _PLAIN_MODIFIERS or stem(low) in generic:
        return False
    row = lookup(low)
    return row is not None and "N" in row.pos and "A" not in row.pos and row.zipf >= ORDINARY_ZIPF


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
            if i > 0 and _noun_modifier(lows[i - 1], generic):
                yield f"{lows[i - 1]} {low}"  # "the product launch": a named piece of work
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


_CAPS_OR_DIGITS = regexes.compile(r"[A-Z0-9][\w'’&.-]*")
_DIGIT = regexes.compile(r"\d")
_LOWER_CAMEL = regexes.compile(r"\b[a-z]+[A-Z][A-Za-z]*")  # "iPhone", "eBay"
_WORDS = regexes.compile(r"[a-z0-9'’]+")


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
# "company culture" and "job description" stay ordinary, and so does a pair
# led by the employer or the job ("interview proceedings") or a possessor.
COMPOUND_ZIPF = 4.6


_SELF_PREPS = frozenset("in with of on for across".split())


def _about_writer(lows: list[str], i: int) -> bool:
    """The phrase starting at ``lows[i]`` belongs to the writer: "my" comes
    before it in the same noun phrase ("my claims processing work"), or it
    follows one of the writer's own nouns and a preposition ("my background
    in the nursing profession", "experience with payroll software")."""
    for j in range(i - 1, max(-1, i - 6), -1):
        word = lows[j]
        if not word[0].isalnum() or word in _OBJECT_STOP:
            return False
        if word in _SELF:
            return True
        if word in _SELF_PREPS and j > 0 and lows[j - 1] in _SELF_NOUNS:
            return True
    return False


def _compounds(lows: list[str]) -> Iterator[str]:
    """Noun pairs ("tracking system") whose rarer word is below
    ``COMPOUND_ZIPF``, unless they describe the writer."""
    for i, (a, b) in enumerate(zip(lows, lows[1:])):
        if not (a[0].isalpha() and b[0].isalpha()) or a in _STOP or b in _STOP or a in _PLAIN_MODIFIERS:
            continue  # "interview proceedings", "company values": the employer or the job itself
        if a.endswith(("'s", "’s")):
            continue  # a possessor, not a noun pair ("the letter's intent")
        if _about_writer(lows, i):
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
