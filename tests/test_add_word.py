"""``followup-lint add-word``: words appended to the config's vocabulary file,
exactly, once each; without a vocabulary file, one clear line and exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import cli

DRAFT = """\
Hi Dana,

Thank you for talking with me about the Quorvex migration yesterday. I
enjoyed hearing how the team plans the cutover, and I remain very interested.
I look forward to hearing from you.

Best regards,
Sam Ortiz
sam.ortiz@example.com
"""


@pytest.fixture
def run(monkeypatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FOLLOWUP_LINT_WORKER", "0")

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_words_are_appended_once_each(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".followup-lint.yaml").write_text("vocabulary_file: words/accept.txt\n")
    (tmp_path / "words").mkdir()
    accept = tmp_path / "words" / "accept.txt"
    accept.write_text("# product names\nFernhill")
    result = run("add-word", "Quorvex", "quorvex", "Calder")
    assert result.exit_code == 0
    assert result.stdout == (
        f"{accept}: added 'Quorvex'\n"
        f"{accept}: 'quorvex' is there already\n"
        f"{accept}: added 'Calder'\n"
    )
    assert accept.read_text() == "# product names\nFernhill\nQuorvex\nCalder\n"


def test_the_added_word_is_no_longer_flagged(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".followup-lint.yaml").write_text("vocabulary_file: accept.txt\n")
    (tmp_path / "note.txt").write_text(DRAFT)
    before = run("check", "--grammar", "embedded", "--quiet", "note.txt")
    assert before.stdout.splitlines()[0] == (
        'note.txt:4:40: warning FL101 spelling-grammar: "cutover" is not in the dictionary; '
        "if it is a term of your field, add it to your vocabulary [G2, R1, R5]"
    )
    assert run("add-word", "cutover").exit_code == 0
    assert (tmp_path / "accept.txt").read_text() == "cutover\n"
    after = run("check", "--grammar", "embedded", "--quiet", "note.txt")
    assert (after.exit_code, after.stdout) == (0, "")


def test_config_found_from_path_and_given_by_flag(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / ".followup-lint.yaml").write_text("vocabulary_file: names.txt\n")
    (tmp_path / "other.yaml").write_text("vocabulary_file: other-words.txt\n")
    assert run("add-word", "--path", "drafts/note.txt", "Fernhill").exit_code == 0
    assert run("add-word", "--config", "other.yaml", "Calder").exit_code == 0
    assert (tmp_path / "drafts" / "names.txt").read_text() == "Fernhill\n"
    assert (tmp_path / "other-words.txt").read_text() == "Calder\n"


def test_without_a_vocabulary_file_nothing_is_written(run, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from linter.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["add-word", "Quorvex"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        f"followup-lint: error: no config found for .: create .followup-lint.yaml with 'vocabulary_file: words.txt'\n"
    )
    (tmp_path / ".followup-lint.yaml").write_text("vocabulary: [Fernhill]\n")
    with pytest.raises(SystemExit) as exited:
        main(["add-word", "Quorvex"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        f"followup-lint: error: {tmp_path / '.followup-lint.yaml'}: no vocabulary_file set; "
        "add 'vocabulary_file: words.txt' to it\n"
    )
    with pytest.raises(SystemExit) as exited:
        main(["add-word", "--config", ".followup-lint.yaml", "Quorvex"])
    assert capsys.readouterr().err == (
        "followup-lint: error: .followup-lint.yaml: no vocabulary_file set; add 'vocabulary_file: words.txt' to it\n"
    )
    assert sorted(os.listdir(tmp_path)) == [".followup-lint.yaml"]


def test_two_words_in_one_argument_are_refused(run, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from linter.cli import main

    (tmp_path / ".followup-lint.yaml").write_text("vocabulary_file: accept.txt\n")
    with pytest.raises(SystemExit) as exited:
        main(["add-word", "Fernhill", "two words"])
    assert exited.value.code == 2
    assert capsys.readouterr() == ("", "followup-lint: error: 'two words' is not one word\n")
    assert not (tmp_path / "accept.txt").exists()


def test_unreadable_vocabulary_file(run, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from linter.cli import main

    (tmp_path / ".followup-lint.yaml").write_text("vocabulary_file: accept\n")
    (tmp_path / "accept").mkdir()
    with pytest.raises(SystemExit) as exited:
        main(["add-word", "Quorvex"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        f"followup-lint: error: {tmp_path / '.followup-lint.yaml'}: "
        f"vocabulary_file {tmp_path / 'accept'}: cannot read it: Is a directory\n"
    )
    assert os.listdir(tmp_path / "accept") == []
