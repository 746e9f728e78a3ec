"""Forward a ``check`` to a warm worker that is already running, with
nothing but a socket and json: the thin entry point's (``launch``) way in,
which must not import the client, dataclasses or click. It never starts a
worker (``forward.run_check_in_worker`` does) and never retries: every
failure has its answer in the caller, which lints in its own process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from linter.service.place import connect, message

if TYPE_CHECKING:
    import socket

__all__ = [
    "BUSY_TIMEOUT", "CHECK_TIMEOUT", "FORWARD_MAX", "PATIENCE", "Busy", "NotRunning", "Stopped",
    "check_call", "check_in_running_worker", "forwarded_env",
]

BUSY_TIMEOUT = 3.0  # a worker that cannot answer a ping this fast is busy with another client
PATIENCE = 3.0  # seconds of a forwarded check before saying what it waits for
CHECK_TIMEOUT = 600.0  # a whole check command: many files, or LanguageTool
FORWARD_MAX = 4 * 2**20  # stdin bytes sent to the worker; more is linted in process
PATIENT_LINE = "waiting for the warm worker to finish this run (starting LanguageTool, or a slow draft)"
_FORWARDED_ENV = ("CI", "NO_COLOR")


class NotRunning(Exception):
    """No worker listens on the socket (or its file belongs to another user)."""


class Busy(Exception):
    """The worker did not answer a ping within ``BUSY_TIMEOUT``: it serves another client."""


class Stopped(Exception):
    """The worker stopped this request at its time limit; the message is the run's error line."""


def forwarded_env() -> dict[str, str]:
    """The client's settings a forwarded run uses as its own."""
    return {k: v for k, v in os.environ.items() if k.startswith("FOLLOWUP_LINT_") or k in _FORWARDED_ENV}


def check_call(request: dict[str, Any], stdin: bytes | None) -> dict[str, Any]:
    """The ``check`` message (``protocol.CheckCall.to_wire``) for ``request``
    (``CheckRequest.to_json()``) from this folder, with these settings."""
    import binascii

    piped = binascii.b2a_base64(stdin, newline=False).decode("ascii") if stdin is not None else None
    return message("check", request=request, cwd=os.getcwd(), env=forwarded_env(), stdin=piped)


def check_in_running_worker(
    path: str, request: dict[str, Any], stdin: bytes | None, waiting: Callable[[str], None],
) -> tuple[str, list[str], int] | None:
    """The report, error lines and exit code of ``request`` run by the
    worker listening on ``path``. None when it refused the run, failed or
    sent a malformed reply, or ``stdin`` is too large to forward. Raises
    ``NotRunning``, ``Busy`` or ``Stopped``; ``waiting`` is told what a
    long run waits for."""
    if stdin is not None and len(stdin) > FORWARD_MAX:
        return None
    try:
        sock = connect(path)
    except OSError:  # another user's socket file, or a connect that failed
        raise NotRunning(path) from None
    if sock is None:
        raise NotRunning(path)
    try:
        try:
            if not _ask(sock, message("ping"), BUSY_TIMEOUT).get("ok"):
                return None
        except TimeoutError:
            raise Busy() from None
        reply = _ask(sock, check_call(request, stdin), PATIENCE, waiting)
    except (OSError, ValueError):  # died, reset, half a line
        return None
    finally:
        sock.close()
    if reply.get("timed_out"):
        raise Stopped(str(reply.get("error", "the request took too long")))
    report, errors, code = reply.get("report"), reply.get("errors"), reply.get("code")
    if not reply.get("ok") or not isinstance(report, str) or not isinstance(errors, list) or not isinstance(code, int):
        return None
    return report, [str(e) for e in errors], code


def _ask(
    sock: socket.socket, request: dict[str, Any], timeout: float, waiting: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """``request``'s reply line. With ``waiting``: after ``timeout`` seconds
    it is told so, once, and the wait goes on up to ``CHECK_TIMEOUT``."""
    import json

    sock.settimeout(timeout)
    sock.sendall(json.dumps(request).encode() + b"\n")
    received = bytearray()
    while not received.endswith(b"\n"):
        try:
            chunk = sock.recv(1 << 16)
        except TimeoutError:
            if waiting is None:
                raise
            waiting(PATIENT_LINE)
            waiting = None
            sock.settimeout(CHECK_TIMEOUT - timeout)
            continue
        if not chunk:
            raise ConnectionResetError("the worker closed the connection")
        received += chunk
    reply = json.loads(received)
    if not isinstance(reply, dict):
        raise ValueError("the worker sent a malformed reply")
    return reply
