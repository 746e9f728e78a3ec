"""Hover text and code actions for the findings under the cursor."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from linter.lsp.convert import to_range
from linter.lsp.front_matter import add_setting
from linter.models import Finding
from linter.positions import LineIndex

__all__ = ["hover_text", "code_actions", "ADD_WORD"]

ADD_WORD = "followup-lint.addToVocabulary"


def hover_text(found: Sequence[Finding]) -> str:
    """Each finding's message and GUIDANCE tags, then its check's explanation."""
    from linter.explain import explain_text
    from linter.registry import find_check, load_checks

    checks = load_checks()
    parts = []
    for finding in found:
        tags = ", ".join(finding.rationale) or "none"
        head = f"**{finding.code} {finding.name}** ({finding.severity.label}): {finding.message}\n\nGUIDANCE: {tags}"
        check = find_check(finding.code, checks)
        body = f"\n\n```text\n{explain_text(check)}\n```" if check is not None else ""
        parts.append(head + body)
    return "\n\n---\n\n".join(parts)


def _edit(uri: str, text: str, index: LineIndex, start: int, end: int, new: str) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=to_range(text, index, start, end), new_text=new)]})


def _newlines(text: str, replacement: str) -> str:
    """A replacement written with ``\\n`` in the document's own line ending."""
    return replacement.replace("\n", "\r\n") if "\r\n" in text else replacement


def code_actions(
    uri: str, text: str, found: Sequence[Finding], vocabulary_file: str | None
) -> list[types.CodeAction | types.Command]:
    from linter.fixes import is_safe

    index = LineIndex(text)
    fixes: list[types.CodeAction] = []
    actions: list[types.CodeAction | types.Command] = []
    ignores: list[types.CodeAction] = []
    ignored: set[str] = set()
    for finding in found:
        fix = finding.fix
        if fix is not None:
            shown = fix.replacement.strip()
            title = f"{finding.code}: {fix.description}"
            if shown and "\n" not in shown and shown not in fix.description:
                title += f' ("{shown}")'
            fixes.append(types.CodeAction(
                title=title,
                kind=types.CodeActionKind.QuickFix,
                is_preferred=is_safe(finding, text),
                edit=_edit(uri, text, index, fix.span.start, fix.span.end, _newlines(text, fix.replacement)),
            ))
        if finding.category == "spelling":
            word = text[finding.span.start : finding.span.end].strip()
            if vocabulary_file:
                # A bare Command: some clients misread a CodeAction that holds one.
                actions.append(types.Command(
                    title=f'Add "{word}" to the vocabulary file',
                    command=ADD_WORD,
                    arguments=[vocabulary_file, word],
                ))
            edit = add_setting(text, "vocabulary", word)
            if edit is not None:
                actions.append(types.CodeAction(
                    title=f'Add "{word}" to this draft\'s vocabulary (front matter)',
                    kind=types.CodeActionKind.QuickFix,
                    edit=_edit(uri, text, index, *edit),
                ))
        if finding.code not in ignored:
            ignored.add(finding.code)
            edit = add_setting(text, "ignore", finding.code)
            if edit is not None:
                ignores.append(types.CodeAction(
                    title=f"Ignore {finding.code} {finding.name} for this draft (front matter)",
                    kind=types.CodeActionKind.QuickFix,
                    edit=_edit(uri, text, index, *edit),
                ))
    return [*fixes, *actions, *ignores]
