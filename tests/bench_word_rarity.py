#!/usr/bin/env python3
"""What judging unknown words costs FL101: loading wordfreq's list, a word, a draft.

    FOLLOWUP_LINT_WORKER=0 python tests/bench_word_rarity.py

Prints the time and resident memory of loading wordfreq's English list (in
a fresh process, so run it a few times), the time to judge one word, and
FL101's time per draft on ``tests/accuracy/drafts`` with Harper in process.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WORDS = [
    ("runbook", ("run book",)), ("failover", ()), ("upskilling", ()), ("intrested", ("interested",)),
    ("oppurtunity", ("opportunity",)), ("recieve", ("receive",)), ("blorft", ()), ("eachother", ("each other",)),
]


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        import os

        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _quantiles(times: list[float]) -> str:
    times = sorted(times)
    return f"p50 {statistics.median(times) * 1000:.2f} ms, p95 {times[int(len(times) * 0.95)] * 1000:.2f} ms"


def main() -> None:
    from checks._word_rarity import judge_word

    before, start = _rss_mb(), time.perf_counter()
    judge_word("runbook", ("run book",))
    print(f"wordfreq's English list loaded: {(time.perf_counter() - start) * 1000:.0f} ms, "
          f"RSS +{_rss_mb() - before:.0f} MB")
    times = []
    for _ in range(50):
        for word, offered in WORDS:
            start = time.perf_counter()
            judge_word(word, offered)
            times.append(time.perf_counter() - start)
    print(f"judge one word: {_quantiles(times)}")

    from checks.language.spelling_grammar import CHECK
    from linter.check import Tools
    from linter.draft import parse_draft
    from linter.grammar.embedded import HarperBackend

    harper = HarperBackend()
    harper.warm()
    tools = Tools(grammar=harper)
    drafts = [parse_draft(p.read_text()) for p in sorted((REPO / "tests/accuracy/drafts").glob("*.txt"))]
    for draft in drafts:
        list(CHECK.run(draft, dict(CHECK.options), tools))
    times = []
    for _ in range(5):
        for draft in drafts:
            start = time.perf_counter()
            list(CHECK.run(draft, dict(CHECK.options), tools))
            times.append(time.perf_counter() - start)
    print(f"FL101 per draft, Harper in process ({len(drafts)} drafts x 5): {_quantiles(times)}")


if __name__ == "__main__":
    main()
