"""FL405 over-eager-tone: gushing, pleading or chasing.

Flags, one finding per phrase:

* gushing flattery: "the best company in the world", "my dream job", "I
  would do anything", "absolutely perfect in every way", "you are the most
  amazing team", "a dream come true";
* desperation: "I really need this job", "please, I beg you", "I'm
  desperate", "this job means everything to me", "my last hope";
* repeated contact: "I've emailed three times", "following up again", "yet
  another email", "my third message", "I'll call you tomorrow", "I'll stop
  by your office", "I'll keep checking in";
* too many exclamation marks: more than ``max_exclamations`` (2) in the
  body. A run such as "!!!" counts once (FL402 already flags the run); the
  finding marks the sentence holding the first mark over the limit.

The phrasings are data: ``over_eager_tone.yaml`` beside this module, one
family per message. Warm but measured praise ("I admire the team's work on X", "I'd be thrilled
to join") is not flagged.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from checks._phrases import body_sentences, negated, quote
from checks.phrasebook import family_matches, load_books, user_book
from linter import regexes
from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Severity, Span

__all__ = ["CHECK"]

_BOOKS = load_books(str(Path(__file__).with_suffix(".yaml")))
_LABELS = {
    "flattery": "gushing flattery",
    "desperate": "sounds desperate",
    "chasing": "points to repeated contact",
    "": "over-eager wording",  # a phrasing from config
}
_BANG = regexes.compile(r"!+")


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    extra_phrases: tuple[str, ...] = ()
    max_exclamations: int = 2


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    extra = ("", user_book(opts.extra_phrases))
    sentences = list(body_sentences(draft))
    for span, text in sentences:
        taken: list[tuple[int, int]] = []
        for start, end, family in family_matches(_BOOKS, text, extra):
            if any(start < e and s < end for s, e in taken) or negated(text, start):
                continue
            taken.append((start, end))
            label = _LABELS[family]
            yield check.finding(
                Span(span.start + start, span.start + end),
                f'{label}: "{quote(text[start:end])}"',
            )
    limit = opts.max_exclamations
    runs = [len(_BANG.findall(text)) for _, text in sentences]
    total = sum(runs)
    if total <= limit:
        return
    seen = 0
    for (span, text), count in zip(sentences, runs):
        seen += count
        if seen > limit:
            yield check.finding(
                span,
                f"uses {total} exclamation marks; more than {limit} reads as over-eager: "
                f'"{quote(text)}"',
            )
            return


CHECK = Check(
    code="FL405",
    name="over-eager-tone",
    severity=Severity.WARNING,
    summary="Gushing flattery, pleading, talk of repeated contact or a pile of exclamation marks.",
    why=(
        "Advisers warn against coming across as too eager (G10), and the reply data agree: "
        "slightly warm emails do better than neutral ones, but gushing flattery does worse "
        "(B16). Pleading puts the reader in an awkward spot, and mentioning how often you "
        "have written or that you will call or drop by reads as pressure (T5)."
    ),
    example=(
        "Hi Dana,\n\nThis is my dream job and I really need this job! I'm following up again "
        "in case you missed my email!\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you again for Tuesday. I'd be thrilled to join the team and help "
        "with the reporting backlog.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G10", "T5"),
    options=option_defaults(Options),
    kinds=frozenset(),
)
