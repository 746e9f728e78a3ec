"""Install the LanguageTool server jars into a cache folder with Maven.

Layout of the cache folder (``cache_dir()``)::

    languagetool-6.8/        one complete install per version
      pom.xml                the generated pom Maven resolved
      lib/*.jar              every jar the server needs
      installed.json         marker, written last: its presence means complete
    .install-*/              an install in progress (removed on failure)
    install.lock             serialises concurrent installs

An install runs in a temporary folder beside the final one and is renamed
into place only once Maven succeeded and the marker is written, so a killed
install never leaves a folder that looks complete. Once installed, nothing
here touches the network again. Finding Java and Maven is ``toolchain.py``;
the pom and Maven's runs are ``maven.py``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from linter.grammar.languagetool.errors import InstallFailed, LanguageToolError
from linter.grammar.languagetool.lockfile import file_lock
from linter.grammar.private_files import private_dir
from linter.grammar.languagetool.maven import DEPENDENCY_PLUGIN, latest_version, render_pom, run_maven
from linter.grammar.languagetool.paths import cache_dir
from linter.grammar.languagetool.toolchain import find_java, find_maven

__all__ = [
    "DEFAULT_VERSION",
    "MAIN_CLASS",
    "Installation",
    "InstallResult",
    "cache_dir",
    "find_java",
    "find_maven",
    "find_installation",
    "install",
    "render_pom",
]

# Newest release on Maven Central when this was written (checked 2026-11-22).
DEFAULT_VERSION = "6.8"
MAIN_CLASS = "org.languagetool.server.HTTPServer"
MARKER = "installed.json"
INSTALL_LOCK_TIMEOUT = 1800.0  # seconds: a slow download may hold the install lock this long
_VERSION_RE = re.compile(r"^\d+\.\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Installation:
    """A complete install: ``root/lib`` holds every jar of ``version``."""

    root: Path
    version: str

    @property
    def lib(self) -> Path:
        return self.root / "lib"

    @property
    def classpath(self) -> str:
        # Java expands a trailing ``*`` itself, so no shell is involved.
        return str(self.lib / "*")


@dataclass(frozen=True)
class InstallResult:
    installation: Installation
    already_installed: bool


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def find_installation(cache: Path | None = None,
                      version: str | None = None) -> Installation | None:
    """The complete install of ``version`` (newest if None), or None."""
    cache = cache or cache_dir()
    found: list[Installation] = []
    for marker in cache.glob(f"languagetool-*/{MARKER}"):
        try:
            recorded = json.loads(marker.read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if not isinstance(recorded, str) or not _VERSION_RE.match(recorded):
            continue
        if version is None or recorded == version:
            found.append(Installation(marker.parent, recorded))
    if not found:
        return None
    return max(found, key=lambda inst: _version_key(inst.version))


def install(cache: Path | None = None, version: str = DEFAULT_VERSION, *,
            env: Mapping[str, str] = os.environ,
            log: TextIO | None = None, quiet: bool = False) -> InstallResult:
    """Install LanguageTool ``version`` ("latest" asks Maven) into ``cache``.

    A no-op, saying so on ``log``, when that version is already installed.
    Needs Java 17+ (checked first, since the install is useless without it)
    and Maven with access to Maven Central or a mirror of it.
    """
    log = log or sys.stderr
    cache = cache or cache_dir(env=env)
    if version != "latest" and not _VERSION_RE.match(version):
        raise LanguageToolError(f"bad LanguageTool version {version!r} "
                                "(expected e.g. 6.8 or latest)")
    if version != "latest":
        existing = find_installation(cache, version)
        if existing is not None:
            log.write(f"LanguageTool {version} is already installed in "
                      f"{existing.root}; nothing to do\n")
            return InstallResult(existing, already_installed=True)
    find_java(env)
    mvn = find_maven(env)
    private_dir(cache)
    with file_lock(cache / "install.lock", INSTALL_LOCK_TIMEOUT, "installing LanguageTool"):
        # Leftovers of killed installs; safe to remove under the lock.
        for stale in cache.glob(".install-*"):
            shutil.rmtree(stale, ignore_errors=True)
        work = Path(tempfile.mkdtemp(prefix=".install-", dir=cache))
        try:
            return _install_locked(cache, version, mvn, work, log, quiet)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def _install_locked(cache: Path, version: str, mvn: str, work: Path,
                    log: TextIO, quiet: bool) -> InstallResult:
    if version == "latest":
        log.write("Asking Maven for the newest LanguageTool release...\n")
        version = latest_version(mvn, log, work)
        log.write(f"Newest release: {version}\n")
    # Another process may have finished the same install while we waited.
    existing = find_installation(cache, version)
    if existing is not None:
        log.write(f"LanguageTool {version} is already installed in "
                  f"{existing.root}; nothing to do\n")
        return InstallResult(existing, already_installed=True)
    staging = work / f"languagetool-{version}"
    (staging / "lib").mkdir(parents=True)
    (staging / "pom.xml").write_text(render_pom(version), encoding="utf-8")
    log.write(f"Resolving LanguageTool {version} (English only) with Maven "
              f"into {cache}...\n")
    log.flush()
    started = time.monotonic()
    args = [mvn, "-B", "-Dstyle.color=never", *(["-q"] if quiet else []),
            "-f", str(staging / "pom.xml"),
            f"{DEPENDENCY_PLUGIN}:copy-dependencies",
            f"-DoutputDirectory={staging / 'lib'}", "-DincludeScope=runtime"]
    if run_maven(args, staging, log) != 0:
        raise InstallFailed(f"Maven could not resolve LanguageTool {version} "
                            "(see its output above)")
    jars = sorted(p.name for p in (staging / "lib").glob("*.jar"))
    for needed in (f"languagetool-server-{version}.jar",
                   f"language-en-{version}.jar"):
        if needed not in jars:
            raise InstallFailed(f"Maven finished but {needed} is missing")
    size = sum(p.stat().st_size for p in (staging / "lib").iterdir())
    marker = {"version": version, "jars": len(jars), "bytes": size,
              "installed_at": time.time()}
    (staging / MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
    final = cache / staging.name
    if final.exists():  # a folder without marker: an incomplete older layout
        shutil.rmtree(final)
    os.rename(staging, final)
    log.write(f"Installed LanguageTool {version}: {len(jars)} jars, "
              f"{size / 1e6:.0f} MB, in {time.monotonic() - started:.0f} s\n")
    return InstallResult(Installation(final, version), already_installed=False)
