"""What Maven is asked for, and running it: the pom of an English-only
server, the newest release, output forwarded line by line."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import TextIO

from linter.grammar.languagetool.errors import InstallFailed

__all__ = ["DEPENDENCY_PLUGIN", "render_pom", "run_maven", "latest_version"]

# Pinned so an install does not depend on whatever Maven's default is.
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
_ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")  # Maven colours some lines even with -B


def render_pom(version: str) -> str:
    """A pom whose runtime dependencies are exactly what the server needs.

    ``languagetool-server`` depends on ``language-all`` (every language, a few
    hundred MB); we drop it and add English only. LanguageTool's language
    identifier looks up Spanish, Catalan and Portuguese when its class loads
    and the server dies at start without them, so their small language
    modules come too, without their large dictionaries (we only ever check
    en-US text, so those dictionaries are never read).
    """
    def dep(artifact: str, exclusions: str = "") -> str:
        return (
            "    <dependency>\n"
            "      <groupId>org.languagetool</groupId>\n"
            f"      <artifactId>{artifact}</artifactId>\n"
            f"      <version>{version}</version>\n"
            f"{exclusions}"
            "    </dependency>\n"
        )

    def exclude(group: str, artifact: str) -> str:
        return (
            "      <exclusions><exclusion>"
            f"<groupId>{group}</groupId><artifactId>{artifact}</artifactId>"
            "</exclusion></exclusions>\n"
        )

    deps = (
        dep("languagetool-server", exclude("org.languagetool", "language-all"))
        + dep("language-en")
        + "".join(dep(f"language-{code}", exclude("*", "*"))
                  for code in ("es", "ca", "pt"))
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
        "  <modelVersion>4.0.0</modelVersion>\n"
        "  <groupId>local.followup-lint</groupId>\n"
        "  <artifactId>languagetool-runtime</artifactId>\n"
        f"  <version>{version}</version>\n"
        "  <packaging>pom</packaging>\n"
        "  <dependencies>\n"
        f"{deps}"
        "  </dependencies>\n"
        "</project>\n"
    )


def run_maven(args: list[str], cwd: Path, log: TextIO) -> int:
    """Run Maven, forwarding its output line by line to ``log``."""
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            text=True, errors="replace")
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            log.write(_ANSI_RE.sub("", line))
            log.flush()
        return proc.wait()
    except BaseException:
        proc.kill()
        proc.wait()
        raise


def latest_version(mvn: str, log: TextIO, workdir: Path) -> str:
    """Ask Maven (and so the user's own repositories) for the newest release."""
    out = workdir / "latest"
    code = run_maven(
        [mvn, "-B", "-q", "-Dstyle.color=never", f"{DEPENDENCY_PLUGIN}:copy",
         "-Dartifact=org.languagetool:languagetool-server:RELEASE:pom",
         f"-DoutputDirectory={out}"], workdir, log)
    poms = sorted(out.glob("languagetool-server-*.pom")) if code == 0 else []
    if not poms:
        raise InstallFailed("could not find the newest LanguageTool release "
                            "with Maven (see its output above)")
    return poms[0].name.removeprefix("languagetool-server-").removesuffix(".pom")
