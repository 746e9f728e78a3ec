"""Third-party checks come from the ``followup_lint.checks`` entry point;
``importlib.metadata`` is imported only when a distribution declares one."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from linter import registry
from linter.registry import RegistryError, load_checks, plugin_declared

PLUGIN = '''
from linter.check import Check
from linter.models import Finding, Severity, Span


def _run(check, draft, options, tools):
    if "synergy" in draft.text:
        yield check.finding(Span(draft.text.index("synergy"), draft.text.index("synergy") + 7), "say what you mean")


def checks():
    return [Check(code="FL901", name="no-synergy", severity=Severity.WARNING, summary="Flags synergy.",
                  why="It says nothing.", example="Our synergy.", instead="Our plan.", run_fn=_run)]


def broken():
    raise ImportError("no module named 'missing_dep'")
'''


def _distribution(root: Path, name: str, entry_points: str) -> None:
    info = root / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


@pytest.fixture
def fresh_catalog() -> Iterator[None]:
    load_checks.cache_clear()
    yield
    load_checks.cache_clear()


def test_a_declared_plugin_is_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_catalog: None) -> None:
    (tmp_path / "synergy_plugin.py").write_text(PLUGIN, encoding="utf-8")
    _distribution(tmp_path, "synergy_plugin", "[console_scripts]\nx = y:z\n\n[followup_lint.checks]\nsynergy = synergy_plugin:checks\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    checks = load_checks()
    assert [c.code for c in checks][-1] == "FL901"
    assert [c.code for c in checks][:-1] == [c.code for c in load_checks(plugins=False)]


def test_a_plugin_that_fails_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_catalog: None) -> None:
    (tmp_path / "synergy_plugin.py").write_text(PLUGIN, encoding="utf-8")
    _distribution(tmp_path, "synergy_plugin", "[followup_lint.checks]\nbroken = synergy_plugin:broken\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RegistryError, match=r"^plugin 'broken' failed to load: no module named 'missing_dep'$"):
        load_checks()


def test_what_counts_as_declaring_a_plugin(tmp_path: Path) -> None:
    _distribution(tmp_path / "ours", "followup_lint", "[followup_lint.checks]\nbuiltin = checks:builtin_checks\n")
    _distribution(tmp_path / "other_group", "tool", "[tool.plugins]\nx = followup_lint.checks:thing\n")
    _distribution(tmp_path / "theirs", "plug", "[followup_lint.checks]\n# a comment\nmine = plug:checks\n")
    (tmp_path / "archive.zip").write_bytes(b"PK")
    assert not plugin_declared([str(tmp_path / "ours"), str(tmp_path / "other_group"), str(tmp_path / "missing")])
    assert plugin_declared([str(tmp_path / "ours"), str(tmp_path / "theirs")])
    assert plugin_declared([str(tmp_path / "archive.zip")])  # only importlib.metadata reads a zip


def test_no_plugin_no_importlib_metadata() -> None:
    code = (
        "import sys\n"
        "from linter.registry import load_checks\n"
        "print(len(load_checks()), 'importlib.metadata' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         cwd=Path(registry.__file__).parents[1])
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout == f"{len(load_checks(plugins=False))} False\n"
