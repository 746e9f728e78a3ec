"""The run-time side of the sentence model: table lookups and a sum.

A sentence's score for a label is ``bias + mean word vector . w + sum of its
n-gram weights``; because the first term is linear in a mean, it is stored
per word (the word's summed token vectors dotted with ``w``, and how many
tokens it has), so no embedding table or tokenizer is needed here.
"""

from __future__ import annotations

import bisect
import math
from array import array
import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from linter import regexes
from linter.datafiles import load_cached, mapped, sorted_line

__all__ = ["LABELS", "Sense", "Word", "clauses", "lookup", "read", "sense", "word_tokens", "ngram_features", "zipf", "UNKNOWN_ZIPF"]

_HERE = Path(__file__).parent
_WORD = regexes.compile(r"[a-z0-9]+(?:'[a-z]+)*|\?")
UNKNOWN_ZIPF = 2.0  # below every word in the table


# "not only ... but also" and "not just" negate nothing: their "not" is dropped.
_EMPHATIC_AFTER_NOT = frozenset(("only", "just"))


def word_tokens(text: str) -> list[str]:
    """Lower-case word tokens (apostrophes kept inside a word) and "?"; the
    "not" of "not only" and "not just" is left out."""
    words: list[str] = _WORD.findall(text.lower().replace("\u2019", "'"))
    if "not" not in words:
        return words
    return [w for w, after in zip(words, [*words[1:], ""]) if not (w == "not" and after in _EMPHATIC_AFTER_NOT)]


def ngram_features(words: list[str]) -> set[str]:
    """The sparse features of a sentence: its words, word pairs (with a
    start marker) and whether it asks a question."""
    feats = {"u:" + w for w in words}
    padded = ["<s>", *words]
    feats.update(f"b:{a} {b}" for a, b in zip(padded, padded[1:]))
    return feats


@dataclass(frozen=True)
class Word:
    """A row of the word table: frequency in general English (Zipf scale),
    parts of speech ("N", "V", "A", "R"; empty when unknown), token count and
    the word's share of each label's score."""

    zipf: float
    pos: str
    tokens: int
    scores: tuple[float, ...]


class _Label:
    """A label of the sentence model: its name, bias and threshold (a plain
    class: a dataclass costs start-up more than this needs)."""

    __slots__ = ("name", "bias", "threshold")

    def __init__(self, name: str, bias: float, threshold: float) -> None:
        self.name = name
        self.bias = bias
        self.threshold = threshold


