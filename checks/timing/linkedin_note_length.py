"""FL603 linkedin-note-length: a LinkedIn connection note over the length
LinkedIn accepts.

The note is the whole message (greeting, body, closing, signature).
GUIDANCE (K2) says only that LinkedIn limits the note to a few hundred
characters; the default of 300 is LinkedIn's limit for a connection-request
note. Span: from the first character past the limit to the end of the note
(the part LinkedIn would not take).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Severity, Span

__all__ = ["CHECK"]


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    max_chars: int = 300


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    note = draft.message
    limit = opts.max_chars
    if note is None or len(note) <= limit:
        return
    yield check.finding(
        Span(note.start + limit, note.end),
        f"connection note is {len(note)} characters; LinkedIn takes {limit}, "
        f"so cut {len(note) - limit}",
    )


CHECK = Check(
    code="FL603",
    name="linkedin-note-length",
    severity=Severity.ERROR,
    summary="Flags a LinkedIn connection note longer than max_chars (default 300 "
    "characters, LinkedIn's limit for a connection-request note).",
    why="The connection request should carry a short personal note saying who you "
    "are and why you want to connect (K2). LinkedIn limits that note to a few "
    "hundred characters (300 for a connection request), so a longer note cannot "
    "be sent as written.",
    example="---\nkind: linkedin\n---\nHi Dana, thank you again for the interview on "
    "Tuesday. I really enjoyed our conversation about the billing migration and "
    "the way your team checks the monthly reports while both systems run side by "
    "side. I would love to stay in touch here and keep following the project as it "
    "goes live later this year. Best, Sam Ortiz, data analyst",
    instead="---\nkind: linkedin\n---\nHi Dana, thank you for Tuesday's interview. I "
    "enjoyed our talk about the billing migration and would love to stay in touch "
    "as it goes live. Best, Sam Ortiz",
    run_fn=_run,
    rationale=("K2",),
    options=option_defaults(Options),
    kinds=frozenset({"linkedin"}),
)
