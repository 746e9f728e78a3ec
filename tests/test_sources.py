"""Input boundary: discovery of drafts and decoding of one draft.

Every fixture is built in ``tmp_path`` at test time; no binary blob is
committed.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from linter.models import Span
from linter.positions import LineIndex, line_col
from linter.sources import InputError, Source, decode_bytes, discover, encode_text, read_source
from tests.test_unreadable import _modes_bind_us


def _rel(items: list[str | InputError], root: Path) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, InputError):
            out.append(f"{os.path.relpath(item.path, root)}: {item.message}")
        else:
            out.append(os.path.relpath(item, root))
    return out


# -- read_source: decoding ---------------------------------------------------

def test_plain_utf8_is_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Hi Dana,\r\n\r\nThanks \xe2\x80\x94 truly.\r\n")
    source = read_source(str(path))
    assert source == Source(str(path), "Hi Dana,\r\n\r\nThanks \u2014 truly.\r\n",
                            "Hi Dana,\r\n\r\nThanks \u2014 truly.\r\n", None, "utf-8")
    assert source.raw_span(Span(2, 7)) == Span(2, 7)


def test_invalid_utf8_falls_back_to_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(b"caf\xe9 r\xe9sum\xe9 \x93quoted\x94")
    source = read_source(str(path))
    assert isinstance(source, Source)
    assert source.text == "café résumé \u201cquoted\u201d"
    assert source.encoding == "cp1252"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    assert decode_bytes(b"caf\xe9 \x81") == ("café \x81", "latin-1")


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHi Dana,\n")
    source = read_source(str(path))
    assert isinstance(source, Source)
    assert (source.text, source.raw, source.encoding) == ("Hi Dana,\n", "Hi Dana,\n", "utf-8-sig")
    assert encode_text(source.raw, source.encoding) == b"\xef\xbb\xbfHi Dana,\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "u16.txt"
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    path.write_bytes(bom + "Hi Dana,\r\nthe café.\r\n".encode(codec))
    source = read_source(str(path))
    assert isinstance(source, Source)
    assert (source.text, source.encoding) == ("Hi Dana,\r\nthe café.\r\n", codec)
    assert encode_text(source.raw, source.encoding) == path.read_bytes()


def test_utf16_with_bom_but_broken(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(b"\xff\xfeH\x00i\x00\x00\xdc")  # a lone low surrogate
    assert read_source(str(path)) == InputError(
        str(path), "not valid UTF-16 text despite its byte-order mark"
    )


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert read_source(str(path)) == InputError(str(path), "binary file, not a text draft")


def test_control_characters_without_nul_are_binary() -> None:
    with pytest.raises(ValueError, match="^binary file, not a text draft$"):
        decode_bytes(b"ab\x01\x02\x03" * 20)
    # one stray control character in a long text is still text
    assert decode_bytes(b"x" * 200 + b"\x07")[1] == "utf-8"


@given(st.one_of(
    st.binary(max_size=300),
    st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\0\0"]),
              st.binary(max_size=40)).map(b"".join),
))
@example(b"\xef\xbb\xbf\x80")  # a BOM, then invalid UTF-8
@example(b"\xef\xbb\xbf\xef\xbb\xbfX")  # two BOMs: only the first is the mark
def test_any_bytes_decode_or_are_refused_in_one_line(data: bytes) -> None:
    try:
        text, codec = decode_bytes(data)
    except ValueError as exc:
        assert str(exc) in {
            "binary file, not a text draft",
            "not valid UTF-8 text despite its byte-order mark",
            "not valid UTF-16 text despite its byte-order mark",
            "not valid UTF-32 text despite its byte-order mark",
        }
    else:
        assert encode_text(text, codec) == data


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  ", b"\xef\xbb\xbf\n"])
def test_empty_or_blank_draft(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert read_source(str(path)) == InputError(str(path), "empty draft")


def test_explicit_file_with_any_extension_is_read(tmp_path: Path) -> None:
    path = tmp_path / "NOTES"
    path.write_text("Hi Dana,\n", encoding="utf-8")
    assert read_source(str(path)) == Source(str(path), "Hi Dana,\n", "Hi Dana,\n")


# -- read_source: size limit -------------------------------------------------

def test_five_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(5_000_000)  # sparse: instant to make
    began = time.perf_counter()
    result = read_source(str(path))
    elapsed = time.perf_counter() - began
    assert result == InputError(str(path), "larger than the 2 MB limit (5.0 MB)")
    assert elapsed < 0.2


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 1_500)
    assert read_source(str(path), max_bytes=1_000) == InputError(
        str(path), "larger than the 1 kB limit (1.5 kB)"
    )
    assert isinstance(read_source(str(path), max_bytes=1_500), Source)


class _Endless(io.RawIOBase):
    """A stream that never ends; counts what was read."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        n = len(buffer)
        buffer[:n] = b"a" * n
        self.read_bytes += n
        return n


