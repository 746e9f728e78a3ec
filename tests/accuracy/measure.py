#!/usr/bin/env python3
"""Measure how well followup-lint's checks agree with labelled drafts.

    python tests/accuracy/measure.py [--drafts DIR] [--labels FILE] [--corpus DIR]
                                     [--grammar embedded|off|languagetool] [--given-kind]
                                     [--summary] [--verbose]
                                     [--min-precision P] [--min-recall R]

It lints every draft in process (``linter.api.lint_text``) and prints Markdown:

  * a summary table: precision/recall of the content checks and the kind-inference
    accuracy on our drafts, the corpus's first collection and its second collection
    (the second is the figure that counts); ``--summary`` prints only this;
  (a) per check TP/FP/FN/TN, precision and recall on our own drafts
      (``tests/accuracy/drafts`` + ``labels.yaml``: each label lists the checks that
      should fire; every other check should stay silent);
  (b) the same on each corpus collection separately (``../shared/corpus`` from the
      repo root; files 001-045 are the first collection, 101-191 the second), mapped
      from its INDEX.yaml labels (see CORPUS MAPPING below), plus the body word count
      against the labelled count;
  (c) score separation of good vs weak drafts (and of the corpus's presented_as
      good vs bad): mean/min/max, the share on the right side of 85, ROC AUC.

It is a measurement, not a test: it exits 0, unless ``--min-precision`` or
``--min-recall`` is given and some check on our drafts falls below it (exit 1).
A check that the engine does not provide counts as failing such a threshold.

KIND: by default no kind is given to the engine, for the corpus and our drafts
alike: it infers the kind, as it does for a user. A ``kind:`` line in a draft's
front matter is removed before linting so that inference is what is measured.
``--given-kind`` passes the labelled kind as context instead. Either way the kind
the engine infers is compared with the labelled kind (our drafts: the kind in the
file name; corpus: ``no-response`` counts as ``status-check``, ``other`` as
``general``) and reported as the kind accuracy.

CORPUS MAPPING (decisions, kept here so the numbers can be read; the same as
``../shared/tools/corpus-f1`` for the checks both score). "Kind" below is the
labelled kind, whatever the engine inferred:
  * The corpus holds template text, so it is linted in template mode
    (``Config.with_mode("template")``) when the engine offers it; otherwise in
    draft mode, and the header says so.
  * mentions_specific_detail -> no-specific-detail (FL301), judged only for
    thank-you and linkedin notes: false -> should fire; true -> should not;
    placeholder -> not scored, and leftover-placeholder should fire in a separate
    draft-mode pass. leftover-placeholder is scored only on those files (its
    recall): the labels say nothing about placeholders elsewhere.
  * states_continued_interest -> no-continued-interest (FL302; false = should
    fire). Not scored for linkedin notes (the check does not apply to them).
  * thanks_interviewer -> no-thanks (FL303; false = should fire).
  * asks_about_hiring_decision -> asks-about-decision (FL401; true = should fire).
    A question about timing is not FL401's business, whatever the kind.
  * asks_timeline -> timing-question (FL406), scored only in thank-you notes:
    true = should fire, false = should stay silent. In other kinds it is not
    scored (the labels do not count how many timing questions a status check asks).
  * has_contact_signature -> missing-contact-signature (FL501; false = should
    fire); not scored for linkedin notes, which need no signature.
  * word_count: mean absolute error of the engine's body word count and the share
    within +/-10% of the label.
  * presented_as good / bad gives a second good-vs-weak split for the score; neutral
    entries are left out of it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

CHECKS: tuple[tuple[str, str], ...] = (
    ("FL101", "spelling-grammar"),
    ("FL201", "body-length"),
    ("FL202", "subject-line"),
    ("FL203", "long-sentence"),
    ("FL204", "long-paragraph"),
    ("FL205", "reading-grade"),
    ("FL301", "no-specific-detail"),
    ("FL302", "no-continued-interest"),
    ("FL303", "no-thanks"),
    ("FL304", "no-forward-close"),
    ("FL401", "asks-about-decision"),
    ("FL402", "pressure-language"),
    ("FL403", "premature-offer-question"),
    ("FL404", "too-many-questions"),
    ("FL405", "over-eager-tone"),
    ("FL406", "timing-question"),
    ("FL501", "missing-contact-signature"),
    ("FL502", "greeting-name"),
    ("FL503", "leftover-placeholder"),
    ("FL601", "send-timing"),
    ("FL602", "rejection-reply"),
    ("FL603", "linkedin-note-length"),
)
CHECK_NAMES = tuple(name for _, name in CHECKS)
CODE_OF = dict((name, code) for code, name in CHECKS)
KINDS = ("thank-you", "status-check", "post-rejection", "linkedin", "general")
CORPUS_KIND = {"no-response": "status-check", "other": "general"}
GOOD_SCORE = 85
# the summary table: (row label, check name)
SUMMARY_CHECKS: tuple[tuple[str, str], ...] = (
    ("FL301 detail", "no-specific-detail"),
    ("FL302 interest", "no-continued-interest"),
    ("FL303 thanks", "no-thanks"),
    ("FL401 decision", "asks-about-decision"),
    ("FL406 timing", "timing-question"),
    ("FL501 signature", "missing-contact-signature"),
)
# corpus collections: (key, title, first file number, last file number)
COLLECTIONS: tuple[tuple[str, str, int, int], ...] = (
    ("first", "first collection (001-045)", 1, 99),
    ("second", "second collection (101-191)", 100, 999),
)


# --------------------------------------------------------------------------
# metrics (pure; unit-tested in test_metrics.py)
# --------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, got: bool) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        fired = self.tp + self.fp
        return self.tp / fired if fired else None

    @property
    def recall(self) -> float | None:
        positives = self.tp + self.fn
        return self.tp / positives if positives else None

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn


def confusion(pairs: Iterable[tuple[bool, bool]]) -> Counts:
    """Counts from (expected, got) pairs."""
    counts = Counts()
    for expected, got in pairs:
        counts.add(bool(expected), bool(got))
    return counts


def precision_recall(tp: int, fp: int, fn: int) -> tuple[float | None, float | None]:
    """Precision and recall; None where undefined (nothing fired / nothing expected)."""
    c = Counts(tp=tp, fp=fp, fn=fn)
    return c.precision, c.recall


def roc_auc(positive: Sequence[float], negative: Sequence[float]) -> float | None:
    """ROC AUC of a score that should be higher for ``positive`` items.

    The Mann-Whitney form: the probability that a random positive scores above a
    random negative, ties counting one half. None if either side is empty.
    """
    if not positive or not negative:
        return None
    wins = 0.0
    for p in positive:
        for n in negative:
            if p > n:
                wins += 1.0
            elif p == n:
                wins += 0.5
    return wins / (len(positive) * len(negative))


def word_count_errors(pairs: Sequence[tuple[int, int]]) -> tuple[float | None, float | None]:
    """(mean absolute error, share within +/-10% of the label) for (label, got) pairs."""
    if not pairs:
        return None, None
    mae = sum(abs(got - label) for label, got in pairs) / len(pairs)
    within = sum(1 for label, got in pairs if abs(got - label) <= 0.1 * label) / len(pairs)
    return mae, within


def summary(values: Sequence[float]) -> tuple[float | None, float | None, float | None]:
    if not values:
        return None, None, None
    return sum(values) / len(values), min(values), max(values)


def fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.0f}%"


# --------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------


@dataclass
class Item:
    """One labelled text: what should fire, and (after linting) what did."""

    file: str
    text: str
    kind: str
    quality: str | None  # good | weak | None (neutral corpus entry)
    expected: dict[str, bool]  # check name -> should fire; missing = not scored
    word_count: int | None = None
    score: int | None = None
    got: dict[str, list[str]] = field(default_factory=dict)  # name -> messages
    got_word_count: int | None = None
    inferred_kind: str | None = None  # the kind the engine infers with none given
    collection: str | None = None  # corpus collection key (see COLLECTIONS)


def kind_from_filename(name: str) -> str:
    parts = name.split("_")
    if len(parts) > 1 and parts[1] in KINDS:
        return parts[1]
    return "general"


def load_yaml(path: Path) -> object:
    import yaml

    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_drafts(drafts: Path, labels: Path) -> list[Item]:
    entries = load_yaml(labels) or []
    items = []
    for entry in entries:
        path = drafts / entry["file"]
        flags = set(entry.get("flags") or ())
        unknown = flags - set(CHECK_NAMES)
        if unknown:
            raise SystemExit(f"{labels}: {entry['file']}: unknown check(s) {sorted(unknown)}")
        items.append(
            Item(
                file=entry["file"],
                text=path.read_text(encoding="utf-8"),
                kind=kind_from_filename(entry["file"]),
                quality=entry.get("quality"),
                expected={name: name in flags for name in CHECK_NAMES},
                word_count=entry.get("word_count"),
            )
        )
    return items


def corpus_expectations(entry: dict) -> dict[str, bool]:
    """Map one INDEX.yaml entry to the checks it lets us score (see module doc)."""
    raw_kind = entry.get("kind", "other")
    kind = CORPUS_KIND.get(raw_kind, raw_kind)
    expected: dict[str, bool] = {}
    detail = entry.get("mentions_specific_detail")
    if kind in ("thank-you", "linkedin") and (detail is True or detail is False):
        expected["no-specific-detail"] = not detail
    if kind != "linkedin" and "states_continued_interest" in entry:
        expected["no-continued-interest"] = not entry["states_continued_interest"]
    if "thanks_interviewer" in entry:
        expected["no-thanks"] = not entry["thanks_interviewer"]
    if "asks_about_hiring_decision" in entry:
        expected["asks-about-decision"] = bool(entry["asks_about_hiring_decision"])
    if kind == "thank-you" and "asks_timeline" in entry:
        expected["timing-question"] = bool(entry["asks_timeline"])
    if kind != "linkedin" and "has_contact_signature" in entry:
        expected["missing-contact-signature"] = not entry["has_contact_signature"]
    return expected


def collection_of(file: str) -> str | None:
    """The corpus collection a file belongs to, by its leading number."""
    digits = file[:3]
    if not digits.isdigit():
        return None
    number = int(digits)
    for key, _, low, high in COLLECTIONS:
        if low <= number <= high:
            return key
    return None


def strip_front_matter_kind(text: str) -> str:
    """Remove a ``kind:`` line from the YAML front matter, so the engine infers it."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return text
    for end in range(1, len(lines)):
        if lines[end].rstrip() == "---":
            head = [line for line in lines[1:end] if not line.startswith("kind:")]
            return "".join([lines[0], *head, *lines[end:]])
    return text


