"""The parser: every region as an exact span into the file as written."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.context import Context
from linter.draft import DraftError, parse_draft
from linter.models import Span

FULL = """---
company: Harbor Freight Co
interviewer:
  name: Priya Raman
  title: Engineering Manager
interview_date: 2026-03-09
topics: [billing migration, on-call rotation]
kind: thank-you
---
Subject: Thanks for today
To: priya@harbor.example

Hi Priya,

Thank you for walking me through the billing migration. I liked hearing
how the on-call rotation works.

I remain keen to join the platform team.

Best regards,
Sam Ortiz
sam.ortiz@mail.example | +1 415 555 0199

On Mon, Mar 9, 2026 at 9:00 AM Priya Raman wrote:
> Thanks for coming in, Sam.
"""


def _region(draft, span):
    return draft.text[span.start : span.end]


def test_full_draft_regions():
    d = parse_draft(FULL, "a.txt")
    assert d.context == Context(
        company="Harbor Freight Co",
        interviewer_name="Priya Raman",
        interviewer_title="Engineering Manager",
        interview_date=dt.date(2026, 3, 9),
        topics=("billing migration", "on-call rotation"),
        kind="thank-you",
    )
    assert _region(d, d.front_matter).startswith("---\ncompany") and _region(d, d.front_matter).endswith("---\n")
    assert [(h.name, h.value) for h in d.headers] == [("subject", "Thanks for today"), ("to", "priya@harbor.example")]
    assert _region(d, d.subject.value_span) == "Thanks for today"
    assert _region(d, d.greeting) == "Hi Priya,"
    assert [_region(d, p) for p in d.paragraphs] == [
        "Thank you for walking me through the billing migration. I liked hearing\nhow the on-call rotation works.",
        "I remain keen to join the platform team.",
    ]
    assert [_region(d, s) for s in d.sentences] == [
        "Thank you for walking me through the billing migration.",
        "I liked hearing\nhow the on-call rotation works.",
        "I remain keen to join the platform team.",
    ]
    assert _region(d, d.closing) == "Best regards,"
    assert _region(d, d.signature) == "Sam Ortiz\nsam.ortiz@mail.example | +1 415 555 0199"
    assert [_region(d, q) for q in d.quoted] == [
        "On Mon, Mar 9, 2026 at 9:00 AM Priya Raman wrote:\n> Thanks for coming in, Sam.\n"
    ]
    assert [_region(d, c) for c in d.contacts] == ["sam.ortiz@mail.example", "+1 415 555 0199"]
    assert d.word_count == 25
    assert d.kind == "thank-you"
    assert d.placeholders == ()


LETTER = """14 Quarry Lane
Dunmore, PA 18512
April 3, 2026

Ms. Ines Ortega
Clinic Manager
Lakeside Physio

Dear Ms. Ortega:

Thank you for seeing me on Tuesday. I enjoyed the tour of the hydrotherapy pool.

