"""``followup-lint explain CODE``: a check's documentation in fixed sections."""

from __future__ import annotations

import textwrap

from linter.check import Check

__all__ = ["explain_text", "SOURCES"]

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
            lines.append(f"    {tag}" + (f": {SOURCES[tag]}" if tag in SOURCES else ""))
    lines += ["", "Example", _indent(check.example), "", "Instead", _indent(check.instead)]
    lines += ["", f"Applies to: {kinds}"]
    if check.options:
        lines += ["", "Options (set under checks.<name> in .followup-lint.yaml)"]
        lines += [f"    {name}: {value!r}" for name, value in check.options.items()]
    return "\n".join(lines)
