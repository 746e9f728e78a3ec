"""A self-contained HTML report: open it in any browser, attach it to a ticket.

One page, no scripts, no external resources (a Content-Security-Policy meta
tag says so to the browser too). At the top, the run's summary and an inline
SVG chart of the scores: one bar per draft for up to ``BAR_LIMIT`` drafts,
otherwise a histogram of score bands. Then each draft: its score and
verdict, its text with every flagged span highlighted (hover for the
messages; the colour is the most severe finding covering it) and the list of
findings, each linking to its span. Every piece of user text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from linter import __version__
from linter.formats import RunResult
from linter.limits import more_line
from linter.models import FileReport, Finding, Severity
from linter.positions import line_col
from linter.verdict import because
from linter.formats.escape import decodable

__all__ = ["render", "highlight", "score_chart", "BAR_LIMIT"]

BAR_LIMIT = 40

_CSS = """
:root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa;
  --error: #cf222e; --error-bg: #ffebe9; --warning: #9a6700; --warning-bg: #fff8c5;
  --info: #0969da; --info-bg: #ddf4ff; --pass: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0; word-break: break-all; }
.lede { color: var(--muted); margin: 0 0 20px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px;
  padding: 16px 20px; margin: 0 0 18px; }
.stats { display: flex; flex-wrap: wrap; gap: 10px 28px; margin: 0 0 12px; padding: 0; list-style: none; }
.stats b { display: block; font-size: 22px; }
.stats span { color: var(--muted); font-size: 13px; }
.chart svg { width: 100%; height: auto; display: block; }
.chart text { font: 12px system-ui, sans-serif; fill: var(--fg); }
.draft header { display: flex; align-items: center; gap: 12px; margin: 0 0 10px; }
.score { flex: none; min-width: 64px; text-align: center; font-weight: 700; color: #fff;
  border-radius: 999px; padding: 2px 10px; }
