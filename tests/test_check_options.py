"""Check options: declared once per check as a ``CheckOptions`` class,
shown as their defaults, read back typed, read-only."""

from __future__ import annotations

import importlib
import pytest

from linter.check import CheckOptions, option_defaults, read_options
from linter.registry import load_checks


class _Options(CheckOptions):
    limit: int = 3
    share: float = 0.5
    strict: bool = False
    words: tuple[str, ...] = ()
    name: str = "any"


def test_defaults_are_what_a_config_would_write() -> None:
    assert option_defaults(_Options) == {"limit": 3, "share": 0.5, "strict": False, "words": [], "name": "any"}


def test_values_are_converted_to_the_declared_types_and_none_keeps_the_default() -> None:
    read = read_options(_Options, {"limit": "7", "share": 1, "strict": 1, "words": ["a", "b"], "name": None})
    assert read == _Options(limit=7, share=1.0, strict=True, words=("a", "b"), name="any")
    assert read_options(_Options, {}) == _Options()


def test_every_check_with_options_declares_them_in_its_options_dataclass() -> None:
    for check in load_checks(plugins=False):
        module = importlib.import_module(check.run_fn.__module__)
        declared = getattr(module, "Options", None)
        if not check.options:
            continue
        assert declared is not None and issubclass(declared, CheckOptions), check.code
        assert check.options == option_defaults(declared), check.code
        assert [name for name, _ in declared._fields] == list(check.options), check.code


def test_options_are_read_only_values_with_their_defaults_filled_in() -> None:
    read = _Options(limit=4)
    assert (read.limit, read.share, read.words) == (4, 0.5, ())
    assert read == _Options(limit=4) and read != _Options() and hash(read) == hash(_Options(limit=4))
    assert repr(read) == "_Options(limit=4, share=0.5, strict=False, words=(), name='any')"
    with pytest.raises(AttributeError, match="read-only"):
        read.limit = 5  # type: ignore[misc]
    with pytest.raises(TypeError, match="has no option colour"):
        _Options(colour="red")


def test_an_option_without_a_default_is_refused_when_declared() -> None:
    with pytest.raises(TypeError, match="option\\(s\\) without a default: limit"):
        class _Bad(CheckOptions):
            limit: int
