"""Hand-built checks for engine and config tests."""

from __future__ import annotations

from linter.check import Check
from linter.models import Severity, Span


def _flag_word(word: str):
    def run(check, draft, options, tools):
        start = draft.text.find(options.get("word", word))
        if start >= 0:
            yield check.finding(Span(start, start + len(options.get("word", word))), f'found "{word}"')

    return run


def _crash(check, draft, options, tools):
    raise KeyError("boom")
    yield  # pragma: no cover


def _beyond(check, draft, options, tools):
    yield check.finding(Span(0, len(draft.text) + 5), "too far")


def make(code: str, name: str, run=None, severity=Severity.WARNING, **kw) -> Check:
    return Check(
        code=code, name=name, severity=severity, summary="s", why="w", example="e",
        instead="i", run_fn=run or _flag_word("hello"), **kw,
    )


HELLO = make("FL901", "says-hello", options={"word": "hello", "limit": 3, "strict": False, "words": []})
BYE = make("FL902", "says-bye", _flag_word("bye"), severity=Severity.ERROR)
CRASHER = make("FL911", "crashes", _crash)
BEYOND = make("FL912", "runs-beyond", _beyond)
ONLY_STATUS = make("FL921", "status-only", _flag_word("hello"), kinds=frozenset({"status-check"}))
FAKES = (HELLO, BYE, CRASHER, BEYOND, ONLY_STATUS)
