"""Benchmark: drafts per second for ``followup-lint check FOLDER``.

Not a pytest test. Generates a folder of varied drafts (from the sentence
pools below, seeded, so every run lints the same folder) and times
``check --format json`` on it with ``--grammar off`` and ``--grammar
embedded``, serially (``--jobs 1``) and in parallel (default jobs). Prints
Markdown tables. A second table times small folders, to place the threshold
under which ``runner.PARALLEL_MIN`` keeps runs serial.

    python3 tests/bench_folder.py                # 1,000 drafts, 3 runs each
    python3 tests/bench_folder.py --drafts 200 --runs 1
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["generate_drafts", "draft_text", "long_draft"]

FIRST = ["Dana", "Priya", "Tomás", "Mei", "Jonas", "Aisha", "Grace", "Olu", "Ingrid", "Rafael", "Noor", "Ken"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Brennan", "Haddad", "Kowalski", "Reyes", "Achebe", "Ng"]
COMPANY = ["Northwind", "Fabrikam", "Lumen Health", "Tailspin Air", "Blue Yonder Labs", "Contoso", "Wingtip Foods"]
ROLE = ["data engineer", "product designer", "support lead", "backend developer", "analyst", "QA engineer"]
TOPIC = [
    "the migration off the old billing system", "how the team runs its on-call rotation",
    "the plan to open a second support desk", "your approach to accessibility reviews",
    "the pipeline that feeds the weekly forecast", "the mentoring programme for new hires",
    "how design critiques work across squads", "the backlog of flaky integration tests",
]
DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

SUBJECTS = [
    "Thank you for {day}'s interview", "Following up on the {role} role", "Thanks, {first}",
    "Great talking with you", "Checking in on the {role} position", "Re: interview for {role}",
    "THANK YOU SO MUCH!!!", "",
]
GREETINGS = ["Hi {first},", "Dear {first} {last},", "Hello {first},", "Dear Hiring Manager,", "Hey,", "Hi [Name],", "Good morning {first},"]
OPENERS = [
    "Thank you for taking the time to speak with me on {day} about the {role} role.",
    "Thanks again for {day}'s conversation; I enjoyed meeting the team at {company}.",
    "I appreciated the chance to talk through the {role} position with you.",
    "It was a pleasure to learn more about {company} during our call on {day}.",
    "Thank you for the interview.",
    "I wanted to follow up on my interview from last week.",
]
MIDDLES = [
    "I especially enjoyed our discussion of {topic}, and it made me think about a similar project I led.",
    "Hearing about {topic} confirmed that this is work I would like to be part of.",
    "Our talk about {topic} stayed with me; I have a couple of ideas I would be glad to share.",
    "I am very interested in the role and I think I would be a great fit for the team and the company culture overall.",
    "I left excited about the team and its goals.",
    "When we discussed {topic}, I realised how closely it matches what I did in my last role, where I rebuilt the reporting stack, "
    "trained two colleagues and cut the monthly close from five days to two, which I mention only because you asked about it and it seemed relevant.",
    "Our conversation about {topic} was really really interesting and i learned alot.",
]
ASKS = [
    "",
    "",
    "Have you made a decision yet?",
    "Could you let me know where things stand by Friday?",
    "I would love to know the salary range before the next round.",
    "Is there anything else I can send to help your decision?",
    "Please let me know ASAP, as I have other offers!!!",
    "What are the next steps in the process?",
]
CLOSES = [
    "I look forward to hearing from you.",
    "Thanks again, and I hope the rest of your week goes well.",
    "I remain very interested in the role and look forward to the next steps.",
    "",
]
SIGNOFFS = ["Best regards,", "Best,", "Thanks,", "Kind regards,", "Cheers,"]
SIGNATURES = [
    "{me}\n{me_email}\n+1 555 010 {n:04d}",
    "{me}\nlinkedin.com/in/{me_slug}",
    "{me}",
    "Your Name",
]


def draft_text(rng: random.Random, n: int) -> str:
    """One follow-up draft; ``rng`` decides every choice."""
    me_first, me_last = rng.choice(FIRST), rng.choice(LAST)
    values = {
        "first": rng.choice(FIRST),
        "last": rng.choice(LAST),
        "company": rng.choice(COMPANY),
        "role": rng.choice(ROLE),
        "topic": rng.choice(TOPIC),
        "day": rng.choice(DAY),
        "me": f"{me_first} {me_last}",
        "me_email": f"{me_first.lower()}.{me_last.lower()}@example.com",
        "me_slug": f"{me_first.lower()}-{me_last.lower()}",
        "n": n,
    }
    body = [rng.choice(OPENERS)]
    body.extend(rng.sample(MIDDLES, rng.randint(1, 2)))
    ask = rng.choice(ASKS)
    if ask:
        body.append(ask)
    paragraphs = [" ".join(body)]
    close = rng.choice(CLOSES)
    if close:
        paragraphs.append(close)
    parts = []
    subject = rng.choice(SUBJECTS)
    if subject or rng.random() < 0.3:
        parts.append(f"Subject: {subject}\n\n")
    parts.append(rng.choice(GREETINGS) + "\n\n")
    parts.append("\n\n".join(paragraphs) + "\n\n")
    parts.append(rng.choice(SIGNOFFS) + "\n" + rng.choice(SIGNATURES) + "\n")
    return "".join(parts).format(**values)


def long_draft(words: int, seed: int = 1) -> str:
    """One draft of about ``words`` words: a greeting, body paragraphs drawn
    from generated drafts, a sign-off and a signature."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = n = 0
    while count < words:
        body = draft_text(rng, n).split("\n\n")[2:-1]  # between the greeting and the sign-off
        n += 1
        for paragraph in body:
            paragraphs.append(paragraph)
            count += len(paragraph.split())
    return "Subject: Thank you for the interview\n\nHi Dana,\n\n" + "\n\n".join(paragraphs) + "\n\nBest regards,\nSam Lee\nsam@example.com\n"