Sincerely,
Sam Ortiz
"""


def test_a_letters_address_block_and_date_are_not_body():
    d = parse_draft(LETTER)
    assert _region(d, d.letterhead) == LETTER[: LETTER.index("\n\nDear")]
    assert _region(d, d.greeting) == "Dear Ms. Ortega:"
    assert [_region(d, s) for s in d.sentences] == [
        "Thank you for seeing me on Tuesday.",
        "I enjoyed the tour of the hydrotherapy pool.",
    ]
    assert d.word_count == 15


LETTER_WITH_ABBREVIATIONS = """Mr. Tobias Renner, Plant Manager
Harbour Tools Co.
88 Mill St.
Dear Mr. Renner:
Thank you for the tour of the press shop on Friday.
Yours truly,
Ada Quinn
"""


def test_an_address_line_ending_in_an_abbreviation_is_still_letterhead():
    d = parse_draft(LETTER_WITH_ABBREVIATIONS)
    text = LETTER_WITH_ABBREVIATIONS
    assert _region(d, d.letterhead) == text[: text.index("\nDear")]
    assert _region(d, d.greeting) == "Dear Mr. Renner:"
    assert [_region(d, s) for s in d.sentences] == ["Thank you for the tour of the press shop on Friday."]


def test_a_sentence_before_the_greeting_is_not_letterhead():
    d = parse_draft("I hope you are well today.\nDear Mr. Renner:\nThanks for Friday.\n\nAda\n")
    assert d.letterhead is None


def test_short_lines_before_a_body_that_has_no_greeting_stay_body():
    d = parse_draft("Quick note.\nThank you for seeing me on Tuesday.\n\nBest,\nSam\n")
    assert d.greeting is None and d.letterhead is None
    assert [_region(d, s) for s in d.sentences] == ["Quick note.", "Thank you for seeing me on Tuesday."]


def test_placeholders_of_every_style_in_message_and_subject():
    text = "Subject: Thanks, [Role] interview\n\nDear [Name],\n\nI enjoyed meeting the {{team}} team at <Company> and {city}. XXX TODO\n\nBest,\nAl\n"
    d = parse_draft(text)
    assert [(p.name, _region(d, p.span)) for p in d.placeholders] == [
        ("Role", "[Role]"),
        ("Name", "[Name]"),
        ("team", "{{team}}"),
        ("Company", "<Company>"),
        ("city", "{city}"),
        ("XXX", "XXX"),
        ("TODO", "TODO"),
    ]


def test_a_placeholder_may_wrap_onto_the_next_line():
    d = parse_draft("Hi,\n\nI liked [something specific\nyou discussed] a lot.\n\nBest,\nAl\n")
    assert [(p.name, _region(d, p.span)) for p in d.placeholders] == [
        ("something specific you discussed", "[something specific\nyou discussed]")
    ]


def test_email_addresses_and_links_are_not_placeholders():
    d = parse_draft("Hi Jo,\n\nSee <jo@mail.example> and [my site](https://jo.example).\n\nBest,\nJo\n")
    assert d.placeholders == ()


def test_signature_without_sign_off_line():
    d = parse_draft("Hello Ms. Diaz,\n\nThank you for the tour of the lab.\n\nLena Fischer\nlena@mail.example\n")
    assert d.closing is None
    assert _region(d, d.signature) == "Lena Fischer\nlena@mail.example"
    assert [_region(d, p) for p in d.paragraphs] == ["Thank you for the tour of the lab."]


def test_crlf_text_keeps_offsets():
    text = "Hi Lee,\r\n\r\nThanks for the chat about the kiosk rollout.\r\n\r\nBest,\r\nAna\r\n"
    d = parse_draft(text)
    assert _region(d, d.greeting) == "Hi Lee,"
    assert [_region(d, p) for p in d.paragraphs] == ["Thanks for the chat about the kiosk rollout."]
    assert _region(d, d.signature) == "Ana"


def test_context_argument_fills_gaps_front_matter_wins():
    text = "---\ncompany: Front Co\n---\nHi,\n\nThanks.\n"
    d = parse_draft(text, context=Context(company="Flag Co", role="Analyst"))
    assert (d.context.company, d.context.role) == ("Front Co", "Analyst")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ncompany: [unclosed\n---\nHi\n", "malformed front matter: line 3: did not find expected ',' or ']'"),
        ("---\ncompany: A\nHi there\n", "front matter opened with '---' is never closed"),
        ("---\ncompnay: A\n---\nHi\n", "front matter: unknown context key 'compnay' (did you mean 'company'?)"),
        ("---\nkind: thanks\n---\nHi\n", "front matter: unknown kind 'thanks'"),
        ("---\ninterview_date: yesterday\n---\nHi\n", "front matter: 'interview_date' must be a date like 2026-03-14, not 'yesterday'"),
        ("---\n- a\n- b\n---\nHi\n", "front matter: the context must be a mapping of keys to values"),
    ],
)
def test_malformed_front_matter(text, message):
    with pytest.raises(DraftError) as err:
        parse_draft(text)
    assert str(err.value).startswith(message)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("Thank you for letting me know about your decision. I was disappointed, but please keep me in mind.", "post-rejection"),
        ("I am following up on my application for the analyst role.", "status-check"),
        ("Great to meet you at the fair. I'd like to connect here.", "linkedin"),
        ("Thank you for the interview on Tuesday.", "thank-you"),
        ("Here is the portfolio link you asked for.", "general"),
        ("Thanks again for considering me. As I keep applying, any thoughts on how my interview went would really help.",
         "post-rejection"),
        ("Thanks for getting back to me. Please keep me in mind for future openings.", "post-rejection"),
        ("I got your email about the job. Please keep my CV on file.", "post-rejection"),
        pytest.param("Thanks for letting me know the timeline, it helps.", "thank-you",
                     marks=pytest.mark.xfail(strict=True, reason="the kind model reads it as post-rejection")),
        pytest.param("Thank you again for the interview. It has been two weeks, so I wanted to check.", "status-check",
                     marks=pytest.mark.xfail(strict=True, reason="a bare 'I wanted to check' reads as general; "
                                             "'check in on the role' reads as a status check")),
        ("Thank you again for the interview. It has been two weeks, so I wanted to check in on the role.",
         "status-check"),
        pytest.param("To follow up on our conversation about churn, here is the deck.", "general",
                     marks=pytest.mark.xfail(strict=True, reason="the kind model reads it as status-check")),
        ("Thank you for the chat today! I would love to stay connected.", "linkedin"),
    ],
)
def test_kind_is_inferred_when_the_context_has_none(body, kind):
    assert parse_draft(f"Hi Sam,\n\n{body}\n\nBest,\nKim\n").kind == kind


def test_empty_and_odd_inputs_do_not_crash():
    for text in ("", "\n\n", "Best,\n", "Dear Sir,", "> only quoted\n", "---\n---\n"):
        d = parse_draft(text)
        assert d.text == text


def test_a_contact_in_a_line_is_one_the_message_scan_finds_there():
    text = (
        "Hi Jo,\n\nThanks for the call about jo.dev and the +1 415 555 0199 line.\n\n"
        "Best,\nSam Ortiz\nsam.ortiz@mail.example | +1 415 555 0199\n  linkedin.com/in/sam  \nSeattle\n"
    )
    d = parse_draft(text)
    lines = []
    for start in (i + 1 for i, ch in enumerate(text) if ch == "\n"):
        end = text.find("\n", start)
        line = text[start:end]
        if line.strip() and d.message and d.message.start <= start < d.message.end:
            lead = len(line) - len(line.lstrip())
            lines.append(Span(start + lead, start + len(line.rstrip())))
    assert [(_region(d, ln), d.contact_in_line(ln)) for ln in lines] == [
        ("Thanks for the call about jo.dev and the +1 415 555 0199 line.", True),
        ("Best,", False),
        ("Sam Ortiz", False),
        ("sam.ortiz@mail.example | +1 415 555 0199", True),
        ("linkedin.com/in/sam", True),
        ("Seattle", False),
    ]
    assert [d.contact_in_line(ln) for ln in lines] == [
        any(ln.start <= c.start < ln.end for c in d.contacts) for ln in lines
    ]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="[]{}<>XxTODBFIME a\n", max_size=40))
def test_the_placeholder_scan_skipped_without_a_mark_finds_what_the_pattern_finds(text: str) -> None:
    from linter.draft import _PLACEHOLDER, _placeholders

    whole = [Span(0, len(text))]
    expected = tuple(m.span() for m in _PLACEHOLDER.finditer(text))
    assert tuple((p.span.start, p.span.end) for p in _placeholders(text, whole)) == expected


def test_word_bounds_are_the_words_as_pairs() -> None:
    draft = parse_draft("Subject: Hi\n\nHi Dana,\n\nThanks -- it was  great, truly!\nMore: 3 x.\n\nBest,\nSam\n\nP.S. See you.\n")
    assert [draft.slice(w) for w in draft.words] == ["Thanks", "it", "was", "great,", "truly!", "More:", "3", "x.", "See", "you."]
    assert draft.word_bounds == tuple((w.start, w.end) for w in draft.words)
    assert draft.word_count == 10
