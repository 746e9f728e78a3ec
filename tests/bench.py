"""Speed and memory benchmark: ``python tests/bench.py [--quick]``.

A script, not a test: it prints Markdown tables for the README. Everything
runs in one go on the same machine, with proselint on the same drafts as the
reference. Figures are medians (p50) unless a column says otherwise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DRAFT = ROOT / "examples/drafts/good/thank-you-next-morning.txt"

from tests.vale_build import VERSION as VALE_VERSION, config_for, resolve as resolve_vale  # noqa: E402


def corpus() -> list[tuple[str, str]]:
    """Our own drafts: the examples and the labelled accuracy set."""
    files = sorted((ROOT / "examples/drafts").rglob("*.txt")) + sorted((ROOT / "tests/accuracy/drafts").glob("*.txt"))
    return [(str(p), p.read_text(encoding="utf-8")) for p in files]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def in_process(drafts: list[tuple[str, str]], grammar: object, rounds: int) -> list[float]:
    from linter.api import lint_text
    from linter.check import Tools
    from linter.readability import coleman_liau_grade

    tools = Tools(grammar=grammar, readability=coleman_liau_grade)
    for path, text in drafts:  # warm-up: regexes, lazy imports, backend
        lint_text(text, path, tools=tools)
    times = []
    for _ in range(rounds):
        for path, text in drafts:
            start = time.perf_counter()
            lint_text(text, path, tools=tools)
            times.append(time.perf_counter() - start)
    return times


def wall(cmd: list[str], runs: int, stdin_path: Path | None = None) -> tuple[list[float], int]:
    """Wall times of ``cmd`` and the largest peak RSS (KB) of any run."""
    times, peak = [], 0
    for _ in range(runs):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdin=stdin, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if stdin_path:
            stdin.close()
        peak = max(peak, int(proc.stderr.strip().splitlines()[-1]))
    return times, peak


def proselint_in_process(drafts: list[tuple[str, str]]) -> list[float]:
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    for path, text in drafts[:3]:
        LintFile(path, text).lint(DEFAULT)
    times = []
    for path, text in drafts:
        start = time.perf_counter()
        LintFile(path, text).lint(DEFAULT)
        times.append(time.perf_counter() - start)
    return times


def in_process_peak_mb(grammar_off: bool) -> float:
    """Peak RSS of a fresh process that lints every draft once."""
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "from tests.bench import corpus\n"
        "from linter.api import lint_text\n"
        "from linter.check import Tools\n"
        "from linter.readability import coleman_liau_grade\n"
        "grammar = None\n"
        "if not %r:\n"
        "    from linter.grammar.embedded import HarperBackend\n"
        "    grammar = HarperBackend()\n"
        "tools = Tools(grammar=grammar, readability=coleman_liau_grade)\n"
        "for path, text in corpus(): lint_text(text, path, tools=tools)\n"
    ) % (str(ROOT), grammar_off)
    # Through /usr/bin/time: ru_maxrss survives exec, so a child forked from
    # this (large) process would report our peak, not its own.
    out = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-c", code],
                         capture_output=True, text=True, check=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def worker_rss_mb() -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    for proc in psutil.process_iter(["cmdline"]):
        cmd = " ".join(proc.info["cmdline"] or [])
        if "linter.service.daemon" in cmd:
            return proc.memory_info().rss / 2**20
    return None


def cold_and_warm(exe: str, proselint: str | None, runs: int, vale: str | None = None) -> None:
    """One draft through the CLI with no warm worker (each cold run stops it
    first; a cache folder of its own) and with one, beside proselint."""
    cache = tempfile.mkdtemp(prefix="followup-bench-cache-")
    env = {**os.environ, "FOLLOWUP_LINT_CACHE": cache}
    env.pop("FOLLOWUP_LINT_WORKER", None)

    def timed(cmd: list[str], cold: bool) -> float:
        times = []
        for _ in range(runs):
            if cold:
                subprocess.run([exe, "worker", "stop"], env=env, capture_output=True)
            start = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True)
            times.append(time.perf_counter() - start)
        return pct(times, .5)

    rows = []
    try:
        for grammar in ("off", "embedded"):
            cmd = [exe, "check", "--grammar", grammar, str(DRAFT)]
            cold = timed(cmd, cold=True)
            subprocess.run([exe, "check", "--grammar", "embedded", str(DRAFT)], env=env, capture_output=True)
            rows.append((f"followup-lint check --grammar {grammar}", ms(cold), ms(timed(cmd, cold=False))))
        if proselint:
            t = ms(timed([proselint, "check", str(DRAFT)], cold=False))
            rows.append(("proselint check (reference)", t, t))
        if vale:
            t = ms(timed([vale, "--config", config_for(vale), str(DRAFT)], cold=False))
            rows.append(("vale, built-in Vale style (reference)", t, t))
    finally:
        subprocess.run([exe, "worker", "stop"], env=env, capture_output=True)
        shutil.rmtree(cache, ignore_errors=True)
    print(f"\n| CLI, one draft, cold and warm (p50 of {runs}) | no worker running | worker running |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def scaling() -> None:
    """Cost per 1,000 words of one long draft (in process, grammar off): a
    flat column means parsing and every check grow linearly with length."""
    from linter.api import lint_text
    from linter.check import Tools
    from linter.config import Config
    from linter.draft import parse_draft
    from linter.readability import coleman_liau_grade
    from linter.registry import load_checks
    from tests.bench_folder import long_draft

    checks, tools = load_checks(), Tools(grammar=None, readability=coleman_liau_grade)
    lint_text(long_draft(1_000, seed=2), "warm-up.txt", tools=tools)  # patterns compiled, tables loaded
    print("\n| one draft of | words | lint, ms per 1,000 words | parse_draft, ms per 1,000 words | slowest check, ms per 1,000 words |\n|---|---|---|---|---|")
    def timed(run: Any) -> float:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start

    config = Config.default()
    for target in (1_000, 10_000, 100_000):
        # Best of three drafts of this length, each new (no sentence already
        # cached): other load on the machine only ever adds time.
        rows = []
        for seed in (11, 12, 13):
            text = long_draft(target, seed=seed)
            parsed = timed(lambda: parse_draft(text, "long.txt"))
            linted = timed(lambda: lint_text(text, "long.txt", tools=tools))
            draft = parse_draft(text, "long.txt")
            costs = {
                check.code: timed(lambda: list(check.run(draft, config.options_for(check), tools)))
                for check in checks
                if not check.uses_grammar and check.applies_to(draft.kind)
            }
            rows.append((linted, parsed, max(costs.values()), max(costs, key=lambda code: costs[code]), len(text.split())))
        linted, parsed, slowest, code, words = min(rows)
        per = lambda seconds: f"{seconds * 1000 / words * 1000:.2f}"  # noqa: E731
        print(f"| {target:,} words | {words:,} | {per(linted)} | {per(parsed)} | {per(slowest)} ({code}) |")


def folder_memory(exe: str, big: int) -> None:
    """Peak RSS of ``check FOLDER`` at 100 drafts and at ``big`` (text
    format, grammar off, default jobs; the median of 5 runs each): flat
    means nothing is kept per draft."""
    from tests.bench_folder import generate_drafts

    root = Path(tempfile.mkdtemp(prefix="followup-bench-memory-"))
    try:
        print(f"\n| CLI peak RSS, folder run (grammar off, text; median of 5) | 100 drafts | {big:,} drafts | ratio |\n|---|---|---|---|")
        peaks = []
        for count in (100, big):
            folder = root / str(count)
            generate_drafts(folder, count)
            runs = [wall([exe, "check", "--grammar", "off", "--fail-on", "never", "-q", str(folder)], 1)[1]
                    for _ in range(5)]
            peaks.append(statistics.median(runs))  # one run's peak moves by a few MB from run to run
        print(f"| followup-lint check --grammar off | {peaks[0] / 1024:.1f} MB | {peaks[1] / 1024:.1f} MB | {peaks[1] / peaks[0]:.2f}x |")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def console_script(installed: Path) -> str:
    """The console script a user runs: the installed one, or, when it was
    installed before the entry point in pyproject.toml changed, the same
    script pip writes (same interpreter line, same wrapper) for the current
    entry point, in a temporary folder, so the run times this code's start-up."""
    import tomllib

    entry = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]["followup-lint"]
    module, function = entry.split(":")
    script = installed.read_text()
    wanted = f"from {module} import {function}\n"
    if wanted in script:
        return str(installed)
    lines = [wanted if line.startswith("from ") and line.endswith(" import main\n") else line
             for line in script.splitlines(keepends=True)]
    if wanted not in lines:
        sys.exit(f"{installed} is not a console script this benchmark can update; reinstall (pip install -e .)")
    copy = Path(tempfile.mkdtemp(prefix="followup-bench-bin-")) / "followup-lint"
    copy.write_text("".join(lines))
    copy.chmod(0o755)
    import atexit

    atexit.register(shutil.rmtree, copy.parent, True)
    print(f"(timing {copy}: {installed} predates the entry point {entry}; reinstall to update it)\n")
    return str(copy)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--folder-size", type=int, default=1000)
    parser.add_argument("--cold-only", action="store_true", help="only the cold and warm CLI table")
    parser.add_argument("--vale", help="a Vale binary (its folder's .vale.ini is used), or 'build' to build "
                        f"Vale {VALE_VERSION} from the Go module proxy once and cache it (reference rows)")
    parser.add_argument("--memory-drafts", type=int, default=10_000, help="the large folder of the memory table")
    args = parser.parse_args()
    rounds, runs = (3, 7) if args.quick else (10, 21)
    drafts = corpus()
    # The console scripts beside this interpreter, not a version manager's
    # shim in front of them (pyenv's adds ~0.5 s to every run).
    bindir = Path(sys.executable).parent
    if not os.access(bindir / "followup-lint", os.X_OK):
        sys.exit("followup-lint is not installed beside this Python (pip install -e .)")
    exe = console_script(bindir / "followup-lint")
    proselint = str(bindir / "proselint") if os.access(bindir / "proselint", os.X_OK) else None
    args.vale = resolve_vale(args.vale)
    if args.cold_only:
        cold_and_warm(exe, proselint, 7, args.vale)
        return
    words = statistics.median(len(t.split()) for _, t in drafts)
    print(f"{len(drafts)} drafts, median {words:.0f} words; {os.cpu_count()} cores; Python {sys.version.split()[0]}\n")

    rows = []
    t = in_process(drafts, None, rounds)
    rows.append(("in process, grammar off", ms(pct(t, .5)), ms(pct(t, .95)), f"{1 / statistics.mean(t):.0f}/s"))
    from linter.grammar.embedded import HarperBackend

    harper = HarperBackend()
    t = in_process(drafts, harper, max(1, rounds // 3))
    rows.append((f"in process, {harper.name} in process", ms(pct(t, .5)), ms(pct(t, .95)), f"{1 / statistics.mean(t):.0f}/s"))
    del harper
    from linter.backends import make_embedded_backend

    via_worker = make_embedded_backend(use_worker=True)
    t = in_process(drafts, via_worker, max(1, rounds // 3))
    rows.append((f"in process, {via_worker.name} via warm worker", ms(pct(t, .5)), ms(pct(t, .95)), f"{1 / statistics.mean(t):.0f}/s"))
    if proselint:
        t = proselint_in_process(drafts)
        rows.append(("proselint, in process (reference)", ms(pct(t, .5)), ms(pct(t, .95)), f"{1 / statistics.mean(t):.0f}/s"))
    print("| lint one draft | p50 | p95 | throughput |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")

    print(f"\n| CLI, one draft ({DRAFT.name}) | p50 | p95 | peak RSS |\n|---|---|---|---|")
    cases = [
        ("followup-lint check --grammar embedded (warm worker)", [exe, "check", "--grammar", "embedded", str(DRAFT)], None),
        ("cat draft | followup-lint check --grammar embedded -", [exe, "check", "--grammar", "embedded", "-"], DRAFT),
        ("followup-lint check --grammar off", [exe, "check", "--grammar", "off", str(DRAFT)], None),
    ]
    if proselint:
        cases.append(("proselint check (reference)", [proselint, "check", str(DRAFT)], None))
    subprocess.run(cases[0][1], capture_output=True)  # start the worker once
    for label, cmd, stdin_path in cases:
        t, peak = wall(cmd, runs, stdin_path)
        print(f"| {label} | {ms(pct(t, .5))} | {ms(pct(t, .95))} | {peak / 1024:.0f} MB |")
    cold_and_warm(exe, proselint, max(5, runs // 3), args.vale)
    rss = worker_rss_mb()
    if rss is not None:
        print(f"| (the warm worker's resident memory: Harper and the checks) | | | {rss:.0f} MB |")
    peak = in_process_peak_mb(grammar_off=True)
    print(f"| (in process, grammar off, every draft linted once: peak RSS) | | | {peak:.0f} MB |")
    peak = in_process_peak_mb(grammar_off=False)
    print(f"| (in process with Harper in process: peak RSS) | | | {peak:.0f} MB |")

    folder = Path(tempfile.mkdtemp(prefix="followup-bench-"))
    from tests.bench_folder import generate_drafts

    generate_drafts(folder, args.folder_size)  # varied drafts, no two alike, in a few subfolders
    try:
        print(f"\n| folder of {args.folder_size} generated drafts | first run | again (best of 3) | drafts/s (again) "
              "| peak RSS |\n|---|---|---|---|---|")
        from linter.api import lint_text

        texts = [(str(p), p.read_text()) for p in sorted(folder.rglob("*.*"))]
        start = time.perf_counter()
        for path, text in texts:
            lint_text(text, path)
        spent = time.perf_counter() - start
        print(f"| in process, grammar off | {spent:.2f} s | | {len(texts) / spent:.0f} | |")
        commands = [
            ("CLI, grammar off", [exe, "check", "--grammar", "off", "--fail-on", "never", str(folder)]),
            ("CLI, embedded grammar (warm worker)", [exe, "check", "--grammar", "embedded", "--fail-on", "never", str(folder)]),
        ]
        if proselint:
            commands.append(("proselint check (reference)", [proselint, "check", str(folder)]))
        if args.vale:
            commands.append(("vale, built-in Vale style (reference)",
                             [args.vale, "--config", config_for(args.vale), "--output", "JSON", str(folder)]))
        for label, cmd in commands:
            first, peak = wall(cmd, 1)  # embedded: the warm worker has not seen these drafts yet
            again, peak_again = wall(cmd, 3)
            best = min(again)
            print(f"| {label} | {first[0]:.2f} s | {best:.2f} s | {len(texts) / best:.0f} "
                  f"| {max(peak, peak_again) / 1024:.0f} MB |")
    finally:
        shutil.rmtree(folder)
    scaling()
    folder_memory(exe, args.memory_drafts)


if __name__ == "__main__":
    main()
