"""The one table of formats: the CLI offers exactly its names, and each
renders through ``linter.formats.render``."""

from __future__ import annotations

from linter.api import lint_text
from linter.cli import cli
from linter.formats import FORMATS, FORMATTERS, RenderOptions, RunResult, render
from linter.formats.json_format import format_json
from linter.formats.text import format_text

DRAFT = "Subject: Thanks\n\nHi Dana,\n\nThank you for Tuesday.\n\nBest,\nSam\n"


def test_the_cli_offers_exactly_the_formats_in_the_table() -> None:
    option = next(p for p in cli.commands["check"].params if p.name == "fmt")
    assert list(option.type.choices) == list(FORMATTERS) == list(FORMATS)
    assert FORMATS == ("text", "json", "github", "sarif", "junit", "html")


def test_render_goes_through_the_table_and_passes_text_options() -> None:
    result = RunResult((lint_text(DRAFT, "d.txt"),))
    assert render(result, "json") == format_json(result)
    assert render(result, "text", RenderOptions(color=True)) == format_text(result, color=True)
    assert render(result, "text", RenderOptions(quiet=True)) == format_text(result, quiet=True)
    for name in FORMATS:
        assert render(result, name).strip(), name
