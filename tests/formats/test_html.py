"""The HTML report: pure rendering checks, then what headless Chromium shows."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from linter.formats import RunResult
from linter.formats.html import BAR_LIMIT, highlight, render, score_chart
from linter.models import Finding, Severity, Span
from tests.formats.sample import FAILED, PASSED, RESULT


def _finding(start: int, end: int, severity: Severity = Severity.WARNING, code: str = "FL405") -> Finding:
    return Finding(code=code, name="over-eager-tone", severity=severity, message=f"m{start}", span=Span(start, end))


# -- pure -------------------------------------------------------------------

def test_highlight_escapes_and_marks_exactly() -> None:
    assert highlight("a <b> & c", [_finding(2, 5)], "d1") == (
        'a <mark id="d1-1" class="warning" data-codes="FL405" '
        'title="warning FL405 over-eager-tone: m2">&lt;b&gt;</mark> &amp; c'
    )


def test_overlapping_spans_split_and_take_the_worst_severity() -> None:
    html = highlight("abcdef", [_finding(0, 4), _finding(2, 6, Severity.ERROR, "FL401")], "d1")
    assert html == (
        '<mark id="d1-1" class="warning" data-codes="FL405" title="warning FL405 over-eager-tone: m0">ab</mark>'
        '<mark id="d1-2" class="error" data-codes="FL405 FL401" '
        'title="warning FL405 over-eager-tone: m0\nerror FL401 over-eager-tone: m2">cd</mark>'
        '<mark class="error" data-codes="FL401" title="error FL401 over-eager-tone: m2">ef</mark>'
    )


def test_empty_span_is_a_point_marker() -> None:
    assert highlight("ab", [_finding(1, 1)], "d1") == (
        'a<mark id="d1-1" class="warning point" data-codes="FL405" '
        'title="warning FL405 over-eager-tone: m1">&#8203;</mark>b'
    )


def test_everything_user_written_is_escaped() -> None:
    nasty = replace(PASSED, path='<script>alert("x")</script>.txt', text="<img src=x onerror=alert(1)>\n")
    page = render(RunResult((nasty,)))
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;.txt" in page


def test_each_draft_says_its_kind_source_and_why_it_failed() -> None:
    page = render(RESULT)
    assert (
        '<p class="meta">1 error, 1 warning, 1 info · thank-you (inferred), 27 words · grammar: harper 0.2.0</p>'
        '<p class="why">failed because: 1 finding at error level (FL401 asks-about-decision)</p>'
    ) in page
    assert '<p class="meta">no findings · thank-you (given), 14 words · grammar: off</p><pre' in page
    assert page.count('class="why"') == 1


def test_self_contained() -> None:
    page = render(RESULT)
    assert "<script" not in page
    assert "src=" not in page and "@import" not in page and "url(" not in page
    assert page.count("://") == page.count('xmlns="http://www.w3.org/2000/svg"') == 1
    assert "default-src 'none'" in page


def test_chart_bars_then_histogram() -> None:
    few = score_chart([("d1", FAILED), ("d2", PASSED)])
    assert few.count('class="bar"') == 2 and 'width="364.0"' in few  # 70% of 520
    many = [(f"d{n}", replace(PASSED, path=f"p{n}.txt", score=n % 101)) for n in range(BAR_LIMIT + 1)]
    histogram = score_chart(many)
    assert histogram.count('class="bar"') == 10
    assert "<title>10 drafts scored 0–9</title>" in histogram  # scores 0..40
    assert "<title>0 drafts scored 90–100</title>" in histogram


# -- in a browser -------------------------------------------------------------

def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    reason = "chromium is not installed (apt-get install -y chromium); the HTML report was not opened in a browser"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}", *args,
        ],
        capture_output=True, text=True, timeout=60, check=True,
    )


class _Collect(HTMLParser):
    """Text of the score badges and of the marks (with their titles)."""

    def __init__(self) -> None:
        super().__init__()
        self.scores: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self.bars = 0
        self._in: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "rect" and a.get("class") == "bar":
            self.bars += 1
        if tag == "mark":
            self._in.append((tag, ""))
            self.marks.append(("", a.get("title") or ""))
        elif tag == "span" and (a.get("class") or "").startswith("score "):
            self._in.append((tag, ""))
            self.scores.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1][0] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if not self._in:
            return
        if self._in[-1][0] == "mark":
            text, title = self.marks[-1]
            self.marks[-1] = (text + data, title)
        else:
            self.scores[-1] += data


def test_renders_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(RESULT), encoding="utf-8")
    dom = _run_chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    seen = _Collect()
    seen.feed(dom)
    assert seen.scores == ["70/100", "100/100"]
    assert seen.bars == 2
    assert seen.marks == [
        ("Have you made a decision yet?", "error FL401 asks-about-decision: 'Have you made a decision yet?' "
         "presses for a verdict; ask about the next steps instead"),
        ("100% <sure> & ready", "warning FL405 over-eager-tone: '100% <sure> & ready' sounds eager: 100%, every time,\nand loud"),
        ("truely", "info FL101 spelling-grammar: 'truely' is misspelt; did you mean 'truly'?"),
    ]
    shot = tmp_path / "report.png"
    _run_chromium(tmp_path, "--window-size=1100,1300", f"--screenshot={shot}", page.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("FOLLOWUP_LINT_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["FOLLOWUP_LINT_KEEP_SCREENSHOT"])


def test_cli_writes_the_html_report(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from linter.cli import cli
    from tests.formats.sample import DRAFT

    (tmp_path / "dana.txt").write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "report.html"
    done = CliRunner().invoke(cli, ["check", str(tmp_path / "dana.txt"), "--grammar", "off", "--format", "html", "-o", str(out)])
    assert done.exit_code in (0, 1), done.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")
    assert "<mark " in page and "&lt;sure&gt;" in page and "<sure>" not in page


def test_lowest_scores_are_listed_with_links_for_three_or_more_drafts() -> None:
    third = replace(PASSED, path="drafts/kim.txt", score=55, failed=True)
    page = render(RunResult((FAILED, PASSED, third)))
    assert (
        '<h2 class="sub">Lowest scores</h2><ol class="worst">'
        '<li><a href="#d3">drafts/kim.txt</a> <span class="score-inline poor">55</span></li>'
        '<li><a href="#d1">drafts/dana, final:v2.txt</a> <span class="score-inline fair">70</span></li>'
        '<li><a href="#d2">drafts/lee.txt</a> <span class="score-inline good">100</span></li></ol>'
    ) in page
    assert "Lowest scores" not in render(RESULT)
