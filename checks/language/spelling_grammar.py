"""FL101 spelling-grammar: misspellings, grammar slips and typography, from
the grammar backend the engine lends (Harper embedded, or LanguageTool).

What the backend sees and which of its answers are kept is decided here,
the same way for every backend:

* One copy of ``draft.text`` is sent, with every character outside the
  subject value, greeting, body paragraphs and closing replaced by a space
  (line breaks kept), so offsets need no mapping. Inside those regions
  placeholders, e-mail addresses, URLs and phone numbers are blanked too:
  they are not prose, and a backend would call them misspellings. The
  signature, quoted reply, front matter and other headers are never sent.
* An issue is dropped when it touches a blanked stretch, or is separated
  from one only by spaces on the same line: "Dear [Name]," becomes
  "Dear       ,", and the "space before a comma" that follows is the
  mask's doing, not the writer's. The price is that a real slip right
  next to a placeholder goes unreported; leftover placeholders are FL503's
  finding anyway.
* Spelling is judged in the ``dialect`` (option, config ``dialect``, or
  front matter). With ``any`` a word some dialect's dictionary knows is
  dropped ("colour", "analyze"); with a chosen one it is reported naming
  the dialect. A lowercase word no dictionary knows is judged by its
  frequency in general English (``checks/_word_rarity.py``): a likely
  trade term is a warning, a slip on a common word an error.
* A spelling issue is dropped when every word it flags is known: in the
  ``vocabulary`` option (case-insensitive; the config's top-level
  ``vocabulary`` adds to it), a word of the context's company, role,
  interviewer (name and title) or topics, a capitalised word of the signature (the sender's own
  name) or of the greeting after its first word (the reader's name), an
  acronym or initial ("OKRs", "CI", "R"), a camel-case product name
  ("GitHub") or a token with a digit ("K8s", "v2"). A dictionary cannot
  know names, acronyms or version strings, and a false "misspelling" in
  someone's name teaches the writer to ignore the check.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.check import Check, CheckOptions, Tools, option_defaults, read_options
from linter.draft import Draft
from checks._grammar_filter import _at_sentence_start, _words, keep_issue, known_words, masked_text
from checks._word_rarity import TERM, judge_word
from linter.grammar.base import DIALECT_NAMES, GrammarIssue
from linter.models import Finding, Fix, Severity, Span

__all__ = ["CHECK", "masked_text", "keep_issue", "known_words"]

# The same for every backend, so a draft gets one verdict whichever checks
# it: slips are errors, advice on style and typography is information.
SEVERITY_BY_CATEGORY = {
    "spelling": Severity.ERROR,
    "grammar": Severity.ERROR,
    "style": Severity.INFO,
    "typography": Severity.INFO,
}

_QUOTE_MAX = 40


# -- findings ----------------------------------------------------------------------

def _quote(text: str) -> str:
    flat = " ".join(text.split()) or text
    if len(flat) > _QUOTE_MAX:
        flat = flat[: _QUOTE_MAX - 1].rstrip() + "…"
    return f'"{flat}"'


def _spelling(draft: Draft, issue: GrammarIssue, dialect: str) -> tuple[str, Severity]:
    """The message and severity of a kept spelling issue."""
    flagged = draft.text[issue.start : issue.end]
    quoted = _quote(flagged)
    if issue.accepted_in and dialect in DIALECT_NAMES:
        others = _join([DIALECT_NAMES[d] for d in issue.accepted_in])
        return (
            f"{quoted} is the {others} spelling; your dialect is "
            f"{DIALECT_NAMES[dialect]} ({dialect})",
            Severity.ERROR,
        )
    if flagged[:1].isupper() and not _at_sentence_start(draft.text, issue.start):
        return f"possible misspelling: {quoted} (if it is a name, add it to the vocabulary)", Severity.ERROR
    if _lowercase_word(draft.text, issue.start, flagged) and judge_word(flagged, issue.replacements) == TERM:
        return (
            f"{quoted} is not in the dictionary; if it is a term of your field, "
            "add it to your vocabulary",
            Severity.WARNING,
        )
    return f"possible misspelling: {quoted}", Severity.ERROR


def _lowercase_word(text: str, at: int, word: str) -> bool:
    """One word, lowercase but for a capital that starts a sentence."""
    if not word.isalpha() or not word[1:].islower():
        return False
    return word[0].islower() or _at_sentence_start(text, at)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _finding(check: Check, draft: Draft, issue: GrammarIssue, dialect: str) -> Finding:
    span = Span(issue.start, issue.end)
    flagged = draft.text[issue.start : issue.end]
    quoted = _quote(flagged)
    severity = SEVERITY_BY_CATEGORY.get(issue.category, Severity.WARNING)
    if issue.category == "spelling":
        message, severity = _spelling(draft, issue, dialect)
    else:
        message = f"{quoted}: {issue.message.strip() or 'possible grammar or style problem'}"
    fix = None
    if issue.replacements and issue.replacements[0] != flagged:
        new = issue.replacements[0]
        # Safe for --fix: one clear replacement of a lower-case word (a
        # capitalised one may be a name the dictionary lacks) that is an
        # error (a warning is a possible trade word, for the vocabulary).
        safe = (
            issue.category == "spelling"
            and severity == Severity.ERROR
            and len(issue.replacements) == 1
            and flagged.islower()
        )
        fix = Fix(span, new, _fix_description(issue.category, new), safe=safe)
    return check.finding(
        span,
        message,
        fix=fix,
        severity=severity,
        rule=issue.rule_id,
        category=issue.category,
    )


def _fix_description(category: str, new: str) -> str:
    """Says what the fix does; formatters show the replacement beside it."""
    if not new:
        return "delete it"
    return "correct the spelling" if category == "spelling" else "use the suggested wording"


class Options(CheckOptions):
    """This check's options and their defaults (config may override each)."""

    vocabulary: tuple[str, ...] = ()
    proper_nouns: bool = False
    max_chars: int = 20000
    dialect: str = "any"


