"""FL101 spelling-grammar.

The first half runs the real Harper backend in process (one ``Linter`` for
the session), so these tests also pin what Harper says about known
sentences. The second half uses a fake backend that returns fixed issues,
to pin what is sent and which issues are kept exactly.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.language.spelling_grammar import CHECK, masked_text
from linter.check import Tools
from linter.context import Context
from linter.draft import parse_draft
from linter.grammar.base import GrammarIssue, GrammarUnavailable
from linter.grammar.embedded import DISABLED_RULES, HarperBackend
from linter.models import Fix, Severity, Span
from tests.helpers import TODAY, marked, run_check


@pytest.fixture(scope="session")
def harper() -> HarperBackend:
    backend = HarperBackend()
    backend.warm()
    return backend


@pytest.fixture()
def tools(harper: HarperBackend) -> Tools:
    return Tools(grammar=harper, today=TODAY)


def rows(findings):
    return [(f.code, f.span, f.message, f.severity, f.rule, f.category, f.fix) for f in findings]


def fix(span: Span, new: str, what: str = "use the suggested wording") -> Fix:
    return Fix(span, new, what)


def spelling_fix(span: Span, new: str) -> Fix:
    return Fix(span, new, "correct the spelling")


# -- metadata and docs ------------------------------------------------------------

def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL101", "spelling-grammar", Severity.ERROR)
    assert CHECK.uses_grammar is True
    assert CHECK.options == {"vocabulary": [], "proper_nouns": False, "max_chars": 20000, "dialect": "any"}
    assert CHECK.rationale == ("G2", "R1", "R5")
    assert CHECK.kinds == frozenset()


def test_example_fires_and_instead_passes(tools):
    found = run_check(CHECK, CHECK.example, tools=tools)
    assert [(f.rule, CHECK.example[f.span.start : f.span.end]) for f in found] == [
        ("SpellCheck", "oppurtunity"),
        ("SpellCheck", "realy"),
        ("RepeatedWords", "the the"),
        ("AnA", "an"),
    ]
    assert run_check(CHECK, CHECK.instead, tools=tools) == []


def test_grammar_off_yields_nothing():
    assert run_check(CHECK, CHECK.example, tools=Tools(grammar=None, today=TODAY)) == []


# -- the real Harper backend -----------------------------------------------------

def test_misspelling(tools):
    text, (span,) = marked("Hi Dana,\n\nI [[realy]] enjoyed our talk.\n\nBest,\nSam")
    assert rows(run_check(CHECK, text, tools=tools)) == [
        ("FL101", span, 'possible misspelling: "realy"', Severity.ERROR, "SpellCheck",
         "spelling", spelling_fix(span, "really")),
    ]


def test_misspelling_in_the_subject(tools):
    text, (span,) = marked("Subject: Thank you for the [[interveiw]]\n\nHi Dana,\n\nThank you.\n\nBest,\nSam")
    assert rows(run_check(CHECK, text, tools=tools)) == [
        ("FL101", span, 'possible misspelling: "interveiw"', Severity.ERROR, "SpellCheck",
         "spelling", spelling_fix(span, "interview")),
    ]


def test_repeated_word(tools):
    text, (span,) = marked("Hi Dana,\n\nI liked [[the the]] new dashboard.\n\nBest,\nSam")
    assert rows(run_check(CHECK, text, tools=tools)) == [
        ("FL101", span, '"the the": Did you mean to repeat this word?', Severity.ERROR,
         "RepeatedWords", "grammar", fix(span, "the")),
    ]


def test_a_an(tools):
    text, (span,) = marked("Hi Dana,\n\nIt was [[an]] pleasure to meet you.\n\nBest,\nSam")
    assert rows(run_check(CHECK, text, tools=tools)) == [
        ("FL101", span, '"an": Incorrect indefinite article.', Severity.ERROR, "AnA",
         "grammar", fix(span, "a")),
    ]


def test_could_of_is_a_grammar_error(tools):
    text, (span,) = marked("Hi Dana,\n\nI [[could of]] started sooner.\n\nBest,\nSam")
    assert rows(run_check(CHECK, text, tools=tools)) == [
        ("FL101", span, '"could of": Use `have` rather than `of` here.', Severity.ERROR, "ModalOf",
         "grammar", fix(span, "could have")),
    ]


def test_severity_follows_the_category(tools):
    text, (its, spaces, unique) = marked(
        "Hi Dana,\n\n[[Its]] a great team.[[  ]]Your product is [[very unique]] to me.\n\nBest,\nSam"
    )
    assert rows(run_check(CHECK, text, tools=tools)) == [
        ("FL101", its, '"Its": Use `it\'s` (short for `it has` or `it is`) here, not the '
         "possessive `its`.", Severity.INFO, "ItsContraction", "typography", fix(its, "It's")),
        ("FL101", spaces, '"  ": French spaces are generally not recommended.', Severity.INFO,
         "NoFrenchSpaces", "typography", fix(spaces, " ")),
        ("FL101", unique, '"very unique": `Unique` is absolute, so consider using `unique` alone '
         "or a more precise adjective such as `special`, `rare`, or `unusual`.", Severity.INFO,
         "VeryUnique", "style", fix(unique, "very special")),
    ]


def test_company_name_from_the_context_is_not_flagged(tools):
    text, (span,) = marked("Hi Dana,\n\nI would love to join [[Brightwave]] and its data team.\n\nBest,\nSam")
    assert run_check(CHECK, text, tools=tools, context=Context(company="Brightwave Labs")) == []
    # A capitalised word in mid-sentence is taken for a name...
    assert run_check(CHECK, text, tools=tools) == []
    # ...unless proper nouns are checked too.
    assert rows(run_check(CHECK, text, tools=tools, options={"proper_nouns": True})) == [
        ("FL101", span, 'possible misspelling: "Brightwave" (if it is a name, add it to the '
         "vocabulary)", Severity.ERROR, "SpellCheck", "spelling", spelling_fix(span, "Rightward")),
    ]


def test_a_slip_on_a_context_name_is_still_flagged(tools):
    text, (span,) = marked("Hi Dana,\n\nI would love to join [[Brightwve]] and its data team.\n\nBest,\nSam")
    found = run_check(CHECK, text, tools=tools, context=Context(company="Brightwave Labs"))
    assert [(f.code, f.span, f.category) for f in found] == [("FL101", span, "spelling")]


def test_british_spellings_are_not_misspellings(tools):
    text = ("Hi Dana,\n\nI enjoyed the colour study and how you organise the catalogue "
            "centre; afterwards I travelled home.\n\nBest,\nSam")
    assert run_check(CHECK, text, tools=tools) == []
    slips = "Hi Dana,\n\nI enjoyed the colur study.\n\nBest,\nSam"
    assert [slips[f.span.start : f.span.end] for f in run_check(CHECK, slips, tools=tools)] == ["colur"]


def test_company_possessive_and_interviewer_from_the_context(tools):
    text = "Hi Dana,\n\nBrightwave's plans and Ms. Okafor's demo impressed me.\n\nBest,\nSam"
    context = Context(company="Brightwave", interviewer_name="Adaeze Okafor")
    assert run_check(CHECK, text, tools=tools, context=context) == []


def test_vocabulary_words_are_accepted_in_any_case(tools):
    text = "Hi Dana,\n\nI liked hearing about Fernhill and the fernhill rollout.\n\nBest,\nSam"
    assert run_check(CHECK, text, tools=tools, options={"vocabulary": ["FERNHILL"]}) == []
    assert [text[f.span.start : f.span.end] for f in run_check(CHECK, text, tools=tools)] == ["fernhill"]
    checked = run_check(CHECK, text, tools=tools, options={"proper_nouns": True})
    assert [text[f.span.start : f.span.end] for f in checked] == ["Fernhill", "fernhill"]


def test_names_from_the_signature_and_greeting_are_not_flagged(tools):
    text = (
        "Dear Ms. Okafor,\n\nThank you, Ms. Okafor. As a Nwachukwu, I value family.\n\n"
        "Best regards,\nChidi Nwachukwu\n"
    )
    assert run_check(CHECK, text, tools=tools) == []


def test_acronyms_versions_and_product_names_are_not_flagged(tools):
    text = "Hi Dana,\n\nWe talked about OKRs, the CI/CD pipeline, K8s, v2 and CarRuns.\n\nBest,\nSam"
    assert run_check(CHECK, text, tools=tools) == []


def test_typos_outside_the_prose_are_not_flagged(tools):
    text = (
        "---\ncompany: Acme\nrole: Anlyst\n---\n"
        "To: dana@exmaple.com\n"
        "Subject: Thanks from [Yuor Name]\n\n"
        "Hi Dana,\n\n"
        "Thanks for the chat about [Compnay Name]. My portfolio is at https://exmaple.com/jordn "
        "and www.portfollio.example/work, my email is jordn.leee@exmaple.com and my "
        "number is 555-0134.\n\n"
        "Best,\nJordan Leeee\nProduct Desginer\n\n"
        "On Monday, Dana wrote:\n> Thnaks for coming in, we realy liked it.\n"
    )
    assert run_check(CHECK, text, tools=tools) == []


def test_disabled_rules_exist_and_stay_off(harper):
    config = harper._linter.get_lint_config()
    assert all(config[rule] is False for rule in DISABLED_RULES)
    text = (
        "Hi Sam,\n\nCall me on 9-10am -- it is a passion of mine... Python, SQL and R. "
        "Are there opportunities to grow? I want that kind of hands-on work from day one.\n\n"
        "Best,\nAlex"
    )
    assert run_check(CHECK, text, tools=Tools(grammar=harper, today=TODAY)) == []


# -- a fake backend: what is sent, what is kept ----------------------------------------

class Fake:
    """Returns issues at the offsets of given words in the text it receives."""

    name = "fake 1"

    def __init__(self, *issues: tuple[str, str, str, tuple[str, ...]]) -> None:
        self.issues = issues
        self.sent: list[str] = []

    def check(self, text: str, dialect: str = "any") -> list[GrammarIssue]:
        self.sent.append(text)
        out = []
        for needle, rule, category, replacements in self.issues:
            needle, _, nth = needle.partition("#")  # "word#2": its second occurrence
            at = -1
            for _ in range(int(nth or 1)):
                at = self.original.find(needle, at + 1)
            out.append(GrammarIssue(at, at + len(needle), rule, category, f"{rule} says so.", replacements))
        return out

    original = ""


def fake_run(text: str, *issues, options=None, context=None):
    fake = Fake(*issues)
    fake.original = text
    found = run_check(CHECK, text, tools=Tools(grammar=fake, today=TODAY), options=options, context=context)
    return fake, found


DRAFT = (
    "---\nkind: thank-you\n---\n"
    "To: dana@example.com\n"
    "Subject: Thanks, [Name]\n"
    "\n"
    "Hi Dana,\n"
    "\n"
    "Thank you for the talk at [Company]. Mail me at sam@example.com or\n"
    "see https://sam.example/work today.\n"
    "\n"
    "Best,\n"
    "Sam Reyes\n"
    "555-0134\n"
    "\n"
    "On Monday, Dana wrote:\n"
    "> See you soon.\n"
)


def test_one_masked_copy_is_sent_with_offsets_and_line_breaks_kept():
    fake, found = fake_run(DRAFT)
    assert found == []
    expected = (
        "   \n" + " " * len("kind: thank-you") + "\n   \n"
        + " " * len("To: dana@example.com") + "\n"
        + " " * len("Subject: ") + "Thanks," + " " * len(" [Name]") + "\n"
        "\n"
        "Hi Dana,\n"
        "\n"
        "Thank you for the talk at" + " " * len(" [Company]") + ". Mail me at"
        + " " * len(" sam@example.com") + " or\n"
        "see" + " " * len(" https://sam.example/work") + " today.\n"
        "\n"
        "Best,\n"
        + " " * len("Sam Reyes") + "\n"
        + " " * len("555-0134") + "\n"
        "\n"
        + " " * len("On Monday, Dana wrote:") + "\n"
        + " " * len("> See you soon.") + "\n"
    )
    assert fake.sent == [expected]
    assert len(fake.sent[0]) == len(DRAFT)


def test_masked_text_reports_the_blanked_stretches():
    draft = parse_draft(DRAFT, "t.txt")
    _, blanked, labels = masked_text(draft)
    assert [DRAFT[b.start : b.end] for b in labels] == ["Subject: "]
    assert [DRAFT[b.start : b.end] for b in blanked] == [
        "---\nkind: thank-you\n---\nTo: dana@example.com",
        "[Name]",
        "[Company]",
        "sam@example.com",
        "https://sam.example/work",
        "Sam Reyes\n555-0134\n\nOn Monday, Dana wrote:\n> See you soon.",
    ]


def test_issues_touching_or_next_to_a_blanked_stretch_are_dropped():
    _, found = fake_run(
        DRAFT,
        (" [Company]", "CommaFixes", "typography", ("",)),  # inside
        ("at [Company].", "Whatever", "grammar", ()),  # overlaps
        ("at", "AnA", "grammar", ("an",)),  # "talk at" + spaces + "." : only spaces between
        ("see", "SpellCheck", "spelling", ("sea",)),  # spaces, then the blanked URL
        ("Reyes", "SpellCheck", "spelling", ()),  # in the signature
        ("Dana wrote", "SpellCheck", "spelling", ()),  # in the quoted reply
    )
    assert found == []


def test_issues_clear_of_blanked_stretches_are_kept():
    text, (thank, mail) = marked(DRAFT.replace("Thank you", "[[Thank]] you").replace("Mail me", "[[Mail]] me"))
    _, found = fake_run(
        text,
        ("Thank#2", "SpellCheck", "spelling", ("Thanks", "Tank")),
        ("Mail", "Whatever", "grammar", ()),
    )
    assert rows(found) == [
        ("FL101", thank, 'possible misspelling: "Thank"', Severity.ERROR, "SpellCheck", "spelling",
         spelling_fix(thank, "Thanks")),
        ("FL101", mail, '"Mail": Whatever says so.', Severity.ERROR, "Whatever", "grammar", None),
    ]


def test_categories_map_to_severities_and_fixes():
    text, (a, b, c, d) = marked(
        "Hi Dana,\n\n[[One]] two [[three]] four [[five]] six [[seven]].\n\nBest,\nSam"
    )
    _, found = fake_run(
        text,
        ("One", "R1", "style", ("Uno",)),
        ("three", "R2", "typography", ("",)),
        ("five", "R3", "punctuation", ()),  # unknown category: a warning
        ("seven", "R4", "grammar", ("seven", "eight")),  # no-op replacement: no fix
    )
    assert rows(found) == [
        ("FL101", a, '"One": R1 says so.', Severity.INFO, "R1", "style", fix(a, "Uno")),
        ("FL101", b, '"three": R2 says so.', Severity.INFO, "R2", "typography",
         Fix(b, "", "delete it")),
        ("FL101", c, '"five": R3 says so.', Severity.WARNING, "R3", "punctuation", None),
        ("FL101", d, '"seven": R4 says so.', Severity.ERROR, "R4", "grammar", None),
    ]


def test_spelling_exclusions_apply_to_spelling_issues_only():
    text = "Hi Ana,\n\nI met Kestrel and Ana at Zorblat.\n\nBest,\nLi Wei"
    issues = (
        ("Kestrel", "SpellCheck", "spelling", ()),  # vocabulary (second run)
        ("Kestrel and", "Grammar", "grammar", ()),  # not spelling: always kept
        ("Ana#2", "SpellCheck", "spelling", ()),  # the greeting's name
        ("Ana at", "SpellCheck", "spelling", ()),  # "at" is no name: kept
        ("Zorblat", "SpellCheck", "spelling", ()),  # the context's company (second run)
        ("Wei", "SpellCheck", "spelling", ()),  # in the signature: masked
    )
    _, found = fake_run(text, *issues, options={"proper_nouns": True})
    assert [(f.rule, text[f.span.start : f.span.end]) for f in found] == [
        ("SpellCheck", "Kestrel"),
        ("Grammar", "Kestrel and"),
        ("SpellCheck", "Ana at"),
        ("SpellCheck", "Zorblat"),
    ]
    _, found = fake_run(
        text, *issues, options={"vocabulary": ["kestrel"], "proper_nouns": True},
        context=Context(company="Zorblat Inc."),
    )
    assert [(f.rule, text[f.span.start : f.span.end]) for f in found] == [
        ("Grammar", "Kestrel and"),
        ("SpellCheck", "Ana at"),
    ]


def test_a_slip_in_the_first_word_of_the_subject_is_kept():
    text, (span,) = marked("Subject: [[Thnaks]] again\n\nHi Dana,\n\nThanks.\n\nBest,\nSam")
    _, found = fake_run(text, ("Thnaks", "SpellCheck", "spelling", ("Thanks",)))
    assert rows(found) == [
        ("FL101", span, 'possible misspelling: "Thnaks"', Severity.ERROR, "SpellCheck", "spelling",
         spelling_fix(span, "Thanks")),
    ]


def test_long_flagged_text_is_shortened_in_the_message():
    text = "Hi Dana,\n\nThis sentence runs on and on and on and on and on and on.\n\nBest,\nSam"
    _, found = fake_run(text, ("This sentence runs on and on and on and on and on and on.", "Long", "style", ()))
    assert [f.message for f in found] == ['"This sentence runs on and on and on and…": Long says so.']


def test_out_of_range_issues_are_dropped():
    class Wild(Fake):
        def check(self, text, dialect="any"):
            return [GrammarIssue(0, len(text) + 3, "X", "grammar", "x")]

    draft_text = "Hi Dana,\n\nThanks.\n\nBest,\nSam"
    assert run_check(CHECK, draft_text, tools=Tools(grammar=Wild(), today=TODAY)) == []


def test_a_dead_backend_raises_instead_of_passing_the_draft():
    class Dead:
        name = "dead"

        def check(self, text, dialect="any"):
            raise GrammarUnavailable("gone")

    with pytest.raises(GrammarUnavailable):
        run_check(CHECK, "Hi Dana,\n\nThanks.\n\nBest,\nSam", tools=Tools(grammar=Dead(), today=TODAY))


def test_nothing_to_check_sends_nothing():
    fake, found = fake_run("Subject:\n\n")
    assert (fake.sent, found) == ([], [])


# -- properties ----------------------------------------------------------------------

_ISSUES = st.lists(
    st.tuples(
        st.integers(-3, 400),
        st.integers(0, 40),
        st.sampled_from(("spelling", "grammar", "style", "typography", "other")),
        st.lists(st.text(max_size=5), max_size=2),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), raw=_ISSUES)
def test_any_text_and_any_backend_offsets_give_findings_inside_the_text(text, raw):
    class Random:
        name = "random"

        def check(self, sent: str, dialect: str = "any") -> list[GrammarIssue]:
            assert len(sent) == len(text)
            return [GrammarIssue(s, s + n, "R", c, "m", tuple(r)) for s, n, c, r in raw]

    for f in run_check(CHECK, text, tools=Tools(grammar=Random(), today=TODAY)):
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert f.severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200))
def test_real_harper_on_any_text_stays_inside_the_text(harper, text):
    draft = "Hi Dana,\n\n" + text + "\n\nBest,\nSam"
    for f in run_check(CHECK, draft, tools=Tools(grammar=harper, today=TODAY)):
        assert 0 <= f.span.start <= f.span.end <= len(draft)
        assert f.message


def test_a_message_far_beyond_any_follow_up_is_not_sent_to_the_backend():
    body = "Thank you for the talk about the billing migration. " * 500
    text, (first,) = marked(f"Hi Dana,\n\n[[Thank you for the talk about the billing migration.]] {body}\n\nBest,\nSam")
    fake, found = fake_run(text, options={"max_chars": 1000})
    assert fake.sent == []
    assert rows(found) == [
        ("FL101", first, "the message is too long to check for spelling and grammar (21,555 characters "
         "of text; the limit is 1,000); a follow-up is a few hundred words",
         Severity.INFO, "too-long-to-check", None, None),
    ]