def kind_accuracy(pairs: Iterable[tuple[str, str | None]]) -> tuple[int, int]:
    """(right, known) over (labelled kind, engine kind) pairs; None = not known."""
    known = [(label, got) for label, got in pairs if got is not None]
    return sum(1 for label, got in known if label == got), len(known)


def pr_cell(counts: Counts | None, available: bool = True) -> str:
    """One summary cell: "P/R", "missing" if the engine lacks the check, "–" if unscored."""
    if not available:
        return "missing"
    if counts is None or counts.total == 0:
        return "–"
    return f"{fmt(counts.precision)}/{fmt(counts.recall)}"


def kind_cell(right: int, known: int) -> str:
    return "–" if not known else f"{fmt(right / known)} ({right}/{known})"


def load_corpus(corpus: Path) -> list[Item]:
    entries = load_yaml(corpus / "INDEX.yaml") or []
    items = []
    for entry in entries:
        raw_kind = entry.get("kind", "other")
        presented = entry.get("presented_as")
        quality = {"good": "good", "bad": "weak"}.get(presented)
        items.append(
            Item(
                file=entry["file"],
                text=(corpus / entry["file"]).read_text(encoding="utf-8"),
                kind=CORPUS_KIND.get(raw_kind, raw_kind),
                quality=quality,
                expected=corpus_expectations(entry),
                word_count=entry.get("word_count"),
                collection=collection_of(entry["file"]),
            )
        )
    return items


