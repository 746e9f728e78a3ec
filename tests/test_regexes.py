"""Compiled regular expressions are kept like bytecode: the pattern built from
the cache is the one ``re.compile`` gives, and a cache that cannot be
trusted or written changes nothing but speed."""

from __future__ import annotations

import marshal
import os
import re
import sys
from pathlib import Path

import pytest

from linter import regexes
from linter.forkpool import fork_worker
from linter.regexes import PatternCache

PATTERNS = [
    (r"^(?P<name>[A-Za-z][A-Za-z -]{0,15}?)[ \t]*:[ \t]*(?P<value>.*)$", re.M),
    (r"(?<![\w'\u2019])(?:thank|thanks)\s+(?:you|so)(?![\w'\u2019])", 0),
    (r"(the )?(company|employer)( name)?", re.I),
    (r"^(---|\.\.\.)[ \t]*\r?$", re.M),
    (r"a.b  # a comment\n | c", re.S | re.X),
    (r"[^\W\d_]+", re.A),
]
TEXT = "Name: Jo\nthanks so much, Thank you\nThe Company name\n---\na\nb c\nÉcole 42 café\n"


@pytest.fixture(autouse=True)
def _writing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # as on a user's machine, whatever the test run says


def _table(path: Path) -> dict[tuple[str, int], object]:
    key, table = marshal.loads(path.read_bytes())
    assert key == regexes._KEY
    assert isinstance(table, dict)
    return table


def _cached(path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, flags: int) -> re.Pattern[str]:
    """The pattern as a fresh process builds it from ``path``, with
    ``re.compile`` out of reach (so it must come from the cache)."""
    cache = PatternCache(str(path))
    with monkeypatch.context() as m:
        m.setattr(re, "compile", lambda *a: pytest.fail(f"re.compile{a!r}"))
        return cache.compile(pattern, flags)


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_cached_pattern_is_the_one_re_compiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, flags: int
) -> None:
    path = tmp_path / "__pycache__" / "regexes.marshal"
    fresh = PatternCache(str(path))
    first = fresh.compile(pattern, flags)
    fresh.save()
    cached = _cached(path, monkeypatch, pattern, flags)
    expected = re.compile(pattern, flags)
    assert first == expected
    assert cached == expected  # the same pattern, flags and engine code
    assert (cached.pattern, cached.flags, cached.groups, dict(cached.groupindex)) == (
        expected.pattern, expected.flags, expected.groups, dict(expected.groupindex))
    found = [(m.span(), m.groups(), m.groupdict()) for m in cached.finditer(TEXT)]
    assert found == [(m.span(), m.groups(), m.groupdict()) for m in expected.finditer(TEXT)]
    assert found  # the sample text exercises each pattern


def test_the_flags_are_part_of_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "regexes.marshal"
    fresh = PatternCache(str(path))
    fresh.compile("abc")
    fresh.compile("abc", re.I)
    fresh.save()
    assert sorted(_table(path)) == [("abc", 0), ("abc", int(re.I))]
    assert _cached(path, monkeypatch, "abc", re.I).findall("ABC abc") == ["ABC", "abc"]


def _one_entry_file(path: Path) -> None:
    cache = PatternCache(str(path))
    cache.compile(r"(?P<w>\w+)!")
    cache.save()


@pytest.mark.parametrize("damage", ["not marshal", "other python", "bad code", "bad entry"])
def test_an_untrusted_file_falls_back_and_is_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    path = tmp_path / "regexes.marshal"
    key = (r"(?P<w>\w+)!", 0)
    if damage == "not marshal":
        path.write_bytes(b"\x00not marshal")
    elif damage == "other python":
        with monkeypatch.context() as m:
            m.setattr(regexes, "_KEY", (regexes._FORMAT, "2.7.18 (other)", 20171005, 4))
            _one_entry_file(path)
    else:
        _one_entry_file(path)
        table = _table(path)
        flags, code, *rest = table[key]
        table[key] = (flags, b"\xff" * 8, *rest) if damage == "bad code" else ("not", "an", "entry")
        path.write_bytes(marshal.dumps((regexes._KEY, table)))
    cache = PatternCache(str(path))
    assert cache.compile(*key).findall("hey! you!") == ["hey", "you"]  # re.compile's, silently
    cache.save()
    assert list(_table(path)) == [key]
    assert _cached(path, monkeypatch, *key) == re.compile(*key)


