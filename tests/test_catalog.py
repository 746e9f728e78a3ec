"""The catalog: every check module registered once, well named, documented,
and its own example fires while its better version does not."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import checks
from linter.check import CODE_PATTERN, NAME_PATTERN, Check
from linter.explain import RULES, SOURCES
from linter.models import Severity
from linter.registry import load_checks
from tests.helpers import run_check

CHECKS = load_checks()


def test_every_check_module_is_in_the_catalog_once():
    found = set()
    for family in pkgutil.iter_modules(checks.__path__):
        if not family.ispkg:
            continue
        package = importlib.import_module(f"checks.{family.name}")
        for module in pkgutil.iter_modules(package.__path__):
            found.add(f"checks.{family.name}.{module.name}")
    assert found == set(checks.MODULES)
    assert len(checks.MODULES) == len(set(checks.MODULES)) == 22


def test_codes_and_names_unique_and_well_formed():
    assert len({c.code for c in CHECKS}) == len({c.name for c in CHECKS}) == len(CHECKS)
    for check in CHECKS:
        assert CODE_PATTERN.match(check.code), check.code
        assert NAME_PATTERN.match(check.name), check.name
        module = next(m for m in checks.MODULES if importlib.import_module(m).CHECK is check)
        assert module.rsplit(".", 1)[1] == check.name.replace("-", "_")


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_documented_in_fixed_sections(check: Check):
    assert isinstance(check.severity, Severity)
    for text in (check.summary, check.why, check.example, check.instead):
        assert text.strip()
    assert check.code not in check.summary + check.why
    assert check.rationale, "every check rests on some advice"
    for tag in check.rationale:
        assert tag in RULES or tag in SOURCES, tag


@pytest.mark.parametrize("check", [c for c in CHECKS if not c.uses_grammar], ids=lambda c: c.code)
def test_example_fires_and_instead_does_not(check: Check):
    kind = sorted(check.kinds)[0] if check.kinds else None
    from linter.context import Context

    context = Context(kind=kind)
    fired = run_check(check, check.example, context=context)
    assert [f.code for f in fired] and all(f.code == check.code for f in fired)
    assert run_check(check, check.instead, context=context) == []