def _run(check: Check, draft: Draft, options: Mapping[str, Any], tools: Tools) -> Iterator[Finding]:
    opts = read_options(Options, options)
    if tools.grammar is None:
        return
    masked, blanked, labels = masked_text(draft)
    if not masked.strip():
        return
    limit = opts.max_chars
    checked = len("".join(masked.split()))  # characters of text, blanks aside
    if limit and checked > limit:
        # Far beyond any follow-up: say so instead of making the backend
        # (a LanguageTool server shared by a whole CI run) chew on it.
        first = draft.sentences[0] if draft.sentences else Span(0, 0)
        yield check.finding(
            first,
            f"the message is too long to check for spelling and grammar ({checked:,} characters "
            f"of text; the limit is {limit:,}); a follow-up is a few hundred words",
            severity=Severity.INFO,
            rule="too-long-to-check",
        )
        return
    folded, names = known_words(draft, opts.vocabulary)
    context_names = [w for name in draft.context.names for w in _words(name) if w[:1].isupper()]
    dialect = draft.context.dialect or opts.dialect
    for issue in tools.grammar.check(masked, dialect):
        if keep_issue(
            issue, draft.text, masked, blanked, labels, folded, names,
            context_names=context_names, proper_nouns=opts.proper_nouns,
            dialect=dialect,
        ):
            yield _finding(check, draft, issue, dialect)


CHECK = Check(
    code="FL101",
    name="spelling-grammar",
    severity=Severity.ERROR,
    summary="Flags misspellings and grammar slips that the grammar backend finds. "
    "Spelling and grammar slips are errors; advice on style and typography "
    "(wordy phrasing, a comma before 'and', doubled spaces) is info, whichever "
    "backend checks, in the subject, greeting, body and sign-off. "
    "Spelling follows the `dialect` (en-US, en-GB, en-CA, en-AU, or `any`, "
    "the default, where British and American spellings both pass; front "
    "matter `dialect:` overrides it for one draft). A word the dictionary "
    "lacks but general English attests, or one made of two common words "
    "(\"runbook\"), is a warning to add it to your vocabulary; one a letter "
    "away from a far commoner word (\"recieve\") stays an error. "
    "Names from the context and the signature, acronyms, "
    "the `vocabulary` option's words and capitalised words in mid-sentence "
    "(names the dictionary lacks, unless they look like a slip on a name the "
    "context gives; `proper_nouns: true` checks them all) are never called "
    "misspellings.",
    why="A follow-up is a short sample of how carefully you work, read by "
    "someone deciding whether to hire you. Recruiters single out typos as the "
    "one thing that undoes a thank-you note: a mistake does as much harm as the "
    "note does good (G2, from R1 and R5). Spelling the company's or the "
    "interviewer's name wrong is the costliest slip of all, so a word close to "
    "a name the context gives is checked against it.",
    example="Hi Mr. Chen,\n\nThank you for the oppurtunity to interview for the "
    "lab technician position. I realy enjoyed learning about the the new "
    "sample tracking system, and it was an pleasure to meet the team.\n\n"
    "Best regards,\nAna Souza",
    instead="Hi Mr. Chen,\n\nThank you for the opportunity to interview for the "
    "lab technician position. I really enjoyed learning about the new sample "
    "tracking system, and it was a pleasure to meet the team.\n\n"
    "Best regards,\nAna Souza",
    run_fn=_run,
    rationale=("G2", "R1", "R5"),
    options=option_defaults(Options),
    uses_grammar=True,
)
