"""Inputs -> ``RunResult``: find the config for each draft, read it, lint it.

Bad inputs become ``FileError`` items and the run goes on; only problems
that make the whole run meaningless (a bad explicit config, a grammar
backend that is gone) raise ``RunAborted``.

Over 300 lines on purpose: a run's serial path and its process pool must
give the same results in the same order, and are read side by side here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar, Union

from linter.settings import RunAborted, RunSettings

if TYPE_CHECKING:
    from linter.check import Check, Tools
    from linter.config import Config
    from linter.formats import FileError, RunResult
    from linter.models import FileReport
    from linter.sources import InputError, Source

__all__ = ["iter_lint", "lint_paths", "Linter", "RunAborted", "default_jobs", "PARALLEL_MIN"]


class _Configs:
    """Finds and caches the config for each draft's folder, with the run's
    settings laid over it."""

    def __init__(self, settings: RunSettings, checks: tuple[Check, ...]):
        self.checks = checks
        self.settings = settings
        self.cache: dict[str, Config] = {}
        self.found: dict[str, Any] = {}  # folder -> its config file (or None)
        self.default: Config | None = None  # the defaults with the run's settings over them
        self.explicit = self._load(settings.config_path) if settings.config_path else None

    def _load(self, path: str) -> Config:
        from linter.config import load_config

        if path not in self.cache:
            self.cache[path] = self.settings.over(load_config(path, self.checks))
        return self.cache[path]

    def for_path(self, path: str | None) -> Config:
        if self.explicit is not None:
            return self.explicit
        from linter.config import Config, find_config

        folder = os.path.dirname(os.path.abspath(path)) if path else os.getcwd()
        if folder not in self.found:  # one search per folder, not per draft
            self.found[folder] = find_config(folder)
        found = self.found[folder]
        if found is None:
            if self.default is None:  # one object for every draft without a config file
                self.default = self.settings.over(Config.default())
            return self.default
        return self._load(str(found))


def _is_template(path: str, config: Config) -> bool:
    """Whether ``path`` matches a ``templates`` glob, relative to the folder
    of the config that declares it (else the current folder)."""
    from fnmatch import fnmatch

    if path == "<stdin>" or not config.templates:
        return False
    root = os.path.dirname(os.path.abspath(config.source)) if config.source else os.getcwd()
    rel = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    return any(fnmatch(rel, pattern) for pattern in config.templates)


def _tools_for(choice: str, lt_url: str | None, config: Config, cache: dict[str, Tools], settings: RunSettings) -> Tools:
    from linter.backends import make_tools_for

    key = f"{choice}|{lt_url or config.languagetool_url}"
    if key not in cache:
        cache[key] = make_tools_for(choice, lt_url, config, settings.use_worker, settings.service_lane)
    return cache[key]


class Linter:
    """Lints one input at a time with everything built once: the checks, the
    config of each folder and the grammar tools (a warm backend is reused).

    ``lint_paths`` uses one per run (and one per pool worker); the watcher
    keeps one for its whole life.
    """

    def __init__(self, settings: RunSettings) -> None:
        from linter.config import ConfigError
        from linter.registry import load_checks

        self.settings = settings
        self.checks = load_checks()
        self.tools_cache: dict[str, Tools] = {}
        try:
            self.configs = _Configs(settings, self.checks)
            self.base = self.configs.explicit or self.configs.for_path(None)
        except ConfigError as exc:
            raise RunAborted(str(exc)) from None

    def reload_configs(self) -> None:
        """Forget the configs read so far (one changed on disk)."""
        from linter.config import ConfigError

        try:
            self.configs = _Configs(self.settings, self.checks)
            self.base = self.configs.explicit or self.configs.for_path(None)
        except ConfigError as exc:
            raise RunAborted(str(exc)) from None

    def targets(self, paths: Sequence[str]) -> list[str | InputError]:
        """The files to lint, in order (folders searched with the base
        config's include and exclude globs and ``.gitignore``)."""
        from linter.sources import discover

        found: list[str | InputError] = []
        for path in paths or ["-"]:
            if path == "-":
                found.append("-")
            else:
                found.extend(discover([path], self.base.include, self.base.exclude))
        return found

    def config_for(self, path: str | None) -> Config:
        """The config that applies to ``path`` (``ConfigError`` if it is bad)."""
        return self.configs.for_path(path)

    def lint_target(self, target: str | InputError, stdin: Any = None) -> FileReport | FileError:
        """Read and lint one target; bad input becomes a ``FileError``."""
        from linter.config import ConfigError
        from linter.formats import FileError
        from linter.sources import InputError, read_source

        if isinstance(target, InputError):
            return FileError(target.path, target.message)
        named = self.settings.stdin_filename if target == "-" else target
        try:
            config = self.config_for(named)
        except ConfigError as exc:
            return FileError(target, str(exc))
        source = read_source(target, stdin=stdin, max_bytes=config.max_bytes)
        if isinstance(source, InputError):
            return FileError(source.path, source.message)
        if target == "-" and named:
            source = replace(source, path=named)
        return self.lint_source(source, config)

    def lint_source(self, source: Source, config: Config) -> FileReport | FileError:
        """Lint a draft already read (``source``) under ``config``."""
        from linter.api import lint_text
        from linter.draft import DraftError
        from linter.formats import FileError
        from linter.grammar.base import GrammarUnavailable
        from linter.grammar.languagetool.errors import RemoteRefused

        if config.mode == "draft" and _is_template(source.path, config):
            config = config.with_mode("template")
        config = config.for_file(source.path)
        try:
            settings = self.settings
            tools = _tools_for(
                settings.grammar or config.grammar, settings.languagetool_url, config, self.tools_cache, settings
            )
            return lint_text(
                source.text,
                source.path,
                config=config,
                context=settings.context,
                tools=tools,
                checks=self.checks,
                raw=source.raw,
                origin=source.origin,
            )
        except (DraftError, RemoteRefused) as exc:
            return FileError(source.path, str(exc))
        except GrammarUnavailable as exc:
            raise RunAborted(f"{source.path}: grammar backend unavailable: {exc}") from None


# -- parallel runs ---------------------------------------------------------------
#
# A folder of many drafts is linted by this process and a pool of one
# process fewer than ``jobs``, taking chunks of files by turns. Each worker
# builds its Linter once (checks, configs, grammar tools) in the pool
# initializer, then lints chunks of files, and applies the run's
# ``transform`` there too (the CLI renders each draft's part of the report in
# the worker, so the parent only writes). The parent lints its own chunks
# with its warm Linter instead of waiting: one process fewer to fork and
# warm, and its results are never pickled. Results come back in input order,
# identical to a serial run (tests/test_parallel.py), and are handed on as
# they arrive: nothing holds the whole run.
#
# With the embedded grammar, each process of a pooled run (this one too)
# asks the warm service for a lane of its own (``service_lane``: process k
# asks for lane k; linter/service/lanes.py), a process forked from the
# service with a warm Harper, so Harper runs in parallel as the checks do,
# and a run over the same folder again finds each process's drafts in its
# lane's cache. With the
# service turned off, each process has its Harper: the one built here for
# the first file, which the workers inherit when they fork. Small runs stay
# serial: each pool worker warms up on its own (imports, compiled
# patterns), which a serial run pays once; tests/bench_folder.py measures
# where the pool starts to pay.

# Files; fewer are linted in this process. The variable is for benchmarks
# (tests/bench_folder.py forces the pool on small folders to measure it).
PARALLEL_MIN = int(os.environ.get("FOLLOWUP_LINT_PARALLEL_MIN", "100"))
CHUNK = 8  # files per task: small enough to balance, large enough to amortise
# A process of a pooled run with its own Harper looks at its memory every
# SHED_CHECK drafts and drops Harper's per-text cache once it has grown by
# SHED_ABOVE bytes since the last look that did: memory stays bounded over a
# long run, and a short one is not made to warm Harper up again and again.
SHED_CHECK = 100
SHED_ABOVE = 64 << 20
IN_FLIGHT = 4  # chunks per worker submitted ahead of the one being read

Item = Union["FileReport", "FileError"]
T = TypeVar("T")

_worker: Linter | None = None


def _init_worker(settings: RunSettings, number: int = 0) -> None:
    """This process's Linter, as process ``number`` of the pool (the warm
    service's lane it asks for; this one, the parent, is 0)."""
    global _worker
    _worker = Linter(replace(settings, service_lane=number))


_since_look = 0
_HARPER = "linter.grammar.embedded"  # not imported: no Harper in this process, nothing to shed
_grown_from = 0  # this process's size after its last shed (0: not looked yet)


def _lint_all(linter: Linter, chunk: list[tuple[int, str]], transform: Callable[[Item], T]) -> list[tuple[int, T]]:
    """``chunk`` linted by ``linter``, in a pool worker or in the parent."""
    global _since_look
    done = [(index, transform(linter.lint_target(target))) for index, target in chunk]
    _since_look += len(chunk)
    if _since_look >= SHED_CHECK and linter.settings.use_worker is False and _HARPER in sys.modules:
        _since_look = 0
        _shed_if_grown()  # a Harper of this process's own: memory stays bounded over the run
    return done


def _shed_if_grown() -> None:
    global _grown_from
    from linter.memory import _rss, _trim_heap

    size = _rss()
    if not _grown_from:
        _grown_from = size
    elif size > _grown_from + SHED_ABOVE:
        from linter.grammar.embedded import shed_shared_caches

        shed_shared_caches()
        _trim_heap()
        _grown_from = _rss()


def _lint_chunk(chunk: list[tuple[int, str]], transform: Callable[[Item], T]) -> list[tuple[int, T]]:
    assert _worker is not None, "pool worker not initialised"
    return _lint_all(_worker, chunk, transform)


def _pool_context() -> Any:
    import multiprocessing

    return multiprocessing.get_context()  # spawn on macOS and Windows: the safe choice there


def _lint_parallel(
    files: list[tuple[int, str]],
    jobs: int,
    settings: RunSettings,
    transform: Callable[[Item], T],
    parent: Linter,
) -> Iterator[tuple[int, T]]:
    """``(index, transform(result))`` for every file, in the order given.

    ``jobs`` processes share the work: ``parent`` (this process, its
    checks already warm) lints one chunk in ``jobs``, the first of them
    while the ``jobs - 1`` workers start, and the workers the others. On
    Linux the workers are forked here (``_lint_forked``), elsewhere they are
    a ``ProcessPoolExecutor``'s; either way results are read as the run
    reaches them, so they do not pile up here."""
    chunk = max(1, min(CHUNK, len(files) // (jobs * 4) or 1))
    if sys.platform == "linux":
        return _lint_forked(files, chunk, jobs, settings, transform, parent)
    return _lint_pooled(files, chunk, jobs, settings, transform, parent)


def _lint_forked(
    files: list[tuple[int, str]], chunk: int, jobs: int, settings: RunSettings, transform: Callable[[Item], T],
    parent: Linter,
) -> Iterator[tuple[int, T]]:
    """``_lint_parallel`` with workers forked here (``linter.forkpool.in_turn``):
    chunk ``k`` is linted here when ``k % jobs`` is 0, else by worker ``k % jobs``."""
    from functools import partial

    from linter import regexes
    from linter.forkpool import in_turn

    regexes.save()  # the patterns compiled so far: each worker then writes only its own
    chunks = _even_chunks(files, chunk, jobs)
    init, there = partial(_init_worker, settings), partial(_lint_chunk, transform=transform)
    for done in in_turn(chunks, jobs, init, there, partial(_lint_all, parent, transform=transform)):
        yield from done


def _even_chunks(files: list[T], chunk: int, jobs: int) -> list[list[T]]:
    """``files`` cut in chunks of about ``chunk`` for ``in_turn``, a whole
    number of rounds of ``jobs``: each process gets an even share (this one,
    which also reads and writes every result, the smallest), and each share
    is cut evenly, so no process is left alone at the end of the run."""
    rounds = -(-len(files) // (chunk * jobs))
    if len(files) < rounds * jobs:
        return [files[start : start + chunk] for start in range(0, len(files), chunk)]
    chunks, start = [], 0
    for k in range(rounds * jobs):
        worker, turn = k % jobs, k // jobs
        share = len(files) // jobs + (0 < worker <= len(files) % jobs)
        end = start + share // rounds + (turn < share % rounds)
        chunks.append(files[start:end])
        start = end
    return chunks


def _lint_pooled(
    files: list[tuple[int, str]], chunk: int, jobs: int, settings: RunSettings, transform: Callable[[Item], T],
    parent: Linter,
) -> Iterator[tuple[int, T]]:
    """``_lint_parallel`` with a ``ProcessPoolExecutor`` (where workers are
    not forked: macOS, Windows); the workers take the chunks not ours as
    they come free."""
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    starts = range(0, len(files), chunk)
    ours = [k % jobs == 0 for k in range(len(starts))]
    theirs = (start for start, mine in zip(starts, ours) if not mine)
    workers = min(jobs - 1, ours.count(False))
    pool = None
    if workers:
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=_pool_context(), initializer=_init_worker, initargs=(settings,)
        )
    in_flight: deque[Future[list[tuple[int, T]]]] = deque()
    try:
        for start, mine in zip(starts, ours):
            while pool and len(in_flight) < IN_FLIGHT * workers and (ahead := next(theirs, None)) is not None:
                in_flight.append(pool.submit(_lint_chunk, files[ahead : ahead + chunk], transform))
            if mine:
                yield from _lint_all(parent, files[start : start + chunk], transform)
            else:
                yield from in_flight.popleft().result()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _same(item: Item) -> Item:
    return item


def iter_lint(
    paths: Sequence[str],
    settings: RunSettings,
    *,
    transform: Callable[[Item], T],
    stdin: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[T]:
    """``transform`` of each input's ``FileReport`` or ``FileError``, in
    input order, each as soon as it and those before it are done.

    ``settings.jobs`` caps the worker processes (default: one per core);
    runs of fewer than ``PARALLEL_MIN`` files are linted serially whatever
    it says. In a pooled run ``transform`` runs in the workers (it must
    pickle: a module-level function or a ``partial`` of one). ``progress(done,
    total)`` is called as drafts are finished.
    """
    linter = Linter(settings)
    targets = linter.targets(paths)
    total = len(targets)
    files = [(i, t) for i, t in enumerate(targets) if isinstance(t, str) and t != "-"]
    jobs = default_jobs() if settings.jobs is None else max(1, settings.jobs)
    pooled: Iterator[tuple[int, T]] = iter(())
    rest = files[1:]  # the first file is linted here: the workers fork with its patterns compiled
    if jobs > 1 and len(files) >= PARALLEL_MIN:
        linter.settings = replace(settings, service_lane=0)  # no tools built yet: the first file is linted below
        pooled = _lint_parallel(rest, jobs, settings, transform, linter)
    else:
        rest = []
    order = (i for i, _ in rest)
    upcoming = next(order, None)
    for index, target in enumerate(targets):
        if index == upcoming:
            found, result = next(pooled)  # the pool starts here, after the first file
            assert found == index, "the pool returned results out of order"
            yield result
            upcoming = next(order, None)
        else:
            yield transform(linter.lint_target(target, stdin=stdin))
        if progress is not None:
            progress(index + 1, total)


def lint_paths(
    paths: Sequence[str],
    settings: RunSettings,
    *,
    stdin: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Read, parse and lint every input into one ``RunResult`` (the whole
    run in memory; ``iter_lint`` hands results on one by one)."""
    from linter.formats import RunResult

    return RunResult(tuple(iter_lint(paths, settings, transform=_same, stdin=stdin, progress=progress)))
