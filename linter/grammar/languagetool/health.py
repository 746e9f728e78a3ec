"""Ask the local server whether it is up, and warm it up (standard library
HTTP: the manager's own requests, not a lint run's)."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlencode

from linter.grammar.languagetool.errors import ServerFailed

__all__ = ["WARM_TEXT", "healthy", "warm"]

WARM_TEXT = "Thank you for the interview yesterday. I enjoyed our talk."


def _http(url: str, method: str, path: str, body: bytes | None = None,
          timeout: float = 5.0) -> tuple[int, bytes]:
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        conn.request(method, path, body=body, headers=headers if body else {})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        code, _ = _http(url, "GET", "/v2/languages", timeout=timeout)
    except (OSError, http.client.HTTPException):
        return False
    return code == 200


def warm(url: str) -> str:
    """One check so the first real check does not pay for loading rules;
    returns the version the server reports."""
    body = urlencode({"language": "en-US", "text": WARM_TEXT}).encode()
    code, raw = _http(url, "POST", "/v2/check", body, timeout=60.0)
    if code != 200:
        raise ServerFailed(f"LanguageTool answered {code} to its warm-up check")
    return str(json.loads(raw)["software"]["version"])