# --------------------------------------------------------------------------
# the engine
# --------------------------------------------------------------------------


class Engine:
    """Thin wrapper over linter.api, tolerant of checks still being written."""

    def __init__(self, grammar: str, given_kind: bool) -> None:
        os.environ.setdefault("FOLLOWUP_LINT_WORKER", "0")  # keep Harper in process
        if str(REPO) not in sys.path:
            sys.path.insert(0, str(REPO))
        from linter import api
        from linter.config import Config

        self.api = api
        self.Config = Config
        self.given_kind = given_kind
        self.notes: list[str] = []
        self.checks = self._load_checks()
        self.loaded = {c.name for c in self.checks}
        try:
            self.tools = api.make_tools(grammar)
            self.grammar = grammar
        except Exception as exc:  # a backend that cannot start: measure without it
            self.notes.append(f"grammar backend '{grammar}' unavailable ({exc}); measured with grammar off")
            self.tools = api.make_tools("off")
            self.grammar = "off"

    def _load_checks(self) -> list:
        try:
            return list(self.api.load_checks())
        except Exception as exc:
            self.notes.append(f"load_checks() failed ({type(exc).__name__}: {exc}); loading check modules one by one")
        import importlib

        try:
            import checks as catalog

            modules = catalog.MODULES
        except Exception:
            return []
        found = []
        for name in modules:
            try:
                found.append(importlib.import_module(name).CHECK)
            except Exception as exc:
                self.notes.append(f"check module {name} not available ({type(exc).__name__})")
        return found

    def config(self, template: bool):
        config = self.Config.default()
        if template:
            if hasattr(config, "with_mode"):
                return config.with_mode("template"), True
            return config, False
        return config, True

    def lint(self, item: Item, config) -> None:
        try:
            self._lint(item, config)
        except Exception as exc:  # one draft the engine cannot take must not stop the run
            item.score, item.got, item.got_word_count = None, {}, None
            self.notes.append(f"{item.file}: engine raised {type(exc).__name__}: {exc}")

    def _lint(self, item: Item, config) -> None:
        from linter.context import Context

        unlabelled = strip_front_matter_kind(item.text)
        if self.given_kind:
            text, context = item.text, Context(kind=item.kind)
        else:
            text, context = unlabelled, None
        report = self.api.lint_text(
            text, path=item.file, config=config, context=context,
            tools=self.tools, checks=self.checks,
        )
        item.score = report.score
        item.got_word_count = getattr(report, "word_count", None)
        item.got = {}
        for finding in report.findings:
            item.got.setdefault(finding.name, []).append(finding.message)
        if not self.given_kind:
            item.inferred_kind = getattr(report, "kind", None)
            return
        try:
            from linter.draft import parse_draft

            item.inferred_kind = parse_draft(unlabelled, item.file, mode=config.mode).kind
        except Exception:
            item.inferred_kind = None


