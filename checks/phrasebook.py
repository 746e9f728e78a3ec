"""Phrasings as data: each check keeps the wordings it recognises in a YAML
file beside its module, and this module turns them into matchers.

A phrasing is words separated by spaces, matched on lower-case text, word by
word, with any amount of white space between words:

* ``interested`` a word; a plain apostrophe also matches the typographic
  one, and a word may hold a comma (``please,``), dots or brackets (``401(k)``)
* ``keen|eager|excited`` one of several words; ``look_forward|hope`` joins
  words into one alternative (``_`` stands for a space)
* ``[very|really]`` an optional slot
* ``contribut*`` a word starting with ``contribut``; ``*day`` a word ending
  in ``day`` ("today", "monday"); ``*`` alone any one word (``[*]``: one
  word or none)
* ``{number}`` a word starting with a digit ("5", "5pm", "3:30", "10/12",
  "2nd"); ``{time}`` a point in time ("friday", "the end of the week",
  "eod", "next month", "5pm", "june 5th"): the named classes, ``CLASSES``
* ``...`` up to four words of anything

A bare ``*``, a ``*suffix`` or a named class cannot anchor a phrasing (see
below). ``family_matches`` reads a file of several families at once, where
a ``not`` family voids the matches it overlaps.

Every phrasing comes with an example sentence that it must match (the tests
prove it; at run time patterns are compiled on first use). The anchors
(words one of which any match must contain, so most phrasings are skipped on
most sentences) are derived from the pattern, never written by hand: the
words of the required slot least likely to be in a sentence (the fewest
choices, very common words such as "the" or "you" counting as many). A
phrasing with no plain required word is rejected when the file is loaded.

Over 300 lines on purpose: the compiled phrasings are cached keyed on this
file (``load_books``), so the syntax, its compiler and the books it builds
stay in one module, where any change to them renews the cache.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from linter import regexes
from linter import safe_yaml
from linter.datafiles import load_cached

__all__ = [
    "CLASSES",
    "Phrase",
    "PhraseBook",
    "PhraseError",
    "compile_phrase",
    "family_matches",
    "load_books",
    "lower",
    "prepare",
    "user_book",
]

T = TypeVar("T")
_APOS = "['\u2019]"
_ANY_WORD = r"[\w'\u2019-]+"
_GAP = rf"(?:\s+{_ANY_WORD},?){{0,4}}?"
# named slot classes: what a single word cannot spell out
CLASSES = {
    "{number}": r"\d(?:[\w:./-]*\w)?",
    # a point in time: "the end of the day", "eod", "tomorrow", "friday",
    # "next week", "5pm", "june 5th"
    "{time}": r"(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:day|week|month)|eod|cob|tonight|tomorrow|noon"
    r"|(?:this|next)(?:\s+(?:week|month|\w+day))?|\d(?:[\w:./-]*\w)?|\w+day|[a-z]+\s+\d+(?:st|nd|rd|th)?)",
}
_TOKEN = regexes.compile(r"[a-z0-9]+")  # a word as ``prepare`` splits it, and as anchors are


def lower(text: str) -> str:
    """``text`` in lower case, keeping every offset (characters whose lower
    case is longer, such as "İ", are left alone)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@lru_cache(maxsize=1024)
def prepare(text: str) -> tuple[str, frozenset[str]]:
    """``text`` in lower case and the set of its lower-case word tokens
    (letters and digits; apostrophes and hyphens split words: "don't" gives
    "don" and "t"). Memoised: the checks see the same sentences of a draft,
    so each is prepared once."""
    low = lower(text)
    return low, frozenset(_TOKEN.findall(low))


class PhraseError(ValueError):
    """A phrasing that cannot be used: bad syntax, no anchor, or an example it misses."""


