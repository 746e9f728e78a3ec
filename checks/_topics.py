"""Whether a draft mentions one of the interview topics in its context, for
FL301 no-specific-detail (its docstring states the rules): most of a
topic's key words in one sentence, in any order and inflection, with words
on one root and run-together pairs counted as one."""

from __future__ import annotations

import math

from checks._concrete import _STOP, _WORD, _ordinary
from checks._phrases import body_sentences, stem
from linter.draft import Draft

__all__ = ["topic_mentioned"]


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


def topic_mentioned(draft: Draft, text: str, share: float, generic: frozenset[str]) -> str:
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
