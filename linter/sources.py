"""From paths on the command line to decoded texts: the input boundary.

``discover`` (from ``discovery``) turns paths into the files to lint,
``read_source`` turns one path into a ``Source`` (the text the parser sees,
the raw text the user edits and a map between them) or an ``InputError``
with a one-line reason.
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
import os
import stat
import sys
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from linter.discovery import DEFAULT_INCLUDE, discover, walk_would_find
from linter.input_error import InputError, _os_error
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

DEFAULT_MAX_BYTES = 2_000_000
STDIN = "<stdin>"


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


def _read_limited(stream: IO[bytes], max_bytes: int, size: int | None = None) -> bytes | None:
    """At most ``max_bytes`` bytes, or ``None`` when there are more. With
    the file's ``size`` (from ``fstat``) that many bytes and one are asked
    for first: a read of ``max_bytes`` sets aside that much memory each
    time, whatever the file holds."""
    if size is not None and size < max_bytes:
        data = stream.read(size + 1)
        if len(data) <= size:
            return data
        data += stream.read(max_bytes - size)  # it grew since: read on to the limit and one
    else:
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
            data = _read_limited(handle, max_bytes, info.st_size)
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
