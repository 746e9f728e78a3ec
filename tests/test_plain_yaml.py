"""``plain_yaml.read`` gives PyYAML's safe loader's value for every document
it takes (same values, same types, same key order), and leaves to PyYAML
every document it cannot vouch for."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import plain_yaml, safe_yaml

ROOT = Path(__file__).resolve().parents[1]


def _typed(value: Any) -> Any:
    """``value`` with every scalar's type beside it, so 1 == True == 1.0 do not pass for each other."""
    if isinstance(value, dict):
        return [("dict", _typed(k), _typed(v)) for k, v in value.items()]
    if isinstance(value, list):
        return ["list", *[_typed(v) for v in value]]
    return (type(value).__name__, value)


def _agrees(text: str) -> bool:
    """Whether the reader took ``text``; if so, its value must be PyYAML's."""
    value = plain_yaml.read(text)
    if value is plain_yaml.NOT_PLAIN:
        return False
    assert _typed(value) == _typed(yaml.safe_load(text)), text
    return True


def _our_documents() -> list[tuple[str, str]]:
    docs = [(str(p), p.read_text()) for p in sorted(ROOT.glob("examples/**/*.yaml"))]
    docs.append(("examples/.followup-lint.yaml", (ROOT / "examples/.followup-lint.yaml").read_text()))
    drafts = sorted(ROOT.glob("examples/**/*.txt")) + sorted(ROOT.glob("tests/accuracy/drafts/*.txt"))
    for path in drafts:
        found = re.match(r"---\n(.*?\n)(?:---|\.\.\.)\n", path.read_text(), re.S)
        if found:
            docs.append((str(path), found[1]))
    return docs


def test_our_configs_and_front_matter() -> None:
    taken = [name for name, text in _our_documents() if _agrees(text)]
    assert "examples/.followup-lint.yaml" in taken
    assert str(ROOT / "examples/drafts/good/thank-you-next-morning.txt") in taken
    assert len(taken) >= 20


@pytest.mark.parametrize("text", [
    "a: 1\nb: 1.5\nc: 2026-03-09\nd: yes\ne: Off\nf: NULL\ng:\ni: 0\n",
    "on: x\nyes: [a, b,]\nk: {x: 1, y: z}\nk: again\n",
    "m:\n  n: 1\n  o:\n  - p\n  - 'q r'\ns: \"t, u\"\n",
    "list: [Job Title, Interviewer\n   Name, \"a, b\",   # note\n   c]\nnext: 1\n",
    "key: value # comment\n# whole line\nother: 'x # y'\n",
    "a: [x, y]\n", "a: []\nb: {}\nc: [ ]\n", "topics:\n- one\n- two\nkind: thank-you\n", "", "# only\n",
])
def test_documents_it_takes(text: str) -> None:
    assert _agrees(text)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: |\n  text\n", "a: \"esc\\n\"\n", "a: 'it''s'\n",
    "a: multi\n  line\n", "a:\tb\n", "a: b\r\n", "\ufeffa: b\n", "- a: 1\n", "a: 1:30\n", "a: 1_000\n",
    "a: 2026-13-45\n", "a: 010\n", "a: -1\n", "a: .5\n", "a: ~\n", "a: x: y\n", "a: C#\n", "a: [[b]]\n",
    "'a': b\n", "a b: c\n", "--- \na: b\n", "a: b\n...\n", " a: b\n", "a:\n    b: 1\n  c: 2\n",
    "a: [b,\nc]\n", "a: \"open\n", "a: 08\n", "a: " + "9" * 5_000 + "\n", "k: {x: 1, y: [}\n", "a: [b, c] d\n", "a: Élodie\n", "a: b  c\n", "a: b\u00a0c\n",
])
def test_documents_it_leaves_to_pyyaml(text: str) -> None:
    assert plain_yaml.read(text) is plain_yaml.NOT_PLAIN


_WORD = st.sampled_from(["a", "b", "x1", "on", "Off", "yes", "null", "NULL", "thank-you", "min_words", "Job", "it's"])
_SCALAR_TEXT = st.one_of(
    _WORD,
    st.lists(_WORD, min_size=1, max_size=3).map(" ".join),
    st.integers(0, 10**6).map(str),
    st.sampled_from(["0", "00", "08", "010", "1.5", "0.60", "01.5", "2026-03-09", "2026-02-30", "3 days", "1:30"]),
    st.text(alphabet="ab ,.-'’/&()", min_size=1, max_size=8),
    st.sampled_from(['"quoted, text"', "'single'", '""', "''", '"a#b"', "a #c", "a# b", "[x]", "{}"]),
)


@st.composite
def _documents(draw: Any, depth: int = 0) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(_WORD)
        kind = draw(st.sampled_from(["scalar", "flow", "map", "seq", "empty"] if depth < 2 else ["scalar", "flow"]))
        if kind == "scalar":
            lines.append(f"{key}: {draw(_SCALAR_TEXT)}")
        elif kind == "flow":
            items = draw(st.lists(_SCALAR_TEXT, max_size=3))
            if draw(st.booleans()):
                lines.append(f"{key}: [{', '.join(items)}]")
            else:
                pairs = ", ".join(f"{draw(_WORD)}: {item}" for item in items)
                lines.append(f"{key}: {{{pairs}}}")
        elif kind == "map":
            inner = draw(_documents(depth + 1))
            lines.append(f"{key}:")
            lines.extend("  " + line for line in inner.splitlines())
        elif kind == "seq":
            lines.append(f"{key}:")
            indent = draw(st.sampled_from(["", "  "]))
            lines.extend(f"{indent}- {draw(_SCALAR_TEXT)}" for _ in range(draw(st.integers(1, 3))))
        else:
            lines.append(f"{key}:")
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["# note", "  # indented note", ""])))
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(_documents())
def test_generated_documents_read_as_pyyaml_reads_them(text: str) -> None:
    try:
        yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):
        assert plain_yaml.read(text) is plain_yaml.NOT_PLAIN, text
        return
    _agrees(text)


def test_safe_yaml_reads_plain_documents_without_pyyaml_and_others_with_it() -> None:
    assert safe_yaml.load("when: 2026-03-09\n") == {"when": datetime.date(2026, 3, 9)}
    with pytest.raises(safe_yaml.YamlRejected):
        safe_yaml.load("a: &x [1]\nb: *x\n")
    with pytest.raises(yaml.YAMLError):
        safe_yaml.load("a: [b\n")
    with pytest.raises(safe_yaml.YamlRejected):
        safe_yaml.load("when: 2026-13-45\n")
