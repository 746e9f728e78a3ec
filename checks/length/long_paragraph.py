"""FL204 long-paragraph: body paragraphs longer than ``max_words``.

A paragraph whose lines run longer than any hard-wrapped email line
(over 100 characters) is text that lost its blank lines (pasted from a web
page, say); there each line is counted as a paragraph of its own.

Span: the paragraph (or the line, in such pasted text).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Severity, Span
from linter.textutil import words_per_region

__all__ = ["CHECK"]


_UNWRAPPED = 100


def _blocks(draft: Draft) -> Iterator[Span]:
    """Paragraphs, with unwrapped pasted text split into its lines."""
    for para in draft.paragraphs:
        chunk = draft.slice(para)
        if "\n" not in chunk or max(len(ln) for ln in chunk.split("\n")) <= _UNWRAPPED:
            yield para
            continue
        pos = para.start
        for line in chunk.split("\n"):
            stripped = line.strip()
            if stripped:
                start = pos + len(line) - len(line.lstrip())
                yield Span(start, start + len(stripped))
            pos += len(line) + 1


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    max_words: int = 120


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    limit = opts.max_words
    words = draft.word_bounds
    n = len(words)
    if n <= limit:
        return
    for region, count in words_per_region(words, _blocks(draft)):
        if count > limit:
            yield check.finding(
                region,
                f"paragraph has {count} words; break it up so each paragraph stays within {limit}",
            )


CHECK = Check(
    code="FL204",
    name="long-paragraph",
    severity=Severity.INFO,
    summary="Flags body paragraphs of more than max_words words (default 120).",
    why="A follow-up should be brief (G12): Boomerang (B16) found the best reply "
    "rates for whole emails of 50 to 125 words, so a single paragraph longer than "
    "that is a wall of text the reader will skim past.",
    example="Hi Dana,\n\nThank you for meeting with me on Tuesday to talk about the data "
    "analyst role. I enjoyed hearing how your team is moving the billing system to "
    "a new platform, and I keep thinking about the question you raised on how to "
    "keep the monthly reports accurate while both systems run side by side. At my "
    "current job I built the checks that compared our old and new ledgers every "
    "night, which caught a rounding bug before it reached any customer invoice. I "
    "would be glad to bring that habit to your team. I am even more excited about "
    "the role than before, and I would be happy to send samples of my SQL reports "
    "or anything else that would help. I look forward to hearing from you about "
    "the next steps.\n\nBest,\nSam",
    instead="Hi Dana,\n\nThank you for meeting with me on Tuesday to talk about the data "
    "analyst role. I enjoyed hearing how your team is moving the billing system to "
    "a new platform.\n\nAt my current job I built the checks that compared our old "
    "and new ledgers every night, which caught a rounding bug before it reached any "
    "customer invoice. I would be glad to bring that habit to your team.\n\nI am "
    "even more excited about the role than before. I look forward to hearing from "
    "you.\n\nBest,\nSam",
    run_fn=_run,
    rationale=("G12", "B16"),
    options=option_defaults(Options),
)
