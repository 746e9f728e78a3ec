"""Costs of the embedded grammar backend: ``python tests/grammar/measure_worker.py``.

A script, not a test (pytest does not collect it). It uses a throw-away
cache folder, so it never touches a worker the user has running, and stops
the workers it started. Prints one line per figure.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DRAFT = """Subject: Thank you for Tuesday's interview

Dear Ms. Okafor,

Thank you for taking the time to meet with me on Tuesday about the Data Analyst role.
I realy enjoyed hearing about the churn dashboard your team is rebuilding, and it was
an pleasure to learn how you plan to move the weekly reporting into one shared model.

Our conversation about the the gaps between the sales and support data stayed with me.
At my current job I cleaned up a similar mess: I merged three ticket exports into one
table, wrote tests for the joins, and cut the Monday report from four hours to twenty
minutes. I would be glad to bring that kind of patient, careful work to your team.

I am still very interested in the position and in helping your analysts spend less
time fixing numbers and more time explaining them. Please let me know if I can send
anything else, such as a sample notebook or references.

I look forward to hearing from you.

Best regards,
Jordan Lee
jordan.lee@example.com
"""


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def import_ms(runs: int = 9) -> float:
    """Median cumulative ``-X importtime`` of the client modules in a fresh
    interpreter that has already imported ``linter.check`` (the CLI has),
    with bytecode cached as on a user's machine (PYTHONDONTWRITEBYTECODE
    would make every import compile its source)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "followup-lint-measure-pyc")
    code = "import linter.check, json; import linter.service.client, linter.grammar.embedded"
    cmd = [sys.executable, "-X", "importtime", "-c", code]
    subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, check=True)  # write the bytecode
    totals = []
    for _ in range(runs):
        err = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stderr
        total = 0
        for line in err.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip() in ("linter.service.client", "linter.grammar.embedded"):
                total += int(parts[1])
        totals.append(total / 1000)
    return statistics.median(totals)


def main() -> None:
    from checks.language.spelling_grammar import masked_text
    from linter.draft import parse_draft

    text = masked_text(parse_draft(DRAFT))[0]
    words = len(parse_draft(DRAFT).words)
    print(f"draft: {words} body words, {len(DRAFT)} characters")
    print(f"import linter.service.client + embedded after linter.check: {import_ms():.1f} ms "
          "(median cumulative -X importtime, 9 fresh interpreters, bytecode cached)")

    with tempfile.TemporaryDirectory(prefix="fl-") as cache:
        os.environ["FOLLOWUP_LINT_CACHE"] = cache
        import psutil

        from linter.service.client import WorkerBackend
        from linter.service.manage import stop_worker

        cold = []
        for _ in range(3):
            start = time.perf_counter()
            backend = WorkerBackend()
            backend.check(text)
            cold.append(time.perf_counter() - start)
            backend.close()
            stop_worker(cache)
        print(f"cold worker, spawn to first answer: median {statistics.median(cold):.2f} s ({', '.join(f'{c:.2f}' for c in cold)})")

        backend = WorkerBackend()
        backend.check(text)
        pid = backend.ping()["pid"]
        rss_start = psutil.Process(pid).memory_info().rss
        rounds = []
        for _ in range(500):
            start = time.perf_counter()
            backend.check(text)
            rounds.append(time.perf_counter() - start)
        time.sleep(1.5)  # the worker trims its heap when it goes quiet
        rss_after = psutil.Process(pid).memory_info().rss
        print(f"warm worker round trip (grammar): p50 {pct(rounds, .5) * 1000:.2f} ms, p95 {pct(rounds, .95) * 1000:.2f} ms (500 requests, one connection)")
        connect = []
        for _ in range(50):
            start = time.perf_counter()
            other = WorkerBackend()
            other.check(text)
            connect.append(time.perf_counter() - start)
            other.close()
        print(f"new client + connect + first request on a warm worker: p50 {pct(connect, .5) * 1000:.2f} ms, p95 {pct(connect, .95) * 1000:.2f} ms")
        print(f"worker RSS: {rss_start / 2**20:.0f} MB after start, {rss_after / 2**20:.0f} MB after 700 requests")
        for i in range(1000):
            backend.check(f"{text} Note {i}.")  # 1000 distinct drafts
        busy = psutil.Process(pid).memory_info().rss
        time.sleep(1.5)
        quiet = psutil.Process(pid).memory_info().rss
        print(f"worker RSS after 1000 distinct drafts: {busy / 2**20:.0f} MB, "
              f"{quiet / 2**20:.0f} MB once quiet (caches shed, heap trimmed)")
        backend.close()
        stop_worker(cache)

    from linter.grammar.embedded import HarperBackend

    harper = HarperBackend()
    start = time.perf_counter()
    harper.check(text)
    first = time.perf_counter() - start
    rounds = []
    for _ in range(500):
        start = time.perf_counter()
        harper.check(text)
        rounds.append(time.perf_counter() - start)
    print(f"in-process Harper: build + first check {first:.2f} s; warm check p50 {pct(rounds, .5) * 1000:.2f} ms, p95 {pct(rounds, .95) * 1000:.2f} ms")
    print(f"in-process Harper peak RSS (this process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
