"""From paths on the command line to decoded texts: the input boundary.

``discover`` turns paths into the files to lint, ``read_source`` turns one
path into a ``Source`` (the text the parser sees, the raw text the user
edits and a map between them) or an ``InputError`` with a one-line reason.
Nothing here raises on bad input: a binary file, a 5 MB file, a missing
file, a folder you cannot read or a symlink loop each become one
``InputError`` and the run goes on. This module and ``email_source`` are the
only places that read drafts from disk.

Decoding keeps the text exactly as stored -- line breaks included -- so that
offsets in ``text`` are offsets in the file. A byte-order mark is consumed
(editors hide it; ``encoding`` says how to write the file back).
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from linter.models import Span

if TYPE_CHECKING:
    from linter.offsets import OffsetMap

__all__ = [
    "Source",
    "InputError",
    "discover",
    "walk_would_find",
    "read_source",
    "open_regular",
    "decode_bytes",
    "encode_text",
    "DEFAULT_INCLUDE",
    "DEFAULT_MAX_BYTES",
    "STDIN",
]

DEFAULT_INCLUDE = ("*.txt", "*.eml", "*.md")
DEFAULT_MAX_BYTES = 2_000_000
STDIN = "<stdin>"
_SKIP_DIRS = frozenset({".git", ".hg", ".svn"})


@dataclass(frozen=True)
class Source:
    """A draft ready to parse."""

    path: str  # as the user gave it / found under a folder ("-" -> "<stdin>")
    text: str  # what the parser sees
    raw: str  # the file as the user edits it (== text unless .eml)
    origin: OffsetMap | None = None  # text offset -> raw offset (None: identity)
    encoding: str = "utf-8"  # how the file was decoded; ``encode_text`` writes it back

    def raw_offset(self, offset: int) -> int:
        """Where text ``offset`` is in ``raw``."""
        return offset if self.origin is None else self.origin.to_raw(offset)

    def raw_span(self, span: Span) -> Span:
        """Where text ``span`` is in ``raw`` (see ``OffsetMap.to_raw_span``)."""
        return span if self.origin is None else self.origin.to_raw_span(span)


@dataclass(frozen=True)
class InputError:
    """A path that cannot be linted, and why (one line, no path in it)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


# -- decoding ----------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_OF = {codec: bom for bom, codec in _BOMS}
# Bytes that are neither text nor line/page layout (tab, LF, VT, FF, CR pass).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 or b == 127) or b in b"\t\n\v\f\r")
_CONTROL_SHARE = 0.01  # more than 1% control bytes: not a draft
BINARY = "binary file, not a text draft"
EMPTY = "empty draft"


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of a draft's bytes. Raises ``ValueError`` with a
    one-line reason for binary data.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32; the mark is dropped
    from the text and kept in the encoding's name: ``utf-8-sig``,
    ``utf-16-le``... -- see ``encode_text``).
    Otherwise data with NUL bytes or over 1% control characters is binary;
    the rest is strict UTF-8, else Windows-1252, else Latin-1 (which
    decodes anything, so text always comes out).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec.replace("-sig", "")), codec
            except UnicodeDecodeError:
                name = "-".join(codec.split("-")[:2]).upper()
                raise ValueError(f"not valid {name} text despite its byte-order mark") from None
    if b"\0" in data or len(data.translate(None, _NOT_CONTROL)) > len(data) * _CONTROL_SHARE:
        raise ValueError(BINARY)
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


def encode_text(text: str, encoding: str) -> bytes:
    """The bytes of ``text`` as a file in ``encoding`` (a ``Source.encoding``),
    byte-order mark included: ``encode_text(*decode_bytes(data)) == data``."""
    return _BOM_OF.get(encoding, b"") + text.encode(encoding.replace("-sig", ""))


def _size(n: float) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{int(n)} bytes"


def _limit(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} kB"
    return f"{n} bytes"


def _too_big(max_bytes: int, size: int | None) -> str:
    known = f" ({_size(size)})" if size is not None and size > max_bytes else ""
    return f"larger than the {_limit(max_bytes)} limit{known}"


