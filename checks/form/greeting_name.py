"""FL502 greeting-name: the greeting should address the interviewer by a
correctly spelt name.

With ``context.interviewer_name`` known, the greeting may use the first
name, the full name, or a title (Mr., Ms., Dr., ...) with the last name;
a shortened first name ("Chris" for "Christopher") is accepted. It flags
a misspelt name (one or two letters off, or the wrong case) with a fix to
the right spelling, a generic greeting ("Dear Hiring Manager", "Hi there",
"To whom it may concern") with a fix to the name, and a greeting that
names someone else. Without a known name it flags only the form-letter
openings ("To whom it may concern", "Dear Sir or Madam"). A missing
greeting is flagged (info) except in a LinkedIn note. A greeting that
still holds a placeholder (``[Name]``, or a bare ``Name``) is left to
FL503.

Spans: a misspelt name marks the word; a generic greeting marks the
generic words; a greeting naming someone else marks the greeting line;
a missing greeting is an insertion point at the start of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from linter import regexes
from linter.check import Check, Tools
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_SALUTATION = regexes.compile(
    r"(dear|hi|hello|hey|greetings|good (morning|afternoon|evening)|morning|afternoon)\b[\s,]*",
    re.I,
)
_CASUAL = regexes.compile(r"(hi|hello|hey|good|morning|afternoon|greetings)\b", re.I)
_FORM_LETTER = regexes.compile(
    r"to whom it may concern|(dear )?(sir|madam)( ?(/|or|and) ?(sir|madam))?\b", re.I
)
_GENERIC = regexes.compile(
    r"to whom it may concern|(sir|madam)( ?(/|or|and) ?(sir|madam))?"
    r"|hiring (manager|team|committee)|recruit(ing|ment) (manager|team)|recruiter"
    r"|there|hiring",
    re.I,
)
_WORD = regexes.compile(r"[^\W\d_][\w'’.-]*")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor"})
_SKIP = frozenset({"and", "or", "all", "team", "everyone", "folks", "both", "the"})
_BARE_SLOT = regexes.compile(
    r"((Mr|Mrs|Ms|Dr)\.? )?((Your|First|Last|Full|Interviewer['’]?s?|Recruiter['’]?s?) )?Name"
)
_BARE_NAME = regexes.compile(r"[A-Z][\w'’.-]*( [A-Z][\w'’.-]*){0,3},[ \t]*(?=\n|$)")


def _distance(a: str, b: str) -> int:
    """Optimal-string-alignment edit distance (transpositions count once)."""
    if abs(len(a) - len(b)) > 2:
        return 3
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _close(word: str, part: str) -> bool:
    """``word`` looks like a misspelling of ``part``."""
    if word.casefold() == part.casefold():
        return True
    limit = 1 if len(part) <= 5 else 2
    return len(word) >= 3 and _distance(word.casefold(), part.casefold()) <= limit


def _greeting(draft: Draft) -> tuple[Span, int] | None:
    """The greeting line and where its addressee starts."""
    if draft.greeting is not None:
        text = draft.slice(draft.greeting)
        m = _SALUTATION.match(text)
        return draft.greeting, draft.greeting.start + (m.end() if m else 0)
    if draft.paragraphs:
        first = draft.paragraphs[0]
        m = _BARE_NAME.match(draft.text, first.start, first.end)
        if m:  # "Dana," on its own line: the parser does not know the form
            return Span(m.start(), m.start() + len(m.group().rstrip(" \t,")) + 1), m.start()
    return None


def _name_parts(name: str) -> list[str]:
    parts = [p for p in name.replace(",", " ").split() if p.rstrip(".").lower() not in _TITLES]
    return parts or name.split()


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    name = draft.context.interviewer_name
    found = _greeting(draft)
    if found is None:
        if draft.kind == "linkedin" or not draft.paragraphs:
            return
        at = Span(draft.paragraphs[0].start, draft.paragraphs[0].start)
        fix = None
        if name:
            opener = f"Dear {name},\n\n"
            fix = Fix(at, opener, f"open with '{opener.strip()}'")
        yield check.finding(
            at,
            "the message has no greeting; open by addressing the interviewer by name",
            fix=fix,
            severity=Severity.INFO,
        )
        return
    line, start = found
    if any(line.overlaps(p.span) for p in draft.placeholders):
        return
    text = draft.text
    end = line.end
    while end > start and text[end - 1] in ",:;!.- \t":
        end -= 1
    addressee = Span(start, end)
    if _BARE_SLOT.fullmatch(text, start, end):
        return  # "Hi Name,": a template slot, FL503's business
    if not name:
        m = _FORM_LETTER.search(text, line.start, line.end)
        if m:
            yield check.finding(
                Span(m.start(), m.end()),
                f'"{m.group()}" reads like a form letter; address the interviewer by name',
                severity=Severity.INFO,
            )
        return
    parts = _name_parts(name)
    generic = _GENERIC.fullmatch(text, addressee.start, addressee.end) or _GENERIC.fullmatch(
        text, line.start, end
    )
    if generic:
        span = Span(generic.start(), generic.end())
        if generic.start() == line.start or not _CASUAL.match(text, line.start, line.end):
            replacement = name if generic.start() != line.start else f"Dear {name}"
        else:
            replacement = parts[0]
        yield check.finding(
            span,
            f'the greeting "{draft.slice(line)}" is generic; you know the '
            f"interviewer's name, {name}",
            fix=Fix(span, replacement, f"address {replacement.removeprefix('Dear ')} by name"),
        )
        return
    used = False
    for m in _WORD.finditer(text, addressee.start, addressee.end):
        word = m.group().rstrip(".")
        low = word.lower()
        if low in _TITLES or low in _SKIP:
            continue
        if word in parts:
            used = True
            continue
        if any(len(p) - len(word) >= 2 and p.startswith(word) and len(word) >= 3 for p in parts):
            used = True  # a short form: "Chris" for "Christopher"
            continue
        close = next((p for p in parts if _close(word, p)), None)
        if close is not None:
            used = True
            span = Span(m.start(), m.start() + len(word))
            yield check.finding(
                span,
                f'the greeting spells the name "{word}"; the interviewer is {name}',
                fix=Fix(span, close, f"spell it '{close}'", safe=True),
            )
    if not used:
        yield check.finding(
            line,
            f'the greeting "{draft.slice(line)}" does not use the interviewer\'s '
            f"name, {name}",
        )


CHECK = Check(
    code="FL502",
    name="greeting-name",
    severity=Severity.WARNING,
    summary="Flags a greeting that misspells or leaves out the interviewer's known "
    "name, a generic or form-letter greeting, and a missing greeting.",
    why="The greeting is the first thing the interviewer reads: a misspelt name "
    "is exactly the kind of error that does as much harm as the note does good "
    "(G2, R5), and \"Dear Hiring Manager\" to someone you met yesterday makes "
    "the note look like one sent to any company, not a memorable one (G1, G4).",
    example="---\ninterviewer: Dana Whitfield\n---\nDear Ms. Whitfeld,\n\nThank you "
    "for meeting with me today about the analyst role.\n\nBest,\nSam",
    instead="---\ninterviewer: Dana Whitfield\n---\nDear Ms. Whitfield,\n\nThank you "
    "for meeting with me today about the analyst role.\n\nBest,\nSam",
    run_fn=_run,
    rationale=("G1", "G2", "G4", "R5"),
)