class _Tables:
    """The two tables, loaded so that a run pays little before its first
    draft: the n-gram weights are parsed once and kept beside the file
    (``linter.datafiles``); the word table stays one block of bytes,
    searched line by line as words are asked for."""

    def __init__(self, folder: Path) -> None:
        labels, weights = load_cached(str(folder / "ngrams.tsv"), _parse_ngrams, code=__file__)
        self.labels = tuple(_Label(name, bias, threshold) for name, bias, threshold in labels)
        self.thresholds = {label.name: label.threshold for label in self.labels}
        self.ngram_weights: dict[str, bytes] = weights  # feature -> its (label index, weight) pairs, packed
        self.ngram_pairs: dict[str, tuple[tuple[int, float], ...]] = {}  # the same, unpacked once met
        self._words = mapped(folder / "words.tsv")  # sorted by word, after the comment lines
        self._searched = 0
        self._keys: list[bytes] | None = None  # each line's word, once the table is indexed
        self._starts = array("L")  # where each of those lines starts

    def ngram(self, feature: str) -> tuple[tuple[int, float], ...]:
        """The (label index, weight) pairs of an n-gram feature (none for one
        the model lacks), unpacked the first time a run meets it."""
        pairs = self.ngram_pairs.get(feature)
        if pairs is None:
            packed = self.ngram_weights.get(feature)
            if packed is None:
                return ()
            pairs = self.ngram_pairs[feature] = tuple(_PAIR.iter_unpack(packed))
        return pairs

    @lru_cache(maxsize=65536)
    def word(self, word: str) -> Word | None:
        """What the table knows of ``word`` (None for a word it lacks)."""
        line = self._line(word.encode("utf-8"))
        if line is None:
            return None
        _, zipf_s, pos, ntok, scores = line.decode("utf-8").split("\t")
        return Word(float(zipf_s), pos.strip("-"), int(ntok), tuple(float(x) for x in scores.split()))

    def _line(self, key: bytes) -> bytes | None:
        """The table's line for the word ``key``: searched in the bytes at first
        (one draft asks for a few hundred words), then, past ``_INDEX_AFTER``,
        by bisection over the words listed once with where their lines start."""
        if self._keys is None:
            self._searched += 1
            if self._searched <= _INDEX_AFTER:
                return sorted_line(self._words, key + b"\t")
            found = [(m.group(), m.start()) for m in _TABLE_KEY.finditer(self._words)]
            self._keys, self._starts = [k for k, _ in found], array("L", (start for _, start in found))
        i = bisect.bisect_left(self._keys, key)
        if i == len(self._keys) or self._keys[i] != key:
            return None
        start = self._starts[i]
        end = self._words.find(b"\n", start)
        return self._words[start : end if end >= 0 else len(self._words)]

    @lru_cache(maxsize=8192)
    def respelled(self, word: str) -> str:
        """``word``, or the common word one slip away that it misspells
        ("intrested", "oppurtunity"), so that a typo does not hide a
        sentence's meaning: a letter dropped, doubled, swapped with the next,
        or a vowel put in or changed. Only long lower-case words are tried
        (short ones have too many neighbours); of the neighbours in the
        table, the commonest wins."""
        if len(word) < RESPELL_MIN_LETTERS or not word.isalpha():
            return word
        best, best_zipf = word, RESPELL_MIN_ZIPF
        for candidate in _one_slip(word):
            row = self.word(candidate)
            if row is not None and row.zipf > best_zipf:
                best, best_zipf = candidate, row.zipf
        return best


_INDEX_AFTER = 1000  # table searches after which the word table is indexed
_TABLE_KEY = re.compile(rb"^(?!#)[^\t\n]+(?=\t)", re.M)  # a line's word
_CAPITALISED = regexes.compile(r"\b[A-Z][\w'’]*")
# Respelling: the shortest word tried and how common its correction must be.
RESPELL_MIN_LETTERS = 6
RESPELL_MIN_ZIPF = 3.5
_VOWELS = "aeiou"


def _one_slip(word: str) -> set[str]:
    """Words one typing slip from ``word``."""
    out: set[str] = set()
    n = len(word)
    for i in range(n):
        out.add(word[:i] + word[i + 1 :])  # a letter too many
        if i + 1 < n:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # two letters swapped
        for v in _VOWELS:
            out.add(word[:i] + v + word[i + 1 :])  # a vowel wrong
    for i in range(n + 1):
        for c in set(_VOWELS + word[max(0, i - 1) : i + 1]):
            out.add(word[:i] + c + word[i:])  # a vowel or a doubled letter missing
    out.discard(word)
    return out


# An n-gram's weights are kept packed: a few thousand byte strings load far
# faster than tuples of tuples of floats. Each is unpacked when a sentence
# first holds it (a run meets a small part of the table).
_PAIR = struct.Struct("<Bd")


