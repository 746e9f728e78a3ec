"""Shared phrase matching for the content and asks checks.

Everything here is pure. Each branch pattern is compiled the first time a
sentence holds its anchor word, and (for phrases a user adds through config)
once per distinct phrase list through a small cache; ``prepare`` memoises the lower-cased words of a sentence so the
checks that read the same draft share that work.

* ``Phrases`` is a list of regex branches, each guarded by anchor words: a
  branch runs only on a sentence holding one of its anchors, and on the
  lower-cased text, which keeps phrase matching fast (see its docstring).
  Fragments are written in lower case with a plain apostrophe (which also
  matches the typographic one); phrases from config (``extra_phrases``)
  match inflected forms of each word ("follow up" matches "followed up").
* ``REQUEST``/``asks_before`` tell a request ("could you let me know...",
  "I wanted to ask whether...") from a statement.
* ``negated`` tells whether a match sits in a negated clause ("not sure I'm
  interested", "no longer excited"), ignoring the idioms that only look
  negative ("couldn't be more excited", "can't wait", "no doubt").
* ``is_question``, ``quote``, ``kind_label`` are small text helpers; ``stem``
  is a light suffix-stripping stemmer for tolerant word matching
  ("staffing" ~ "staff", "shifts" ~ "shift", "migration" ~ "migrating").
* ``body_sentences``, ``first_sentence``, ``body_end``, ``masked_text`` give
  the regions these checks read: the body only, never the subject, the
  signature or the quoted reply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from linter.draft import Draft
from linter.models import Span

__all__ = [
    "APOS",
    "alternatives",
    "extra_pattern",
    "lower",
    "prepare",
    "Phrases",
    "NEVER",
    "REQUEST",
    "asks_before",
    "literal",
    "negated",
    "is_question",
    "quote",
    "stem",
    "body_sentences",
    "masked_text",
    "first_sentence",
    "body_end",
    "kind_label",
]

APOS = "['’]"
_INFLECT = r"(?:s|es|ed|d|ing)?"


def _prep(fragment: str) -> str:
    """Let a plain apostrophe in ``fragment`` match the typographic one too
    (inside a character class it gains the other form; outside, a class)."""
    out: list[str] = []
    in_class = escaped = False
    for ch in fragment:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append("'’" if ch == "'" else ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        else:
            out.append(APOS if ch == "'" else ch)
    return "".join(out)


def literal(phrase: str) -> str:
    """A regex for a plain phrase (matched on lower-case text): flexible spaces
    and apostrophes, and each word may carry a common inflection ending."""
    parts = []
    for word in phrase.lower().split():
        escaped = re.escape(word).replace("'", APOS).replace("’", APOS)
        parts.append(escaped + (_INFLECT if word[-1:].isalpha() else ""))
    return r"\s+".join(parts)


NEVER = re.compile(r"(?!x)x")


def alternatives(fragments: Iterable[str], phrases: Iterable[str] = ()) -> re.Pattern[str]:
    """One pattern matching any fragment (regex, written in lower case) or
    phrase (plain text), to run on lower-case text.

    There is no left word boundary in the pattern: a leading assertion would
    stop the regex engine from skipping ahead to its first literal, which
    makes the search many times slower. ``Phrases`` checks the left boundary
    of each match instead. The right boundary is in the pattern.
    """
    parts = [_prep(f) for f in fragments] + [literal(p) for p in phrases if p.strip()]
    if not parts:
        return NEVER
    body = "|".join(f"(?:{p})" for p in parts)
    return re.compile(rf"(?:{body})(?![\w'’])")


@lru_cache(maxsize=128)
def _extra_pattern(extras: tuple[str, ...]) -> re.Pattern[str]:
    return alternatives((), extras)


def extra_pattern(extras: Iterable[str] | None) -> re.Pattern[str]:
    """The plain phrases a user configured, as one pattern (cached)."""
    phrases = tuple(p for p in (extras or ()) if isinstance(p, str) and p.strip())
    return _extra_pattern(phrases) if phrases else NEVER


def lower(text: str) -> str:
    """``text`` in lower case, keeping every offset (characters whose lower
    case is longer, such as "İ", are left alone)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _left_ok(low: str, start: int) -> bool:
    if start == 0 or low[start] in "'’":  # a clitic such as "'d" starts mid-token
        return True
    before = low[start - 1]
    return not (before.isalnum() or before in "_'’")


_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1024)
def prepare(text: str) -> tuple[str, frozenset[str]]:
    """``text`` in lower case and the set of its lower-case word tokens
    (letters and digits; apostrophes and hyphens split words: "don't" gives
    "don" and "t"). Memoised: the checks see the same sentences of a draft,
    so each is prepared once."""
    low = lower(text)
    return low, frozenset(_TOKEN.findall(low))