# --------------------------------------------------------------------------
# reporting
# --------------------------------------------------------------------------


def check_table(items: Sequence[Item], loaded: set[str]) -> tuple[list[str], dict[str, Counts]]:
    rows = [
        "| code | check | TP | FP | FN | TN | precision | recall |",
        "|---|---|--:|--:|--:|--:|--:|--:|",
    ]
    table: dict[str, Counts] = {}
    for code, name in CHECKS:
        scored = [it for it in items if name in it.expected]
        if not scored:
            continue
        counts = confusion((it.expected[name], name in it.got) for it in scored)
        table[name] = counts
        if name not in loaded:
            rows.append(f"| {code} | {name} | – | – | – | – | missing | missing |")
            continue
        rows.append(
            f"| {code} | {name} | {counts.tp} | {counts.fp} | {counts.fn} | {counts.tn} "
            f"| {fmt(counts.precision)} | {fmt(counts.recall)} |"
        )
    total = Counts()
    for name, c in table.items():
        if name in loaded:
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
            total.tn += c.tn
    rows.append(
        f"| | **all (micro)** | {total.tp} | {total.fp} | {total.fn} | {total.tn} "
        f"| {fmt(total.precision)} | {fmt(total.recall)} |"
    )
    return rows, table


def mismatches(items: Sequence[Item], loaded: set[str]) -> list[str]:
    rows = ["| file | check | expected | got | finding message |", "|---|---|---|---|---|"]
    for it in items:
        for name in CHECK_NAMES:
            if name not in it.expected or name not in loaded:
                continue
            expected = it.expected[name]
            got = name in it.got
            if expected != got:
                message = " / ".join(it.got.get(name, [])) or "(no finding)"
                message = message.replace("|", "\\|").replace("\n", " ")
                rows.append(f"| {it.file} | {name} | {'fire' if expected else 'silent'} "
                            f"| {'fired' if got else 'silent'} | {message} |")
    return rows if len(rows) > 2 else ["(none)"]


