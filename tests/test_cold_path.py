"""A cold ``check --grammar off`` of one draft (front matter and a config
included) imports only what it uses: start-up time is a product target, and
these modules were each a measured part of it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter.service.place import any_socket

ROOT = Path(__file__).resolve().parents[1]
NOT_IMPORTED = (
    "importlib.metadata",  # plugins are looked up in entry_points.txt first
    "textstat", "nltk",  # the reading grade is computed in linter.readability
    "email", "html.parser", "linter.offsets",  # .eml only
    "linter.service.client", "socket", "json",  # no service to start or reuse
    "difflib", "subprocess", "platformdirs", "harper", "wordfreq",
)


@pytest.mark.parametrize("entry", ["linter.cli", "linter.launch"])  # the click command; the console script's
def test_a_cold_run_imports_only_what_it_uses(tmp_path: Path, entry: str) -> None:
    code = (
        "import atexit, sys\n"
        f"unused = {NOT_IMPORTED + (('click',) if entry == 'linter.launch' else ())!r}\n"
        "atexit.register(lambda: print(sorted(m for m in unused if m in sys.modules), file=sys.stderr))\n"
        f"from {entry} import main\n"
        "main(['check', '--grammar', 'off', 'examples/drafts/good/thank-you-next-morning.txt'])\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_LINT_")}
    env["FOLLOWUP_LINT_CACHE"] = str(tmp_path)  # empty: no service socket
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "thank-you (given)" in done.stdout  # the draft's front matter was read
    assert done.stderr == "[]\n"


def test_any_socket(tmp_path: Path) -> None:
    assert not any_socket(str(tmp_path))
    (tmp_path / "worker.log").write_text("", encoding="utf-8")
    assert not any_socket(str(tmp_path))
    (tmp_path / "worker-0123456789abcdef.sock").write_text("", encoding="utf-8")
    assert any_socket(str(tmp_path))
    assert not any_socket(str(tmp_path / "missing"))


def test_any_socket_finds_one_moved_to_the_temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linter.service.place import socket_path

    deep = tmp_path / ("x" * 120)  # too long a path for a socket: it goes to the temp folder
    deep.mkdir()
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    assert not any_socket(str(deep))
    path = Path(socket_path(str(deep), "0123456789abcdef"))
    assert path.parent == tmp
    path.write_text("", encoding="utf-8")
    assert any_socket(str(deep))