class Phrases:
    """Regex branches, each guarded by anchor words.

    Python's regex engine tries every alternative at every position, which is
    slow for long phrase lists. Here each branch is compiled on its own, runs
    on lower-case text (no IGNORECASE, so the engine can jump to its first
    literal), and runs only on a sentence that holds one of its anchors:
    whole lower-case words, one of which any match must contain. Finding the
    branches to run is a set intersection, so most branches never run.

    Matches come back as ``(start, end)`` offsets, valid in the original text.
    """

    __slots__ = ("_fragments", "_compiled", "_index", "_anchors")

    def __init__(self, branches: Iterable[tuple[tuple[str, ...], str]]) -> None:
        fragments: list[str] = []
        index: dict[str, list[int]] = {}
        for i, (anchors, fragment) in enumerate(branches):
            fragments.append(fragment)
            for word in anchors:
                if not _TOKEN.fullmatch(word):
                    raise ValueError(f"anchor {word!r} is not one lower-case word")
                index.setdefault(word, []).append(i)
        self._fragments = tuple(fragments)
        # compiled on first use: most branches never meet their anchor word,
        # and compiling them all would dominate a cold start
        self._compiled: list[re.Pattern[str] | None] = [None] * len(fragments)
        self._index = {w: tuple(ix) for w, ix in index.items()}
        self._anchors = frozenset(index)

    def branch(self, i: int) -> re.Pattern[str]:
        """Branch ``i``'s pattern, compiled the first time it is needed."""
        pattern = self._compiled[i]
        if pattern is None:
            pattern = self._compiled[i] = alternatives((self._fragments[i],))
        return pattern

    def _patterns(self, words: frozenset[str], extras: Iterable[str] | None) -> list[re.Pattern[str]]:
        hits = self._anchors & words
        if len(hits) == 1:
            out = [self.branch(i) for i in self._index[next(iter(hits))]]
        elif hits:
            out = [self.branch(i) for i in sorted({i for w in hits for i in self._index[w]})]
        else:
            out = []
        if extras:
            extra = extra_pattern(extras)
            if extra is not NEVER:
                out.append(extra)
        return out

    def finditer(self, text: str, extras: Iterable[str] | None = None) -> list[tuple[int, int]]:
        """Every match in ``text`` as ``(start, end)``, in text order."""
        low, words = prepare(text)
        if not extras and self._anchors.isdisjoint(words):
            return []
        found = [
            m.span()
            for pattern in self._patterns(words, extras)
            for m in pattern.finditer(low)
            if _left_ok(low, m.start())
        ]
        if len(found) > 1:
            found.sort(key=lambda s: (s[0], -s[1]))
        return found

    def search(self, text: str, extras: Iterable[str] | None = None) -> tuple[int, int] | None:
        """Some match (the first branch's first), or None."""
        low, words = prepare(text)
        if not extras and self._anchors.isdisjoint(words):
            return None
        for pattern in self._patterns(words, extras):
            for m in pattern.finditer(low):
                if _left_ok(low, m.start()):
                    return m.span()
        return None

    def matches(
        self, text: str, extras: Iterable[str] | None = None
    ) -> list[tuple[int, int, int]]:
        """Every match as ``(start, end, branch)``, in text order; ``branch``
        is the index of the branch that matched (-1 for a configured phrase).
        Lets one ``Phrases`` hold several families of phrases."""
        low, words = prepare(text)
        found: list[tuple[int, int, int]] = []
        hits = self._anchors.intersection(words)
        if hits:
            for i in sorted({i for w in hits for i in self._index[w]}):
                found.extend(
                    (m.start(), m.end(), i)
                    for m in self.branch(i).finditer(low)
                    if _left_ok(low, m.start())
                )
        if extras:
            found.extend(
                (m.start(), m.end(), -1)
                for m in extra_pattern(extras).finditer(low)
                if _left_ok(low, m.start())
            )
        if len(found) > 1:
            found.sort(key=lambda s: (s[0], -s[1], s[2]))
        return found

    def first_start(self, text: str) -> int | None:
        """Where the earliest match starts, or None."""
        found = self.finditer(text)
        return found[0][0] if found else None


# -- asks ---------------------------------------------------------------------

# Wording that turns a sentence into a request even without a "?".
REQUEST = Phrases(
    (
        (("let",), r"let\s+me\s+know"),
        (("tell", "update", "inform", "advise"), r"(?:tell|update|inform|advise)\s+me"),
        (
            ("see", "check", "ask", "find", "learn", "confirm"),
            r"(?:see|check|ask|find\s+out|learn|confirm)\s+(?:if|whether|about|when|what|how|where)",
        ),
        (
            ("like", "love", "want", "wanted", "hope", "hoped"),
            r"(?:i'd|i\s+would|i)\s+(?:just\s+|also\s+|really\s+)?(?:like|love|want|wanted|hope|hoped)\s+to\s+"
            r"(?:know|ask|hear|learn|understand|find\s+out|get\s+a\s+sense|confirm|clarify|check)",
        ),
        (("wonder", "wondering", "wondered", "curious"), r"(?:wonder|wondering|wondered|curious)"),
        (
            ("follow", "following"),
            r"follow(?:ing)?[\s-]+up\s+(?:\w+\s+){0,2}?(?:about|on|regarding|with\s+you\s+about|with\s+you\s+on)",
        ),
        (("check", "checking"), r"check(?:ing)?\s+in\s+(?:about|on|regarding|to)"),
        (("could", "would", "can", "will"), r"(?:could|would|can|will)\s+you"),
        (
            ("give", "share", "send", "provide"),
            r"(?:give|share|send|provide)\s+(?:me\s+)?(?:a|an|any|some|the)?\s*(?:sense|idea|update|indication|estimate|news)",
        ),
        (("appreciated",), r"(?:would|will)\s+(?:be\s+)?(?:much\s+|greatly\s+|very\s+much\s+)?appreciated"),
        (("appreciate", "grateful"), r"(?:i'd|i\s+would)\s+(?:appreciate|be\s+grateful)"),
        (("please",), r"please\s+(?:\w+\s+)?(?:let|tell|share|update|advise|confirm|send)"),
        (("hope", "hoping"), r"hop(?:e|ing)\s+(?:that\s+)?you\s+can"),
        (("you",), r"you\s+(?:can|could|will|would)\s+(?:\w+\s+)?(?:give|send|share|tell|let|update)"),
        (("inquire", "inquiring", "inquiry", "enquire", "enquiring", "enquiry"), r"inquir\w*|enquir\w*"),
    )
)


