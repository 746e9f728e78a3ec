"""A minimal HTTP/1.1 POST over a plain socket, for the check hot path.

Why not ``http.client``: it imports the ``email`` package and costs 18-30 ms
per CLI run here, two to three times a warm LanguageTool check of a whole
draft. This sends one request with ``Connection: close`` and reads one
response, by ``Content-Length`` or chunked; ``https`` URLs and anything
unusual go through ``http.client`` instead (see ``client.py``).
"""

from __future__ import annotations

import socket

__all__ = ["BadResponse", "post"]

_MAX_RESPONSE = 64 * 2**20


class BadResponse(OSError):
    """The server's reply is not HTTP we can read."""


def post(host: str, port: int, path: str, body: bytes,
         headers: dict[str, str], timeout: float) -> tuple[int, bytes]:
    """POST ``body`` to ``http://host:port/path``; return (status, body)."""
    lines = [f"POST {path} HTTP/1.1", f"Host: {host}:{port}",
             f"Content-Length: {len(body)}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(request)
        return _read_response(sock)


def _read_response(sock: socket.socket) -> tuple[int, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        data += _recv(sock, len(data))
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise BadResponse(f"not an HTTP status line: {status_line[:80]!r}")
    fields = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    if "chunked" in fields.get("transfer-encoding", "").lower():
        return int(parts[1]), _read_chunked(sock, rest)
    if "content-length" in fields:
        length = int(fields["content-length"])
        while len(rest) < length:
            rest += _recv(sock, len(rest))
        return int(parts[1]), rest[:length]
    while True:  # no length given: the body ends when the server closes
        try:
            rest += _recv(sock, len(rest))
        except BadResponse:
            return int(parts[1]), rest


def _read_chunked(sock: socket.socket, data: bytes) -> bytes:
    body = b""
    while True:
        while b"\r\n" not in data:
            data += _recv(sock, len(data))
        size_line, _, data = data.partition(b"\r\n")
        size = int(size_line.split(b";")[0].strip() or b"0", 16)
        if size == 0:
            return body
        while len(data) < size + 2:
            data += _recv(sock, len(data))
        body += data[:size]
        data = data[size + 2:]


def _recv(sock: socket.socket, have: int) -> bytes:
    chunk = sock.recv(65536)
    if not chunk:
        raise BadResponse("connection closed before the response was complete")
    if have + len(chunk) > _MAX_RESPONSE:
        raise BadResponse("response too large")
    return chunk
