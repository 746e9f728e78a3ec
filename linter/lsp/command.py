"""The ``followup-lint lsp`` command."""

from __future__ import annotations

import click

__all__ = ["lsp"]


@click.command()
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default; editors often pass it).")
def lsp(stdio: bool) -> None:
    """Run the language server over stdio: diagnostics as you type, hover
    explanations and quick fixes in any LSP editor (see the README)."""
    from linter.lsp.server import main

    main()
