"""Which server a run uses, in order."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from linter.grammar.languagetool import server
from linter.grammar.languagetool.resolve import ENV_URL, resolve_languagetool


def test_option_then_env_then_config(tmp_path: Path) -> None:
    env = {ENV_URL: "http://env:1"}
    assert resolve_languagetool("http://opt:1", "http://cfg:1", env,
                                cache=tmp_path) == "http://opt:1"
    assert resolve_languagetool(None, "http://cfg:1", env,
                                cache=tmp_path) == "http://env:1"
    assert resolve_languagetool(None, "http://cfg:1", {}, cache=tmp_path,
                                allow_remote=True) == "http://cfg:1"


def test_nothing_available_is_none(tmp_path: Path) -> None:
    assert resolve_languagetool(None, None, {}, cache=tmp_path) is None
    assert resolve_languagetool(None, None, {}, cache=tmp_path, start=False) is None


def test_recorded_server_with_a_live_pid_is_used(tmp_path: Path) -> None:
    state = {"pid": os.getpid(), "port": 4242, "version": "6.8",
             "started_at": time.time(), "create_time": 0.0, "heap": "512m",
             "idle_timeout": 0, "watchdog_pid": None}
    (tmp_path / server.STATE).write_text(json.dumps(state))
    assert resolve_languagetool(None, None, {}, cache=tmp_path,
                                start=False) == "http://127.0.0.1:4242"


def test_installed_server_is_started(tmp_cache: Path) -> None:
    url = resolve_languagetool(None, None, {**os.environ, ENV_URL: ""},
                               cache=tmp_cache)
    current = server.status(tmp_cache)
    assert current is not None and url == current.state.url
