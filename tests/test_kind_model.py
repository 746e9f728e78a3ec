"""The kind model's features and prediction equal the plain formulas they
are written faster than (same floats, same order of sums)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from linter.draft import parse_draft
from linter.sense import LABELS, read
from linter.sense.kind_model import _SUBJECT_LABELS, _weights, kind_features, predict_kind

ROOT = Path(__file__).resolve().parents[1]


def plain_features(
    labels: Sequence[str], body: Sequence[Mapping[str, float]], subject: Mapping[str, float] | None, words: int
) -> list[float]:
    out = [max((p[label] for p in body), default=0.0) for label in labels]
    out += [subject[label] if subject else 0.0 for label in _SUBJECT_LABELS]
    return out + [math.log1p(words) / 5.0, 1.0 if subject else 0.0, 1.0]


def plain_predict(features: Sequence[float]) -> tuple[str, float]:
    scores = {k: sum(w * f for w, f in zip(ws, features)) for k, ws in _weights().items()}
    top = max(scores.values())
    total = sum(math.exp(v - top) for v in scores.values())
    return max(scores, key=lambda k: scores[k]), 1.0 / total


def test_features_and_prediction_of_every_draft_we_ship() -> None:
    paths = sorted((ROOT / "examples").rglob("*.txt")) + sorted((ROOT / "tests/accuracy/drafts").glob("*.txt"))
    kinds = set()
    for path in paths:
        draft = parse_draft(path.read_text(encoding="utf-8"), str(path))
        body = [read(draft.text[s.start : s.end]).probs for s in draft.sentences]
        subject = read(draft.subject.value).probs if draft.subject and draft.subject.value.strip() else None
        for labels in (LABELS, LABELS[:1], LABELS[3:5]):
            assert kind_features(labels, body, subject, draft.word_count) == plain_features(labels, body, subject, draft.word_count)
        features = kind_features(LABELS, body, subject, draft.word_count)
        assert predict_kind(features) == plain_predict(features)
        kinds.add(predict_kind(features)[0])
    assert len(kinds) == 5


def test_a_note_with_no_body_sentence() -> None:
    assert kind_features(LABELS, [], None, 0) == plain_features(LABELS, [], None, 0)
    assert kind_features(LABELS, [], None, 0)[: len(LABELS)] == [0.0] * len(LABELS)