def asks_before(text: str, end: int) -> bool:
    """Whether ``text`` carries a request marker that starts before ``end``:
    the sentence asks for what was matched rather than stating it ("could you
    let me know the next steps" asks; "I look forward to next steps" does not)."""
    first = REQUEST.first_start(text)
    return first is not None and first < end


# -- negation -----------------------------------------------------------------

_NEGATOR = re.compile(
    r"(?<![\w'’])(?:not|never|no|nor|neither|hardly|barely|unsure|uncertain|doubt|without|less)"
    r"(?![\w'’])|n['’]t(?![\w'’])",
    re.I,
)
_FAKE_NEGATION = re.compile(
    r"(?:could|can|would)(?:n['’]t| not) be (?:any )?(?:more|happier|prouder)"
    r"|can(?:['’]t|not| not) wait|no doubt|not only|never been more|n['’]t help but"
    r"|not just",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\u2014\u2013]|\s-\s|\bbut\b|\bhowever\b|\balthough\b", re.I)


def negated(text: str, start: int, floor: int = 0, words: int = 5) -> bool:
    """Whether a negator stands within ``words`` words before ``start`` in
    the same clause of ``text`` (never looking before ``floor``)."""
    lo = max(floor, start - 80)
    window = text[lo:start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    window = _FAKE_NEGATION.sub(" ", window)
    tail = " ".join(window.split()[-words:])
    return bool(_NEGATOR.search(tail))


# -- small text helpers ---------------------------------------------------------

_TRAILING = " \t\r\n\"'”’)]"


def is_question(sentence: str) -> bool:
    """A sentence that ends in a question mark, alone or in a run such as
    "?!" or "??" (closing quotes and brackets allowed after it)."""
    stripped = sentence.rstrip(_TRAILING)
    return "?" in stripped[len(stripped.rstrip("?!")) :]


def quote(text: str, limit: int = 90) -> str:
    """``text`` on one line, shortened at a word boundary to ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


_SUFFIXES = (
    ("ies", "y"), ("ied", "y"), ("ying", "y"),
    ("ations", "at"), ("ation", "at"),
    ("ions", ""), ("ion", ""),
    ("ments", ""), ("ment", ""),
    ("ings", ""), ("ing", ""),
    ("ers", ""), ("er", ""),
    ("ed", ""), ("es", ""), ("ly", ""), ("s", ""),
)


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A light stem: lower-case, possessive and one common suffix removed,
    a final ``e`` and a doubled final consonant dropped."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            if suffix == "es" and not w.endswith(("sses", "shes", "ches", "xes", "zes")):
                # "shoes" -> "shoe", "processes" -> "process"
                w = w[:-1]
                break
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiousl":
        w = w[:-1]
    return w


# -- draft regions -----------------------------------------------------------------


def masked_text(draft: Draft) -> str:
    """``draft.text`` with every placeholder blanked out (same length, so
    offsets still hold)."""
    if not draft.placeholders:
        return draft.text
    chars = list(draft.text)
    for ph in draft.placeholders:
        for i in range(ph.span.start, ph.span.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def body_sentences(draft: Draft, text: str | None = None) -> Iterator[tuple[Span, str]]:
    """The body's sentences with their text (from ``text`` when given, a
    masked copy of ``draft.text`` say)."""
    source = draft.text if text is None else text
    for span in draft.sentences:
        yield span, source[span.start : span.end]


def first_sentence(draft: Draft) -> Span | None:
    """Where the "missing X" checks anchor their finding."""
    return draft.sentences[0] if draft.sentences else None


def body_end(draft: Draft) -> int | None:
    """Offset just after the last character of the body."""
    body = draft.body
    return None if body is None else body.end


_KIND_LABELS = {
    "thank-you": "a thank-you note",
    "status-check": "a status check",
    "post-rejection": "a reply to a rejection",
    "linkedin": "a LinkedIn note",
    "general": "a follow-up note",
}


def kind_label(kind: str) -> str:
    return _KIND_LABELS.get(kind, "a follow-up note")
