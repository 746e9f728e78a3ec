"""``followup-lint lsp``: the linter as a language server over stdio."""
