"""A P.S. after the sign-off is its own region of the Draft: the sign-off and
signature above it are found, and its sentences are read like the body's."""

from __future__ import annotations

import pytest

from checks.asks.asks_about_decision import CHECK as DECISION
from checks.content.no_thanks import CHECK as THANKS
from checks.form.missing_contact_signature import CHECK as SIGNATURE
from checks.language.spelling_grammar import CHECK as SPELLING
from linter.check import Tools
from linter.context import Context
from linter.draft import Draft, parse_draft
from linter.grammar.embedded import HarperBackend
from linter.models import Span
from tests.helpers import TODAY, marked, run_check

OPENING = (
    "Hi Dana,\n\n"
    "[[I enjoyed hearing how your team moved the Lisbon billing reports onto the new warehouse.]] "
    "[[I remain keen on the analyst role.]]\n\n"
)
SIGNED = "[[Best regards,]]\n[[Jordan Lee\njordan.lee@post.example | 555-201-7788]]\n"
THANK_YOU = Context(kind="thank-you")


def regions(draft: Draft) -> dict[str, object]:
    return {
        "closing": draft.closing,
        "signature": draft.signature,
        "postscript": draft.postscript,
        "sentences": draft.sentences,
    }


@pytest.mark.parametrize(
    "after",
    [
        "\nP.S. [[The slides from my talk on queue metrics are attached.]]\n",
        "PS: [[The slides from my talk on queue metrics are attached.]]\n",
        "\nP.P.S. [[The slides from my talk on queue metrics are attached.]]\n",
        "\nps - [[The slides from my talk on queue metrics are attached.]]\n",
        "\nP.S.\n[[The slides from my talk on queue metrics are attached.]]\n",
    ],
    ids=["P.S.", "PS: right under the signature", "P.P.S.", "lower-case ps -", "marker on its own line"],
)
def test_the_postscript_is_its_own_region_below_the_signature(after):
    text, (first, second, closing, signature, ps) = marked(OPENING + SIGNED + after)
    draft = parse_draft(text, context=THANK_YOU)
    assert regions(draft) == {
        "closing": closing,
        "signature": signature,
        "postscript": (ps,),
        "sentences": (first, second, ps),
    }
    assert draft.paragraphs == (Span(first.start, second.end),)
    assert run_check(SIGNATURE, text, context=THANK_YOU) == []


def test_a_ps_and_a_pps_are_two_parts_and_a_ps_may_run_over_lines():
    text, (first, second, closing, signature, ps1, ps1b, pps) = marked(
        OPENING + SIGNED + "\nP.S. [[Thanks for the tour.]]\n[[It was fun.]]\nP.P.S. [[Go Lisbon!]]\n"
    )
    draft = parse_draft(text, context=THANK_YOU)
    assert regions(draft) == {
        "closing": closing,
        "signature": signature,
        "postscript": (Span(ps1.start, ps1b.end), pps),
        "sentences": (first, second, ps1, ps1b, pps),
    }


def test_message_words_and_body_text_take_in_the_postscript():
    text, spans = marked(OPENING + SIGNED + "\nP.S. [[See you at the meetup.]]\n")
    draft = parse_draft(text, context=THANK_YOU)
    assert draft.message == Span(0, spans[-1].end)
    assert draft.word_count == 22 + 5
    assert draft.body_text.endswith(".\n\nSee you at the meetup.")


def test_a_name_with_no_contact_above_a_ps_is_reported_there_not_at_the_ps():
    text, (_, _, closing, signature, ps) = marked(
        OPENING + "[[Best regards,]]\n[[Jordan Lee]]\n\nP.S. [[My number is on my CV.]]\n"
    )
    assert [(f.code, f.span, f.message) for f in run_check(SIGNATURE, text, context=THANK_YOU)] == [
        ("FL501", signature, 'the signature "Jordan Lee" has no contact detail; add a phone number, '
         "email or LinkedIn link under your name"),
    ]
    assert parse_draft(text).postscript == (ps,)


def test_with_no_sign_off_the_missing_signature_belongs_above_the_ps():
    text, (first, second, ps) = marked(OPENING + "P.S. [[The slides are attached.]]\n")
    draft = parse_draft(text, context=THANK_YOU)
    assert (draft.closing, draft.signature, draft.postscript) == (None, None, (ps,))
    assert [(f.code, f.span, f.message) for f in run_check(SIGNATURE, text, context=THANK_YOU)] == [
        ("FL501", Span(second.end, second.end), "the message has no sign-off or name; end with a "
         "sign-off, your name and a phone number or email"),
    ]


def test_a_ps_above_the_sign_off_stays_in_the_body():
    text, (first, second, ps_line, closing, signature) = marked(
        OPENING + "[[P.S. The slides are attached.]]\n\n" + SIGNED
    )
    draft = parse_draft(text, context=THANK_YOU)
    assert (draft.closing, draft.signature, draft.postscript) == (closing, signature, ())
    assert draft.paragraphs == (Span(first.start, second.end), ps_line)


def test_initials_in_the_signature_are_not_a_ps():
    text, (_, _, closing, signature) = marked(OPENING + "[[Best,]]\n[[P.S. Kumar\n555-201-7788]]\n")
    draft = parse_draft(text, context=THANK_YOU)
    assert (draft.closing, draft.signature, draft.postscript) == (closing, signature, ())


def test_a_ps_ends_where_the_quoted_reply_starts():
    text, (_, _, closing, signature, ps, quoted) = marked(
        OPENING + SIGNED + "\nPS - [[the repo is public now.]]\n\n[[On Monday, Dana wrote:\n> Thanks for coming in.\n]]"
    )
    draft = parse_draft(text, context=THANK_YOU)
    assert (draft.closing, draft.signature, draft.postscript, draft.quoted) == (closing, signature, (ps,), (quoted,))


# -- the content checks read it --------------------------------------------------


def test_a_decision_ask_in_the_ps_is_flagged_where_it_stands():
    text, (_, _, _, _, ask) = marked(
        OPENING + SIGNED + "\nP.S. One more question. [[Have you made a decision yet?]]\n"
    )
    found = run_check(DECISION, text, context=THANK_YOU)
    assert [(f.code, f.span, f.message) for f in found] == [
        ("FL401", ask, 'asks about the hiring decision: "Have you made a decision yet?"'),
    ]


def test_thanks_given_only_in_the_ps_counts():
    text, _ = marked(OPENING + SIGNED + "\nP.S. [[Thank you for the tour of the office.]]\n")
    assert run_check(THANKS, text, context=THANK_YOU) == []


def test_a_misspelling_in_the_ps_is_reported_and_the_marker_is_not():
    harper = HarperBackend()
    text, (_, _, _, _, typo) = marked(OPENING + SIGNED + "\nP.S. I [[recieved]] the slides.\n")
    found = run_check(SPELLING, text, context=THANK_YOU, tools=Tools(grammar=harper, today=TODAY))
    assert [(f.code, f.span, f.message) for f in found] == [
        ("FL101", typo, 'possible misspelling: "recieved"'),
    ]
