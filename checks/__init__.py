"""The built-in checks, one per module, grouped by family.

``MODULES`` is the catalog: an explicit list, so nothing registers itself
by being imported. Third-party packages add checks through the
``followup_lint.checks`` entry point (see ``linter/registry.py``).
"""

from __future__ import annotations

import importlib

from linter.check import Check

__all__ = ["MODULES", "builtin_checks"]

MODULES = (
    "checks.language.spelling_grammar",  # FL101
    "checks.length.body_length",  # FL201
    "checks.length.subject_line",  # FL202
    "checks.length.long_sentence",  # FL203
    "checks.length.long_paragraph",  # FL204
    "checks.length.reading_grade",  # FL205
    "checks.content.no_specific_detail",  # FL301
    "checks.content.no_continued_interest",  # FL302
    "checks.content.no_thanks",  # FL303
    "checks.content.no_forward_close",  # FL304
    "checks.asks.asks_about_decision",  # FL401
    "checks.asks.pressure_language",  # FL402
    "checks.asks.premature_offer_question",  # FL403
    "checks.asks.too_many_questions",  # FL404
    "checks.asks.over_eager_tone",  # FL405
    "checks.asks.timing_question",  # FL406
    "checks.form.missing_contact_signature",  # FL501
    "checks.form.greeting_name",  # FL502
    "checks.form.leftover_placeholder",  # FL503
    "checks.timing.send_timing",  # FL601
    "checks.timing.rejection_reply",  # FL602
    "checks.timing.linkedin_note_length",  # FL603
)


def builtin_checks() -> tuple[Check, ...]:
    """Every built-in check, in catalog order."""
    return tuple(importlib.import_module(name).CHECK for name in MODULES)
