"""Which backend a run gets, and what it may start: ``auto`` never starts
LanguageTool; an explicit ``languagetool`` does, and its lock wait is bounded."""

from __future__ import annotations

import fcntl
from pathlib import Path
from typing import Any

import pytest

from linter.grammar import base
from linter.grammar.base import GrammarUnavailable
from linter.backends import choose_backend
from linter.grammar.embedded import HarperBackend
from linter.grammar.languagetool import server
from linter.grammar.languagetool.client import LanguageToolBackend
from linter.grammar.languagetool.lockfile import LockTimeout


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Any]:
    """Record every attempt to start a LanguageTool server (as if installed)."""
    calls: list[Any] = []

    def fake_ensure(cache: Any = None, **kw: Any) -> str:
        calls.append(cache)
        return "http://127.0.0.1:9"

    monkeypatch.setenv("FOLLOWUP_LINT_CACHE", str(tmp_path))
    monkeypatch.delenv("FOLLOWUP_LINT_LANGUAGETOOL_URL", raising=False)
    monkeypatch.setattr(server, "ensure_server", fake_ensure)
    return calls


def test_auto_never_starts_languagetool(starts: list[Any]) -> None:
    backend = choose_backend("auto", None, None, use_worker=False)
    assert isinstance(backend, HarperBackend) and starts == []


def test_languagetool_asked_for_is_started(starts: list[Any]) -> None:
    backend = choose_backend("languagetool", None, None, use_worker=False)
    assert isinstance(backend, LanguageToolBackend) and len(starts) == 1


def test_auto_uses_a_url_it_is_given(starts: list[Any]) -> None:
    backend = choose_backend("auto", "http://127.0.0.1:8", None, use_worker=False)
    assert isinstance(backend, LanguageToolBackend) and starts == []


def test_off_is_nothing(starts: list[Any]) -> None:
    assert choose_backend("off", None, None) is None and starts == []


def test_a_held_server_lock_is_waited_for_a_bounded_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server, "LOCK_TIMEOUT", 0.3)
    said: list[str] = []
    base.on_wait(said.append)
    lock = tmp_path / server.LOCK
    try:
        with open(lock, "a") as holder:
            fcntl.flock(holder, fcntl.LOCK_EX)  # another process starting LanguageTool
            with pytest.raises(LockTimeout) as caught:
                server.stop(tmp_path)
    finally:
        base.on_wait(None)
    assert str(caught.value) == (
        f"another process has been starting or stopping LanguageTool for over 0.3 s "
        f"(it holds {lock}); try again, or stop it"
    )
    assert said == [f"waiting for another process that is starting or stopping LanguageTool (lock {lock})"]


def test_a_languagetool_start_that_cannot_get_the_lock_is_a_grammar_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def held(*args: Any, **kw: Any) -> str:
        raise LockTimeout("another process has been starting or stopping LanguageTool for over 1 s")

    monkeypatch.setenv("FOLLOWUP_LINT_CACHE", str(tmp_path))
    monkeypatch.delenv("FOLLOWUP_LINT_LANGUAGETOOL_URL", raising=False)
    monkeypatch.setattr(server, "ensure_server", held)
    with pytest.raises(GrammarUnavailable, match="^another process has been starting or stopping LanguageTool for over 1 s$"):
        choose_backend("languagetool", None, None, use_worker=False)