def _os_error(path: str, exc: OSError) -> str:
    """A one-line reason for an ``OSError`` raised while opening ``path``."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return "broken symlink"
        return "no such file"
    if isinstance(exc, NotADirectoryError):
        return "no such file (a parent is not a folder)"
    reason = exc.strerror or exc.__class__.__name__
    return reason[:1].lower() + reason[1:]


def _read_limited(stream: IO[bytes], max_bytes: int) -> bytes | None:
    """At most ``max_bytes`` bytes, or ``None`` when there are more."""
    data = stream.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def read_source(
    path: str, stdin: IO[bytes] | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Source | InputError:
    """Read and decode one draft. ``"-"`` reads ``stdin`` (default
    ``sys.stdin.buffer``). Files ending in ``.eml`` are decoded as email
    messages. Never raises for bad input: returns an ``InputError``."""
    if path == "-":
        if stdin is None and sys.stdin is None:  # pythonw, a closed descriptor
            return InputError(STDIN, "no standard input to read")
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = _read_limited(stream, max_bytes)
        except OSError as exc:
            return InputError(STDIN, _os_error(STDIN, exc))
        if data is None:
            return InputError(STDIN, _too_big(max_bytes, None))
        return _decode(STDIN, data, is_email=False)
    try:
        kind = _not_regular(os.stat(path).st_mode)  # never blocks, unlike open()
        if kind:
            return InputError(path, kind)
        with open_regular(path) as handle:
            info = os.fstat(handle.fileno())
            kind = _not_regular(info.st_mode)  # replaced since the stat
            if kind:
                return InputError(path, kind)
            if info.st_size > max_bytes:
                return InputError(path, _too_big(max_bytes, info.st_size))
            data = _read_limited(handle, max_bytes)
    except OSError as exc:
        return InputError(path, _os_error(path, exc))
    if data is None:  # grew while we read it
        return InputError(path, _too_big(max_bytes, None))
    return _decode(path, data, is_email=path.lower().endswith(".eml"))


_NOT_REGULAR = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "not a regular file (a named pipe)"),
    (stat.S_ISSOCK, "not a regular file (a socket)"),
    (stat.S_ISCHR, "not a regular file (a character device)"),
    (stat.S_ISBLK, "not a regular file (a block device)"),
)


def _not_regular(mode: int) -> str | None:
    """Why a file of ``mode`` is not read, or ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((reason for test, reason in _NOT_REGULAR if test(mode)), "not a regular file")


def open_regular(path: str) -> IO[bytes]:
    """``open(path, "rb")`` that cannot block: a named pipe swapped in for
    the file opens at once (and is then refused by its ``fstat``) instead
    of waiting for a writer that may never come."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _decode(path: str, data: bytes, is_email: bool) -> Source | InputError:
    try:
        raw, encoding = decode_bytes(data)
    except ValueError as exc:
        return InputError(path, str(exc))
    if not raw.strip():
        return InputError(path, EMPTY)
    if not is_email:
        return Source(path, raw, raw, None, encoding)
    from linter.email_source import EmailError, email_to_text  # the email package, for .eml only

    try:
        text, origin = email_to_text(raw, data)
    except EmailError as exc:
        return InputError(path, str(exc))
    except Exception as exc:  # noqa: BLE001 - a malformed message must not end the run
        return InputError(path, f"unreadable email message ({exc.__class__.__name__})")
    return Source(path, text, raw, origin, encoding)


# -- discovery ---------------------------------------------------------------

def _matches(patterns: Sequence[str], rel: str, name: str) -> bool:
    """Case-insensitive glob match: patterns with a ``/`` against the path
    relative to the folder given, the others against the file name."""
    rel, name = rel.lower(), name.lower()
    for pattern in patterns:
        pat = pattern.lower().rstrip("/")
        if "/" in pat:
            if fnmatch.fnmatchcase(rel, pat.lstrip("/")) or fnmatch.fnmatchcase(rel, "*/" + pat):
                return True
        elif fnmatch.fnmatchcase(name, pat):
            return True
    return False


class _GitIgnore:
    """``git check-ignore`` for one folder walk: one call per folder depth,
    so ignored folders are pruned before we descend into them."""

    def __init__(self, root: str, enabled: bool) -> None:
        self.root = root
        self.enabled = enabled

    def ignored(self, rels: Sequence[str]) -> set[str]:
        if not self.enabled or not rels:
            return set()
        import subprocess

        try:
            done = subprocess.run(
                ["git", "check-ignore", "--stdin", "-z"],
                cwd=self.root,
                input="\0".join(rels).encode("utf-8", "surrogateescape") + b"\0",
                capture_output=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            self.enabled = False  # no git: no filtering
            return set()
        if done.returncode not in (0, 1):  # 128: not a work tree, or a bad path
            self.enabled = not (
                b"not a git repository" in done.stderr or b"work tree" in done.stderr
            )
            return set()
        return {p for p in done.stdout.decode("utf-8", "surrogateescape").split("\0") if p}


def discover(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
) -> Iterator[str | InputError]:
    """The files to lint, in order: each path as given; folders searched
    recursively in sorted order. A file named explicitly is always yielded
    (``include``, ``exclude`` and ``.gitignore`` only filter what a folder
    walk finds); ``"-"`` is yielded as is. Folders that cannot be read and
    symlink loops are yielded as ``InputError`` and the walk goes on; the
    same file reached twice (through a symlink, say) is yielded once."""
    seen: set[object] = set()
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            if path == "-" or _first_time(path, seen):
                yield path
            continue
        yield from _walk(path, include, exclude, respect_gitignore, seen)


def walk_would_find(root: str, path: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether a walk of folder ``root`` lists the file named ``path`` (by its
    own name: a symlink is the entry, not its target), ``.gitignore`` aside."""
    here = os.path.join(os.path.realpath(os.path.dirname(os.path.abspath(path))), os.path.basename(path))
    rel = os.path.relpath(here, os.path.realpath(root))
    parts = rel.split(os.sep)
    if os.pardir in parts[:1] or rel == os.curdir:
        return False
    for depth in range(1, len(parts)):
        folder = parts[depth - 1]
        if folder in _SKIP_DIRS or _matches(exclude, "/".join(parts[:depth]), folder):
            return False
    posix = "/".join(parts)
    return _matches(include, posix, parts[-1]) and not _matches(exclude, posix, parts[-1])


