"""``dumps_indented`` writes what ``json.dumps(..., indent=2,
ensure_ascii=False)`` writes, byte for byte, for every value a report holds,
and hands anything else to ``json`` itself."""

from __future__ import annotations

import enum
import json
import random
from pathlib import Path
from typing import Any

import pytest

from linter.api import lint_text
from linter.formats.json_format import report_dict, report_text
from linter.formats.json_text import dumps_indented
from tests.formats.sample import FAILED, PASSED

ROOT = Path(__file__).resolve().parents[2]


def stdlib(value: Any, prefix: str = "") -> str:
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return "\n".join(prefix + line for line in text.split("\n"))


class Level(enum.IntEnum):
    LOW = 1


ODD_STRINGS = [
    "", "plain", 'quote " and \\ backslash', "line\nbreak\r\ttab", "\x00\x01\x1f\x7f\x9f",
    "caf\u00e9 \u2014 \u201cquoted\u201d", "\u2028\u2029", "\u202e bidi", "\ud800 lone surrogate",
    "emoji \U0001f600", "/slash/",
]
SCALARS: list[Any] = [
    None, True, False, 0, -7, 10**30, 0.0, -0.0, 1.5, 1e-7, 1e22, 70.1, float("nan"), float("inf"),
    float("-inf"), Level.LOW, *ODD_STRINGS,
]


@pytest.mark.parametrize("value", SCALARS + [[], {}, (), [[]], {"a": {}}, {"a": []}, [{}, [], ()]], ids=repr)
def test_each_kind_of_value(value: Any) -> None:
    assert dumps_indented(value) == stdlib(value)
    assert dumps_indented(value, "    ") == stdlib(value, "    ")


def test_a_nested_report_like_value() -> None:
    value = {
        "path": "drafts/d\u00e9j\u00e0 \"vu\".txt",
        "score": 58,
        "passed": False,
        "pass_mark": None,
        "fail_reasons": [{"rule": "must-have", "message": "no thanks\n", "codes": ["FL303"]}],
        "breakdown": [{"code": "FL401", "points_lost": 20.0}, {"code": "FL405", "points_lost": 8.5}],
        "findings": [{"fix": None, "rationale": []}, {"fix": {"replacement": "\u00e9", "start": {"line": 1}}}],
        "tuple": (1, (2, ()), {"k": ()}),
    }
    assert dumps_indented(value, "    ") == stdlib(value, "    ")


def random_value(rng: random.Random, depth: int) -> Any:
    pick = rng.randrange(8 if depth < 4 else 5)
    if pick < 5:
        return rng.choice(SCALARS)
    if pick == 5:
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if pick == 6:
        return tuple(random_value(rng, depth + 1) for _ in range(rng.randrange(3)))
    return {rng.choice(ODD_STRINGS) + str(i): random_value(rng, depth + 1) for i in range(rng.randrange(4))}


def test_random_values() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        value = random_value(rng, 0)
        assert dumps_indented(value, "  ") == stdlib(value, "  ")


@pytest.mark.parametrize("value", [{1: "int key"}, {None: 1, True: 2, 1.5: 3}, {"set": {1}}, [b"bytes"]], ids=repr)
def test_other_values_go_to_json(value: Any) -> None:
    try:
        expected = stdlib(value, "    ")
    except TypeError as exc:
        with pytest.raises(TypeError, match=str(exc)):
            dumps_indented(value, "    ")
        return
    assert dumps_indented(value, "    ") == expected


def test_a_circular_value_fails_as_in_json() -> None:
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_indented(loop)


def test_reports_of_real_drafts() -> None:
    drafts = sorted((ROOT / "examples").rglob("*.txt")) + sorted((ROOT / "tests/accuracy/drafts").glob("*.txt"))
    assert len(drafts) > 50
    reports = [lint_text(p.read_text(encoding="utf-8"), str(p)) for p in drafts] + [FAILED, PASSED]
    assert sum(len(r.findings) for r in reports) > 100
    for report in reports:
        assert report_text(report) == stdlib(report_dict(report), "    ")
