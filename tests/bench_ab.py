"""Alternating timing of commands: ``python3 tests/bench_ab.py RUNS -- CMD1 ... -- CMD2 ...``.

A script, not a test. Runs each command once per round, in turn, for RUNS
rounds, and prints the median and lowest CPU time (user + system of the
whole process tree, from ``getrusage``) and wall time of each. On a machine
other jobs load, CPU time moves far less than wall time, and alternating the
commands makes a change of load hit them alike.

    python3 tests/bench_ab.py 31 -- followup-lint check --grammar off D.txt -- proselint check D.txt
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__.splitlines()[0])
    rounds = int(sys.argv[1])
    commands: list[list[str]] = []
    for arg in sys.argv[3:]:
        if arg == "--" or not commands:
            commands.append([])
        if arg != "--":
            commands[-1].append(arg)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as on a user's machine
    cpu: list[list[float]] = [[] for _ in commands]
    wall: list[list[float]] = [[] for _ in commands]
    for _ in range(rounds):
        for i, command in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall[i].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[i].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(f"| command ({rounds} alternating runs) | CPU median | CPU lowest | wall median | wall lowest |\n|---|---|---|---|---|")
    for i, command in enumerate(commands):
        ms = lambda values, pick: f"{pick(values) * 1000:.0f} ms"  # noqa: E731
        print(f"| `{' '.join(command)}` | {ms(cpu[i], statistics.median)} | {ms(cpu[i], min)} "
              f"| {ms(wall[i], statistics.median)} | {ms(wall[i], min)} |")


if __name__ == "__main__":
    main()
