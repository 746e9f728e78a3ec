"""Which kind of follow-up a note is, from what its sentences do.

The features of a note are, per label, the highest probability any body
sentence has for it, the subject line's probabilities, and the note's
length; ``kinds.tsv`` (written by ``tests/sense/train.py``) holds one
weight row per kind of a softmax over them.
"""

from __future__ import annotations

import math
from operator import itemgetter, mul
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

__all__ = ["KINDS", "kind_features", "predict_kind"]

KINDS = ("thank-you", "status-check", "post-rejection", "linkedin", "general")
_SUBJECT_LABELS = ("thanks", "checkin", "decision", "rejection", "connect", "timeline", "update", "feedback")


def kind_features(
    labels: Sequence[str],
    body: Sequence[Mapping[str, float]],
    subject: Mapping[str, float] | None,
    words: int,
) -> list[float]:
    """The feature vector of a note (the same in training and at run time)."""
    if body and len(labels) > 1:  # each label's column of probabilities, then its highest
        pick = itemgetter(*labels)
        out = [max(column) for column in zip(*(pick(p) for p in body))]
    elif body:
        out = [max(p[label] for p in body) for label in labels]
    else:
        out = [0.0] * len(labels)
    out += [subject[label] if subject else 0.0 for label in _SUBJECT_LABELS]
    out += [math.log1p(words) / 5.0, 1.0 if subject else 0.0, 1.0]
    return out


@lru_cache(maxsize=1)
def _weights() -> dict[str, list[float]]:
    rows: dict[str, list[float]] = {}
    path = Path(__file__).with_name("kinds.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, values = line.split("\t")
            rows[kind] = [float(v) for v in values.split()]
    return rows


def predict_kind(features: Sequence[float]) -> tuple[str, float]:
    """The likeliest kind and its probability."""
    scores = {k: sum(map(mul, ws, features)) for k, ws in _weights().items()}
    top = max(scores.values())
    total = sum(math.exp(v - top) for v in scores.values())
    kind = max(scores, key=lambda k: scores[k])
    return kind, 1.0 / total
