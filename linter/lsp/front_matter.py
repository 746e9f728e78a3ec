"""Edits to a draft's ``followup-lint:`` front matter key, as one text
replacement: the editor's "ignore this check here" and "add to vocabulary".

Only the ``followup-lint:`` entry is rewritten (as one flow-style line);
every other line of the front matter is left exactly as it was.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from linter import regexes

__all__ = ["add_setting"]

_OPEN = regexes.compile(r"---[ \t]*\r?\n")
_CLOSE = regexes.compile(r"^(---|\.\.\.)[ \t]*\r?$", re.M)
_ENTRY = regexes.compile(r"^followup-lint[ \t]*:.*(?:\r?\n|\r)?(?:[ \t-].*(?:\r?\n|\r)?|[ \t]*(?:\r?\n|\r))*", re.M)


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _entry(settings: dict[str, Any], nl: str) -> str:
    flow = yaml.safe_dump(settings, default_flow_style=True, sort_keys=False, width=10**6).strip()
    return f"followup-lint: {flow}{nl}"


def add_setting(text: str, key: str, value: str) -> tuple[int, int, str] | None:
    """``(start, end, replacement)`` that adds ``value`` to the draft's
    ``followup-lint.<key>`` list, or None when it is there already or the
    front matter cannot be read."""
    nl = _newline(text)
    bom = 1 if text.startswith("\ufeff") else 0
    opened = _OPEN.match(text, bom)
    if opened is None:
        block = f"---{nl}{_entry({key: [value]}, nl)}---{nl}"
        return bom, bom, block
    closing = _CLOSE.search(text, opened.end())
    if closing is None:
        return None
    body_start, body_end = opened.end(), closing.start()
    try:
        data = yaml.safe_load(text[body_start:body_end]) or {}
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    settings = data.get("followup-lint") or {}
    if not isinstance(settings, dict):
        return None
    current = settings.get(key) or []
    current = [current] if isinstance(current, str) else list(current)
    if value in current:
        return None
    settings = {**settings, key: [*current, value]}
    found = _ENTRY.search(text, body_start, body_end)
    if found is None:
        return body_end, body_end, _entry(settings, nl)
    end = min(found.end(), body_end)
    return found.start(), end, _entry(settings, nl)