def separation(items: Sequence[Item], good_label: str = "good", weak_label: str = "weak") -> list[str]:
    good = [it.score for it in items if it.quality == "good" and it.score is not None]
    weak = [it.score for it in items if it.quality == "weak" and it.score is not None]
    rows = ["| group | n | mean | min | max | on the right side of 85 |", "|---|--:|--:|--:|--:|--:|"]
    for label, scores, right in (
        (good_label, good, lambda s: s >= GOOD_SCORE),
        (weak_label, weak, lambda s: s < GOOD_SCORE),
    ):
        mean, lo, hi = summary(scores)
        share = sum(1 for s in scores if right(s)) / len(scores) if scores else None
        side = ">= 85" if label == good_label else "< 85"
        rows.append(f"| {label} | {len(scores)} | {fmt(mean, 1)} | {fmt(lo, 0)} | {fmt(hi, 0)} "
                     f"| {pct(share)} ({side}) |")
    rows.append("")
    rows.append(f"ROC AUC of the score ({good_label} vs {weak_label}): **{fmt(roc_auc(good, weak), 3)}**")
    return rows


def kind_rows(items: Sequence[Item], noun: str = "drafts") -> list[str]:
    right, known = kind_accuracy((it.kind, it.inferred_kind) for it in items)
    if not known:
        return ["Kind inference: not measured (the engine reported no kind)."]
    rows = [f"Kind inferred by the engine matches the label for {right}/{known} {noun} "
            f"(accuracy {fmt(right / known)})."]
    wrong = [it for it in items if it.inferred_kind is not None and it.inferred_kind != it.kind]
    if wrong:
        rows.append("")
        rows.append("| file | labelled kind | inferred kind |")
        rows.append("|---|---|---|")
        rows.extend(f"| {it.file} | {it.kind} | {it.inferred_kind} |" for it in wrong)
    return rows


def summary_table(sets: Sequence[tuple[str, Sequence[Item]]], loaded: set[str]) -> list[str]:
    """Precision/recall of the content checks and kind accuracy, one column per set."""
    rows = ["| check | " + " | ".join(title for title, _ in sets) + " |",
            "|---|" + "--:|" * len(sets)]
    for label, name in SUMMARY_CHECKS:
        cells = []
        for _, items in sets:
            scored = [it for it in items if name in it.expected]
            counts = confusion((it.expected[name], name in it.got) for it in scored) if scored else None
            cells.append(pr_cell(counts, name in loaded))
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    kinds = [kind_cell(*kind_accuracy((it.kind, it.inferred_kind) for it in items)) for _, items in sets]
    rows.append("| kind accuracy | " + " | ".join(kinds) + " |")
    return rows


def gate(table: dict[str, Counts], loaded: set[str], min_p: float | None, min_r: float | None) -> list[str]:
    failures = []
    for name, counts in table.items():
        if name not in loaded:
            if min_p is not None or min_r is not None:
                failures.append(f"{name}: check not available")
            continue
        if min_p is not None and counts.precision is not None and counts.precision < min_p:
            failures.append(f"{name}: precision {counts.precision:.2f} < {min_p}")
        if min_r is not None and counts.recall is not None and counts.recall < min_r:
            failures.append(f"{name}: recall {counts.recall:.2f} < {min_r}")
    return failures


