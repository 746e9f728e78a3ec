"""Benchmark the LanguageTool backend (a script, not a test).

    python tests/bench_languagetool.py [--checks 50] [--cli-runs 10] [--no-ltp]

Uses the install in the normal cache folder (``followup-lint languagetool
install``), starts its own servers in a temporary cache folder (so a server
you have running is left alone) and prints Markdown tables:

1. our server (sentence cache on, as shipped), the same server without the
   sentence cache (every check recomputed), and language-tool-python's own
   local server on the same jars: start to healthy, first check, warm
   p50/p95 over ``--checks`` checks of a 150-word thank-you draft, RSS;
2. LanguageTool's own check time for the draft (one HTTP POST), the same
   check through our client (language-tool-python's) interleaved with a bare
   POST, and the wall time of ``followup-lint check --grammar languagetool draft.txt``,
   and of the same command with ``--grammar off`` (the rest of the CLI).

language-tool-python cannot download here, but it accepts a local install:
it looks for ``$LTP_PATH/LanguageTool-<version>/languagetool-server.jar`` and
runs ``java -cp <that jar> ...HTTPServer``. We lay out that folder with a
jar holding only a manifest whose ``Class-Path`` lists our Maven-installed
jars (``lib/`` is a symlink to them), the same way LanguageTool's own zip
ships its server jar.
"""

from __future__ import annotations

import argparse
import http.client
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import psutil  # type: ignore[import-untyped,unused-ignore]

from linter.grammar.languagetool import server
from linter.grammar.languagetool.client import LanguageToolBackend
from linter.grammar.languagetool.install import Installation, cache_dir, find_installation

DRAFT = """\
Subject: Thank you for Tuesday's interview

Dear Ms. Alvarez,

Thank you for taking the time to meet with me on Tuesday to discuss the data
analyst role on your logistics team. I really enjoyed hearing how your group
rebuilt the delivery forecasting model last spring, and our conversation about
cutting late shipments by a third has stayed with me since.

The position sounds like an excellent fit for my background. At Northwind I
cleaned and joined messy warehouse data every week, and I built the dashboard
that our regional managers still use to plan their staffing. I would be glad
to bring that same care to your forecasting work.

I am very interested in joining Meridian Freight and in contributing to the
projects you described. If it would help, I can send the sample report we
talked about or any other documents you need.

I look forward to hearing from you about the next steps.

Best regards,
Jordan Lee
jordan.lee@example.com | 555-0142
"""


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def timed(func: Callable[[], object]) -> float:
    began = time.perf_counter()
    func()
    return time.perf_counter() - began


