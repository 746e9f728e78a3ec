"""Suppression where a writer needs it: the draft's own front matter, the
config's per_file_ignores, and a vocabulary file."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.api import lint_text, make_tools
from linter.config import append_vocabulary, load_config, read_vocabulary
from linter.draft import DraftError
from linter.registry import load_checks
from linter.runner import Linter
from linter.settings import RunSettings
from linter.sources import read_source

PUSHY = """\
Hi Dana,

Thank you for the oppurtunity to talk about the analyst role yesterday. I
enjoyed hearing about the billing migration, and I remain very interested.
I look forward to hearing from you.

Please reply ASAP!!

Best regards,
Sam Ortiz
sam.ortiz@example.com
"""


def _codes(text: str, **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in lint_text(text, **kwargs).findings]


def test_front_matter_ignore_and_vocabulary() -> None:
    tools = make_tools("embedded")
    assert _codes(PUSHY, tools=tools) == ["FL101", "FL402", "FL402"]
    ignored = "---\nfollowup-lint:\n  ignore: [pressure-language]\n---\n" + PUSHY
    assert _codes(ignored, tools=tools) == ["FL101"]
    known = "---\nfollowup-lint: {vocabulary: [oppurtunity], ignore: [FL402]}\n---\n" + PUSHY
    assert _codes(known, tools=tools) == []


def test_front_matter_unknown_check_is_a_draft_error() -> None:
    with pytest.raises(DraftError, match="front matter: followup-lint.ignore: unknown check 'FL999'"):
        lint_text("---\nfollowup-lint: {ignore: [FL999]}\n---\n" + PUSHY)
    with pytest.raises(DraftError, match="unknown followup-lint key 'ignroe' \\(did you mean 'ignore'\\?\\)"):
        lint_text("---\nfollowup-lint: {ignroe: [FL402]}\n---\n" + PUSHY)


def test_per_file_ignores_and_vocabulary_file(tmp_path: Path) -> None:
    (tmp_path / ".followup-lint.yaml").write_text(
        "grammar: embedded\nvocabulary_file: words.txt\nper_file_ignores:\n  'linkedin/*': [FL402]\n")
    (tmp_path / "words.txt").write_text("# names\noppurtunity\n")
    (tmp_path / "linkedin").mkdir()
    for name in ("note.txt", "linkedin/note.txt"):
        (tmp_path / name).write_text(PUSHY)
    linter = Linter(RunSettings())
    got = {}
    for name in ("note.txt", "linkedin/note.txt"):
        path = str(tmp_path / name)
        source = read_source(path)
        report = linter.lint_source(source, linter.config_for(path))  # type: ignore[arg-type]
        got[name] = [f.code for f in report.findings]  # type: ignore[union-attr]
    assert got == {"note.txt": ["FL402", "FL402"], "linkedin/note.txt": []}


def test_vocabulary_file_is_appended_once(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_bytes(b"Fernhill\r\nCalder")
    append_vocabulary(str(words), "Quorvex")
    append_vocabulary(str(words), "quorvex")
    assert words.read_bytes() == b"Fernhill\r\nCalder\r\nQuorvex\r\n"
    assert read_vocabulary(str(tmp_path / "missing.txt")) == ()
    (tmp_path / "c.yaml").write_text("vocabulary: [Northwind]\nvocabulary_file: words.txt\n")
    config = load_config(tmp_path / "c.yaml", load_checks())
    assert config.vocabulary == ("Northwind", "Fernhill", "Calder", "Quorvex")
    assert config.vocabulary_file == str(words)
