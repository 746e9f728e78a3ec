"""Find the programs an install and a server need: Java 17+ and Maven."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from linter.grammar.languagetool.errors import JavaNotFound, MavenNotFound

__all__ = ["MIN_JAVA", "find_java", "find_maven"]

MIN_JAVA = 17
_JAVA_VERSION_RE = re.compile(r'version "(\d+)(?:\.(\d+))?')


def _search_path(env: Mapping[str, str]) -> str:
    return env.get("PATH", os.defpath)


def find_java(env: Mapping[str, str] = os.environ) -> str:
    """Path of a Java 17+ executable (JAVA_HOME first, then PATH)."""
    hint = "install a JDK (Debian: apt-get install default-jre-headless)"
    candidates = []
    if env.get("JAVA_HOME"):
        candidates.append(str(Path(env["JAVA_HOME"]) / "bin" / "java"))
    found = shutil.which("java", path=_search_path(env))
    if found:
        candidates.append(found)
    for java in candidates:
        if not os.access(java, os.X_OK):
            continue
        major = _java_major(java)
        if major is not None and major >= MIN_JAVA:
            return java
        if major is not None:
            raise JavaNotFound(
                f"Java {MIN_JAVA}+ not found ({java} is Java {major}): {hint}")
    raise JavaNotFound(f"Java {MIN_JAVA}+ not found: {hint}")


def _java_major(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True,
                             text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _JAVA_VERSION_RE.search(out.stderr + out.stdout)
    if not match:
        return None
    major = int(match.group(1))
    # Java 8 and older call themselves "1.8".
    return int(match.group(2) or 0) if major == 1 else major


def find_maven(env: Mapping[str, str] = os.environ) -> str:
    found = shutil.which("mvn", path=_search_path(env))
    if not found:
        raise MavenNotFound(
            "Maven not found: install it to download LanguageTool "
            "(Debian: apt-get install maven)")
    return found