def test_endless_stdin_is_cut_at_limit_plus_one() -> None:
    raw = _Endless()
    result = read_source("-", stdin=io.BufferedReader(raw, buffer_size=4096), max_bytes=100_000)  # type: ignore[type-var]
    assert result == InputError("<stdin>", "larger than the 100 kB limit")
    assert raw.read_bytes <= 100_001 + 4096


def test_stdin() -> None:
    result = read_source("-", stdin=io.BytesIO(b"Hi Dana,\n"))
    assert result == Source("<stdin>", "Hi Dana,\n", "Hi Dana,\n")
    assert read_source("-", stdin=io.BytesIO(b"")) == InputError("<stdin>", "empty draft")


# -- read_source: the file system ---------------------------------------------

def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    assert read_source(path) == InputError(path, "no such file")


def test_folder_is_not_a_draft(tmp_path: Path) -> None:
    assert read_source(str(tmp_path)) == InputError(str(tmp_path), "is a directory")


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    assert read_source(str(link)) == InputError(str(link), "broken symlink")


def test_symlink_to_itself(tmp_path: Path) -> None:
    link = tmp_path / "self.txt"
    link.symlink_to(link)
    assert read_source(str(link)) == InputError(str(link), "symlink loop")


@pytest.mark.skipif(
    not _modes_bind_us(),
    reason="this user reads files whatever their mode (root): chmod 000 hides nothing "
    "(test_permission_error_is_reported covers the mapping)",
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Hi\n", encoding="utf-8")
    path.chmod(0)
    try:
        assert read_source(str(path)) == InputError(str(path), "permission denied")
    finally:
        path.chmod(0o644)


def test_permission_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("linter.sources.open_regular", refuse)  # root reads anything
    path = str(tmp_path / "locked.txt")
    Path(path).write_text("Hi Dana,\n")
    assert read_source(path) == InputError(path, "permission denied")


# -- discover ------------------------------------------------------------------

def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Hi\n", encoding="utf-8")


def test_folder_walk_is_sorted_and_filtered(tmp_path: Path) -> None:
    _tree(tmp_path, ["b.txt", "a.md", "z/y.eml", "z/a.txt", "c.py", "B.TXT", "m/n/o.txt", "m.txt"])
    found = list(discover([str(tmp_path)], respect_gitignore=False))
    assert _rel(found, tmp_path) == [
        "B.TXT", "a.md", "b.txt", "m/n/o.txt", "m.txt", "z/a.txt", "z/y.eml",
    ]
    assert list(discover([str(tmp_path)], respect_gitignore=False)) == found


def test_include_and_exclude(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.txt", "b.md", "old/c.txt", "new/d.txt", "new/e.draft", "new/skip-me.txt"])
    found = discover(
        [str(tmp_path)], include=["*.txt", "*.draft"], exclude=["old", "new/skip-*"],
        respect_gitignore=False,
    )
    assert _rel(list(found), tmp_path) == ["a.txt", "new/d.txt", "new/e.draft"]


def test_named_file_is_always_yielded(tmp_path: Path) -> None:
    _tree(tmp_path, ["notes.py", "d/a.txt"])
    named = str(tmp_path / "notes.py")
    found = list(discover([named, str(tmp_path / "d"), "-", named], exclude=["*.py"]))
    assert found == [named, str(tmp_path / "d" / "a.txt"), "-"]


def test_symlink_loop_terminates_and_is_reported(tmp_path: Path) -> None:
    _tree(tmp_path, ["a/x.txt", "a/b/y.txt"])
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a")
    (tmp_path / "again").symlink_to(tmp_path / "a")  # same folder twice: walked once
    (tmp_path / "a" / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    found = list(discover([str(tmp_path)], respect_gitignore=False))
    assert _rel(found, tmp_path) == [
        "a/b/up: symlink loop",
        "a/b/y.txt",
        "a/dead.txt: broken symlink",
        "a/x.txt",
    ]


@pytest.mark.skipif(
    not _modes_bind_us(),
    reason="this user lists folders whatever their mode (root): chmod 000 hides nothing",
)
def test_unreadable_folder_is_reported_and_walk_goes_on(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.txt", "locked/b.txt", "z.txt"])
    (tmp_path / "locked").chmod(0)
    try:
        found = list(discover([str(tmp_path)], respect_gitignore=False))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert _rel(found, tmp_path) == ["a.txt", "locked: permission denied", "z.txt"]


def test_unlistable_folder_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, ["a.txt", "locked/b.txt", "z.txt"])
    real_scandir = os.scandir

    def scandir(path: str):  # type: ignore[no-untyped-def]
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr("linter.sources.os.scandir", scandir)
    found = list(discover([str(tmp_path)], respect_gitignore=False))
    assert _rel(found, tmp_path) == ["a.txt", "locked: permission denied", "z.txt"]


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_gitignore_is_respected(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _tree(tmp_path, ["keep.txt", "drafts/a.txt", "drafts/a.bak.txt", "build/out.txt", "sub/deep/x.md"])
    (tmp_path / ".gitignore").write_text("build/\n*.bak.txt\n", encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("deep/\n", encoding="utf-8")
    found = list(discover([str(tmp_path)]))
    assert _rel(found, tmp_path) == ["drafts/a.txt", "keep.txt"]
    everything = list(discover([str(tmp_path)], respect_gitignore=False))
    assert _rel(everything, tmp_path) == [
        "build/out.txt", "drafts/a.bak.txt", "drafts/a.txt", "keep.txt", "sub/deep/x.md",
    ]


@needs_git
def test_gitignore_in_a_subfolder_of_the_repo(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _tree(tmp_path, ["drafts/a.txt", "drafts/tmp/b.txt"])
    (tmp_path / ".gitignore").write_text("tmp/\n", encoding="utf-8")
    found = list(discover([str(tmp_path / "drafts")]))
    assert found == [str(tmp_path / "drafts" / "a.txt")]


def test_outside_a_work_tree_nothing_is_filtered(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.txt", "build/b.txt"])
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    env_dir = tmp_path  # tmp_path is not inside a git work tree
    found = list(discover([str(env_dir)]))
    assert _rel(found, tmp_path) == ["a.txt", "build/b.txt"]


def test_outside_a_work_tree_git_is_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path, ["a.txt", "build/b.txt"])
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    monkeypatch.delenv("GIT_DIR", raising=False)
    calls: list[list[str]] = []
    monkeypatch.setattr(subprocess, "run", lambda cmd, **kw: calls.append(cmd))
    found = list(discover([str(tmp_path)]))
    assert (_rel(found, tmp_path), calls) == (["a.txt", "build/b.txt"], [])


@needs_git
def test_in_a_work_tree_git_is_asked_once_per_depth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _tree(tmp_path, ["drafts/a.txt", "drafts/b.txt", "keep.txt"])
    (tmp_path / ".gitignore").write_text("b.txt\n", encoding="utf-8")
    real_run = subprocess.run
    calls: list[list[str]] = []

    def counted(cmd: list[str], **kw: object) -> object:
        calls.append(cmd)
        return real_run(cmd, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", counted)
    found = list(discover([str(tmp_path / "drafts")]))
    assert (found, calls) == ([str(tmp_path / "drafts" / "a.txt")], [["git", "check-ignore", "--stdin", "-z"]])


# -- positions -------------------------------------------------------------------

def test_line_col() -> None:
    text = "ab\r\ncd\ref\n\ng"
    assert [line_col(text, i) for i in (0, 2, 3, 4, 6, 7, 9, 10, 11, 12)] == [
        (1, 1), (1, 3), (1, 4), (2, 1), (2, 3), (3, 1), (3, 3), (4, 1), (5, 1), (5, 2),
    ]
    index = LineIndex(text)
    assert (index.line_count, index.offset(3, 2)) == (5, 8)
    with pytest.raises(ValueError):
        line_col(text, 13)


def test_line_col_counts_characters_not_bytes() -> None:
    assert line_col("caf\u00e9 \U0001f600 x", 7) == (1, 8)


@pytest.mark.parametrize(
    ("content", "size", "max_bytes", "expected"),
    [
        (b"hello", 5, 10, b"hello"),  # as fstat said
        (b"hello", 3, 10, b"hello"),  # grew since: read on
        (b"hello world!", 3, 10, None),  # grew past the limit
        (b"hello world!", 3, 12, b"hello world!"),  # grew to the limit exactly
        (b"hi", 5, 10, b"hi"),  # shrank
        (b"hello", 10, 10, b"hello"),  # size at the limit: one read of the limit
        (b"hello world!", 20, 10, None),
        (b"hello", None, 5, b"hello"),  # no size (standard input)
        (b"hello!", None, 5, None),
    ],
)
def test_a_limited_read_gives_what_one_read_of_the_limit_gives(
    content: bytes, size: int | None, max_bytes: int, expected: bytes | None
) -> None:
    from linter.sources import _read_limited

    assert _read_limited(io.BytesIO(content), max_bytes, size) == expected
    assert _read_limited(io.BytesIO(content), max_bytes) == expected
