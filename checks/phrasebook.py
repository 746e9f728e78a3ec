"""Phrasings as data: each check keeps the wordings it recognises in a YAML
file beside its module, and this module turns them into matchers.

A phrasing is words separated by spaces, matched on lower-case text, word by
word, with any amount of white space between words:

* ``interested`` a word; a plain apostrophe also matches the typographic one
* ``keen|eager|excited`` one of several words; ``look_forward|hope`` joins
  words into one alternative (``_`` stands for a space)
* ``[very|really]`` an optional slot
* ``contribut*`` a word starting with ``contribut``
* ``...`` up to four words of anything

Every phrasing comes with an example sentence that it must match (the tests
prove it; at run time patterns are compiled on first use). The anchors
(words one of which any match must contain, so most phrasings are skipped on
most sentences) are derived from the pattern, never written by hand: a
phrasing with no plain required word is rejected when the file is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from checks._phrases import prepare
from linter import safe_yaml
from linter.datafiles import load_cached

__all__ = ["Phrase", "PhraseBook", "PhraseError", "compile_phrase", "load_books"]

_APOS = "['\u2019]"
_GAP = r"(?:[\w'\u2019-]+[\s,]+){0,4}?"
_ANCHOR_WORD = re.compile(r"[a-z0-9]+")


class PhraseError(ValueError):
    """A phrasing that cannot be used: bad syntax, no anchor, or an example it misses."""


@dataclass(frozen=True)
class Phrase:
    pattern: str
    example: str
    source: str  # the regular expression, compiled on first use
    anchors: frozenset[str]

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.source)

    def check_example(self) -> None:
        """Raise ``PhraseError`` unless the phrasing matches its own example."""
        if not self.regex.search(self.example.lower()):
            raise PhraseError(f"{self.pattern!r} does not match its own example {self.example!r}")


@lru_cache(maxsize=None)
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


def _word_regex(word: str) -> str:
    prefix = word.endswith("*")
    core = word[:-1] if prefix else word
    if not core or not re.fullmatch(r"[a-z0-9'\u2019&.-]+", core):
        raise PhraseError(f"{word!r} is not a lower-case word")
    out = re.escape(core.replace("\u2019", "'")).replace("'", _APOS)
    return out + (r"[\w'\u2019-]*" if prefix else "")


def _slot(token: str) -> tuple[str, list[str] | None]:
    """One slot's regex and its anchor candidates (None: it cannot anchor)."""
    optional = token.startswith("[") and token.endswith("]")
    body = token[1:-1] if optional else token
    alternatives = body.split("|")
    regexes: list[str] = []
    anchors: list[str] = []
    for alt in alternatives:
        words = alt.split("_")
        regexes.append(r"\s+".join(_word_regex(w) for w in words))
        plain = [p for w in words if not w.endswith("*") for p in _ANCHOR_WORD.findall(w)]
        anchors.append(max(plain, key=len) if plain else "")
    regex = "(?:" + "|".join(regexes) + ")"
    if optional:
        return rf"(?:{regex}\s+)?", None
    return regex + r"\s+", (None if "" in anchors else anchors)


def _size(words: list[str]) -> int:
    return len(words)


def compile_phrase(pattern: str, example: str, check: bool = True) -> Phrase:
    """A phrasing from its pattern; with ``check``, proven to match its
    example (the linter skips that at load time; the tests do it)."""
    tokens = pattern.split()
    if not tokens:
        raise PhraseError("empty phrasing")
    parts: list[str] = []
    candidates: list[list[str]] = []
    for token in tokens:
        if token == "...":
            parts.append(_GAP)
            continue
        slot_regex, slot_anchors = _slot(token)
        parts.append(slot_regex)
        if slot_anchors is not None:
            candidates.append(slot_anchors)
    if not candidates:
        raise PhraseError(f"{pattern!r} has no plain required word to anchor it")
    text = "".join(parts)
    text = text[: -len(r"\s+")] if text.endswith(r"\s+") else text
    source = rf"(?<![\w'\u2019]){text}(?![\w'\u2019])"
    rarest: list[str] = min(candidates, key=_size)
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

    def matches(self, text: str) -> list[tuple[int, int]]:
        """Every phrasing's first match in ``text`` as ``(start, end)``, in text order."""
        if not self._index:
            return []
        low, words = prepare(text)
        hits = words & self._index.keys()
        if not hits:
            return []
        found: dict[tuple[int, int], None] = {}
        for phrase in dict.fromkeys(p for w in hits for p in self._index[w]):
            m = phrase.regex.search(low)
            if m:
                found[m.span()] = None
        return sorted(found)

    def search(self, text: str) -> tuple[int, int] | None:
        """The earliest match in ``text``, or None."""
        found = self.matches(text)
        return found[0] if found else None


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


def _families(text: str, name: str, check: bool = False) -> dict[str, list[_Row]]:
    """Each family of phrasings in the YAML ``text``, compiled to rows."""
    data = safe_yaml.load(text) or {}
    if not isinstance(data, dict):
        raise PhraseError(f"{name}: expected families of phrasings")
    return {family: _entries(raw, f"{name}: {family}", check) for family, raw in data.items()}


@lru_cache(maxsize=None)
def load_books(path: str, check: bool = False) -> dict[str, PhraseBook]:
    """Every family of phrasings in the YAML file at ``path`` (``check``:
    prove each matches its example, as the tests do). Without ``check`` the
    compiled rows are kept beside the file (``linter.datafiles``)."""
    name = Path(path).name
    if check:
        families = _families(Path(path).read_text(encoding="utf-8"), name, check=True)
    else:
        families = load_cached(path, lambda text: _families(text, name), code=__file__)
    return {
        family: PhraseBook(Phrase(pattern, example, source, frozenset(anchors)) for pattern, example, source, anchors in rows)
        for family, rows in families.items()
    }
