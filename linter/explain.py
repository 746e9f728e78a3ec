"""``followup-lint explain CODE``: a check's documentation in fixed sections."""

from __future__ import annotations

import textwrap

from linter.check import Check

__all__ = ["explain_text", "SOURCES", "RULES"]

# GUIDANCE.md's rules, summarised in our words, with the sources behind each.
RULES = {
    "G1": ("send it by email: short, polite, memorable", "R1"),
    "G2": ("no typos or errors: one mistake undoes the good the note does", "R1, R5"),
    "G3": ("thank the interviewer for their time and the opportunity", "R2, R3, R4, R5"),
    "G4": ("mention a specific detail of the job or the conversation", "R1, R3"),
    "G5": ("state continued interest in the position and the organization", "R2, R3, R4"),
    "G6": ("tactfully sell yourself: why the role fits you", "R3"),
    "G7": ("close forward-looking and offer anything else they need", "R3"),
    "G8": ("do not ask whether you got the job or a decision was made", "R1, R2"),
    "G9": ("no list of questions; pay, holidays and start date wait for an offer", "R2"),
    "G10": ("do not come across as too eager: no pressure, no repeated contact", "R1, R4"),
    "G11": ("sign off with your contact information", "R5"),
    "G12": ("keep it brief and professional", "R1, R3, R5"),
    "T1": ("send the thank-you soon: the next morning is ideal", "R3, R4"),
    "T2": ("asking for news within 24 hours is pointless", "R1"),
    "T3": ("a status check comes after the promised timeline, usually 10 to 14 days", "R2, R3"),
    "T4": ("status checks at most once a week, ideally every two weeks", "R4"),
    "T5": ("several contacts in the days after the interview look unprofessional", "R1"),
    "K1": ("after a rejection, reply graciously and ask to be kept in mind", "R4"),
    "K2": ("a LinkedIn request carries a short personal note", "R4"),
    "K3": ("a status check is short, asks politely once, restates interest", "R3, R4"),
}

SOURCES = {
    "R1": "recruiting-agency blog: follow up with your recruiter after the interview",
    "R2": "career site: interview follow-up etiquette",
    "R3": "career blog: how to follow up after the interview",
    "R4": "career site: three non-annoying ways to follow up",
    "R5": "executive recruiter column (25+ years of recruiting): why follow-up matters",
    "B16": "Boomerang's 2016 analysis of several million emails (reply rates)",
    "L": "Lavender's help-centre guidance for sales emails",
}


def _indent(text: str) -> str:
    return textwrap.indent(text.strip("\n"), "    ")


def explain_text(check: Check) -> str:
    kinds = ", ".join(sorted(check.kinds)) if check.kinds else "every kind of follow-up"
    lines = [
        f"{check.code} {check.name} ({check.severity.label})",
        "",
        "What it flags",
        _indent(check.summary),
        "",
        "Why",
        _indent(textwrap.fill(check.why, 76)),
    ]
    if check.rationale:
        lines += ["", "Advice it rests on (shared/GUIDANCE.md)"]
        for tag in check.rationale:
            if tag in RULES:
                rule, sources = RULES[tag]
                lines.append(f"    {tag}: {rule} ({sources})")
            else:
                lines.append(f"    {tag}" + (f": {SOURCES[tag]}" if tag in SOURCES else ""))
    lines += ["", "Example", _indent(check.example), "", "Instead", _indent(check.instead)]
    lines += ["", f"Applies to: {kinds}"]
    if check.options:
        lines += ["", "Options (set under checks.<name> in .followup-lint.yaml)"]
        lines += [f"    {name}: {value!r}" for name, value in check.options.items()]
    return "\n".join(lines)
