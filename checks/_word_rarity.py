"""Is an unknown word a slip on a common word, or a term the dictionary lacks?

A grammar backend's dictionary knows general English, not a writer's
trade: "runbook", "failover" and "upskilling" are flagged as misspellings
just like "recieve". The frequency of words in general English (wordfreq's
list, loaded on first use) tells them apart without a list of either:

* a **slip** sits one edit (a letter dropped, added, changed or two
  swapped) from a word that is common and far more frequent than it
  ("intrested" -> "interested", "recieve" -> "receive"; a short word,
  which has common neighbours by chance, needs a far bigger gap: "teh"
  -> "the" is a slip, "cron" -> "iron" is not), or is a common
  phrase run together that people often write so ("eachother");
* a **term** is attested in general English in its own right ("failover"),
  or is made of two common words ("runbook" = "run" + "book");
* anything else is **unknown**: neither evidence is there, or the word is
  itself an everyday word the backend flags for its context.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

__all__ = ["SLIP", "TERM", "UNKNOWN", "common_zipf", "judge_word", "zipf"]

SLIP, TERM, UNKNOWN = "slip", "term", "unknown"

_COMMON = 4.0  # Zipf frequency of a word one meets every day ("interested")
_GAP = 1.5  # a slip is at least this much rarer than its neighbour (x30)
_SHORT = 4  # letters; a short word has common neighbours by chance ("cron": "iron")
_GAP_SHORT = 3.0  # ... so its neighbour must be far commoner ("teh": "the", x1000)
_ATTESTED = 1.0  # a word written in general English, if rarely
_PART = 3.0  # each half of a compound term is an everyday word
_PHRASE_PART = 5.0  # each word of a phrase people run together ("each other")
_RUN_TOGETHER = 2.5  # ... and the run-together form is itself written often
_SUFFIXES = ("ing", "ers", "er", "ed", "es", "s")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


_COMMON_FLOOR = 2.5  # the lowest bar a neighbour or a part of a word is held to
_Rare = tuple[tuple[float, tuple[str, ...]], ...]  # (Zipf, sorted words), rarest first


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, float], _Rare]:
    """wordfreq's English list: the words at ``_COMMON_FLOOR`` or above with
    their Zipf frequency, and the rarer ones in their sorted buckets of one
    frequency each. Read from wordfreq's data file (gzipped msgpack, a
    bucket of words per centibel) rather than through ``wordfreq``, whose
    import and word dict cost a run three times as much."""
    import gzip
    import importlib.util
    import os

    import msgpack  # type: ignore[import-untyped]

    spec = importlib.util.find_spec("wordfreq")
    folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else ""
    with open(os.path.join(folder, "data", "large_en.msgpack.gz"), "rb") as handle:
        header, *buckets = msgpack.unpackb(gzip.decompress(handle.read()), raw=False, use_list=False)
    if header != {"format": "cB", "version": 1}:
        raise RuntimeError(f"wordfreq's English list has an unknown format: {header!r}")
    levels = [_zipf_of(centibels) for centibels in range(len(buckets))]
    common: dict[str, float] = {}
    cut = next((c for c, level in enumerate(levels) if level < _COMMON_FLOOR), len(buckets))
    for centibels in range(cut):
        common.update(dict.fromkeys(buckets[centibels], levels[centibels]))
    rare = tuple((levels[c], tuple(buckets[c])) for c in reversed(range(cut, len(buckets))))
    return common, rare


def _zipf_of(centibels: int) -> float:
    """A bucket's Zipf frequency, worked out as from wordfreq's frequency
    (``10 ** (-centibels / 100)``), float for float."""
    return math.log10(10 ** (-centibels / 100)) + 9


def common_zipf(word: str) -> float:
    """``zipf(word)`` when it is ``_COMMON_FLOOR`` or more, else 0: one dict
    lookup, for the many candidate neighbours and parts of a word."""
    return _table()[0].get(word, 0.0)


@lru_cache(maxsize=4096)
def zipf(word: str) -> float:
    """The Zipf frequency (log10 per billion words) of ``word``; 0 if unseen."""
    word = word.casefold()
    common, rare = _table()
    for level, bucket in rare:  # as in wordfreq's dict, a word listed twice has its rarer frequency
        at = bisect_left(bucket, word)
        if at < len(bucket) and bucket[at] == word:
            return level
    return common.get(word, 0.0)


def _one_edit(word: str) -> Iterator[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for left, right in splits:
        if right:
            yield left + right[1:]
            for c in _LETTERS:
                yield left + c + right[1:]
        if len(right) > 1:
            yield left + right[1] + right[0] + right[2:]
        for c in _LETTERS:
            yield left + c + right


def _within_two(a: str, b: str) -> bool:
    """Edit distance (with swaps) of at most two, for backend suggestions."""
    if abs(len(a) - len(b)) > 2:
        return False
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            row.append(cost)
        prev2, prev = prev, row
    return prev[-1] <= 2


def common_neighbour(word: str, suggestions: Iterable[str] = ()) -> str | None:
    """A common word ``word`` is most likely a slip on, or None."""
    own = zipf(word)
    near = set(_one_edit(word))
    near |= {s.casefold() for s in suggestions if s.isalpha() and _within_two(word, s.casefold())}
    near.discard(word)
    best = max(near, key=common_zipf, default=None)  # a slip's neighbour is common: the dict is enough
    gap = _GAP_SHORT if len(word) <= _SHORT else _GAP
    if best is not None and common_zipf(best) >= _COMMON and common_zipf(best) - own >= gap:
        return best
    return None


def _run_together(word: str, suggestions: Iterable[str]) -> bool:
    """``word`` is a common phrase written as one word ("eachother")."""
    for suggestion in suggestions:
        parts = suggestion.casefold().split()
        if len(parts) == 2 and "".join(parts) == word:
            if min(common_zipf(p) for p in parts) >= _PHRASE_PART and zipf(word) >= _RUN_TOGETHER:
                return True
    return False


def _compound(word: str) -> bool:
    stems = [word] + [word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) > len(s) + 3]
    return any(
        common_zipf(stem[:i]) >= _PART and common_zipf(stem[i:]) >= _PART
        for stem in stems
        for i in range(2, len(stem) - 1)
    )


def judge_word(word: str, suggestions: Iterable[str] = ()) -> str:
    """``SLIP``, ``TERM`` or ``UNKNOWN`` for a lowercase word a dictionary lacks."""
    lowered = word.casefold()
    offered = tuple(suggestions)
    if not lowered.isalpha():
        return UNKNOWN
    if common_neighbour(lowered, offered) or _run_together(lowered, offered):
        return SLIP
    own = zipf(lowered)
    if own >= _COMMON:  # an everyday word flagged for its context: no trade term
        return UNKNOWN
    if own >= _ATTESTED or _compound(lowered):
        return TERM
    return UNKNOWN