@dataclass(frozen=True)
class Phrase:
    """One phrasing of a family: its pattern, example, regular expression and anchor words."""

    pattern: str
    example: str
    source: str  # the regular expression, compiled on first use
    anchors: frozenset[str]

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled on first use, then kept on the phrasing (each draft asks for it)."""
        return _compiled(self.source)

    def check_example(self) -> None:
        """Raise ``PhraseError`` unless the phrasing matches its own example."""
        if not self.regex.search(self.example.lower()):
            raise PhraseError(f"{self.pattern!r} does not match its own example {self.example!r}")


@lru_cache(maxsize=None)
def _compiled(source: str) -> re.Pattern[str]:
    return regexes.compile(source)


def _word_regex(word: str) -> str:
    if word in CLASSES:
        return CLASSES[word]
    if word == "*":
        return _ANY_WORD
    prefix = word.endswith("*")
    suffix = word.startswith("*") and not prefix
    core = word[:-1] if prefix else word[1:] if suffix else word
    if not core or not re.fullmatch(r"[a-z0-9'\u2019&.,()-]+", core):
        raise PhraseError(f"{word!r} is not a lower-case word")
    out = re.escape(core.replace("\u2019", "'")).replace("'", _APOS)
    if suffix:
        return r"\w+" + out
    return out + (r"[\w'\u2019-]*" if prefix else "")


def _plain(word: str) -> bool:
    """Whether ``word`` is spelled out in full (so it can anchor)."""
    return word not in CLASSES and "*" not in word


def _slot(token: str) -> tuple[str, bool, list[str] | None]:
    """One slot's regex, whether it is optional, and its anchor candidates
    (None: it cannot anchor)."""
    optional = token.startswith("[") and token.endswith("]")
    body = token[1:-1] if optional else token
    alternatives = body.split("|")
    regexes: list[str] = []
    anchors: list[str] = []
    for alt in alternatives:
        words = alt.split("_")
        regexes.append(r"\s+".join(_word_regex(w) for w in words))
        plain = [p for w in words if _plain(w) for p in _TOKEN.findall(w)]
        anchors.append(min(plain, key=_word_cost) if plain else "")
    regex = "(?:" + "|".join(regexes) + ")"
    return regex, optional, (None if optional or "" in anchors else anchors)


# words so common that a slot of them makes a poor anchor: a phrasing anchored
# on "the" would run on nearly every sentence
_COMMON = frozenset(
    "a about am an and are as at be been but by can could do for from had has have how i if in is it"
    " just me my not of on or our please so than that the then there they this to up was we what when"
    " will with would you your".split()
)


def _word_cost(word: str) -> int:
    """How likely ``word`` is to turn up in a sentence (short words are
    commoner than long ones)."""
    return 100 if word in _COMMON else max(1, 10 - len(word))


def _cost(words: list[str]) -> int:
    """How likely a slot's anchor words are to turn up in a sentence."""
    return sum(_word_cost(w) for w in words)


def compile_phrase(pattern: str, example: str, check: bool = True) -> Phrase:
    """A phrasing from its pattern; with ``check``, proven to match its
    example (the linter skips that at load time; the tests do it)."""
    tokens = pattern.split()
    if not tokens:
        raise PhraseError("empty phrasing")
    parts: list[str] = []
    candidates: list[list[str]] = []
    started = False  # whether a required slot came before (so a space goes first)
    for token in tokens:
        if token == "...":
            parts.append(_GAP if started else rf"(?:{_ANY_WORD}\s+){{0,4}}?")
            continue
        slot_regex, optional, slot_anchors = _slot(token)
        if optional:
            parts.append(rf"(?:\s+{slot_regex})?" if started else rf"(?:{slot_regex}\s+)?")
        else:
            parts.append((r"\s+" if started else "") + slot_regex)
            started = True
        if slot_anchors is not None:
            candidates.append(slot_anchors)
    if not candidates:
        raise PhraseError(f"{pattern!r} has no plain required word to anchor it")
    source = rf"(?<![\w'\u2019]){''.join(parts)}(?![\w'\u2019])"
    rarest: list[str] = min(candidates, key=_cost)
    phrase = Phrase(pattern, example, source, frozenset(rarest))
    if check:
        phrase.check_example()
    return phrase


