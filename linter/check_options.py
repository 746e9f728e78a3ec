"""A check's options, declared once: their names, types and defaults.

A check subclasses ``CheckOptions`` with annotated fields and their
defaults (``max_words: int = 35``); ``option_defaults`` gives them as a
config would write them (what ``explain`` shows and config may override),
and ``read_options`` reads the engine's values back as an instance, each
converted to its field's type. An instance is a read-only value.

A plain class rather than a frozen dataclass: a dataclass writes and
compiles its methods when its module is imported, and every run imports
every check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

__all__ = ["CheckOptions", "option_defaults", "read_options"]

T = TypeVar("T", bound="CheckOptions")


class CheckOptions:
    """The base of a check's ``Options``: each annotated class attribute is
    an option, its value the default (immutable: a number, a string, a
    tuple, a read-only mapping)."""

    _fields: ClassVar[tuple[tuple[str, str], ...]] = ()  # (name, type as written), in order

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declared = cls.__dict__.get("__annotations__", {})
        cls._fields = tuple((name, str(kind)) for name, kind in declared.items() if not str(kind).startswith("ClassVar"))
        missing = [name for name, _ in cls._fields if name not in cls.__dict__]
        if missing:
            raise TypeError(f"{cls.__qualname__}: option(s) without a default: {', '.join(missing)}")

    def __init__(self, **values: Any) -> None:
        unknown = set(values) - {name for name, _ in self._fields}
        if unknown:
            raise TypeError(f"{type(self).__qualname__} has no option {', '.join(sorted(unknown))}")
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name, _ in self._fields)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__qualname__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__qualname__} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and isinstance(other, CheckOptions) and other._values() == self._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name, _ in self._fields)
        return f"{type(self).__qualname__}({shown})"


def option_defaults(options_type: type[CheckOptions]) -> dict[str, Any]:
    """The options ``options_type`` declares, with their defaults (a tuple
    default shown as the list a config would write, a mapping as a dict)."""
    out: dict[str, Any] = {}
    for name, _ in options_type._fields:
        value = getattr(options_type, name)
        out[name] = list(value) if isinstance(value, tuple) else dict(value) if isinstance(value, Mapping) else value
    return out


def read_options(options_type: type[T], options: Mapping[str, Any]) -> T:
    """``options`` (every default filled in by the engine, some overridden by
    config) as an ``options_type``, each value converted to its field's
    type; a missing or empty value keeps the default. The engine's options
    are read-only views, the same one draft after draft: each is read once."""
    key = (options_type, id(options))
    hit = _READ.get(key)
    if hit is not None and hit[0] is options:
        return hit[1]  # type: ignore[no-any-return]
    values: dict[str, Any] = {}
    for name, convert in _converters(options_type):  # type: ignore[arg-type]
        value = options.get(name)
        if value is not None:
            values[name] = convert(value)
    read = options_type(**values)
    if isinstance(options, MappingProxyType):
        if len(_READ) >= _MAX_READ:
            _READ.clear()
        _READ[key] = (options, read)  # holds the view, so its id is not reused meanwhile
    return read


_READ: dict[tuple[type, int], tuple[Mapping[str, Any], Any]] = {}
_MAX_READ = 256
_CONVERT: dict[str, Callable[[Any], Any]] = {"int": int, "float": float, "bool": bool, "str": str}


def _as_tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value or ())


def _kept(value: Any) -> Any:
    return value


@lru_cache(maxsize=None)
def _converters(options_type: type[CheckOptions]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Each option with the function that converts a config value to its
    type (worked out once per check, not once per draft)."""
    return tuple(
        (name, _as_tuple if kind.startswith("tuple") else _CONVERT.get(kind, _kept))
        for name, kind in options_type._fields
    )
