"""The small HTTP client of the check hot path, against canned replies."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from linter.grammar.languagetool.wire import BadResponse, post


@pytest.fixture
def reply() -> Iterator[tuple[int, list[bytes]]]:
    """A one-shot server on loopback: answers with the bytes put in the list."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    chunks: list[bytes] = []
    seen: list[bytes] = []

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, body = data.partition(b"\r\n\r\n")
            length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
            while len(body) < length:
                body += conn.recv(65536)
            seen.append(head + b"\r\n\r\n" + body)
            for chunk in chunks:
                conn.sendall(chunk)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1], chunks
    thread.join(5)
    listener.close()


def ask(port: int) -> tuple[int, bytes]:
    return post("127.0.0.1", port, "/v2/check", b"text=hi", {"X-Test": "1"}, 5)


def test_content_length(reply: tuple[int, list[bytes]]) -> None:
    port, chunks = reply
    chunks += [b"HTTP/1.1 200 OK\r\nContent-length: 5\r\n\r\nhel", b"lo"]
    assert ask(port) == (200, b"hello")


def test_chunked(reply: tuple[int, list[bytes]]) -> None:
    port, chunks = reply
    chunks += [b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
               b"3\r\nabc\r\n", b"2;x=y\r\nde\r\n0\r\n\r\n"]
    assert ask(port) == (200, b"abcde")


def test_body_until_close(reply: tuple[int, list[bytes]]) -> None:
    port, chunks = reply
    chunks += [b"HTTP/1.0 500 Internal Error\r\n\r\nError: boom"]
    assert ask(port) == (500, b"Error: boom")


def test_truncated_reply_is_an_error(reply: tuple[int, list[bytes]]) -> None:
    port, chunks = reply
    chunks += [b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"]
    with pytest.raises(BadResponse):
        ask(port)


def test_not_http_is_an_error(reply: tuple[int, list[bytes]]) -> None:
    port, chunks = reply
    chunks += [b"SSH-2.0-OpenSSH\r\n\r\n"]
    with pytest.raises(BadResponse, match="not an HTTP status line"):
        ask(port)
