"""Skip-or-fail for tests that need Java or LanguageTool."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

__all__ = ["IN_CI", "unavailable"]

IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str) -> NoReturn:
    """Skip locally; under CI=true a missing LanguageTool is a failure."""
    if IN_CI:
        pytest.fail(f"LanguageTool unavailable under CI=true: {reason}", pytrace=False)
    pytest.skip(f"LanguageTool unavailable: {reason}")
