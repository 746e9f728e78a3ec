"""Forward a whole ``check`` run to the warm service."""

from __future__ import annotations

import os
from typing import Any

from linter.grammar.base import say_waiting
from linter.service.client import CHECK_TIMEOUT, RequestStopped, WorkerBackend, WorkerUnavailable
from linter.service.protocol import CheckCall, CheckReply, ProtocolError

__all__ = ["run_check_in_worker"]

BUSY_TIMEOUT = 3.0  # a worker that cannot answer a ping this fast is busy with another client
PATIENCE = 3.0  # seconds of a forwarded check before saying what it waits for
FORWARD_MAX = 4 * 2**20  # stdin bytes sent to the worker; more is linted in process


def run_check_in_worker(request: dict[str, Any], stdin: bytes | None, *, start: bool = True) -> CheckReply | None:
    """Run a ``followup-lint check`` request in the warm worker, which has
    every check loaded and compiled; ``request`` is ``CheckRequest.to_json()``.
    None when no worker can be had, or the
    one running is busy with another client, or ``stdin`` is too large to
    forward (the caller then runs in process, on the same bytes); with
    ``start=False`` only a worker already running is used.

    The worker stops a request that runs past its time limit: that raises
    ``RequestStopped`` (the run's one error line), not a fallback that
    would try the same thing again in this process."""
    if stdin is not None and len(stdin) > FORWARD_MAX:
        return None
    env = {k: v for k, v in os.environ.items() if k.startswith("FOLLOWUP_LINT_") or k in ("CI", "NO_COLOR")}
    call = CheckCall(request, os.getcwd(), env, stdin)
    import threading

    client = WorkerBackend(request_timeout=BUSY_TIMEOUT, start=start)
    patience = threading.Timer(PATIENCE, say_waiting, (
        "waiting for the warm worker to finish this run (starting LanguageTool, or a slow draft)",
    ))
    patience.daemon = True
    try:
        client.ping()
        client._request_timeout = CHECK_TIMEOUT
        patience.start()
        reply = CheckReply.from_wire(client._ask(call.to_wire()))
    except RequestStopped:
        raise
    except ProtocolError:
        return None
    except WorkerUnavailable as exc:
        if "did not answer within" in str(exc):
            say_waiting("the warm worker is busy with another run; checking in this process")
        return None
    finally:
        patience.cancel()
        client.close()
    return reply
