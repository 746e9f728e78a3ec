"""A whole ``followup-lint check`` run inside the warm service for a CLI
client, as if in the client's own process."""

from __future__ import annotations

import os
from typing import Any

from linter.service.protocol import CheckCall, CheckReply


_FORWARDED_ENV = ("CI", "NO_COLOR")


def _run_check(call: CheckCall) -> dict[str, Any]:
    """A whole ``followup-lint check`` for a CLI client, with the client's
    folder and FOLLOWUP_LINT_* settings (only for a client with this
    process's own rights: ``peer``); grammar runs on this process's own
    Harper (``service="none"``), one file after another."""
    import io
    from dataclasses import replace

    from linter.command import CheckRequest, run_check

    check = replace(CheckRequest.from_json(call.request), jobs=1, service="none")
    stdin = io.BytesIO(call.stdin) if call.stdin is not None else None
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    try:
        for key in [k for k in os.environ if k.startswith("FOLLOWUP_LINT_") or k in _FORWARDED_ENV]:
            del os.environ[key]
        os.environ.update(call.env)
        os.chdir(call.cwd)
        outcome = run_check(check, stdin)
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return CheckReply(outcome.report, outcome.errors, outcome.code).to_wire()
