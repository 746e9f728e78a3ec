"""Benchmark: from saving a draft to ``followup-lint watch`` reporting it.

Not a pytest test. Starts ``followup-lint watch DIR --format json`` on a
temp folder, waits for ``ready``, then saves one draft N times, each time
with different text, in turn: written in place (open, write, close);
written to a temporary file and renamed over the draft, the way most
editors save; written and kept open (no close event, so the watcher's
``--debounce`` wait applies). It measures the time from just before the save to the
report line arriving on the JSON stream. A pause between saves keeps them
from merging. A second table measures watchdog alone (save -> event in this
process), which bounds what any observer could gain.

    python3 tests/bench_watch.py                       # embedded and off, 60 saves each
    python3 tests/bench_watch.py --saves 200 --grammar embedded
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.bench_folder import draft_text  # noqa: E402


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def _save(path: Path, text: str, atomic: bool) -> None:
    if atomic:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    else:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)


def bench_watch(grammar: str, saves: int, pause: float, debounce: int | None) -> dict[str, list[float]]:
    root = Path(tempfile.mkdtemp(prefix="followup-watch-bench-"))
    rng = random.Random(7)
    draft = root / "draft.txt"
    draft.write_text(draft_text(rng, 0), encoding="utf-8")
    for n in range(1, 6):  # neighbours that are watched but never touched
        (root / f"other{n}.txt").write_text(draft_text(rng, n), encoding="utf-8")
    cmd = [sys.executable, "-m", "linter", "watch", str(root), "--format", "json", "--grammar", grammar]
    if debounce is not None:
        cmd += ["--debounce", str(debounce)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[tuple[float, str]] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put((time.perf_counter(), line))

    threading.Thread(target=pump, daemon=True).start()
    modes = ("in place", "atomic rename", "kept open (debounced)")
    results: dict[str, list[float]] = {mode: [] for mode in modes}
    try:
        while True:
            _, line = lines.get(timeout=120)
            if json.loads(line).get("event") == "ready":
                break
        for n in range(saves):
            mode = modes[n % 3]
            text = draft_text(rng, 100 + n)
            handle = None
            started = time.perf_counter()
            if mode == "kept open (debounced)":  # no close event: the debounce decides
                handle = open(draft, "w", encoding="utf-8")
                handle.write(text)
                handle.flush()
            else:
                _save(draft, text, mode == "atomic rename")
            while True:
                arrived, line = lines.get(timeout=30)
                doc = json.loads(line)
                if doc.get("event") == "report" and doc["path"].endswith("draft.txt"):
                    break
            results[mode].append((arrived - started) * 1000)
            if handle is not None:
                handle.close()  # must not cause a second report (nothing changed)
            time.sleep(pause)
            while not lines.empty():  # a stray second report would skew the next save
                lines.get_nowait()
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)
        if code != 0:
            assert proc.stderr is not None
            print(f"watch exited with {code}: {proc.stderr.read()[:500]}", file=sys.stderr)
    return results


def bench_watchdog(saves: int, pause: float) -> dict[str, list[float]]:
    """Save -> event, watchdog alone, in this process (no lint, no debounce)."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    root = Path(tempfile.mkdtemp(prefix="followup-watchdog-bench-"))
    draft = root / "draft.txt"
    draft.write_text("x", encoding="utf-8")
    seen: queue.Queue[tuple[float, str]] = queue.Queue()

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: object) -> None:
            seen.put((time.perf_counter(), getattr(event, "event_type")))

    observer = Observer()
    observer.schedule(Handler(), str(root), recursive=True)
    observer.start()
    results: dict[str, list[float]] = {"in place (first event)": [], "in place (closed)": [], "atomic rename (moved)": []}
    try:
        time.sleep(0.2)
        for n in range(saves):
            atomic = n % 2 == 1
            started = time.perf_counter()
            _save(draft, f"save {n}\n", atomic)
            first = None
            want = "moved" if atomic else "closed"
            while True:
                arrived, kind = seen.get(timeout=10)
                first = first or arrived
                if kind == want:
                    break
            if atomic:
                results["atomic rename (moved)"].append((arrived - started) * 1000)
            else:
                results["in place (first event)"].append((first - started) * 1000)
                results["in place (closed)"].append((arrived - started) * 1000)
            time.sleep(pause)
            while not seen.empty():
                seen.get_nowait()
    finally:
        observer.stop()
        observer.join()
        shutil.rmtree(root, ignore_errors=True)
    return results


def _row(label: str, values: list[float]) -> str:
    return (
        f"| {label} | {len(values)} | {statistics.median(values):.1f} | {_percentile(values, 95):.1f} "
        f"| {min(values):.1f} | {max(values):.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=60)
    parser.add_argument("--pause", type=float, default=0.25, help="seconds between saves")
    parser.add_argument("--grammar", action="append", help="backends (default: embedded and off)")
    parser.add_argument("--debounce", type=int, help="pass --debounce MS to watch")
    args = parser.parse_args()
    print("Save -> report on the JSON stream, in ms\n")
    print("| backend, save | saves | p50 | p95 | min | max |")
    print("|---|---|---|---|---|---|")
    for grammar in args.grammar or ["embedded", "off"]:
        for label, values in bench_watch(grammar, args.saves, args.pause, args.debounce).items():
            print(_row(f"{grammar}, {label}", values))
    print("\nSave -> watchdog event alone (inotify observer, no lint), in ms\n")
    print("| save | saves | p50 | p95 | min | max |")
    print("|---|---|---|---|---|---|")
    for label, values in bench_watchdog(args.saves, 0.05).items():
        print(_row(label, values))


if __name__ == "__main__":
    main()
