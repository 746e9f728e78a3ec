"""Golden tests: every file in examples/ through the real CLI, compared with
a reviewed snapshot. After a deliberate change, regenerate with
``UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` and review the diff."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "examples.txt": ["check", "--grammar", "embedded", "examples/"],
    "examples.json": ["check", "--grammar", "embedded", "--format", "json", "examples/"],
    "context-flag.txt": ["check", "--grammar", "embedded", "--context", "examples/context/interview.yaml",
                         "examples/drafts/weak/generic-no-detail.txt"],
    "template-mode.txt": ["check", "--grammar", "off", "--mode", "template",
                          "examples/drafts/weak/placeholders-left-in.txt"],
}


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWUP_LINT_")}
    env.update(NO_COLOR="1", FOLLOWUP_LINT_WORKER="0")
    return subprocess.run([sys.executable, "-m", "linter", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_output_matches_snapshot(name):
    result = _run(CASES[name])
    actual = f"exit {result.returncode}\n--- stderr\n{result.stderr}--- stdout\n{result.stdout}"
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_json_snapshot_is_schema_valid():
    import jsonschema

    text = (GOLDEN / "examples.json").read_text(encoding="utf-8")
    doc = json.loads(text.split("--- stdout\n", 1)[1])
    schema = json.loads((ROOT / "linter/formats/report.schema.json").read_text())
    jsonschema.validate(doc, schema)
    scores = {Path(f["path"]).parent.name: [] for f in doc["files"]}
    for f in doc["files"]:
        scores[Path(f["path"]).parent.name].append((f["score"], f["passed"]))
    assert all(score >= 85 and passed for score, passed in scores["good"])
    assert all(not passed for _, passed in scores["weak"])
