"""Reading grade through textstat, without NLTK.

textstat's syllable counter loads CMUdict through NLTK, which downloads it
at run time and takes ~0.6 s and ~60 MB to load. The Coleman-Liau index
counts letters and sentences instead of syllables, so it needs no
dictionary; it is still a U.S. school-grade estimate, the unit of the B16
figures.

textstat imports NLTK at module load even so (0.3 s, 28 MB). We let it
import an empty stand-in instead: the Coleman-Liau path never touches NLTK,
and a syllable-based call would fail loudly rather than download anything.
The stand-in is removed from ``sys.modules`` at once, so code that imports
the real NLTK later in the same process still gets it.
"""

from __future__ import annotations

import sys
import types
from typing import Any

__all__ = ["coleman_liau_grade"]

_textstat: Any = None


def _import_textstat() -> Any:
    stand_in = "nltk" not in sys.modules  # else the real one is loaded: use it
    if stand_in:
        sys.modules["nltk"] = types.ModuleType("nltk", "stand-in: followup-lint never uses NLTK")
    try:
        import textstat  # type: ignore[import-untyped]
    finally:
        if stand_in:
            del sys.modules["nltk"]
    return textstat


def coleman_liau_grade(text: str) -> float:
    """U.S. grade level of ``text`` (Coleman-Liau, via textstat)."""
    global _textstat
    if _textstat is None:
        _textstat = _import_textstat()
    return float(_textstat.coleman_liau_index(text))
