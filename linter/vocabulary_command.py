"""``followup-lint add-word WORD...``: accept words for the spelling check by
appending them to the ``vocabulary_file`` the config names, as the language
server's "add to vocabulary" does."""

from __future__ import annotations

import click

__all__ = ["add_word"]


@click.command("add-word")
@click.argument("words", nargs=-1, required=True)
@click.option("--config", "config_path", type=click.Path(), help="Use this config file instead of searching for one.")
@click.option("--path", "start", default=".", show_default=True, type=click.Path(), help="Find the config as `check` would for this draft or folder.")
def add_word(words: tuple[str, ...], config_path: str | None, start: str) -> None:
    """Add words to the config's vocabulary file.

    Each WORD goes on a line of its own, once; the spelling check accepts it
    from the next run."""
    from linter.cli import Abort
    from linter.config import ConfigError, append_vocabulary, find_config, load_config, read_vocabulary
    from linter.registry import load_checks

    found = config_path or find_config(start)
    if not found:
        raise Abort(f"no config found for {start}: create .followup-lint.yaml with 'vocabulary_file: words.txt'")
    try:
        vocabulary_file = load_config(found, load_checks()).vocabulary_file
    except ConfigError as exc:
        raise Abort(str(exc)) from None
    if vocabulary_file is None:
        raise Abort(f"{found}: no vocabulary_file set; add 'vocabulary_file: words.txt' to it")
    words = tuple(w.strip() for w in words)
    for word in words:
        if not word or any(c.isspace() for c in word):
            raise Abort(f"'{word}' is not one word")
    for word in words:
        try:
            if word.casefold() in {w.casefold() for w in read_vocabulary(vocabulary_file)}:
                click.echo(f"{vocabulary_file}: '{word}' is there already")
                continue
            append_vocabulary(vocabulary_file, word)
        except OSError as exc:
            raise Abort(f"{vocabulary_file}: cannot add '{word}': {exc.strerror}") from None
        click.echo(f"{vocabulary_file}: added '{word}'")
