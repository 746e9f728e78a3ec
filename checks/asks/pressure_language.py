"""FL402 pressure-language: deadlines, ultimatums, urgency, reproach and
threats aimed at the employer.

Flags, one finding per phrase:

* deadlines and ultimatums: "I need an answer by Friday", "please reply by
  end of day", "if I don't hear back by Monday", "no later than", "otherwise
  I will accept another offer", "this is your last chance";
* a competing offer used as a lever: "I have another offer and need to
  know", "I've received a competing offer";
* urgency words: "ASAP", "as soon as possible", "urgent(ly)", "immediately",
  "right away", "at your earliest convenience" is *not* flagged (it is a
  polite formula);
* reproach for silence: "the courtesy of a reply", "your lack of
  communication", "ignoring my emails", "nobody bothered to answer";
* threats: "I will report this", "I'll be sure to mention your silence to
  ...", "legal action", "my solicitor", "I will write a review";
* doubled punctuation: "??", "!!", "?!" (a run counts once; the fix keeps
  one mark).

Not flagged: the writer offering their own availability. "I can start
immediately", "I'm available to start ASAP", "I could relocate right away"
are eagerness about the job, not pressure on the reader (FL405 watches the
tone). The phrasings are data: ``pressure_language.yaml`` beside this
module, one family per message, and a ``not`` family for the writer's own
availability ("I'm free to start right away"): a match inside it does not count.
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
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_BOOKS = load_books(str(Path(__file__).with_suffix(".yaml")))
_MESSAGES = (
    ("deadline", "puts a deadline on the employer"),
    ("offer", "uses a competing offer to hurry the employer"),
    ("urgent", "presses for speed"),
    ("reproach", "reproaches the reader for not replying"),
    ("threat", "threatens the employer"),
)
# Families a "not" before the match does not void: "not even the courtesy
# of a reply" is still reproach.
_NEGATION_KEPT = frozenset(("urgent", "reproach"))
_PUNCT = regexes.compile(r"[?!]{2,}")


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    extra_phrases: tuple[str, ...] = ()


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    extra = ("deadline", user_book(opts.extra_phrases))
    subject = draft.subject
    regions = [(subject.value_span, subject.value)] if subject is not None else []
    for span, text in [*regions, *body_sentences(draft)]:
        hits = family_matches(_BOOKS, text, extra)
        taken: list[tuple[int, int]] = []
        for name, message in _MESSAGES:
            for start, end, family in hits:
                if family != name or any(start < e and s < end for s, e in taken):
                    continue
                if family not in _NEGATION_KEPT and negated(text, start):
                    continue
                taken.append((start, end))
                phrase = text[start:end] if family == "urgent" else quote(text[start:end])
                yield check.finding(
                    Span(span.start + start, span.start + end), f'{message}: "{phrase}"'
                )
        if "??" in text or "!!" in text or "?!" in text or "!?" in text:
            for m in _PUNCT.finditer(text):
                mark = "?" if "?" in m.group() else "!"
                at = Span(span.start + m.start(), span.start + m.end())
                yield check.finding(
                    at,
                    f'doubled punctuation reads as impatient: "{m.group()}"',
                    fix=Fix(at, mark, f'keep a single "{mark}"'),
                )


CHECK = Check(
    code="FL402",
    name="pressure-language",
    severity=Severity.ERROR,
    summary="Deadlines, ultimatums, urgency words, reproach, threats and doubled ?/! aimed at the employer.",
    why=(
        "A follow-up should not put the reader under pressure (G10). Deadlines, \"ASAP\", "
        "a competing offer waved as a lever or a row of question marks tell a busy "
        "interviewer you are impatient, which is the opposite of the calm, professional "
        "impression the note exists to leave. Reproaching them for a slow reply or "
        "threatening to complain ends the conversation for good. Offering your own "
        "availability (\"I can start immediately\") is not pressure and is not flagged."
    ),
    example=(
        "Hi Dana,\n\nThank you for Tuesday. I need an answer by Friday, so please reply "
        "ASAP!!\n\nBest,\nSam"
    ),
    instead=(
        "Hi Dana,\n\nThank you for Tuesday. I remain very interested in the role and look "
        "forward to hearing from you.\n\nBest,\nSam"
    ),
    run_fn=_run,
    rationale=("G10",),
    options=option_defaults(Options),
    kinds=frozenset(),
)
