"""Check options: declared once per check as a frozen dataclass, shown as
their defaults, read back typed."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, fields, is_dataclass

from linter.check import option_defaults, read_options
from linter.registry import load_checks


@dataclass(frozen=True)
class _Options:
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
        assert declared is not None and is_dataclass(declared), check.code
        assert declared.__dataclass_params__.frozen, check.code  # type: ignore[attr-defined]
        assert check.options == option_defaults(declared), check.code
        assert [f.name for f in fields(declared)] == list(check.options), check.code
