"""The messages between a client and the warm service, shared by both sides.

One JSON object per line each way. Every request carries ``v`` (
``VERSION``) and ``op``; a service that speaks another version
answers ``{"ok": false, "error": ...}`` instead of guessing. Replies carry
``ok``; a request the service stopped at its time limit also has
``timed_out``. The ops:

    ping             -> pid, rss, requests served, ... (``worker status``)
    grammar  text    -> issues (Harper's, as ``GrammarIssue`` fields)
    check    CheckCall -> CheckReply (a whole ``followup-lint check``); refused
                        (``refused``) to a client whose rights differ from the
                        service's (``peer``): that client lints in its own process
    own [harper]     -> own: true, the lane's number and its socket: a process
                        forked from the service that answers grammar and ping
                        there (the client connects to it instead); own: false
                        (served as before) for a number past the last lane
                        (one per core). Process k of a pooled run asks for k.
    stop             -> ok, then the service (or the lane asked) exits
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from linter.service.place import VERSION, message  # there, so the thin entry point need not import this module

__all__ = ["MAX_LINE", "VERSION", "CheckCall", "CheckReply", "ProtocolError", "message", "version_error"]

MAX_LINE = 8 * 1024 * 1024  # bytes in one request; a draft is a few KB, so anything absurd is refused



class ProtocolError(ValueError):
    """A message that does not have the fields its op needs."""


def version_error(request: dict[str, Any]) -> str | None:
    """Why the service must refuse ``request``'s version, or None."""
    version = request.get("v")
    if version == VERSION:
        return None
    return f"protocol version {version!r} is not {VERSION}: client and service are different releases"


@dataclass(frozen=True)
class CheckCall:
    """A ``check`` run for a client: its request (``CheckRequest.to_json``),
    folder, FOLLOWUP_LINT_* settings and piped bytes."""

    request: dict[str, Any]
    cwd: str
    env: dict[str, str]
    stdin: bytes | None

    def to_wire(self) -> dict[str, Any]:
        stdin = base64.b64encode(self.stdin).decode("ascii") if self.stdin is not None else None
        return message("check", request=self.request, cwd=self.cwd, env=self.env, stdin=stdin)

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> CheckCall:
        request, cwd, env, stdin = data.get("request"), data.get("cwd"), data.get("env"), data.get("stdin")
        if not isinstance(request, dict) or not isinstance(cwd, str) or not isinstance(env, dict):
            raise ProtocolError("'check' needs 'request', 'cwd' and 'env'")
        if stdin is not None and not isinstance(stdin, str):
            raise ProtocolError("'stdin' must be base64 text or null")
        raw = base64.b64decode(stdin, validate=True) if stdin is not None else None
        return cls(request, cwd, {str(k): str(v) for k, v in env.items()}, raw)


@dataclass(frozen=True)
class CheckReply:
    """What a ``check`` run produced: the report, one line per error, the exit code."""

    report: str
    errors: tuple[str, ...]
    code: int

    def to_wire(self) -> dict[str, Any]:
        return {"ok": True, "report": self.report, "errors": list(self.errors), "code": self.code}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> CheckReply:
        report, errors, code = data.get("report"), data.get("errors"), data.get("code")
        if not isinstance(report, str) or not isinstance(errors, list) or not isinstance(code, int):
            raise ProtocolError("a 'check' reply needs 'report', 'errors' and 'code'")
        return cls(report, tuple(str(e) for e in errors), code)
