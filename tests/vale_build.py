"""Vale for the benchmarks' reference rows: a binary given by path, or built.

``--vale build`` in tests/bench.py and tests/bench_folder.py builds Vale
VERSION from the Go module proxy, once, in a small module of its own under
the user's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``, then
``followup-lint-bench/vale-VERSION/``), with a ``.vale.ini`` beside the
binary that runs the built-in ``Vale`` style (spelling included). Later
runs reuse the binary. Without ``go`` on PATH, or when the build fails, it
says so in one line and the benchmark runs without the Vale rows.

As a script it builds (if need be) and prints the binary's path, for
commands such as tests/bench_ab.py's:

    VALE=$(python3 tests/vale_build.py)
    python3 tests/bench_ab.py 21 -- "$VALE" --config "$(dirname "$VALE")/.vale.ini" D.txt -- ...
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

VERSION = "3.26.0"
PACKAGE = "github.com/vale-cli/vale/v3/cmd/vale"
# Vale's go.mod pins a cascadia pseudo-version the proxy refuses; a tagged
# release the proxy serves builds the same command.
GO_MOD = f"""module followup-lint-bench/vale

go 1.25.7

require github.com/vale-cli/vale/v3 v{VERSION}

replace github.com/andybalholm/cascadia => github.com/andybalholm/cascadia v1.3.3
"""
VALE_INI = "MinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Vale\n"


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "followup-lint-bench" / f"vale-{VERSION}"


def config_for(vale: str) -> str:
    """The .vale.ini beside a Vale binary (the one the benchmarks run it with)."""
    return str(Path(vale).resolve().parent / ".vale.ini")


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def build(folder: Path | None = None) -> str | None:
    """The path of a Vale VERSION binary built in ``folder``, or None (said why)."""
    folder = folder or cache_folder()
    binary = folder / "vale"
    if os.access(binary, os.X_OK) and (folder / ".vale.ini").is_file():
        return str(binary)
    go = shutil.which("go")
    if go is None:
        _say("(no Vale rows: `go` is not on PATH to build Vale; give --vale PATH to a Vale binary instead)")
        return None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "go.mod").write_text(GO_MOD)
    (folder / ".vale.ini").write_text(VALE_INI)
    _say(f"(building Vale {VERSION} from the Go module proxy in {folder}; once, it is cached there)")
    partial = folder / f"vale.{os.getpid()}.tmp"  # renamed when whole, so a failed build leaves no binary
    done = subprocess.run(
        [go, "build", "-mod=mod", "-trimpath", "-ldflags", f"-X main.version={VERSION}", "-o", str(partial), PACKAGE],
        cwd=folder, capture_output=True, text=True,
    )
    log = folder / "build.log"
    log.write_text(done.stdout + done.stderr)
    if done.returncode != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        last = next((line for line in reversed(log.read_text().splitlines()) if line.strip()), "")
        _say(f"(no Vale rows: building Vale {VERSION} failed: {last[:200]}; the whole log is {log})")
        return None
    os.replace(partial, binary)
    return str(binary)


def resolve(given: str | None) -> str | None:
    """The Vale binary for a ``--vale`` value: None stays None, ``build``
    builds (or reuses) the cached one, anything else is a path as given."""
    if given == "build":
        return build()
    return given


if __name__ == "__main__":
    path = build()
    if path is None:
        sys.exit(1)
    print(path)