class PhraseBook:
    """The phrasings of one family, looked up by anchor word."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.phrases = tuple(phrases)
        index: dict[str, list[Phrase]] = {}
        for phrase in self.phrases:
            for word in phrase.anchors:
                index.setdefault(word, []).append(phrase)
        self._index = index
        self._anchors = frozenset(index)

    def _candidates(self, text: str) -> tuple[str, Iterable[Phrase]]:
        """``text`` in lower case and the phrasings whose anchor it holds."""
        low, words = prepare(text)
        if self._anchors.isdisjoint(words):
            return low, ()
        return low, self._holding(words)

    def _holding(self, words: frozenset[str]) -> Iterable[Phrase]:
        """The phrasings with an anchor in ``words`` (one at least)."""
        return _anchored(self._index, self._anchors, words)

    def matches(self, text: str) -> list[tuple[int, int]]:
        """Every phrasing's first match in ``text`` as ``(start, end)``, in text order."""
        low, words = prepare(text)
        if self._anchors.isdisjoint(words):
            return []  # the common case, settled without building anything
        phrases = self._holding(words)
        found: dict[tuple[int, int], None] = {}
        for phrase in phrases:
            m = phrase.regex.search(low)
            if m:
                found[m.span()] = None
        return sorted(found)

    def finditer(self, text: str) -> list[tuple[int, int]]:
        """Every match of every phrasing in ``text`` as ``(start, end)``,
        earliest first and, at one start, longest first."""
        low, phrases = self._candidates(text)
        found = {m.span(): None for phrase in phrases for m in phrase.regex.finditer(low)}
        return sorted(found, key=lambda s: (s[0], -s[1])) if len(found) > 1 else list(found)

    def search(self, text: str) -> tuple[int, int] | None:
        """The earliest match in ``text``, or None."""
        found = self.matches(text)
        return found[0] if found else None


def family_matches(
    books: dict[str, PhraseBook], text: str, extra: tuple[str, PhraseBook] | None = None
) -> list[tuple[int, int, str]]:
    """Every match of every family in ``books`` (and of ``extra``, a family
    name and a book) as ``(start, end, family)``, in text order (longest
    first at one start, then in family order), leaving out those that
    overlap a match of the ``not`` family."""
    hit = _FAMILIES_OF.get(id(books))
    if hit is None or hit[0] is not books:  # the books of a check's file: one dict per file
        if len(_FAMILIES_OF) >= 64:
            _FAMILIES_OF.clear()
        hit = _FAMILIES_OF[id(books)] = (books, _families(tuple(books.items())))
    anchors, index, rank = hit[1]
    low, words = prepare(text)
    found: list[tuple[int, int, str]] = []
    denied: list[tuple[int, int]] = []
    if not anchors.isdisjoint(words):
        for phrase, name in _anchored(index, anchors, words):
            if name == "not":
                denied.extend(m.span() for m in phrase.regex.finditer(low))
            else:
                found.extend((*m.span(), name) for m in phrase.regex.finditer(low))
    if extra is not None and extra[1].phrases:
        found.extend((s, e, extra[0]) for s, e in extra[1].finditer(text))
    if not found:
        return []
    kept = dict.fromkeys(f for f in found if not any(f[0] < e and s < f[1] for s, e in denied))
    return sorted(kept, key=lambda f: (f[0], -f[1], rank.get(f[2], -1)))


_Families = tuple[frozenset[str], dict[str, list[tuple["Phrase", str]]], dict[str, int]]
# The families of each dict of books, by its id (the dict is held, so the id
# is not reused); a check's books are loaded once and never changed.
_FAMILIES_OF: dict[int, tuple[dict[str, PhraseBook], _Families]] = {}


