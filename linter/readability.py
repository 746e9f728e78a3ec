"""Reading grade through textstat, without any NLTK download.

textstat's syllable counter loads CMUdict through NLTK, which downloads it
at run time and takes ~0.6 s and ~60 MB to load. The Coleman-Liau index
counts letters and sentences instead of syllables, so it needs no
dictionary; it is still a U.S. school-grade estimate, the unit of the B16
figures.
"""

from __future__ import annotations

from typing import Any

__all__ = ["coleman_liau_grade"]

_textstat: Any = None


def coleman_liau_grade(text: str) -> float:
    """U.S. grade level of ``text`` (Coleman-Liau, via textstat)."""
    global _textstat
    if _textstat is None:
        import textstat  # imported on first use: it pulls in NLTK (~0.3 s)

        _textstat = textstat
    return float(_textstat.coleman_liau_index(text))