def lt_check_time(url: str, text: str, runs: int = 20) -> float:
    """Median wall time of one raw POST /v2/check (LanguageTool's own time
    plus a loopback round trip), on a fresh connection each time."""
    host, port = url.removeprefix("http://").split(":")
    body = urlencode({"language": "en-US", "text": text}).encode()

    def once() -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=60)
        conn.request("POST", "/v2/check", body=body,
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        resp = conn.getresponse()
        resp.read()
        conn.close()
        assert resp.status == 200

    once()
    return statistics.median(timed(once) for _ in range(runs))


def import_seconds(module: str) -> float:
    """Import time of ``module`` in a fresh interpreter (this one may have
    imported it already: our backend uses it too)."""
    code = ("import time; began = time.perf_counter(); "
            f"import {module}; print(time.perf_counter() - began)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def client_overhead(url: str, text: str, runs: int = 50) -> tuple[float, float]:
    """Medians of a raw POST and of the same check through our client
    (language-tool-python's, as the warm service holds it), interleaved so
    both see the same load."""
    from linter.grammar.languagetool.remote import check, client_for

    host, port = url.removeprefix("http://").split(":")
    body = urlencode({"language": "en-US", "text": text}).encode()
    client = client_for(url, 60.0)

    def raw() -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=60)
        conn.request("POST", "/v2/check", body=body,
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        conn.getresponse().read()
        conn.close()

    raw()
    check(client, text, "en-US")
    raws, ours = [], []
    for _ in range(runs):
        raws.append(timed(raw))
        ours.append(timed(lambda: check(client, text, "en-US")))
    return statistics.median(raws), statistics.median(ours)


def followup_lint_command() -> list[str]:
    """The console script beside this interpreter (not a pyenv-style shim,
    which adds 150 ms or more of its own), else ``python -m linter``."""
    script = Path(sys.executable).with_name("followup-lint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "linter"]


def cli_check_time(draft: Path, grammar_args: list[str], runs: int = 10) -> float:
    """Median wall time of ``followup-lint check <grammar_args> draft``."""
    cmd = [*followup_lint_command(), "check", *grammar_args, str(draft)]

    def once() -> None:
        proc = subprocess.run(cmd, capture_output=True, text=True)
        # 1 means "findings"; a crash also exits 1, so look for a traceback.
        if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
            last = (proc.stderr.strip().splitlines() or [""])[-1]
            raise RuntimeError(f"followup-lint exited {proc.returncode}: {last}")

    once()
    return statistics.median(timed(once) for _ in range(runs))


def bench_ours(installation: Installation, checks: int, sentence_cache: bool) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="lt-bench-") as tmp:
        cache = Path(tmp)
        (cache / installation.root.name).symlink_to(installation.root)
        saved = dict(server.SERVER_CONFIG)
        if not sentence_cache:
            server.SERVER_CONFIG.pop("cacheSize", None)
            server.SERVER_CONFIG.pop("cacheTTLSeconds", None)
        try:
            log = io.StringIO()
            began = time.perf_counter()
            state = server.start(cache, idle_timeout=0, log=log).state
            start = time.perf_counter() - began
            backend = LanguageToolBackend(state.url, cache=cache)
            first = timed(lambda: backend.check(DRAFT))
            found = re.search(r"healthy after ([\d.]+) s", log.getvalue())
            healthy = float(found.group(1)) if found else float("nan")
            warm = [timed(lambda: backend.check(DRAFT)) for _ in range(checks)]
            rss = psutil.Process(state.pid).memory_info().rss
        finally:
            server.SERVER_CONFIG.clear()
            server.SERVER_CONFIG.update(saved)
            server.stop(cache)
    label = "followup-lint server" + ("" if sentence_cache else ", no sentence cache")
    return {"server": label, "healthy": ms(healthy),
            "ready": ms(start + first) + " (start warms up with a short check)",
            "first": ms(first), "p50": ms(statistics.median(warm)),
            "p95": ms(percentile(warm, 95)), "rss": f"{rss / 2**20:.0f} MiB"}


def write_manifest_jar(path: Path, jars: list[str]) -> None:
    """A jar with only a manifest; ``Class-Path`` lists ``jars`` (relative)."""
    header = "Class-Path: " + " ".join(jars)
    raw = header.encode("utf-8")
    lines = [raw[:72]] + [b" " + raw[i:i + 71] for i in range(72, len(raw), 71)]
    manifest = b"Manifest-Version: 1.0\r\n" + b"\r\n".join(lines) + b"\r\n\r\n"
    with zipfile.ZipFile(path, "w") as jar:
        jar.writestr("META-INF/MANIFEST.MF", manifest)


def ltp_layout(installation: Installation, root: Path) -> Path:
    folder = root / f"LanguageTool-{installation.version}"
    folder.mkdir(parents=True)
    (folder / "lib").symlink_to(installation.lib)
    jars = sorted(f"lib/{p.name}" for p in installation.lib.glob("*.jar"))
    write_manifest_jar(folder / "languagetool-server.jar", jars)
    return root


def bench_ltp(installation: Installation, checks: int) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="ltp-bench-") as tmp:
        os.environ["LTP_PATH"] = str(ltp_layout(installation, Path(tmp)))
        import_time = import_seconds("language_tool_python")
        import language_tool_python

        began = time.perf_counter()
        tool = language_tool_python.LanguageTool(
            "en-US", language_tool_download_version=installation.version)
        start = time.perf_counter() - began
        try:
            first = timed(lambda: tool.check(DRAFT))
            warm = [timed(lambda: tool.check(DRAFT)) for _ in range(checks)]
            pid = tool._server.pid if tool._server else None  # noqa: SLF001
            rss = psutil.Process(pid).memory_info().rss if pid else 0
        finally:
            tool.close()
    return {"server": f"language-tool-python (import {ms(import_time)})",
            "healthy": ms(start), "ready": ms(start + first), "first": ms(first),
            "p50": ms(statistics.median(warm)), "p95": ms(percentile(warm, 95)),
            "rss": f"{rss / 2**20:.0f} MiB"}


def table(rows: list[dict[str, str]], columns: dict[str, str]) -> str:
    out = ["| " + " | ".join(columns.values()) + " |",
           "|" + "|".join("---" for _ in columns) + "|"]
    out += ["| " + " | ".join(row[key] for key in columns) + " |" for row in rows]
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checks", type=int, default=50)
    parser.add_argument("--cli-runs", type=int, default=10)
    parser.add_argument("--no-ltp", action="store_true",
                        help="skip language-tool-python's server")
    args = parser.parse_args()
    installation = find_installation(cache_dir())
    if installation is None:
        print("LanguageTool is not installed: run 'followup-lint languagetool install'",
              file=sys.stderr)
        return 2
    words = len(DRAFT.split())
    print(f"LanguageTool {installation.version}, draft of {words} words, "
          f"{args.checks} warm checks, {os.cpu_count()} CPUs\n")
    rows = [bench_ours(installation, args.checks, sentence_cache=True),
            bench_ours(installation, args.checks, sentence_cache=False)]
    if not args.no_ltp:
        rows.append(bench_ltp(installation, args.checks))
    print(table(rows, {"server": "server", "healthy": "start to healthy",
                       "ready": "start to first draft checked",
                       "first": "first draft check", "p50": "warm p50",
                       "p95": "warm p95", "rss": "RSS"}))

    with tempfile.TemporaryDirectory(prefix="lt-bench-cli-") as tmp:
        cache = Path(tmp)
        (cache / installation.root.name).symlink_to(installation.root)
        draft = cache / "draft.txt"
        draft.write_text(DRAFT, encoding="utf-8")
        url = server.start(cache, idle_timeout=0).state.url
        try:
            own = lt_check_time(url, DRAFT)
            raw, through = client_overhead(url, DRAFT, args.checks)
            row = {"own": ms(own), "client": f"{through * 1000:.1f} ms vs {raw * 1000:.1f} ms "
                                             f"({through / raw:.2f}x)"}
            try:
                with_lt = cli_check_time(
                    draft, ["--grammar", "languagetool", "--languagetool", url],
                    args.cli_runs)
                without = cli_check_time(draft, ["--grammar", "off"], args.cli_runs)
                row.update(cli=ms(with_lt), ratio=f"{with_lt / own:.2f}x",
                           off=ms(without), share=ms(with_lt - without))
            except (RuntimeError, OSError) as exc:
                row.update(cli=f"not measured ({exc})", ratio="-", off="-", share="-")
        finally:
            server.stop(cache)
    print()
    print(table([row], {"own": "LanguageTool check (POST, median)",
                        "client": "our client vs a bare POST, interleaved (median)",
                        "cli": "CLI --grammar languagetool (median)",
                        "ratio": "CLI / LanguageTool",
                        "off": "CLI --grammar off (median)",
                        "share": "grammar's share of CLI time"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