def _first_time(path: str, seen: set[object], info: os.stat_result | None = None) -> bool:
    """Whether the file at ``path`` (``info``: its ``os.stat``) is new to
    this walk: known by device and inode, which a stat gives with no more
    system calls (``realpath`` makes one per folder of the path), or by
    ``realpath`` when there is nothing to stat."""
    try:
        info = info or os.stat(path)
        key: object = (info.st_dev, info.st_ino)
    except OSError:
        key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(
    root: str,
    include: Sequence[str],
    exclude: Sequence[str],
    respect_gitignore: bool,
    seen: set[object],
) -> Iterator[str | InputError]:
    """Breadth-first by depth (one ``git check-ignore`` per depth), then
    yielded in sorted depth-first order."""
    git = _GitIgnore(root, respect_gitignore)
    found: list[tuple[tuple[str, ...], str | InputError]] = []
    # (relative parts, realpaths of the folders above and including it, behind a symlink?)
    level: list[tuple[tuple[str, ...], tuple[str, ...], bool]] = [
        ((), (os.path.realpath(root),), False)
    ]
    visited = {os.path.realpath(root)}
    while level:
        entries: list[tuple[tuple[str, ...], tuple[str, ...], bool, bool, str]] = []
        for parts, ancestors, linked in level:
            folder = os.path.join(root, *parts) if parts else root
            try:
                with os.scandir(folder) as it:
                    listing = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                found.append((parts, InputError(folder, _os_error(folder, exc))))
                continue
            for entry in listing:
                sub = (*parts, entry.name)
                rel = "/".join(sub)
                full = os.path.join(folder, entry.name)
                try:
                    is_dir = entry.is_dir()  # follows symlinks
                    is_link = entry.is_symlink()
                    is_file = entry.is_file()
                except OSError as exc:
                    found.append((sub, InputError(full, _os_error(full, exc))))
                    continue
                if is_dir:
                    if entry.name in _SKIP_DIRS or _matches(exclude, rel, entry.name):
                        continue
                    entries.append((sub, ancestors, linked or is_link, True, full))
                else:  # files, and pipes or devices: read_source says why it skips those
                    if _matches(include, rel, entry.name) and not _matches(exclude, rel, entry.name):
                        entries.append((sub, ancestors, linked, False, full))
        # Paths behind a symlinked folder cannot be asked about (git refuses
        # to look "beyond a symbolic link"); they are kept.
        askable = ["/".join(e[0]) + ("/" if e[3] else "") for e in entries if not e[2]]
        ignored = {p.rstrip("/") for p in git.ignored(askable)}
        next_level: list[tuple[tuple[str, ...], tuple[str, ...], bool]] = []
        for sub, ancestors, linked, is_dir, full in entries:
            if "/".join(sub) in ignored:
                continue
            if not is_dir:
                try:
                    info = os.stat(full)  # a broken or looping symlink fails here
                except OSError as exc:
                    found.append((sub, InputError(full, _os_error(full, exc))))
                    continue
                if _first_time(full, seen, info):
                    found.append((sub, full))
                continue
            real = os.path.realpath(full)
            if real in ancestors:
                found.append((sub, InputError(full, "symlink loop")))
            elif real not in visited:  # else: already walked through another link
                visited.add(real)
                next_level.append((sub, (*ancestors, real), linked or os.path.islink(full)))
        level = next_level
    found.sort(key=lambda item: item[0])
    for _, item in found:
        yield item
