"""Forward a whole ``check`` run to the warm service."""

from __future__ import annotations

import os
from typing import Any

from linter.grammar.base import say_waiting
from linter.service.client import RequestStopped, WorkerBackend, WorkerUnavailable
from linter.service.protocol import CheckCall, CheckReply, ProtocolError
from linter.service.running import BUSY_TIMEOUT, CHECK_TIMEOUT, FORWARD_MAX, PATIENCE, PATIENT_LINE, forwarded_env

__all__ = ["run_check_in_worker"]


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
    call = CheckCall(request, os.getcwd(), forwarded_env(), stdin)
    import threading

    client = WorkerBackend(request_timeout=BUSY_TIMEOUT, start=start)
    patience = threading.Timer(PATIENCE, say_waiting, (PATIENT_LINE,))
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