.good { background: var(--pass); } .fair { background: #bf8700; } .poor { background: var(--error); }
.verdict { color: var(--muted); font-size: 13px; }
.verdict.failed { color: var(--error); font-weight: 600; }
.meta { color: var(--muted); font-size: 13px; margin: 0 0 10px; }
.why { color: var(--error); font-size: 13px; margin: -6px 0 10px; }
pre.text { white-space: pre-wrap; word-wrap: break-word; background: var(--bg);
  border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin: 0 0 12px;
  font: 13.5px/1.6 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
mark { border-radius: 3px; padding: 1px 0; color: inherit; cursor: help; }
mark.error { background: var(--error-bg); box-shadow: inset 0 -2px var(--error); }
mark.warning { background: var(--warning-bg); box-shadow: inset 0 -2px #d4a72c; }
mark.info { background: var(--info-bg); box-shadow: inset 0 -2px var(--info); }
mark.point { padding: 0 1px; }
ol.findings { margin: 0; padding-left: 22px; }
ol.findings li { margin: 0 0 6px; }
.sev { font-size: 12px; font-weight: 700; text-transform: uppercase; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.info { color: var(--info); }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.fix { color: var(--muted); }
.clean { color: var(--pass); margin: 0; }
.errors li { color: var(--error); }
footer { color: var(--muted); font-size: 12px; text-align: center; }
h2.sub { font-size: 14px; margin: 14px 0 6px; }
ol.worst { margin: 0; padding-left: 22px; }
.score-inline { font-weight: 700; font-size: 12px; color: #fff; border-radius: 999px; padding: 0 7px; }
"""


def _e(text: object) -> str:
    return escape(decodable(str(text)), quote=True)


def _band(score: int) -> str:
    return "good" if score >= 80 else "fair" if score >= 60 else "poor"


def _label(f: Finding) -> str:
    return f"{f.severity.label} {f.code} {f.name}: {f.message}"


def highlight(text: str, findings: Iterable[Finding], prefix: str) -> str:
    """``text`` as escaped HTML with each finding's span in a ``<mark>``.

    Overlapping spans are split at every boundary; each piece is marked with
    the most severe finding covering it and a tooltip naming all of them.
    An empty span shows as a thin marker at its offset. The first piece of
    finding ``i`` has the id ``{prefix}-{i}``.
    """
    found = list(findings)
    end = len(text)
    spans = [(min(f.span.start, end), min(f.span.end, end)) for f in found]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    points: dict[int, list[int]] = {}
    for i, (a, b) in enumerate(spans):
        if a == b:
            points.setdefault(a, []).append(i)
        else:
            starts.setdefault(a, []).append(i)
            ends.setdefault(b, []).append(i)
    bounds = sorted({0, end, *starts, *ends, *points})
    anchored: set[int] = set()
    out: list[str] = []

    def mark(covering: list[int], body: str, extra: str = "") -> str:
        worst = max(found[i].severity for i in covering)
        ids = ""
        first = [i for i in covering if i not in anchored]
        if first:
            anchored.add(first[0])
            ids = f' id="{prefix}-{first[0] + 1}"'
        title = "\n".join(_label(found[i]) for i in covering)
        codes = " ".join(found[i].code for i in covering)
        return (
            f'<mark{ids} class="{worst.label}{extra}" data-codes="{_e(codes)}" '
            f'title="{_e(title)}">{body}</mark>'
        )

    active: set[int] = set()  # the findings covering the piece from ``a`` on
    for at, a in enumerate(bounds):
        if a in points:
            out.append(mark(points[a], "&#8203;", " point"))
        if at + 1 == len(bounds):
            break
        b = bounds[at + 1]
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        piece = _e(text[a:b])
        out.append(mark(sorted(active), piece) if active else piece)
    return "".join(out)


def score_chart(reports: list[tuple[str, FileReport]]) -> str:
    """An inline SVG of the scores; ``reports`` pairs each report with its
    section id, so bars link to their drafts."""
    if not reports:
        return ""
    if len(reports) <= BAR_LIMIT:
        return _bars(reports)
    return _histogram([r for _, r in reports])


def _bars(reports: list[tuple[str, FileReport]]) -> str:
    row, label_w, bar_w, top = 24, 300, 520, 6
    width, height = label_w + bar_w + 60, top * 2 + row * len(reports)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Score of each draft, 0 to 100">'
    ]
    for n, (anchor, r) in enumerate(reports):
        y = top + n * row
        name = r.path if len(r.path) <= 42 else "…" + r.path[-41:]
        length = round(bar_w * r.score / 100, 1)
        colour = {"good": "#1a7f37", "fair": "#bf8700", "poor": "#cf222e"}[_band(r.score)]
        parts.append(
            f'<a href="#{anchor}"><title>{_e(r.path)}: {r.score}/100</title>'
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{_e(name)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{bar_w}" height="16" rx="3" fill="#eaeef2"/>'
            f'<rect class="bar" x="{label_w}" y="{y + 4}" width="{length}" height="16" rx="3" fill="{colour}"/>'
            f'<text class="value" x="{label_w + bar_w + 8}" y="{y + 16}">{r.score}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _histogram(reports: list[FileReport]) -> str:
    bands = [0] * 10
    for r in reports:
        bands[min(r.score // 10, 9)] += 1
    most = max(bands)
    left, col, plot_h, top = 40, 70, 200, 20
    width, height = left + col * 10 + 10, top + plot_h + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="How many drafts scored in each band of ten points">'
    ]
    for i, count in enumerate(bands):
        h = round(plot_h * count / most, 1) if most else 0
        x = left + i * col
        low, high = i * 10, 100 if i == 9 else i * 10 + 9
        colour = {"good": "#1a7f37", "fair": "#bf8700", "poor": "#cf222e"}[_band(low)]
        parts.append(
            f'<g><title>{count} draft{"s" if count != 1 else ""} scored {low}–{high}</title>'
            f'<rect class="bar" x="{x + 8}" y="{top + plot_h - h}" width="{col - 16}" height="{h}" rx="3" fill="{colour}"/>'
            f'<text x="{x + col / 2}" y="{top + plot_h - h - 5}" text-anchor="middle">{count}</text>'
            f'<text x="{x + col / 2}" y="{top + plot_h + 18}" text-anchor="middle">{low}–{high}</text></g>'
        )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#d1d9e0"/>'
        f'<text x="{left + col * 5}" y="{height - 4}" text-anchor="middle">score</text></svg>'
    )
    return "".join(parts)


def _counts(report: FileReport) -> str:
    counts = {sev: 0 for sev in Severity}
    for f in report.findings:
        counts[f.severity] += 1
    return ", ".join(
        f"{n} {sev.label}{'s' if n != 1 else ''}" for sev, n in sorted(counts.items(), reverse=True) if n
    ) or "no findings"


def _draft(anchor: str, report: FileReport) -> str:
    verdict = "failed" if report.failed else "passed"
    why = f'<p class="why">failed because: {_e(because(report.fail_reasons))}</p>' if report.fail_reasons else ""
    findings = sorted(enumerate(report.findings), key=lambda p: (p[1].span.start, p[1].code))
    items = []
    for i, f in findings:
        line, col = line_col(report.text, f.span.start)
        fix = ""
        if f.fix is not None:
            replacement = f.fix.replacement.strip() or "(remove)"
            fix = f'<br><span class="fix">fix: {_e(f.fix.description)}: <code>{_e(replacement)}</code></span>'
        items.append(
            f'<li><a href="#{anchor}-{i + 1}">{line}:{col}</a> '
            f'<span class="sev {f.severity.label}">{f.severity.label}</span> '
            f'<code>{_e(f.code)}</code> {_e(f.name)}: {_e(f.message)}{fix}</li>'
        )
    items.extend(
        f'<li class="more">{_e(more_line(code, name, count))}</li>' for code, name, count in report.omitted
    )
    listing = f'<ol class="findings">{"".join(items)}</ol>' if items else '<p class="clean">No findings.</p>'
    return (
        f'<section class="card draft" id="{anchor}">'
        f'<header><span class="score {_band(report.score)}">{report.score}/100</span>'
        f'<h2>{_e(report.path)}</h2><span class="verdict {verdict}">{verdict}</span></header>'
        f'<p class="meta">{_e(_counts(report))} · {_e(report.kind)} ({_e(report.kind_source)}), '
        f'{report.word_count} words · grammar: {_e(report.grammar_backend)}</p>'
        f"{why}"
        f'<pre class="text">{highlight(report.text, report.findings, anchor)}</pre>'
        f"{listing}</section>"
    )


def render(result: RunResult) -> str:
    reports = result.reports
    anchored = [(f"d{n + 1}", r) for n, r in enumerate(reports)]
    failed = sum(1 for r in reports if r.failed)
    stats: list[tuple[object, str]] = [(len(result.items), "drafts"), (len(reports) - failed, "passed"), (failed, "failed")]
    if result.errors:
        stats.append((len(result.errors), "unreadable"))
    if reports:
        stats.append((f"{sum(r.score for r in reports) / len(reports):.0f}", "average score"))
        stats.append((min(r.score for r in reports), "lowest score"))
    stat_html = "".join(f"<li><b>{_e(v)}</b><span>{_e(k)}</span></li>" for v, k in stats)
    chart = score_chart(anchored)
    worst = ""
    if len(reports) > 2:
        lowest = sorted(anchored, key=lambda p: (p[1].score, p[1].path))[:5]
        rows = "".join(
            f'<li><a href="#{a}">{_e(r.path)}</a> <span class="score-inline {_band(r.score)}">{r.score}</span></li>'
            for a, r in lowest
        )
        worst = f'<h2 class="sub">Lowest scores</h2><ol class="worst">{rows}</ol>'
    errors = ""
    if result.errors:
        rows = "".join(f"<li><code>{_e(e.path)}</code>: {_e(e.message)}</li>" for e in result.errors)
        errors = f'<section class="card"><h2>Could not be read</h2><ul class="errors">{rows}</ul></section>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>followup-lint report</title><style>{_CSS}</style></head><body><main>"
        "<h1>Follow-up email report</h1>"
        f'<p class="lede">followup-lint {_e(__version__)}</p>'
        f'<section class="card summary"><ul class="stats">{stat_html}</ul>'
        f'<div class="chart">{chart}</div>{worst}</section>'
        f"{errors}{''.join(_draft(a, r) for a, r in anchored)}"
        "<footer>Hover a highlighted passage to read what was found there.</footer>"
        "</main></body></html>\n"
    )

