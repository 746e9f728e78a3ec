#!/usr/bin/env python3
"""FL101 precision and recall on our drafts, counting only its errors (what
fails a draft), where ``measure.py`` counts any finding.

    FOLLOWUP_LINT_WORKER=0 python tests/accuracy/spelling_errors_only.py [embedded|languagetool]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))


def main(grammar: str) -> None:
    from linter import api
    from linter.config import Config
    from linter.context import Context
    from linter.models import Severity

    labels = {e["file"]: e["flags"] for e in yaml.safe_load((HERE / "labels.yaml").read_text())}
    tools = api.make_tools(grammar)
    tp = fp = fn = 0
    for path in sorted((HERE / "drafts").glob("*.txt")):
        wanted = "spelling-grammar" in labels[path.name]
        report = api.lint_text(path.read_text(), path=path.name, config=Config.default(),
                               context=Context(kind=path.name.split("_")[1]), tools=tools)
        errors = [f.message for f in report.findings if f.code == "FL101" and f.severity is Severity.ERROR]
        tp += bool(errors) and wanted
        fp += bool(errors) and not wanted
        fn += wanted and not errors
        if errors and not wanted:
            print(f"false alarm: {path.name}: {' / '.join(errors)}")
    print(f"{grammar}: TP {tp} FP {fp} FN {fn}; precision {tp / max(tp + fp, 1):.2f}, recall {tp / max(tp + fn, 1):.2f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "embedded")
