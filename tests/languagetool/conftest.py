"""Fixtures for the LanguageTool tests: one real server per test session.

``lt_installation`` uses the install in the normal cache folder (what
``followup-lint languagetool install`` made, e.g. in CI), installing with
Maven if there is none. ``lt_url`` reuses a running server or starts one
(and stops it at the end only if it started it).

Without Java (or without an install and Maven) the tests that need a server
skip with the reason; with ``CI=true`` they fail instead, so CI can never go
green by skipping them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from linter.grammar.languagetool import server
from linter.grammar.languagetool.errors import LanguageToolError
from linter.grammar.languagetool.install import (
    Installation,
    cache_dir,
    find_installation,
    find_java,
    install,
)
from tests.languagetool._support import unavailable

@pytest.fixture(scope="session")
def lt_cache() -> Path:
    return cache_dir()


@pytest.fixture(scope="session")
def lt_installation(lt_cache: Path) -> Installation:
    try:
        find_java()
    except LanguageToolError as exc:
        unavailable(str(exc))
    found = find_installation(lt_cache)
    if found is not None:
        return found
    try:
        return install(lt_cache, log=sys.stderr, quiet=True).installation
    except LanguageToolError as exc:
        unavailable(f"no install in {lt_cache} and installing failed: {exc}")


@pytest.fixture(scope="session")
def lt_url(lt_installation: Installation, lt_cache: Path) -> Iterator[str]:
    running = server.status(lt_cache)
    if running is not None and running.healthy:
        yield running.state.url
        return
    try:
        result = server.start(lt_cache, idle_timeout=600)
    except LanguageToolError as exc:
        unavailable(f"could not start the server: {exc}")
    yield result.state.url
    server.stop(lt_cache)


@pytest.fixture
def tmp_cache(tmp_path: Path, lt_installation: Installation) -> Iterator[Path]:
    """A fresh cache folder sharing the real install (symlinked, no download).

    Any server started in it is stopped afterwards.
    """
    cache = tmp_path / "lt-cache"
    cache.mkdir()
    (cache / lt_installation.root.name).symlink_to(lt_installation.root)
    yield cache
    server.stop(cache)
