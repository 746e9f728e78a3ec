"""What the grammar backend sees of a draft and which of its answers are
kept, the same for every backend (FL101 spelling-grammar's docstring gives
the rules)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from linter import regexes
from linter.draft import Draft
from linter.grammar.base import GrammarIssue
from linter.models import Span

__all__ = ["masked_text", "keep_issue", "known_words"]

_WORD = regexes.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
_POSSESSIVE = regexes.compile(r"['’]s$", re.I)
_ACRONYM = regexes.compile(r"^[A-Z]+s?$")  # "OKRs", "CI", "R" (the language), an initial
_CAMEL = regexes.compile(r"[a-z][A-Z]")
_NOT_NEWLINE = regexes.compile(r"[^\r\n]")


# -- what is sent ---------------------------------------------------------------

def masked_text(draft: Draft) -> tuple[str, list[Span], list[Span]]:
    """The text the backend sees; the stretches of real text blanked in it
    (each trimmed to its first and last non-space character); and the
    blanked labels next to which issues are still reported (``Subject:``)."""
    text = draft.text
    mask = bytearray(b"\x01") * len(text)
    keep: list[Span] = [*draft.paragraphs, *draft.postscript]
    keep += [s for s in (draft.greeting, draft.closing) if s is not None]
    subject = draft.subject
    if subject is not None:
        keep.append(subject.value_span)
        # The "Subject:" label is blanked but starts the line like a line
        # break would: a slip in the subject's first word is still reported.
        label = Span(subject.line.start, subject.value_span.start)
        mask[label.start : label.end] = b"\x02" * len(label)
        labels = [label]
    else:
        labels = []
    for span in keep:
        mask[span.start : span.end] = bytes(len(span))
    hide: list[Span] = [p.span for p in draft.placeholders]
    hide += list(draft.contacts)
    hide += list(draft.quoted)
    if draft.signature is not None:
        hide.append(draft.signature)
    for span in hide:
        mask[span.start : span.end] = b"\x01" * len(span)
    chars = list(text)
    blanked: list[Span] = []
    for run in re.finditer(rb"[\x01\x02]+", bytes(mask)):
        chars[run.start() : run.end()] = _NOT_NEWLINE.sub(" ", text[run.start() : run.end()])
    for run in re.finditer(rb"\x01+", bytes(mask)):
        start, end = run.start(), run.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            blanked.append(Span(start, end))
    return "".join(chars), blanked, labels


# -- what is kept ------------------------------------------------------------------

def _normal(word: str) -> str:
    return _POSSESSIVE.sub("", word.strip(".,;:!?\"'()[]“”‘’")).casefold()


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def known_words(draft: Draft, vocabulary: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """``(case-insensitive words, capitalised names)`` a spelling issue may not flag."""
    folded = {_normal(w) for entry in vocabulary for w in _words(str(entry))}
    context = draft.context
    for name in (*context.names, context.interviewer_title or "", *context.topics):
        folded |= {_normal(w) for w in _words(name)}
    names: set[str] = set()
    for w in _words(draft.slice(draft.signature)):
        if w[:1].isupper():
            names.add(_POSSESSIVE.sub("", w))
    greeting = _words(draft.slice(draft.greeting))
    for w in greeting[1:]:
        if w[:1].isupper():
            names.add(_POSSESSIVE.sub("", w))
    folded.discard("")
    return frozenset(folded), frozenset(names)


def _is_known(word: str, folded: frozenset[str], names: frozenset[str]) -> bool:
    bare = _POSSESSIVE.sub("", word)
    if _normal(word) in folded or bare in names:
        return True
    if any(c.isdigit() for c in word) or _ACRONYM.match(bare):
        return True
    return bool(_CAMEL.search(bare))  # "GitHub", "iPhone": a product, not a slip


def _close_to_a_name(word: str, context_names: Iterable[str]) -> bool:
    import difflib

    bare = _POSSESSIVE.sub("", word).casefold()
    return any(difflib.SequenceMatcher(None, bare, n.casefold()).ratio() >= 0.75 for n in context_names)


def keep_issue(
    issue: GrammarIssue,
    text: str,
    masked: str,
    blanked: list[Span],
    labels: list[Span],
    folded: frozenset[str],
    names: frozenset[str],
    *,
    context_names: Iterable[str] = (),
    proper_nouns: bool = False,
    dialect: str = "any",
) -> bool:
    """Whether ``issue`` (offsets into ``text``/``masked``) is reported."""
    if not 0 <= issue.start <= issue.end <= len(text):
        return False
    if any(issue.start < b.end and b.start < max(issue.end, issue.start + 1) for b in labels):
        return False
    lo, hi = issue.start, issue.end
    while lo > 0 and masked[lo - 1] in " \t":
        lo -= 1
    while hi < len(masked) and masked[hi] in " \t":
        hi += 1
    for b in blanked:
        if b.start < max(hi, lo + 1) and lo < b.end:
            return False
    if issue.category == "spelling":
        flagged = _words(text[issue.start : issue.end])
        if flagged and all(_is_known(w, folded, names) for w in flagged):
            return False
        word = text[issue.start : issue.end]
        if dialect == "any" and issue.accepted_in:
            return False  # "colour", "analyse": right in another dialect
        # A capitalised word in mid-sentence is a name the dictionary lacks
        # (a company, a product, a colleague), unless it looks like a slip
        # on a name the context gives ("Whitfeld" for "Whitfield").
        if (
            not proper_nouns
            and word[:1].isupper()
            and not _at_sentence_start(text, issue.start)
            and not _close_to_a_name(word, context_names)
        ):
            return False
    return True


def _at_sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t")
    return not before or before[-1] in ".!?:\n\r\"“"
