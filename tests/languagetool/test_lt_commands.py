"""The ``languagetool`` click group: output and exit codes."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from linter.grammar.languagetool.commands import languagetool_group
from linter.grammar.languagetool.install import find_installation


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(languagetool_group, list(args), env=env)


def test_status_when_stopped_exits_1(tmp_path: Path) -> None:
    result = run("status", "--cache-dir", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == "not running\n"


def test_stop_when_stopped_is_fine(tmp_path: Path) -> None:
    result = run("stop", "--cache-dir", str(tmp_path))
    assert result.exit_code == 0
    assert result.stderr == "not running\n"


def test_install_without_java_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("install", "--cache-dir", str(tmp_path / "c"),
                 env={"PATH": str(tmp_path), "JAVA_HOME": ""})
    assert result.exit_code == 2
    assert result.stderr == ("error: Java 17+ not found: install a JDK "
                             "(Debian: apt-get install default-jre-headless)\n")


def test_start_without_install_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("start", "--cache-dir", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: LanguageTool is not installed in ")
    assert result.stderr.count("\n") == 1


def test_bad_heap_is_exit_2(tmp_path: Path) -> None:
    result = run("start", "--cache-dir", str(tmp_path), "--heap", "lots")
    assert result.exit_code == 2
    assert result.stderr == "error: bad heap size 'lots' (expected e.g. 512m or 1g)\n"


def test_start_status_stop(tmp_cache: Path) -> None:
    started = run("start", "--cache-dir", str(tmp_cache), "--idle-timeout", "0")
    assert started.exit_code == 0, started.stderr
    url = started.stdout.strip()
    assert url.startswith("http://127.0.0.1:")

    again = run("start", "--cache-dir", str(tmp_cache))
    assert again.stdout.strip() == url
    assert again.stderr.startswith("already running")

    status = run("status", "--cache-dir", str(tmp_cache))
    assert status.exit_code == 0
    fields = dict(line.split(":", 1) for line in status.stdout.splitlines())
    assert fields["url"].strip() == url
    installation = find_installation(tmp_cache)
    assert installation is not None
    assert fields["version"].strip() == installation.version
    assert fields["healthy"].strip() == "yes"
    assert fields["memory (RSS)"].strip().endswith("MiB")
    assert int(fields["pid"]) > 0 and os.path.exists(f"/proc/{int(fields['pid'])}")

    stopped = run("stop", "--cache-dir", str(tmp_cache))
    assert stopped.exit_code == 0 and stopped.stderr.startswith("stopped pid")
    assert run("status", "--cache-dir", str(tmp_cache)).exit_code == 1
