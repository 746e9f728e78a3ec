"""FL203 long-sentence: body sentences longer than ``max_words``.

Span: the sentence. Words are the Draft's body words (whitespace tokens
holding a letter or digit), so the counts match FL201's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Severity
from linter.textutil import words_per_region

__all__ = ["CHECK"]


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    max_words: int = 35


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    limit = opts.max_words
    words = draft.word_bounds
    n = len(words)
    if n <= limit:
        return
    for region, count in words_per_region(words, draft.sentences):
        if count > limit:
            yield check.finding(
                region,
                f"sentence has {count} words; split it so each sentence stays within {limit}",
            )


CHECK = Check(
    code="FL203",
    name="long-sentence",
    severity=Severity.INFO,
    summary="Flags body sentences of more than max_words words (default 35).",
    why="A follow-up should be short and easy to take in (G1, G12); readers give "
    "an email only seconds (L), and a long sentence is where a reader loses the "
    "thread. Plain, simple text also gets more replies (B16).",
    example="I wanted to thank you again for taking the time to meet with me on "
    "Tuesday afternoon to talk about the data analyst role, the migration your "
    "team is planning for the billing system, and the ways in which my experience "
    "with SQL reporting could help the team meet its goals this year.",
    instead="Thank you for meeting me on Tuesday about the data analyst role. I "
    "enjoyed hearing about the billing migration, and I think my SQL reporting "
    "work could help your team meet its goals this year.",
    run_fn=_run,
    rationale=("G12", "B16"),
    options=option_defaults(Options),
)
