"""Shared text helpers for the content and asks checks.

Everything here is pure. The phrasings the checks recognise are data (YAML
files beside each check, read by ``checks.phrasebook``); ``lower`` and
``prepare`` come from there and are shared so that the checks reading the
same draft lower-case each sentence once.

* ``asks_before`` tells a request ("could you let me know...", "I wanted to
  ask whether...") from a statement, with the wordings in ``asks/requests.yaml``.
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
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from checks.phrasebook import PhraseBook, load_books, lower, prepare
from linter import regexes
from linter.draft import Draft
from linter.models import Span

__all__ = [
    "lower",
    "prepare",
    "asks_before",
    "negated",
    "holds_negator",
    "is_question",
    "quote",
    "stem",
    "body_sentences",
    "masked_text",
    "first_sentence",
    "body_end",
    "kind_label",
]

# -- asks ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _requests() -> PhraseBook:
    """The request wordings, kept as data in ``asks/requests.yaml``."""
    return load_books(str(Path(__file__).parent / "asks" / "requests.yaml"))["request"]


def asks_before(text: str, end: int) -> bool:
    """Whether ``text`` carries a request marker that starts before ``end``:
    the sentence asks for what was matched rather than stating it ("could you
    let me know the next steps" asks; "I look forward to next steps" does not)."""
    first = _first_request(text)
    return first is not None and first[0] < end


@lru_cache(maxsize=1024)
def _first_request(text: str) -> tuple[int, int] | None:
    """The earliest request marker in ``text``. Memoised: several checks
    ask it of the same sentences of a draft."""
    return _requests().search(text)


# -- negation -----------------------------------------------------------------

_NEGATOR = regexes.compile(
    r"(?<![\w'’])(?:not|never|no|nor|neither|hardly|barely|unsure|uncertain|doubt|without|less)"
    r"(?![\w'’])|n['’]t(?![\w'’])",
    re.I,
)
_FAKE_NEGATION = regexes.compile(
    r"(?:could|can|would)(?:n['’]t| not) be (?:any )?(?:more|happier|prouder)"
    r"|can(?:['’]t|not| not) wait|no doubt|not only|never been more|n['’]t help but"
    r"|not just",
    re.I,
)
_CLAUSE_BREAK = regexes.compile(r"[,;:.!?()\u2014\u2013]|\s-\s|\bbut\b|\bhowever\b|\balthough\b", re.I)


def holds_negator(text: str) -> bool:
    """Whether ``text`` (a sentence or a phrasing) holds a negator word."""
    return _NEGATOR.search(text) is not None


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
    offsets still hold). Kept for the draft last asked about: every content
    check of a draft with a placeholder asks for it."""
    global _masked
    if not draft.placeholders:
        return draft.text
    hit = _masked  # read once: another thread may replace it
    if hit is not None and hit[0] is draft:
        return hit[1]
    chars = list(draft.text)
    for ph in draft.placeholders:
        for i in range(ph.span.start, ph.span.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    text = "".join(chars)
    _masked = (draft, text)
    return text


_masked: tuple[Draft, str] | None = None


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
