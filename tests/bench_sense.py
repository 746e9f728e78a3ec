"""What the sentence model costs: load time and memory of its tables, and
the time it adds per draft. Run: ``python tests/bench_sense.py``.

Each load is timed in a fresh interpreter (``-X importtime`` aside, so
nothing is cached); per-draft times are medians over the drafts in
``tests/accuracy/drafts`` with the model's caches cleared between rounds.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_LOAD = """
import resource, time
t = time.perf_counter()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from linter.sense import read
read("Thank you for meeting me on Monday.")
print((time.perf_counter() - t) * 1000, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)
"""


def load_cost(runs: int = 7) -> tuple[float, float]:
    times, mems = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, cwd=ROOT, check=True)
        ms, mb = (float(x) for x in out.stdout.split())
        times.append(ms)
        mems.append(mb)
    return statistics.median(times), statistics.median(mems)


def _cold(model: Any) -> None:
    """Forget every memoised reading, so each round reads its sentences afresh."""
    for memo in (model.sense, model.read, model.clauses):
        memo.cache_clear()


def per_draft(rounds: int = 5) -> tuple[float, float, int]:
    from linter.draft import parse_draft
    from linter.kinds import infer_kind_with_confidence
    from linter.sense import model

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "accuracy" / "drafts").glob("*.txt"))]
    drafts = [parse_draft(t) for t in texts]
    sentences = sum(len(d.sentences) for d in drafts)
    sense_ms, kind_ms = [], []
    for _ in range(rounds):
        _cold(model)
        t = time.perf_counter()
        for d in drafts:
            for s in d.sentences:
                model.read(d.text[s.start : s.end])
        sense_ms.append((time.perf_counter() - t) * 1000 / len(drafts))
        _cold(model)
        t = time.perf_counter()
        for d in drafts:
            infer_kind_with_confidence(d)
        kind_ms.append((time.perf_counter() - t) * 1000 / len(drafts))
    return statistics.median(sense_ms), statistics.median(kind_ms), sentences // len(drafts)


def main() -> int:
    load_ms, load_mb = load_cost()
    sense_ms, kind_ms, per = per_draft()
    words = (ROOT / "linter" / "sense" / "words.tsv").stat().st_size / 1e6
    print("| measure | median |")
    print("|---|--:|")
    print(f"| load the tables and read one sentence (fresh process) | {load_ms:.0f} ms |")
    print(f"| memory the tables add (max RSS) | {load_mb:.0f} MB |")
    print(f"| words.tsv on disk | {words:.1f} MB |")
    print(f"| read every sentence of a draft (about {per} sentences), uncached | {sense_ms:.2f} ms |")
    print(f"| infer the kind of a draft, uncached | {kind_ms:.2f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