def word_count_line(items: Sequence[Item], noun: str) -> str:
    """The engine's body word count against the labelled one."""
    pairs = [(it.word_count, it.got_word_count) for it in items if it.word_count and it.got_word_count is not None]
    mae, within = word_count_errors(pairs)
    return f"Body word count vs label: mean absolute error {fmt(mae, 1)}, within ±10%: {pct(within)} ({len(pairs)} {noun})"


def corpus_section(title: str, items: Sequence[Item], loaded: set[str], verbose: bool) -> list[str]:
    out = [f"## {title}: {len(items)} emails", ""]
    rows, _ = check_table(items, loaded)
    out.extend(rows)
    out.append("")
    out.append(word_count_line(items, "emails"))
    out.append("")
    out.extend(kind_rows(items, "emails"))
    out.append("")
    if verbose:
        out.append(f"### Mismatches, {title}")
        out.append("")
        out.extend(mismatches(items, loaded))
        out.append("")
        out.append(f"### Word counts off by more than 10%, {title}")
        out.append("")
        off = [it for it in items if it.word_count and it.got_word_count is not None
               and abs(it.got_word_count - it.word_count) > 0.1 * it.word_count]
        out.extend(f"- {it.file}: label {it.word_count}, engine {it.got_word_count}" for it in off)
        out.append("")
    return out


