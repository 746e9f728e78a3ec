"""The reading grade is textstat's Coleman-Liau index, to the last bit."""

from __future__ import annotations

from pathlib import Path

import textstat  # type: ignore[import-untyped]
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.readability import coleman_liau_grade

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = sorted((ROOT / "examples/drafts").rglob("*.txt")) + sorted((ROOT / "tests/accuracy/drafts").glob("*.txt"))


def test_equal_to_textstat_on_every_draft_we_ship() -> None:
    texts = [path.read_text(encoding="utf-8") for path in DRAFTS]
    assert len(texts) > 100
    assert [coleman_liau_grade(t) for t in texts] == [textstat.coleman_liau_index(t) for t in texts]


def test_known_values() -> None:
    # 37 letters, 10 words, 1 sentence ("It works." has too few words to count)
    assert coleman_liau_grade("The team ships a small fix every week. It works.") == 0.058 * (37 / 10 * 100) - 0.296 * (1 / 10 * 100) - 15.8
    assert coleman_liau_grade("Hi.") == 0.058 * (2 / 1 * 100) - 0.296 * (1 / 1 * 100) - 15.8  # one sentence at least
    assert coleman_liau_grade("") == 0.0
    assert coleman_liau_grade("?! ...") == 0.0  # no words


TRICKY = st.sampled_from(list(" \n\t.!?'’-,;:\"()") + ["can't", "'s", "rock'n'roll", "e.g.", "Dr.", "3.5", "naïve", "über", "x_y", "...", "?!"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(TRICKY, st.text(min_size=1, max_size=8)), max_size=40).map(" ".join))
def test_equal_to_textstat_on_generated_text(text: str) -> None:
    assert coleman_liau_grade(text) == textstat.coleman_liau_index(text)


ASCII = st.sampled_from(["can't", "'s", "e.g.", "x_y", "\x1c", "\x1f", "\x0b", "\x0c", "'ll", "'", "3.5"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(ASCII, st.text(st.characters(max_codepoint=127), min_size=1, max_size=8)), max_size=40).map(" ".join))
def test_equal_to_textstat_on_ascii_text(text: str) -> None:
    # ASCII text is counted on a path of its own (bytes, not patterns)
    assert text.isascii()
    assert coleman_liau_grade(text) == textstat.coleman_liau_index(text)
