"""Every data file the code reads is shipped by a wheel (pyproject's
package-data), not only found in a checkout."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]


def _shipped(path: Path, package_data: dict[str, list[str]]) -> bool:
    for package, patterns in package_data.items():
        base = ROOT.joinpath(*package.split("."))
        if base in path.parents:
            inside = path.relative_to(base).as_posix()
            if any(fnmatch.fnmatch(inside, pattern) for pattern in patterns):
                return True
    return False


def test_every_data_file_in_the_packages_is_in_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = config["tool"]["setuptools"]["package-data"]
    data = [
        p
        for package in ("linter", "checks")
        for p in sorted((ROOT / package).rglob("*"))
        if p.is_file() and p.suffix not in (".py", ".pyc", ".marshal") and "__pycache__" not in p.parts
    ]
    assert data  # the phrasings, the model tables, the report schema
    assert [str(p.relative_to(ROOT)) for p in data if not _shipped(p, package_data)] == []
