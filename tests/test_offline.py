"""Nothing downloads at run time: NLTK (textstat's syllable counter) is never loaded."""

from __future__ import annotations

from pathlib import Path

import nltk
import pytest

from linter.api import lint_text
from linter.check import Tools
from linter.readability import coleman_liau_grade

EXAMPLES = sorted((Path(__file__).parents[1] / "examples/drafts").rglob("*.txt"))


def test_no_nltk_download_or_corpus_lookup(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"run-time download attempted: {args} {kwargs}")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    tools = Tools(readability=coleman_liau_grade)
    graded = 0
    for path in EXAMPLES:
        report = lint_text(path.read_text(encoding="utf-8"), str(path), tools=tools)
        assert 0 <= report.score <= 100
        graded += 1
    assert graded == len(EXAMPLES) >= 10
    assert coleman_liau_grade("The team ships a small fix every week. It works.") == pytest.approx(2.7, abs=0.05)


def test_a_run_loads_neither_textstat_nor_nltk():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from linter.api import lint_text\n"
        "from linter.check import Tools\n"
        "from linter.readability import coleman_liau_grade\n"
        "report = lint_text(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], tools=Tools(readability=coleman_liau_grade))\n"
        "print(report.score, sorted(m for m in ('nltk', 'textstat') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(EXAMPLES[0])], capture_output=True, text=True, timeout=60,
                         cwd=Path(__file__).parents[1])
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.endswith(" []\n")