def _parse_ngrams(text: str) -> tuple[list[tuple[str, float, float]], dict[str, bytes]]:
    """Label rows (name, bias, threshold) and, per n-gram, its weight in each
    label that has one, as packed (label index, weight) pairs."""
    labels: list[tuple[str, float, float]] = []
    position: dict[str, int] = {}
    index: dict[str, list[tuple[int, float]]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, label, key, value = line.split("\t")
        if kind == "label":
            bias, threshold = value.split()
            position[label] = len(labels)
            labels.append((label, float(bias), float(threshold)))
        else:
            index.setdefault(key, []).append((position[label], float(value)))
    return labels, {feature: b"".join(_PAIR.pack(*pair) for pair in pairs) for feature, pairs in index.items()}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    return _Tables(_HERE)


def lookup(word: str) -> Word | None:
    """The word table's row for ``word`` (any case), or None."""
    return _tables().word(word.lower().replace("\u2019", "'"))


def zipf(word: str) -> float:
    """How common ``word`` is in general English (Zipf scale, 0 to 8; words
    outside the table count as rare)."""
    row = lookup(word)
    return row.zipf if row else UNKNOWN_ZIPF


@dataclass(frozen=True)
class Sense:
    """Per-label probabilities of one sentence, and the label thresholds."""

    probs: dict[str, float]
    thresholds: dict[str, float]

    def has(self, label: str, margin: float = 0.0) -> bool:
        """Whether the sentence carries ``label`` (``margin`` raises the bar)."""
        return self.probs[label] >= min(0.99, self.thresholds[label] + margin)


def _unknown_tokens(word: str) -> int:
    return 1 + len(word) // 4


_CLAUSE_BREAK = regexes.compile(r"\s*[;:\u2014]\s*|,\s+(?=(?:and|but|so|as|which|while)\b)|\s+(?:and|but)\s+(?=(?:i|i'm|i've|i'd|we)\b)", re.I)
MIN_CLAUSE_WORDS = 4
_BLANKS = regexes.compile(r"\s+")


@lru_cache(maxsize=4096)
def clauses(text: str) -> tuple[str, ...]:
    """The sentence and, when it joins several, its clauses ("..., and I am
    eager to join" is read on its own too, so one clause's meaning is not
    averaged away by the others). Memoised: the kind inference and each
    content check split the same sentences."""
    # Runs of blanks made one first: the break pattern is quadratic on a long run.
    parts = [p for p in _CLAUSE_BREAK.split(_BLANKS.sub(" ", text)) if len(p.split()) >= MIN_CLAUSE_WORDS]
    return (text, *parts) if len(parts) > 1 else (text,)


@lru_cache(maxsize=4096)
def read(text: str) -> Sense:
    """Per label, the strongest reading over the sentence and its clauses
    (memoised, as ``sense`` is: the kind inference and FL301 read the same
    sentences)."""
    readings = [sense(part) for part in clauses(text)]
    if len(readings) == 1:
        return readings[0]
    probs = {label: max(r.probs[label] for r in readings) for label in readings[0].probs}
    return Sense(probs, readings[0].thresholds)


@lru_cache(maxsize=4096)
def sense(text: str) -> Sense:
    """What the sentence ``text`` does, label by label."""
    tables = _tables()
    words = word_tokens(text)
    rows = [tables.word(w) for w in words]
    if any(row is None for row in rows):  # a typo or a name: names are left alone
        names = set(word_tokens(" ".join(_CAPITALISED.findall(text))))
        for i, (w, row) in enumerate(zip(words, rows)):
            if row is None and w not in names:
                words[i] = tables.respelled(w)
                rows[i] = tables.word(words[i])
    n_labels = len(tables.labels)
    known = [row.scores for row in rows if row is not None]
    # Each label's scores summed in word order, by columns (sum adds floats
    # one by one from 0.0, as a loop would).
    totals = [sum(column) for column in zip(*known)] if known else [0.0] * n_labels
    tokens = sum(row.tokens if row is not None else _unknown_tokens(w) for w, row in zip(words, rows))
    if tokens:
        totals = [t / tokens for t in totals]
    unpacked, packed = tables.ngram_pairs, tables.ngram_weights
    for f in ngram_features(words):
        pairs = unpacked.get(f)
        if pairs is None:
            if f not in packed:
                continue
            pairs = tables.ngram(f)
        for i, weight in pairs:
            totals[i] += weight
    probs: dict[str, float] = {}
    for i, label in enumerate(tables.labels):
        z = label.bias + totals[i]
        probs[label.name] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    return Sense(probs, tables.thresholds)


LABELS = (
    "thanks", "interest", "detail", "decision", "timeline", "pressure", "rejection", "checkin", "connect", "withdraw",
    "update", "feedback",
)
