"""FL204 long-paragraph."""

from __future__ import annotations

from checks.length.long_paragraph import CHECK
from linter.models import Severity
from tests.helpers import marked, run_check


def _para(n: int) -> str:
    """``n`` words in sentences of ten."""
    words = [f"w{i}" for i in range(n)]
    return " ".join(w + ("." if (i + 1) % 10 == 0 or i == n - 1 else "") for i, w in enumerate(words))


def test_metadata():
    assert (CHECK.code, CHECK.name, CHECK.severity) == ("FL204", "long-paragraph", Severity.INFO)
    assert CHECK.options == {"max_words": 120}
    assert CHECK.kinds == frozenset()


def test_example_fires_and_instead_passes():
    found = run_check(CHECK, CHECK.example)
    assert [(f.code, f.message) for f in found] == [
        ("FL204", "paragraph has 132 words; break it up so each paragraph stays within 120")
    ]
    assert run_check(CHECK, CHECK.instead) == []


def test_flags_only_the_long_paragraph():
    text, (span,) = marked(
        f"Hi Dana,\n\n{_para(30)}\n\n[[{_para(121)}]]\n\n{_para(120)}\n\nBest,\nSam"
    )
    found = run_check(CHECK, text)
    assert [(f.code, f.span, f.message, f.severity, f.fix) for f in found] == [
        ("FL204", span, "paragraph has 121 words; break it up so each paragraph stays within 120",
         Severity.INFO, None)
    ]


def test_hard_wrapped_paragraph_counts_as_one():
    wrapped = _para(130)
    lines, line = [], ""
    for word in wrapped.split():
        if len(line) + len(word) > 70:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    text, (span,) = marked("Hi Dana,\n\n[[" + "\n".join(lines) + "]]\n\nBest,\nSam")
    assert [(f.span, f.message) for f in run_check(CHECK, text)] == [
        (span, "paragraph has 130 words; break it up so each paragraph stays within 120")
    ]


def test_unwrapped_pasted_text_counts_each_line():
    text, (span,) = marked(
        f"Hi Dana,\n{_para(60)}\n[[{_para(125)}]]\n{_para(40)}\nBest,\nSam"
    )
    assert [(f.span, f.message) for f in run_check(CHECK, text)] == [
        (span, "paragraph has 125 words; break it up so each paragraph stays within 120")
    ]
    short = f"Hi Dana,\n{_para(60)}\n{_para(70)}\n{_para(40)}\nBest,\nSam"
    assert run_check(CHECK, short) == []


def test_option_lowers_the_limit():
    text, (span,) = marked(f"Hi Dana,\n\n[[{_para(61)}]]\n\nBest,\nSam")
    assert run_check(CHECK, text) == []
    assert [(f.span, f.message) for f in run_check(CHECK, text, options={"max_words": 60})] == [
        (span, "paragraph has 61 words; break it up so each paragraph stays within 60")
    ]
