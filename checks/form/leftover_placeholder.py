"""FL503 leftover-placeholder: template slots left in a message about to go.

Draft mode: one finding per placeholder the Draft found in the subject and
the message (``[Name]``, ``{{company}}``, ``{company}``, ``<Company>``,
``XXX``, ``TODO``); never in front matter or a quoted reply. Unbracketed
name slots that make up a whole greeting name or signature line ("Hi Name,",
"Dear Mr. Last Name:", a signature "Your Name") are flagged too: the Draft
does not list them, and they are left-in template text just the same. When the
interview context knows the value (company, role, interviewer), the fix
fills it in. Template mode: placeholders are expected; with the option
``allowed`` (declared slot names; empty = any) a slot not declared is
flagged, with a did-you-mean hint for a misspelt one.

Span: the placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from linter import regexes
from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft, Placeholder
from linter.models import Finding, Fix, Severity, Span
from linter.suggest import did_you_mean

__all__ = ["CHECK"]

_COMPANY = regexes.compile(r"(the )?(company|organi[sz]ation|employer|firm)( name)?", re.I)
_ROLE = regexes.compile(r"(the )?(role|position|job)( title| name)?|(job|position|role) title", re.I)
_PERSON = regexes.compile(
    r"(interviewer|hiring manager|recruiter)(['’]s)?( name)?|name|first name|their name", re.I
)
_BARE_SLOT = regexes.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr)\.? )?(?P<slot>(?:(?:Your|First|Last|Full|Interviewer['’]?s?|Recruiter['’]?s?)"
    r" )?Name)"
)
_SALUTATION = regexes.compile(
    r"(dear|hi|hello|hey|greetings|good (morning|afternoon|evening)|morning|afternoon)\b[\s,]*",
    re.I,
)
_CASUAL = regexes.compile(r"\s*(hi|hello|hey|good|morning|afternoon)\b", re.I)


def _where(draft: Draft, span: Span) -> str:
    subject = draft.subject
    if subject is not None and subject.value_span.contains(span):
        return "subject"
    for name, region in (("greeting", draft.greeting), ("signature", draft.signature)):
        if region is not None and region.contains(span):
            return name
    return "message"


def _value(draft: Draft, slot: Placeholder, where: str) -> str | None:
    ctx = draft.context
    if _COMPANY.fullmatch(slot.name):
        return ctx.company
    if _ROLE.fullmatch(slot.name):
        return ctx.role
    if where != "signature" and ctx.interviewer_name and _PERSON.fullmatch(slot.name):
        if where == "greeting" and _CASUAL.match(draft.slice(draft.greeting)):
            return ctx.interviewer_name.split()[0]
        return ctx.interviewer_name
    return None


def _bare_slots(draft: Draft) -> Iterator[Span]:
    """Unbracketed name slots filling a greeting name or a signature line."""
    text = draft.text
    if draft.greeting is not None:
        line = draft.slice(draft.greeting)
        m = _SALUTATION.match(line)
        start = draft.greeting.start + (m.end() if m else 0)
        end = draft.greeting.end
        while end > start and text[end - 1] in ",:;!. \t":
            end -= 1
        bare = _BARE_SLOT.fullmatch(text, start, end)
        if m and bare:
            yield Span(bare.start("slot"), bare.end("slot"))
    if draft.signature is not None:
        pos = draft.signature.start
        for line in draft.slice(draft.signature).split("\n"):
            stripped = line.strip()
            start = pos + len(line) - len(line.lstrip())
            bare = _BARE_SLOT.fullmatch(text, start, start + len(stripped))
            if bare:
                yield Span(bare.start("slot"), bare.end("slot"))
            pos += len(line) + 1


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    allowed: tuple[str, ...] = ()


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    if draft.mode == "template":
        allowed = tuple(str(a) for a in opts.allowed)
        if not allowed:
            return
        for slot in draft.placeholders:
            if slot.name not in allowed:
                yield check.finding(
                    slot.span,
                    f'placeholder "{draft.slice(slot.span)}" is not one the template '
                    f"declares{did_you_mean(slot.name, allowed)}",
                )
        return
    slots = list(draft.placeholders)
    slots.extend(Placeholder(span, draft.slice(span)) for span in _bare_slots(draft))
    slots.sort(key=lambda p: p.span.start)
    for slot in slots:
        where = _where(draft, slot.span)
        shown = draft.slice(slot.span)
        if where == "greeting":
            message = (
                f'the greeting still says "{draft.slice(draft.greeting)}"; '
                f'fill in "{shown}" before sending'
            )
        else:
            message = f'placeholder "{shown}" left in the {where}; fill it in before sending'
        value = _value(draft, slot, where)
        fix = Fix(slot.span, value, f"fill in '{value}'") if value else None
        yield check.finding(slot.span, message, fix=fix)


CHECK = Check(
    code="FL503",
    name="leftover-placeholder",
    severity=Severity.ERROR,
    summary="Flags template placeholders ([Name], {{company}}, <Company>, XXX, TODO) "
    "left in the subject or message; in template mode, only slots not listed "
    "in the allowed option.",
    why="A follow-up must be free of errors: one mistake does as much harm as the "
    "note does good (G2, R1, R5). A slot such as \"Dear [Name]\" left in tells the "
    "interviewer the note is a form letter sent to anyone, the opposite of a "
    "memorable, specific note (G4).",
    example="Hi [Name],\n\nThank you for meeting with me today about the role at "
    "{{company}}.\n\nBest,\nSam",
    instead="Hi Dana,\n\nThank you for meeting with me today about the analyst role "
    "at Fernhill.\n\nBest,\nSam",
    run_fn=_run,
    rationale=("G2", "G4", "R1", "R5"),
    options=option_defaults(Options),
)
