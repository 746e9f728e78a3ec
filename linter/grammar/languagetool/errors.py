"""Errors raised while installing or running the local LanguageTool server.

Every message is one line that says what went wrong and, where possible,
what to do about it; the CLI prints it as is.
"""

from __future__ import annotations

__all__ = [
    "LanguageToolError",
    "JavaNotFound",
    "MavenNotFound",
    "InstallFailed",
    "NotInstalled",
    "ServerFailed",
    "RemoteRefused",
]


class LanguageToolError(RuntimeError):
    """Base class: anything the ``languagetool`` commands report and exit 2 on."""


class JavaNotFound(LanguageToolError):
    """No usable ``java`` (17 or newer) on PATH or in JAVA_HOME."""


class MavenNotFound(LanguageToolError):
    """No ``mvn`` on PATH, so the jars cannot be resolved."""


class InstallFailed(LanguageToolError):
    """Maven ran but did not produce a complete set of jars."""


class NotInstalled(LanguageToolError):
    """A server was asked for but nothing is installed in the cache folder."""


class ServerFailed(LanguageToolError):
    """The server process died or never became healthy."""


class RemoteRefused(LanguageToolError):
    """A config file names a server off this machine without opting in."""