def _anchored(index: dict[str, list[T]], anchors: frozenset[str], words: frozenset[str]) -> Iterable[T]:
    """The entries of ``index`` under the ``anchors`` found in ``words``
    (one at least), each once."""
    hits = anchors.intersection(words)
    if len(hits) == 1:
        return index[next(iter(hits))]
    return dict.fromkeys(e for w in hits for e in index[w])


def _families(
    items: tuple[tuple[str, PhraseBook], ...]
) -> tuple[frozenset[str], dict[str, list[tuple[Phrase, str]]], dict[str, int]]:
    """The families of one file as one anchor index of ``(phrasing, family)``,
    and each family's rank (its place in the file)."""
    index: dict[str, list[tuple[Phrase, str]]] = {}
    for name, book in items:
        for phrase in book.phrases:
            for word in phrase.anchors:
                index.setdefault(word, []).append((phrase, name))
    return frozenset(index), index, {name: i for i, (name, _) in enumerate(items)}


_Row = tuple[str, str, str, tuple[str, ...]]  # pattern, example, regex source, anchors


def _entries(raw: Any, source: str, check: bool) -> list[_Row]:
    if not isinstance(raw, list):
        raise PhraseError(f"{source}: expected a list of phrasings")
    out = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("phrase"), str) or not isinstance(item.get("example"), str):
            raise PhraseError(f"{source}: each entry needs a 'phrase' and an 'example' (got {item!r:.60})")
        try:
            phrase = compile_phrase(item["phrase"], item["example"], check)
        except PhraseError as exc:
            raise PhraseError(f"{source}: {exc}") from None
        out.append((phrase.pattern, phrase.example, phrase.source, tuple(sorted(phrase.anchors))))
    return out


def _rows(text: str, name: str, check: bool = False) -> dict[str, list[_Row]]:
    """Each family of phrasings in the YAML ``text``, compiled to rows."""
    data = safe_yaml.load(text) or {}
    if not isinstance(data, dict):
        raise PhraseError(f"{name}: expected families of phrasings")
    return {family: _entries(raw, f"{name}: {family}", check) for family, raw in data.items()}


@lru_cache(maxsize=128)
def user_book(phrases: tuple[str, ...]) -> PhraseBook:
    """The phrasings a user configured (a check's ``extra_phrases``), compiled
    once: each in the phrasing syntax, or, where it is not valid syntax
    ("Company car!"), as its literal words."""
    found = (_configured(p) for p in phrases if isinstance(p, str) and p.strip())
    return PhraseBook(p for p in found if p is not None)


def _configured(text: str) -> Phrase | None:
    try:
        return compile_phrase(text.lower(), text, check=False)
    except PhraseError:
        tokens = _TOKEN.findall(text.lower())
        if not tokens:
            return None  # no word in it, nothing a sentence could hold
        words = (re.escape(w.replace("\u2019", "'")).replace("'", _APOS) for w in text.lower().split())
        source = r"(?<![\w'\u2019])" + r"\s+".join(words) + r"(?![\w'\u2019])"
        return Phrase(text, text, source, frozenset({max(tokens, key=len)}))


@lru_cache(maxsize=None)
def load_books(path: str, check: bool = False) -> dict[str, PhraseBook]:
    """Every family of phrasings in the YAML file at ``path`` (``check``:
    prove each matches its example, as the tests do). Without ``check`` the
    compiled rows are kept beside the file (``linter.datafiles``)."""
    name = Path(path).name
    if check:
        families = _rows(Path(path).read_text(encoding="utf-8"), name, check=True)
    else:
        families = load_cached(path, lambda text: _rows(text, name), code=__file__)
    return {
        family: PhraseBook(Phrase(p, example, source, frozenset(anchors)) for p, example, source, anchors in rows)
        for family, rows in families.items()
    }
