"""tests/vale_build.py: the benchmarks' Vale, built once and cached, or left out with one line said."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import vale_build

FAKE_GO = """#!/bin/sh
echo "$@" > "$(dirname "$0")/args"
[ -n "$FAIL" ] && { echo "go: proxy said no" >&2; exit 1; }
while [ "$1" != "-o" ]; do shift; done
printf '#!/bin/sh\\n' > "$2" && chmod +x "$2"
"""


@pytest.fixture
def fake_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bindir = tmp_path / "bin"
    bindir.mkdir()
    (bindir / "go").write_text(FAKE_GO)
    (bindir / "go").chmod(0o755)
    monkeypatch.setenv("PATH", str(bindir) + os.pathsep + os.environ["PATH"])  # found before a real go
    return bindir


def test_builds_once_in_a_module_of_its_own(tmp_path: Path, fake_go: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "vale"
    assert vale_build.build(folder) == str(folder / "vale")
    assert (fake_go / "args").read_text().split() == [
        "build", "-mod=mod", "-trimpath", "-ldflags", "-X", "main.version=3.26.0",
        "-o", str(folder / f"vale.{os.getpid()}.tmp"), "github.com/vale-cli/vale/v3/cmd/vale",
    ]
    assert "replace github.com/andybalholm/cascadia => github.com/andybalholm/cascadia v1.3.3" in (folder / "go.mod").read_text()
    assert (folder / ".vale.ini").read_text() == "MinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Vale\n"
    assert vale_build.config_for(str(folder / "vale")) == str(folder / ".vale.ini")
    assert capsys.readouterr().err == f"(building Vale 3.26.0 from the Go module proxy in {folder}; once, it is cached there)\n"
    (fake_go / "args").unlink()
    assert vale_build.build(folder) == str(folder / "vale")  # cached: go is not run again
    assert not (fake_go / "args").exists()
    assert capsys.readouterr().err == ""


def test_a_failed_build_leaves_no_binary(tmp_path: Path, fake_go: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FAIL", "1")
    folder = tmp_path / "vale"
    assert vale_build.build(folder) is None
    assert sorted(p.name for p in folder.iterdir()) == [".vale.ini", "build.log", "go.mod"]
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"(no Vale rows: building Vale 3.26.0 failed: go: proxy said no; the whole log is {folder / 'build.log'})"
    )


def test_without_go_there_are_no_vale_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert vale_build.resolve("build") is None
    assert capsys.readouterr().err == (
        "(no Vale rows: `go` is not on PATH to build Vale; give --vale PATH to a Vale binary instead)\n"
    )
    assert not (tmp_path / "cache").exists()
    assert vale_build.resolve("/opt/vale/vale") == "/opt/vale/vale"
    assert vale_build.resolve(None) is None
