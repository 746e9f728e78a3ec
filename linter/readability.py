"""Reading grade: the Coleman-Liau index, computed here.

The formula and its counting rules are textstat's (0.7.13,
``coleman_liau_index``, no rounding), written out so that a run imports
neither textstat's many modules nor, through it, NLTK, whose syllable
counter downloads CMUdict. Coleman-Liau counts letters and sentences, not
syllables, so it needs no dictionary; it is a U.S. school-grade estimate.
``tests/test_readability.py`` holds it equal to textstat's on every draft
we ship and on generated text.
"""

from __future__ import annotations

from linter import regexes

__all__ = ["coleman_liau_grade"]

_SPACE = regexes.compile(r"\s")
_PUNCTUATION = regexes.compile(r"[^\w\s]")
_PUNCTUATION_BUT_APOSTROPHE = regexes.compile(r"[^\w\s\']")
_LONE_APOSTROPHE = regexes.compile(r"\'(?![tsd]|ve|ll|re)")  # one not starting a contraction's ending
_SENTENCE = regexes.compile(r"\b[^.!?]+[.!?]*")
# ASCII text takes a faster path: the same characters dropped as bytes (the
# patterns above, tested on each ASCII character, so the two paths agree by
# construction).
_NOT_WORD = bytes(c for c in range(128) if _SPACE.match(chr(c)) or _PUNCTUATION.match(chr(c)))
_NOT_WORD_SPACE_APOSTROPHE = bytes(c for c in range(128) if _PUNCTUATION_BUT_APOSTROPHE.match(chr(c)))


def _words(text: str) -> int:
    """Words once punctuation is gone (contractions and hyphenated words count once)."""
    if "'" in text:
        text = _LONE_APOSTROPHE.sub("", text)
    if text.isascii():  # str.split, not bytes.split: they differ on \x1c-\x1f
        return len(text.encode("ascii").translate(None, _NOT_WORD_SPACE_APOSTROPHE).decode("ascii").split())
    return len(_PUNCTUATION_BUT_APOSTROPHE.sub("", text).split())


def _letters(text: str) -> int:
    """Characters once whitespace and punctuation are gone."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_WORD))
    return len(_PUNCTUATION.sub("", _SPACE.sub("", text)))


def _sentences(text: str) -> int:
    """Sentences, not counting those of two words or fewer; at least one."""
    if not text:
        return 0
    found = _SENTENCE.findall(text)
    return max(1, sum(1 for sentence in found if _words(sentence) > 2))


def coleman_liau_grade(text: str) -> float:
    """U.S. grade level of ``text``: 0.058 L - 0.296 S - 15.8, with L the
    letters and S the sentences per 100 words; 0.0 when either is zero."""
    words = _words(text)
    if words == 0:
        return 0.0
    letters = _letters(text) / words * 100
    sentences = _sentences(text) / words * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (0.058 * letters) - (0.296 * sentences) - 15.8
