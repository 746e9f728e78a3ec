"""Infer the kind of follow-up when the context does not give it.

Each body sentence and the subject line are read by the sentence model
(``linter.sense``); a small softmax over what they do (the strongest
reading of thanks, a rejection acknowledged, a check-in, a request to
connect...) and the note's length picks the kind (``linter.sense.kind_model``).
``infer_kind_with_confidence`` also gives the probability of that kind, so
checks can give the benefit of the doubt when it is low.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter.sense import LABELS, read
from linter.sense.kind_model import kind_features, predict_kind

if TYPE_CHECKING:
    from linter.draft import Draft

__all__ = ["infer_kind_with_confidence"]


def infer_kind_with_confidence(draft: Draft) -> tuple[str, float]:
    body = [read(draft.text[s.start : s.end]).probs for s in draft.sentences]
    subject = draft.subject.value.strip() if draft.subject else ""
    features = kind_features(LABELS, body, read(subject).probs if subject else None, draft.word_count)
    return predict_kind(features)

