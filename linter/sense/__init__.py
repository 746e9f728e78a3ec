"""Sentence sense: what a sentence of a follow-up does (thanks, states
interest, asks about the decision...), read by a small linear model.

The model is trained by ``tests/sense/train.py`` on the labelled sentences in
``sentences/`` (written by the team) and stored as two reviewable tables:
``words.tsv`` (per word: its frequency in general English and its share of
each label's score, folded from sentence embeddings) and ``ngrams.tsv``
(per label: bias, threshold and phrase weights). Nothing is downloaded and
nothing heavier than ``re`` is imported at run time.
"""

from linter.sense.model import LABELS, Sense, Word, clauses, lookup, read, sense, word_tokens, zipf

__all__ = ["LABELS", "Sense", "Word", "clauses", "lookup", "read", "sense", "word_tokens", "zipf"]
