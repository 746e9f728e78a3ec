"""Parsed data files are kept beside them like bytecode, and never trusted stale."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from linter.datafiles import cache_file, load_cached


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    source = tmp_path / "table.tsv"
    source.write_text("a\t1\nb\t2\n", encoding="utf-8")
    code = tmp_path / "parser.py"
    code.write_text("# the parser\n", encoding="utf-8")
    return source, code


def _parse_counting(calls: list[str]):  # type: ignore[no-untyped-def]
    def parse(text: str) -> dict[str, int]:
        calls.append(text)
        return {k: int(v) for k, v in (line.split("\t") for line in text.splitlines())}
    return parse


def test_parsed_once_then_read_from_the_cache(data: tuple[Path, Path]) -> None:
    source, code = data
    calls: list[str] = []
    assert load_cached(str(source), _parse_counting(calls), str(code)) == {"a": 1, "b": 2}
    assert Path(cache_file(str(source))).parent == source.parent / "__pycache__"
    assert load_cached(str(source), _parse_counting(calls), str(code)) == {"a": 1, "b": 2}
    assert len(calls) == 1


@pytest.mark.parametrize("changed", ["source", "code"])
def test_a_changed_source_or_parser_is_parsed_again(data: tuple[Path, Path], changed: str) -> None:
    source, code = data
    calls: list[str] = []
    load_cached(str(source), _parse_counting(calls), str(code))
    if changed == "source":
        source.write_text("a\t5\n", encoding="utf-8")
    else:
        code.write_text("# the parser, changed\n", encoding="utf-8")
    os.utime(source if changed == "source" else code, ns=(1, 1))  # a different time, however coarse the clock
    expected = {"a": 5} if changed == "source" else {"a": 1, "b": 2}
    assert load_cached(str(source), _parse_counting(calls), str(code)) == expected
    assert len(calls) == 2


def test_a_damaged_cache_is_parsed_again(data: tuple[Path, Path]) -> None:
    source, code = data
    calls: list[str] = []
    load_cached(str(source), _parse_counting(calls), str(code))
    Path(cache_file(str(source))).write_bytes(b"\x00not marshal")
    assert load_cached(str(source), _parse_counting(calls), str(code)) == {"a": 1, "b": 2}
    assert len(calls) == 2


def test_nothing_written_when_bytecode_is_not(data: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    source, code = data
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    calls: list[str] = []
    for _ in range(2):
        assert load_cached(str(source), _parse_counting(calls), str(code)) == {"a": 1, "b": 2}
    assert len(calls) == 2
    assert not (source.parent / "__pycache__").exists()


def test_a_read_only_folder_still_parses(data: tuple[Path, Path]) -> None:
    source, code = data
    if os.geteuid() == 0:
        (source.parent / "__pycache__").write_text("a file where the folder would go", encoding="utf-8")
    else:
        source.parent.chmod(0o555)
    try:
        assert load_cached(str(source), _parse_counting([]), str(code)) == {"a": 1, "b": 2}
    finally:
        source.parent.chmod(0o755)
    assert [p.name for p in source.parent.iterdir() if p.name.endswith(".tmp")] == []
