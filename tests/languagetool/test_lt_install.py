"""Installing: idempotence, atomicity, clear errors when tools are missing."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from linter.grammar.languagetool.errors import (
    InstallFailed,
    JavaNotFound,
    MavenNotFound,
)
from linter.grammar.languagetool.install import (
    DEFAULT_VERSION,
    Installation,
    find_installation,
    install,
    render_pom,
)
from tests.languagetool._support import unavailable


def bin_dir(tmp_path: Path, *, java: bool, mvn_script: str | None = None) -> Path:
    """A PATH folder holding only the tools a test wants."""
    folder = tmp_path / "bin"
    folder.mkdir()
    if java:
        real = shutil.which("java")
        if real is None:
            unavailable("no java on PATH to get past the Java check")
        (folder / "java").symlink_to(real)
    if mvn_script is not None:
        mvn = folder / "mvn"
        mvn.write_text(f"#!{sys.executable}\n" + textwrap.dedent(mvn_script))
        mvn.chmod(0o755)
    return folder


def env_with(path: Path) -> dict[str, str]:
    return {"PATH": str(path), "HOME": os.environ.get("HOME", "/")}


# A stand-in for Maven: creates the jars an install must contain.
FAKE_MAVEN_OK = """
import sys
from pathlib import Path
out = next(a for a in sys.argv if a.startswith("-DoutputDirectory="))
out = Path(out.split("=", 1)[1])
for jar in ("languagetool-server-6.8.jar", "language-en-6.8.jar"):
    (out / jar).write_bytes(b"jar")
print("fake maven: done")
"""


def test_pom_drops_all_languages_and_adds_english() -> None:
    pom = render_pom("6.8")
    assert "<artifactId>language-all</artifactId></exclusion>" in pom
    assert "<artifactId>language-en</artifactId>" in pom
    assert "<artifactId>language-de</artifactId>" not in pom


def test_real_install_is_english_only(lt_installation: Installation) -> None:
    jars = {p.name for p in lt_installation.lib.glob("*.jar")}
    assert f"language-en-{lt_installation.version}.jar" in jars
    assert not any(j.startswith(("language-de-", "language-fr-", "language-all"))
                   for j in jars)


def test_second_install_is_a_no_op(tmp_cache: Path, tmp_path: Path) -> None:
    # No java and no mvn on PATH: an install that did anything would fail.
    log = io.StringIO()
    result = install(tmp_cache, DEFAULT_VERSION, env=env_with(tmp_path / "empty"),
                     log=log)
    assert result.already_installed
    assert result.installation.root == tmp_cache / f"languagetool-{DEFAULT_VERSION}"
    assert "already installed" in log.getvalue()
    assert "nothing to do" in log.getvalue()


def test_missing_java_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(JavaNotFound) as info:
        install(tmp_path / "cache", env=env_with(empty), log=io.StringIO())
    assert str(info.value) == ("Java 17+ not found: install a JDK "
                               "(Debian: apt-get install default-jre-headless)")


def test_missing_maven_is_a_clear_error(tmp_path: Path) -> None:
    path = bin_dir(tmp_path, java=True)
    with pytest.raises(MavenNotFound, match=r"^Maven not found: .*apt-get install maven"):
        install(tmp_path / "cache", env=env_with(path), log=io.StringIO())


def test_failed_maven_leaves_no_install(tmp_path: Path) -> None:
    path = bin_dir(tmp_path, java=True, mvn_script="import sys; sys.exit(1)\n")
    cache = tmp_path / "cache"
    with pytest.raises(InstallFailed):
        install(cache, env=env_with(path), log=io.StringIO())
    assert find_installation(cache) is None
    assert sorted(p.name for p in cache.iterdir()) == ["install.lock"]


def test_killed_install_leaves_no_half_cache(tmp_path: Path) -> None:
    # Maven writes one jar, then the installing process is killed outright.
    killer = FAKE_MAVEN_OK.replace('print("fake maven: done")', textwrap.dedent("""
        import os, signal
        os.kill(os.getppid(), signal.SIGKILL)
    """))
    path = bin_dir(tmp_path, java=True, mvn_script=killer)
    cache = tmp_path / "cache"
    code = ("import sys; from pathlib import Path; "
            "from linter.grammar.languagetool.install import install; "
            "install(Path(sys.argv[1]))")
    env = {**os.environ, "PATH": str(path)}
    proc = subprocess.run([sys.executable, "-c", code, str(cache)], env=env,
                          capture_output=True)
    assert proc.returncode == -9
    assert find_installation(cache) is None
    assert list(cache.glob(".install-*"))  # the leftover is not an install

    # The next install cleans the leftover and completes.
    (path / "mvn").write_text(f"#!{sys.executable}\n" + FAKE_MAVEN_OK)
    result = install(cache, env=env_with(path), log=io.StringIO())
    assert not result.already_installed
    assert find_installation(cache) == result.installation
    assert not list(cache.glob(".install-*"))