def generate_drafts(folder: Path, count: int, seed: int = 4) -> list[Path]:
    """Write ``count`` drafts into ``folder`` (in a few subfolders)."""
    rng = random.Random(seed)
    written = []
    for n in range(count):
        sub = folder / f"batch{n % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"draft{n:04d}.{'md' if n % 5 == 0 else 'txt'}"
        path.write_text(draft_text(rng, n), encoding="utf-8")
        written.append(path)
    return written


def _time_check(folder: Path, grammar: str, jobs: int | None, runs: int, force_pool: bool = False) -> float:
    cmd = [sys.executable, "-m", "linter", "check", str(folder), "--format", "json", "--grammar", grammar]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        env = {**os.environ, "FOLLOWUP_LINT_PARALLEL_MIN": "1"} if force_pool else None
        done = subprocess.run(cmd, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - started)
        if done.returncode == 2:
            raise SystemExit(f"check failed: {done.stderr.strip()[:500]}")
    return min(times)  # the best run: other load on the machine only ever adds time


def _references(folder: Path, vale: str | None) -> list[tuple[str, list[str]]]:
    """proselint (beside this Python) and Vale (if given) on the same folder."""
    found = []
    proselint = Path(sys.executable).parent / "proselint"
    if os.access(proselint, os.X_OK):
        found.append(("proselint check", [str(proselint), "check", str(folder)]))
    if vale:
        from tests.vale_build import config_for

        found.append(("vale", [vale, "--config", config_for(vale), "--output", "JSON", str(folder)]))
    return found


def _wall(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--grammar", action="append", help="backends to time (default: off and embedded)")
    parser.add_argument("--no-small", action="store_true", help="skip the small-folder table")
    parser.add_argument("--vale", help="a Vale binary (its folder's .vale.ini is used), or 'build' to build "
                        "Vale from the Go module proxy once and cache it (reference row)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.vale_build import resolve

    args.vale = resolve(args.vale)
    grammars = args.grammar or ["off", "embedded"]
    root = Path(tempfile.mkdtemp(prefix="followup-bench-"))
    try:
        folder = root / "drafts"
        generate_drafts(folder, args.drafts)
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"{args.drafts} generated drafts, {cores} cores, best of {args.runs} run(s), wall time of the whole command\n")
        print("| grammar | serial (--jobs 1) | parallel (default jobs) | speed-up |")
        print("|---|---|---|---|")
        for grammar in grammars:
            _time_check(folder, grammar, 1, 1)  # warm the grammar worker and the file cache
            serial = _time_check(folder, grammar, 1, args.runs)
            parallel = _time_check(folder, grammar, None, args.runs)
            print(
                f"| {grammar} | {serial:.2f} s, {args.drafts / serial:.0f} drafts/s "
                f"| {parallel:.2f} s, {args.drafts / parallel:.0f} drafts/s | {serial / parallel:.2f}× |"
            )
        for label, cmd in _references(folder, args.vale):
            best = min(_wall(cmd) for _ in range(args.runs))
            print(f"| {label} (reference) | {best:.2f} s, {args.drafts / best:.0f} drafts/s | | |")
        if not args.no_small:
            print("\nSmall folders: serial against a forced pool of 2 (where runner.PARALLEL_MIN comes from)\n")
            print("| drafts | grammar | serial | pool of 2 | pool faster? |")
            print("|---|---|---|---|---|")
            for size in (10, 20, 40, 80, 160, 320):
                small = root / f"small{size}"
                generate_drafts(small, size, seed=size)
                for grammar in grammars:
                    serial = _time_check(small, grammar, 1, max(args.runs, 3))
                    pooled = _time_check(small, grammar, 2, max(args.runs, 3), force_pool=True)
                    verdict = "yes" if pooled < serial else "no"
                    print(f"| {size} | {grammar} | {serial * 1000:.0f} ms | {pooled * 1000:.0f} ms | {verdict} |")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
