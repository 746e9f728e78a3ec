"""Time the pathological inputs of issue 10 through the CLI.

    python3 tests/bench_pathological.py [--grammar off|embedded ...] [--timeout S]

Each case is written to a temporary file and linted by a fresh
``followup-lint check`` (``python3 -m linter``); the script prints the
wall-clock seconds, the exit status and the bytes of standard output and
standard error. Not a test: the figures go in the README.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

CASES: list[tuple[str, str, tuple[str, ...]]] = [
    ("20,000 '?'", "?" * 20_000, ()),
    ("'a.' to 90 KB", "a." * 45_000, ()),
    ("90 KB of '_'", "_" * 90_000, ()),
    ("'Hi there.' paragraphs to 88 KB", "Hi there.\n\n" * 8_000, ()),
    ("'[Name] ' * 5000, text", "[Name] " * 5_000, ()),
    ("'[Name] ' * 5000, html", "[Name] " * 5_000, ("--format", "html")),
    ("'[Name] ' * 5000, json", "[Name] " * 5_000, ("--format", "json")),
    ("90 KB of '@.'", "@." * 45_000, ()),
    ("90 KB of '1 '", "1 " * 45_000, ()),
    ("90 KB of 'a.b'", "a.b" * 30_000, ()),
    ("90 KB one line of words", "word " * 18_000, ()),
    ("'-' to 19 KB (under the grammar limit)", "-" * 19_000, ()),
    ("'? ' to 19 KB", "? " * 9_500, ()),
    ("'a.' to 19 KB", "a." * 9_500, ()),
    ("subject of 30,000 '?'", "Subject: " + "?" * 30_000 + "\n\nHi Dana,\n\nThanks.\n", ()),
    ("8-level alias bomb in front matter", "---\n" + "\n".join(
        ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    ) + "\ninterview_date: *a8\n---\nHi Dana,\n", ()),
]


def run_case(text: str, extra: tuple[str, ...], grammar: str, timeout: float) -> tuple[float, str, int, int]:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "draft.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        argv = [sys.executable, "-m", "linter", "check", "--grammar", grammar, *extra, path]
        started = time.perf_counter()
        try:
            done = subprocess.run(argv, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return time.perf_counter() - started, "timeout", 0, 0
        return time.perf_counter() - started, str(done.returncode), len(done.stdout), len(done.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grammar", action="append", choices=["off", "embedded"])
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    grammars = args.grammar or ["off", "embedded"]
    # Warm the shared worker first so the first case is not charged for it.
    run_case("Hi Dana,\n\nThanks.\n\nJo\n", (), "embedded", args.timeout)
    print(f"{'case':38} {'grammar':9} {'seconds':>8} {'exit':>7} {'stdout':>10} {'stderr':>8}")
    for name, text, extra in CASES:
        for grammar in grammars:
            seconds, code, out, err = run_case(text, extra, grammar, args.timeout)
            print(f"{name:38} {grammar:9} {seconds:8.2f} {code:>7} {out:>10} {err:>8}", flush=True)


if __name__ == "__main__":
    main()