def lint_corpus(engine: Engine, corpus_dir: Path) -> tuple[list[Item], bool]:
    items = load_corpus(corpus_dir)
    tconfig, template_ok = engine.config(template=True)
    for it in items:
        engine.lint(it, tconfig)
    # leftover-placeholder: scored in draft mode, on the files labelled "placeholder"
    dconfig, _ = engine.config(template=False)
    index = {e["file"]: e for e in (load_yaml(corpus_dir / "INDEX.yaml") or [])}
    for it in items:
        if index[it.file].get("mentions_specific_detail") == "placeholder":
            probe = Item(it.file, it.text, it.kind, None, {})
            engine.lint(probe, dconfig)
            it.expected["leftover-placeholder"] = True
            if "leftover-placeholder" in probe.got:
                it.got["leftover-placeholder"] = probe.got["leftover-placeholder"]
            else:
                it.got.pop("leftover-placeholder", None)
    return items, template_ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--drafts", type=Path, default=HERE / "drafts")
    parser.add_argument("--labels", type=Path, default=None,
                        help="labels.yaml (default: beside --drafts, or its parent)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="corpus folder with INDEX.yaml (default: ../shared/corpus from the repo root)")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus")
    parser.add_argument("--grammar", choices=("embedded", "off", "languagetool"), default="embedded")
    parser.add_argument("--given-kind", action="store_true",
                        help="pass the labelled kind to the engine instead of letting it infer the kind")
    # the former option: inferring is now the default, so it only keeps old commands working
    parser.add_argument("--infer-kind", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--summary", action="store_true",
                        help="print only the summary table (content checks and kind accuracy per set)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    parser.add_argument("--min-precision", type=float, default=None)
    parser.add_argument("--min-recall", type=float, default=None)
    args = parser.parse_args(argv)

    drafts_dir = args.drafts.resolve()
    labels = args.labels
    if labels is None:
        labels = drafts_dir / "labels.yaml"
        if not labels.exists():
            labels = drafts_dir.parent / "labels.yaml"
    corpus_dir = args.corpus.resolve() if args.corpus else (REPO / ".." / "shared" / "corpus").resolve()

    engine = Engine(args.grammar, args.given_kind)
    header: list[str] = ["# followup-lint accuracy", ""]
    header.append(f"- grammar backend: `{engine.grammar}`; kind: "
                  f"{'given from the label' if args.given_kind else 'inferred by the engine (none given)'}")
    header.append(f"- checks loaded: {len(engine.loaded)}/{len(CHECKS)}")
    missing = [name for name in CHECK_NAMES if name not in engine.loaded]
    if missing:
        header.append(f"- missing checks: {', '.join(missing)}")
    if engine.grammar == "off" and not args.summary:
        header.append("- spelling-grammar needs a grammar backend: with `--grammar off` its row "
                      "measures nothing and the thresholds skip it")
    early_notes = list(engine.notes)
    header.extend(f"- note: {note}" for note in early_notes)

    items = load_drafts(drafts_dir, labels)
    config, _ = engine.config(template=False)
    for it in items:
        engine.lint(it, config)

    corpus_items: list[Item] = []
    corpus_found = (corpus_dir / "INDEX.yaml").exists()
    if not args.no_corpus and corpus_found:
        corpus_items, template_ok = lint_corpus(engine, corpus_dir)
        mode = "template mode" if template_ok else "draft mode (the engine has no template mode)"
        header.append(f"- corpus: {len(corpus_items)} emails from {corpus_dir}, linted in {mode}")
    elif not args.no_corpus:
        header.append(f"- corpus: not found at {corpus_dir} (skipped)")
    header.append("")

    collections = [(key, title, [it for it in corpus_items if it.collection == key])
                   for key, title, _, _ in COLLECTIONS]
    sets: list[tuple[str, Sequence[Item]]] = [(f"our drafts ({len(items)})", items)]
    sets.extend((f"{title.replace(' (', ', ').rstrip(')')} ({len(part)})", part)
                for _, title, part in collections if part)
    out = list(header)
    out.append("## Summary")
    out.append("")
    out.append("Precision/recall per check (kind: inference accuracy). The second corpus "
               "collection is the figure that counts.")
    out.append("")
    out.extend(summary_table(sets, engine.loaded))
    out.append("")

    rows, table = check_table(items, engine.loaded)
    if not args.summary:
        out.append(f"## (a) Checks on our drafts ({len(items)} drafts, {labels.name})")
        out.append("")
        out.extend(rows)
        out.append("")
        out.append(word_count_line(items, "drafts"))
        out.append("")
        out.extend(kind_rows(items))
        out.append("")
        if args.verbose:
            out.append("### Mismatches on our drafts")
            out.append("")
            out.extend(mismatches(items, engine.loaded))
            out.append("")

        if corpus_items:
            out.append("Corpus sections: only checks the corpus labels speak to are scored (the "
                       "mapping is in this script's docstring); leftover-placeholder is scored in "
                       "draft mode on the files labelled `placeholder` (recall only).")
            out.append("")
        for letter, (_, title, part) in zip("bc", collections):
            if part:
                out.extend(corpus_section(f"({letter}) Corpus, {title}", part, engine.loaded, args.verbose))

        out.append("## (d) Score separation")
        out.append("")
        out.append("Our drafts, labelled good vs weak:")
        out.append("")
        out.extend(separation(items))
        out.append("")
        for _, title, part in collections:
            if part:
                out.append(f"Corpus {title}, presented_as good vs bad (neutral left out):")
                out.append("")
                out.extend(separation(part, "good", "bad"))
                out.append("")
        if args.verbose:
            out.append("### Scores on the wrong side of 85 (our drafts)")
            out.append("")
            for it in items:
                wrong = (it.quality == "good" and (it.score or 0) < GOOD_SCORE) or (
                    it.quality == "weak" and (it.score or 0) >= GOOD_SCORE)
                if wrong:
                    fired = ", ".join(sorted(it.got)) or "nothing"
                    out.append(f"- {it.file}: {it.quality}, score {it.score} (fired: {fired})")
            out.append("")

    gated = dict(table)
    if engine.grammar == "off":
        gated.pop("spelling-grammar", None)  # nothing to measure without a backend
    failures = gate(gated, engine.loaded, args.min_precision, args.min_recall)
    if args.min_precision is not None or args.min_recall is not None:
        out.append("## Thresholds (our drafts)")
        out.append("")
        if failures:
            out.extend(f"- below: {f}" for f in failures)
        else:
            out.append("- all checks pass")
        out.append("")
    late = engine.notes[len(early_notes):]
    if late:
        out.append("## Engine errors")
        out.append("")
        out.extend(f"- {note}" for note in late)
        out.append("")
    print("\n".join(out))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
