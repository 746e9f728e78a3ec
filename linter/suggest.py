"""Did-you-mean hints for unknown names."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["did_you_mean"]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``" (did you mean 'x'?)"`` when a close choice exists, else ``""``.
    A long ``word`` is no typo of a short choice (and comparing it is slow)."""
    options = list(choices)
    if len(word) > 2 * max((len(c) for c in options), default=0) + 10:
        return ""
    import difflib  # only on the error path

    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
