"""GitHub workflow annotations, from hand-built reports."""

from __future__ import annotations

from linter.formats import RunResult
from linter.formats.github import escape_data, escape_property, render
from tests.formats.sample import PASSED, RESULT


def test_annotations_and_scores_exactly() -> None:
    assert render(RESULT).splitlines() == [
        "::error file=drafts/dana%2C final%3Av2.txt,line=5,col=44,endLine=5,endColumn=73,"
        "title=FL401 asks-about-decision::'Have you made a decision yet?' presses for a verdict; "
        "ask about the next steps instead",
        "::warning file=drafts/dana%2C final%3Av2.txt,line=6,col=5,endLine=6,endColumn=24,"
        "title=FL405 over-eager-tone::'100%25 <sure> & ready' sounds eager: 100%25, every time,%0Aand loud",
        "::notice file=drafts/dana%2C final%3Av2.txt,line=6,col=26,endLine=6,endColumn=32,"
        "title=FL101 spelling-grammar::'truely' is misspelt; did you mean 'truly'?",
        "::error file=drafts/broken.eml,title=unreadable draft::not UTF-8 text (invalid byte 0xff at offset 3)",
        "drafts/dana, final:v2.txt: score 70/100, failed (3 findings) · thank-you (inferred)"
        " · failed because: 1 finding at error level (FL401 asks-about-decision)",
        "drafts/lee.txt: score 100/100, passed (0 findings) · thank-you (given)",
    ]


def test_clean_run_has_only_the_score_line() -> None:
    assert render(RunResult((PASSED,))) == "drafts/lee.txt: score 100/100, passed (0 findings) · thank-you (given)\n"


def test_empty_run_prints_nothing() -> None:
    assert render(RunResult(())) == ""


def test_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext%3A a%2C b"
    # '%' goes first, so an escape is never escaped twice
    assert escape_property("%3A") == "%253A"


def test_every_annotation_is_one_line() -> None:
    for line in render(RESULT).splitlines():
        assert "\n" not in line and "\r" not in line
