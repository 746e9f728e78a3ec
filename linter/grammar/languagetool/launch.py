"""Launch the LanguageTool server process and wait until it answers.

``server.start`` calls ``launch`` under its lock; this module writes the
server's config and log, picks a free port and polls its health.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import TextIO

from linter.grammar.languagetool.errors import ServerFailed
from linter.grammar.languagetool.health import healthy, warm
from linter.grammar.languagetool.install import MAIN_CLASS, Installation
from linter.grammar.languagetool.process import kill
from linter.grammar.languagetool.state import HOST, ServerState
from linter.grammar.private_files import private_log

__all__ = ["CONFIG", "LOG", "SERVER_CONFIG", "launch"]

LOG = "server.log"
CONFIG = "server.properties"

# Pipeline caching keeps LanguageTool's per-language rule pipelines between
# requests (the main cost of a request otherwise); cacheSize caches results
# per sentence, so re-checking a draft after a small edit is cheap.
SERVER_CONFIG = {
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "10",
    "pipelineExpireTimeInSeconds": "3600",
    "cacheSize": "2000",
    "cacheTTLSeconds": "3600",
}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _write_config(cache: Path) -> Path:
    path = cache / CONFIG
    text = "".join(f"{key}={value}\n" for key, value in SERVER_CONFIG.items())
    path.write_text(text, encoding="utf-8")
    return path


def _rotate_log(cache: Path) -> Path:
    log = cache / LOG
    if log.exists():
        os.replace(log, cache / (LOG + ".1"))
    return log


def launch(cache: Path, java: str, installation: Installation, heap: str,
           idle_timeout: float, timeout: float, log: TextIO,
           warm_up: bool) -> ServerState:
    """Start the server on a free port; its state once it answers."""
    config = _write_config(cache)
    for _attempt in range(3):  # the free port may be taken before Java binds it
        port = _free_port()
        cmd = [java, f"-Xmx{heap}", "-Djava.awt.headless=true",
               "-cp", installation.classpath,
               MAIN_CLASS, "--config", str(config), "--port", str(port)]
        log.write(f"Starting LanguageTool on {HOST}:{port} (heap {heap})...\n")
        log.flush()
        started_at = time.time()
        with private_log(_rotate_log(cache), fresh=True) as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, cwd=cache,
                                    start_new_session=True)
        try:
            state = _wait_healthy(proc, port, started_at, heap, idle_timeout,
                                  timeout, log, installation.version, warm_up)
        except ServerFailed as exc:
            kill(proc)
            raise ServerFailed(f"{exc}; see {cache / LOG}") from None
        except BaseException:  # never leave an unrecorded server behind
            kill(proc)
            raise
        if state is not None:
            return state
        if "Address already in use" not in _log_tail(cache):
            raise ServerFailed(f"LanguageTool exited at start (code {proc.returncode}): "
                               f"{_last_error(cache)}; see {cache / LOG}")
    raise ServerFailed(f"LanguageTool could not bind a free port; see {cache / LOG}")


def _wait_healthy(proc: subprocess.Popen[bytes], port: int, started_at: float,
                  heap: str, idle_timeout: float, timeout: float,
                  log: TextIO, version: str, warm_up: bool) -> ServerState | None:
    """Poll until the server answers, then warm it up; None if it exited."""
    import psutil  # type: ignore[import-untyped,unused-ignore]

    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return None
        if healthy(url, timeout=1.0):
            log.write(f"LanguageTool {version} healthy after {time.time() - started_at:.1f} s\n")
            if warm_up:
                version = warm(url)
                log.write(f"Warmed up after {time.time() - started_at:.1f} s\n")
            create_time = psutil.Process(proc.pid).create_time()
            return ServerState(proc.pid, port, version, started_at,
                               create_time, heap, idle_timeout)
        time.sleep(0.1)
    raise ServerFailed(f"LanguageTool did not answer within {timeout:.0f} s")


def _log_tail(cache: Path, size: int = 8000) -> str:
    try:
        with open(cache / LOG, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - size))
            return handle.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _last_error(cache: Path) -> str:
    """The most telling line of the log, for a one-line error message."""
    lines = [line.strip() for line in _log_tail(cache).splitlines() if line.strip()]
    for line in reversed(lines):
        if "Exception" in line or "Error" in line:
            return line[:200]
    return lines[-1][:200] if lines else "no output"