def test_nothing_written_when_bytecode_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    path = tmp_path / "__pycache__" / "regexes.marshal"
    cache = PatternCache(str(path))
    assert cache.compile("a+").findall("caab") == ["aa"]
    cache.save()
    assert not path.parent.exists()


def test_a_read_only_folder_still_compiles(tmp_path: Path) -> None:
    path = tmp_path / "__pycache__" / "regexes.marshal"
    if os.geteuid() == 0:
        path.parent.write_text("a file where the folder would go", encoding="utf-8")
    else:
        tmp_path.chmod(0o555)
    try:
        cache = PatternCache(str(path))
        assert cache.compile("a+").findall("caab") == ["aa"]
        cache.save()
    finally:
        tmp_path.chmod(0o755)
    assert not path.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != "__pycache__"] == []  # no temporary file either


def test_save_merges_with_what_another_process_wrote(tmp_path: Path) -> None:
    path = tmp_path / "regexes.marshal"
    ours, theirs = PatternCache(str(path)), PatternCache(str(path))  # both read the file before either wrote
    ours.compile("ours")
    theirs.compile("theirs")
    theirs.compile("both")
    ours.compile("both")
    theirs.save()
    ours.save()
    assert sorted(_table(path)) == [("both", 0), ("ours", 0), ("theirs", 0)]
    assert [p.name for p in tmp_path.iterdir()] == ["regexes.marshal"]  # no temporary file left


def test_a_forked_worker_writes_what_it_compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "regexes.marshal"
    monkeypatch.setattr(regexes, "_cache", PatternCache(str(path)))
    regexes.compile("in the parent")
    worker = fork_worker(lambda: None, ["in the worker"], lambda task: regexes.compile(task).pattern)
    try:
        assert worker.result() == "in the worker"
    finally:
        worker.stop()  # the worker left by os._exit, after saving
    assert sorted(_table(path)) == [("in the parent", 0), ("in the worker", 0)]  # the parent's inherited too
    regexes.save()
    assert sorted(_table(path)) == [("in the parent", 0), ("in the worker", 0)]


def test_the_table_stops_growing_at_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexes, "LIMIT", 3)
    path = tmp_path / "regexes.marshal"
    first = PatternCache(str(path))
    for word in ("one", "two"):
        first.compile(word)
    first.save()
    later = PatternCache(str(path))
    for word in ("three", "four", "five"):
        assert later.compile(word).pattern == word  # compiled all the same
    later.save()
    assert sorted(_table(path)) == [("one", 0), ("three", 0), ("two", 0)]
    other = PatternCache(str(path.with_name("other.marshal")))
    for word in ("one", "two", "three", "four", "five"):
        other.compile(word)
    other.save()
    assert len(_table(path.with_name("other.marshal"))) == 3


def test_only_plain_flags_are_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "regexes.marshal"
    cache = PatternCache(str(path))
    cache.compile("kept", re.I)
    cache.compile("shown", re.DEBUG)  # re prints it each time: never from the cache
    cache.save()
    assert list(_table(path)) == [("kept", int(re.I))]
    assert "LITERAL" in capsys.readouterr().out


def test_the_package_cache_is_in_its_pycache() -> None:
    path = Path(regexes.default_file())
    assert path.parent == Path(regexes.__file__).resolve().parent / "__pycache__"
    assert path.name == f"regexes.{sys.implementation.cache_tag}.marshal"
