"""How the content checks read a sentence: the sentence model's labels
(``linter.sense``), overruled by the phrasings kept as data beside a check.

A check's YAML file has up to two families: ``says`` (phrasings that carry
the check's label whatever the model reads) and ``not`` (phrasings that do
not carry it, such as "thank you in advance" for thanks). A ``says`` match
inside a ``not`` match or in a negated clause ("no longer interested") does
not count, and a sentence or clause with a ``not`` match is not left to the
model (its other clauses are).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from checks._phrases import holds_negator, masked_text, negated
from checks.phrasebook import PhraseBook, load_books, user_book
from linter.draft import Draft
from linter.models import Span
from linter.sense import clauses, sense, word_tokens

__all__ = ["MIN_MODEL_WORDS", "Reader", "sentences"]

# Below this many words a sentence is left to the phrasings: the model was
# trained on whole sentences and reads a lone word by its bias.
MIN_MODEL_WORDS = 3


def sentences(draft: Draft) -> Iterator[tuple[Span, str]]:
    """The sentences a content check reads (the body, placeholders blanked)."""
    text = masked_text(draft)
    for span in draft.sentences:
        yield span, text[span.start : span.end]


class Reader:
    """Reads one label in sentences, with the phrasings of ``data_file``."""

    def __init__(self, label: str, data_file: Path) -> None:
        self.label = label
        books = load_books(str(data_file))
        says = books.get("says", PhraseBook(())).phrases
        # A phrasing that spells out its own negator ("why ... haven't ... heard")
        # is only undone by a negator before it, not by the one it holds.
        self.says = PhraseBook(p for p in says if not holds_negator(p.pattern))
        self.says_negative = PhraseBook(p for p in says if holds_negator(p.pattern))
        self.denies = books.get("not", PhraseBook(()))

    def carries(self, text: str, margin: float = 0.0, extra: Iterable[str] = ()) -> bool:
        """Whether the sentence ``text`` carries this reader's label: a
        ``says`` phrasing outside any ``not`` phrasing and not negated; else
        the model's reading of the sentence or of one of its clauses, leaving
        out any that holds a ``not`` phrasing."""
        if self.said(text, extra):
            return True
        if not _model_reads(text):
            return False  # too few words for the model to read ("Goodnight.", "???")
        return any(
            sense(part).has(self.label, margin) for part in clauses(text) if not self.denies.matches(part)
        )

    def said(self, text: str, extra: Iterable[str] = ()) -> bool:
        """Whether a ``says`` phrasing holds in ``text``, outside any ``not``
        phrasing and not negated."""
        plain = self.says.matches(text)
        if extra:  # a user's phrasings (none by default)
            plain += user_book(tuple(extra)).matches(text)
        negative = self.says_negative.matches(text)
        if not plain and not negative:
            return False  # nothing said: the ``not`` phrasings need no looking up
        denied = self.denies.matches(text)
        return any(
            not any(s < end and start < e for s, e in denied) and not undone(text, start, end)
            for spans, undone in ((plain, _negated), (negative, _negated_before))
            for start, end in spans
        )


@lru_cache(maxsize=4096)
def _model_reads(text: str) -> bool:
    """Whether the sentence has words enough for the model (each content
    check asks it of the same sentences)."""
    return sum(w != "?" for w in word_tokens(text)) >= MIN_MODEL_WORDS


def _negated(text: str, start: int, end: int) -> bool:
    """A negator before the match, or inside it ("I'm not sure I'm still
    interested" matches "I'm ... interested" around its "not")."""
    return negated(text, start) or negated(text, end, floor=start, words=len(text[start:end].split()))


def _negated_before(text: str, start: int, end: int) -> bool:
    """A negator before the match (one inside belongs to the phrasing)."""
    return negated(text, start)

