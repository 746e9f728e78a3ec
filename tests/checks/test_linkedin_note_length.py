"""FL603 linkedin-note-length."""

from __future__ import annotations

from checks.timing.linkedin_note_length import CHECK
from linter.context import Context
from linter.models import Severity, Span
from tests.helpers import run_check

LINKEDIN = Context(kind="linkedin")


def _note(body_chars: int) -> str:
    """A note whose message (greeting to signature) is ``body_chars + 15`` long."""
    body = ("I enjoyed our talk. " * 40)[:body_chars]
    return f"Hi Dana,\n\n{body}\n\nSam"


def _run(text: str, context: Context = LINKEDIN, **kw):
    found = run_check(CHECK, text, context=context, **kw)
    return [(f.code, f.span, f.message, f.severity, f.fix) for f in found]


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == (
        "FL603", "linkedin-note-length", Severity.ERROR
    )
    assert CHECK.options == {"max_chars": 300}
    assert CHECK.kinds == frozenset({"linkedin"})


def test_example_fires_and_instead_passes():
    found = run_check(CHECK, CHECK.example)
    assert [(f.code, f.message) for f in found] == [
        ("FL603", "connection note is 331 characters; LinkedIn takes 300, so cut 31")
    ]
    assert run_check(CHECK, CHECK.instead) == []


def test_exactly_300_characters_passes():
    text = _note(300 - 15)
    assert len(text) == 300
    assert _run(text) == []


def test_over_the_limit_marks_the_overflow():
    text = _note(300 - 15 + 12)
    assert len(text) == 312
    assert _run(text) == [
        ("FL603", Span(300, 312), "connection note is 312 characters; LinkedIn takes 300, so cut 12",
         Severity.ERROR, None)
    ]


def test_front_matter_and_quoted_text_do_not_count():
    note = _note(280)
    text = "---\nkind: linkedin\n---\n" + note + "\n\nOn Mon, Dana wrote:\n> " + "x " * 200 + "\n"
    assert run_check(CHECK, text) == []
    long = _note(300)
    text = "---\nkind: linkedin\n---\n" + long
    start = len("---\nkind: linkedin\n---\n")
    found = run_check(CHECK, text)
    assert [(f.span, f.message) for f in found] == [
        (Span(start + 300, start + 315),
         "connection note is 315 characters; LinkedIn takes 300, so cut 15")
    ]


def test_option_changes_the_limit():
    text = _note(200)
    assert _run(text) == []
    assert _run(text, options={"max_chars": 200}) == [
        ("FL603", Span(200, 215), "connection note is 215 characters; LinkedIn takes 200, so cut 15",
         Severity.ERROR, None)
    ]


def test_only_linkedin_notes_are_checked():
    assert _run(_note(400), Context(kind="thank-you")) == []
