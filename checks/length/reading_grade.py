"""FL205 reading-grade: a body that reads above ``max_grade``.

The grade is Coleman-Liau (letters and sentences, no syllable dictionary)
from ``tools.readability``, or ``linter.readability.coleman_liau_grade``
when the engine lends none. Bodies under 30 words are skipped: a grade
of two sentences means little. Span: the body's first sentence (the same
whole-body anchor FL201 uses).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Severity
from linter.readability import coleman_liau_grade

__all__ = ["CHECK"]

_MIN_WORDS = 30


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    max_grade: float = 14


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    if draft.word_count < _MIN_WORDS or not draft.sentences:
        return
    grade_of = tools.readability or coleman_liau_grade
    grade = grade_of(draft.body_text)
    limit = opts.max_grade
    if grade > limit:
        yield check.finding(
            draft.sentences[0],
            f"body reads at grade {grade:.1f} (Coleman-Liau); aim for grade "
            f"{limit:g} or below with shorter words and sentences",
        )


CHECK = Check(
    code="FL205",
    name="reading-grade",
    severity=Severity.INFO,
    summary="Flags a body whose Coleman-Liau reading grade is above max_grade "
    "(default 14); bodies under 30 words are not graded.",
    why="Plain words get answers. Boomerang (B16) found that text at about a "
    "3rd-grade reading level got 53% replies against 39% for college level, and "
    "sales-email data (L) puts the sweet spot near a 5th-grade level. A note "
    "dense with long words also works against keeping it brief (G12).",
    example="Dear Dana,\n\nI sincerely appreciate the considerable organizational "
    "commitment demonstrated throughout yesterday's comprehensive interdepartmental "
    "evaluation. Your articulation regarding infrastructure modernization "
    "initiatives substantially reinforced my enthusiasm concerning collaborative "
    "implementation responsibilities within the analytics organization.\n\n"
    "Respectfully,\nSam",
    instead="Dear Dana,\n\nThank you for meeting me yesterday. I liked hearing how "
    "your team plans to move the billing system to a new platform. It made me "
    "want the job even more. I would love to help you build the reports for it. "
    "Please tell me if you need anything else from me.\n\nBest,\nSam",
    run_fn=_run,
    rationale=("G12", "B16", "L"),
    options=option_defaults(Options),
)
