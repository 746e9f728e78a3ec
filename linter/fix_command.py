"""``check --fix`` and ``check --diff``: apply the safe fixes, or show them.

Nothing is written without ``--fix``. A file is written only when its fixed
text lints again without error, atomically (a temporary file in the same
folder renamed over it, with the file's permissions), in the encoding it was
read in (byte-order mark included) and with its own line endings. A file that
is read-only, has gone, or changed while we worked is left as it was and is
an input error (exit 2). ``.eml`` files are reported, not fixed: their
text is encoded inside a message.
"""

from __future__ import annotations

import difflib
import os
import tempfile

from linter.command import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CheckOutcome, CheckRequest

__all__ = ["run_fix"]


class _NotWritten(Exception):
    """One line: why a fixed file was not written."""


def _write(path: str, original: bytes, new: bytes) -> None:
    try:
        info = os.stat(path)
        with open(path, "rb") as handle:
            now = handle.read()
    except OSError as exc:
        raise _NotWritten(f"cannot write the fixes: {exc.strerror}") from None
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise _NotWritten("the file is read-only; fixes not written")
    if now != original:
        raise _NotWritten("the file changed while it was being fixed; fixes not written")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".followup-lint-fix-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(new)
            os.chmod(tmp, info.st_mode & 0o7777)
            os.replace(tmp, path)  # atomic: never a half-written draft
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        raise _NotWritten(f"cannot write the fixes: {exc.strerror}") from None


def _diff(path: str, old: str, new: str) -> str:
    before, after = (path, path) if os.path.isabs(path) else (f"a/{path}", f"b/{path}")
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), before, after)
    return "".join(ln if ln.endswith(("\n", "\r")) else ln + "\n\\ No newline at end of file\n" for ln in lines)


def run_fix(request: CheckRequest, write: bool) -> tuple[CheckOutcome, int]:
    """``(outcome, fixes applied)``. With ``write`` the report is of the fixed
    files; without, it is the unified diff of what ``--fix`` would change."""
    from linter.command import render
    from linter.formats import FileError, RunResult
    from linter.models import FileReport
    from linter.runner import Linter, RunAborted
    from linter.sources import InputError, Source, encode_text, read_source

    try:
        linter = Linter(request.settings())
        targets = linter.targets(request.paths)
    except RunAborted as exc:
        return CheckOutcome("", (str(exc),), EXIT_USAGE), 0
    items: list[FileReport | FileError] = []
    diffs: list[str] = []
    applied = 0
    for target in targets:
        if target == "-":
            items.append(FileError("<stdin>", "--fix and --diff work on files, not standard input"))
            continue
        if isinstance(target, InputError):
            items.append(FileError(target.path, target.message))
            continue
        try:
            config = linter.config_for(target)
        except Exception as exc:  # ConfigError: one line, like check
            items.append(FileError(target, str(exc)))
            continue
        source = read_source(target, max_bytes=config.max_bytes)
        if isinstance(source, InputError):
            items.append(FileError(source.path, source.message))
            continue
        first = linter.lint_source(source, config)
        if isinstance(first, FileError) or source.origin is not None:
            items.append(first)  # .eml: reported, not fixed
            continue
        from linter.fixes import fix_text

        def lint(text: str, source: Source = source) -> FileReport:
            result = linter.lint_source(Source(source.path, text, text, None, source.encoding), config)
            if isinstance(result, FileError):
                raise _NotWritten(f"the fixed text does not lint ({result.message}); fixes not written")
            assert isinstance(result, FileReport)
            return result

        try:
            outcome = fix_text(source.raw, lint)
            if outcome.applied and outcome.text != source.raw:
                if write:
                    _write(target, encode_text(source.raw, source.encoding), encode_text(outcome.text, source.encoding))
                else:
                    diffs.append(_diff(target, source.raw, outcome.text))
                applied += outcome.applied
            items.append(outcome.report if write else first)
        except _NotWritten as exc:
            items.append(FileError(target, str(exc)))
    result = RunResult(tuple(items))
    errors = tuple(f"{e.path}: {e.message}" for e in result.errors)
    if errors:
        code = EXIT_USAGE
    elif write:
        code = EXIT_FINDINGS if any(r.failed for r in result.reports) else EXIT_OK
    else:
        code = EXIT_FINDINGS if diffs else EXIT_OK
    report = render(result, request.fmt, request.color) if write else "".join(diffs)
    return CheckOutcome(report, errors, code), applied
