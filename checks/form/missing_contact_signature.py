"""FL501 missing-contact-signature: no sign-off with a name and a way to
reach the sender.

The sign-off area is the closing line (``Best regards,``) and the signature
block after it, or a trailing name/contact block when there is no closing
line. It needs a name and at least one contact detail: an email, a phone
number, a LinkedIn or portfolio link. Placeholder slots such as
``[Your Email]`` or ``[Your Contact Information]`` count as a contact
detail (and ``[Your Name]`` as a name) in any mode: in template mode they
are expected, and in a draft FL503 already reports the slot left unfilled,
so this check does not report the same line a second time. In template mode
a signature line that only names a contact field ("Phone Number", "Your
Email Address") is such a slot too.

With a ``sender`` profile in the config (name, email, phone, linkedin)
each finding carries a safe fix that writes the missing part: the sign-off
and signature, the name and contact line after a bare sign-off, or the
contact line under a name.

Spans: with no sign-off at all, an insertion point at the end of the body;
a closing line with no name after it marks the closing; a name with no
contact detail marks the signature block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from linter import regexes
from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK"]

_KINDS = frozenset({"thank-you", "status-check", "post-rejection", "general"})
# A labelled contact line the Draft's contact pattern cannot see ("Phone: on request").
_EXTRA_CONTACT = regexes.compile(
    r"\b(linkedin|github|portfolio|phone|mobile|cell|tel|email|e-mail)\s*[:|]",
    re.I,
)
_CONTACT_SLOT = regexes.compile(
    r"e-?mail|phone|mobile|cell|number|contact|linkedin|portfolio|website|url|address",
    re.I,
)
_NAME_LINE = regexes.compile(r"[^\W\d_]")
# A template's signature line that is the name of a contact field, unbracketed ("Phone Number").
_FIELD_LINE = regexes.compile(
    r"(?:your\s+)?(?:e-?mail(?:\s+address)?|(?:phone|mobile|cell|telephone)(?:\s+number)?"
    r"|linkedin(?:\s+(?:profile|url))?|contact\s+(?:details|information|info))",
    re.I,
)


def _line_spans(draft: Draft, span: Span) -> list[Span]:
    out: list[Span] = []
    pos = span.start
    for line in draft.slice(span).split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append(Span(pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return out


def _is_contact_line(draft: Draft, line: Span) -> bool:
    if draft.contact_in_line(line):
        return True
    text = draft.slice(line)
    if _EXTRA_CONTACT.search(text):
        return True
    if draft.mode == "template" and _FIELD_LINE.fullmatch(text.strip()):
        return True
    return any(
        line.contains(p.span) and _CONTACT_SLOT.search(p.name) for p in draft.placeholders
    )


def _end_of_body(draft: Draft) -> Span:
    region = draft.body or draft.greeting
    at = region.end if region is not None else len(draft.text)
    return Span(at, at)


def _contact_line(sender: Mapping[str, str]) -> str:
    return " | ".join(sender[k] for k in ("email", "phone", "linkedin") if sender.get(k))


def _sender_fix(at: int, lines: list[str], what: str, *, gap: bool = False) -> Fix | None:
    """Insert ``lines`` at ``at``, each on a line of its own (after a blank
    line with ``gap``)."""
    lines = [ln for ln in lines if ln]
    if not lines:
        return None
    text = ("\n" if gap else "") + "".join(f"\n{ln}" for ln in lines)
    return Fix(Span(at, at), text, what, safe=True)


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    sender: Mapping[str, str] = MappingProxyType({})  # filled from the config's top-level ``sender``


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    sender = read_options(Options, options).sender
    contact = _contact_line(sender)
    if draft.signature is None:
        if draft.closing is None:
            at = _end_of_body(draft)
            fix = None
            if sender.get("name"):
                fix = _sender_fix(at.end, ["Best regards,", sender["name"], contact],
                                  "add a sign-off with your name and contact details", gap=True)
            yield check.finding(
                at,
                "the message has no sign-off or name; end with a sign-off, your name "
                "and a phone number or email",
                fix=fix,
            )
        else:
            fix = None
            if sender.get("name"):
                fix = _sender_fix(draft.closing.end, [sender["name"], contact],
                                  "add your name and contact details")
            yield check.finding(
                draft.closing,
                f'the sign-off "{draft.slice(draft.closing)}" has no name after it; add '
                "your name and a phone number or email",
                fix=fix,
            )
        return
    lines = _line_spans(draft, draft.signature)
    if any(_is_contact_line(draft, ln) for ln in lines):
        return
    names = " / ".join(draft.slice(ln) for ln in lines if _NAME_LINE.search(draft.slice(ln)))
    yield check.finding(
        draft.signature,
        f'the signature "{names}" has no contact detail; add a phone number, '
        "email or LinkedIn link under your name",
        fix=_sender_fix(draft.signature.end, [contact], "add your contact details"),
    )


CHECK = Check(
    code="FL501",
    name="missing-contact-signature",
    severity=Severity.WARNING,
    summary="Flags a message that does not end with a sign-off, the sender's name "
    "and at least one contact detail (phone, email, LinkedIn or portfolio link).",
    why="A recruiter who wants to call you back should not have to dig through "
    "the application to find your number. The executive recruiter behind R5 "
    "advises signing off with your contact information so they have it at hand "
    "(G11).",
    example="Hi Dana,\n\nThank you for meeting with me today about the analyst "
    "role. I enjoyed hearing about the billing migration.\n\nBest regards,\n"
    "Sam Ortiz",
    instead="Hi Dana,\n\nThank you for meeting with me today about the analyst "
    "role. I enjoyed hearing about the billing migration.\n\nBest regards,\n"
    "Sam Ortiz\nsam.ortiz@example.com | 555-201-7788",
    run_fn=_run,
    rationale=("G11", "R5"),
    options=option_defaults(Options),
    kinds=_KINDS,
)
