"""From paths on the command line to the files to lint: ``discover`` walks
folders (include and exclude globs, ``.gitignore``, symlink loops, each
file once); ``walk_would_find`` says whether a walk would list a file."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence

from linter.input_error import InputError, _os_error

__all__ = ["discover", "walk_would_find", "DEFAULT_INCLUDE"]

DEFAULT_INCLUDE = ("*.txt", "*.eml", "*.md")
_SKIP_DIRS = frozenset({".git", ".hg", ".svn"})


def _matches(patterns: Sequence[str], rel: str, name: str) -> bool:
    """Case-insensitive glob match: patterns with a ``/`` against the path
    relative to the folder given, the others against the file name."""
    rel, name = rel.lower(), name.lower()
    for pattern in patterns:
        pat = pattern.lower().rstrip("/")
        if "/" in pat:
            if fnmatch.fnmatchcase(rel, pat.lstrip("/")) or fnmatch.fnmatchcase(rel, "*/" + pat):
                return True
        elif fnmatch.fnmatchcase(name, pat):
            return True
    return False


def _maybe_in_work_tree(folder: str) -> bool:
    """Whether git could find a repository for ``folder``: a ``.git`` in it
    or a folder above, or ``GIT_DIR`` set. Without either, ``git
    check-ignore`` can only answer "not a git repository", so it is not run."""
    if os.environ.get("GIT_DIR"):
        return True
    here = os.path.realpath(folder)
    while True:
        if os.path.lexists(os.path.join(here, ".git")):
            return True
        parent = os.path.dirname(here)
        if parent == here:
            return False
        here = parent


class _GitIgnore:
    """``git check-ignore`` for one folder walk: one call per folder depth,
    so ignored folders are pruned before we descend into them."""

    def __init__(self, root: str, enabled: bool) -> None:
        self.root = root
        self.enabled = enabled and _maybe_in_work_tree(root)

    def ignored(self, rels: Sequence[str]) -> set[str]:
        if not self.enabled or not rels:
            return set()
        import subprocess

        try:
            done = subprocess.run(
                ["git", "check-ignore", "--stdin", "-z"],
                cwd=self.root,
                input="\0".join(rels).encode("utf-8", "surrogateescape") + b"\0",
                capture_output=True,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            self.enabled = False  # no git: no filtering
            return set()
        if done.returncode not in (0, 1):  # 128: not a work tree, or a bad path
            self.enabled = not (
                b"not a git repository" in done.stderr or b"work tree" in done.stderr
            )
            return set()
        return {p for p in done.stdout.decode("utf-8", "surrogateescape").split("\0") if p}


def discover(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    respect_gitignore: bool = True,
) -> Iterator[str | InputError]:
    """The files to lint, in order: each path as given; folders searched
    recursively in sorted order. A file named explicitly is always yielded
    (``include``, ``exclude`` and ``.gitignore`` only filter what a folder
    walk finds); ``"-"`` is yielded as is. Folders that cannot be read and
    symlink loops are yielded as ``InputError`` and the walk goes on; the
    same file reached twice (through a symlink, say) is yielded once."""
    seen: set[object] = set()
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            if path == "-" or _first_time(path, seen):
                yield path
            continue
        yield from _walk(path, include, exclude, respect_gitignore, seen)


def walk_would_find(root: str, path: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether a walk of folder ``root`` lists the file named ``path`` (by its
    own name: a symlink is the entry, not its target), ``.gitignore`` aside."""
    here = os.path.join(os.path.realpath(os.path.dirname(os.path.abspath(path))), os.path.basename(path))
    rel = os.path.relpath(here, os.path.realpath(root))
    parts = rel.split(os.sep)
    if os.pardir in parts[:1] or rel == os.curdir:
        return False
    for depth in range(1, len(parts)):
        folder = parts[depth - 1]
        if folder in _SKIP_DIRS or _matches(exclude, "/".join(parts[:depth]), folder):
            return False
    posix = "/".join(parts)
    return _matches(include, posix, parts[-1]) and not _matches(exclude, posix, parts[-1])


def _first_time(path: str, seen: set[object], info: os.stat_result | None = None) -> bool:
    """Whether the file at ``path`` (``info``: its ``os.stat``) is new to
    this walk: known by device and inode, which a stat gives with no more
    system calls (``realpath`` makes one per folder of the path), or by
    ``realpath`` when there is nothing to stat."""
    try:
        info = info or os.stat(path)
        key: object = info.st_dev << 64 | info.st_ino  # one int, not a pair: a big folder's walk keeps one per file
    except OSError:
        key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(
    root: str,
    include: Sequence[str],
    exclude: Sequence[str],
    respect_gitignore: bool,
    seen: set[object],
) -> Iterator[str | InputError]:
    """Breadth-first by depth (one ``git check-ignore`` per depth), then
    yielded in sorted depth-first order."""
    git = _GitIgnore(root, respect_gitignore)
    found: list[tuple[tuple[str, ...], str | InputError]] = []
    # (relative parts, realpaths of the folders above and including it, behind a symlink?)
    level: list[tuple[tuple[str, ...], tuple[str, ...], bool]] = [
        ((), (os.path.realpath(root),), False)
    ]
    visited = {os.path.realpath(root)}
    while level:
        entries: list[tuple[tuple[str, ...], tuple[str, ...], bool, bool, str]] = []
        for parts, ancestors, linked in level:
            folder = os.path.join(root, *parts) if parts else root
            try:
                with os.scandir(folder) as it:
                    listing = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                found.append((parts, InputError(folder, _os_error(folder, exc))))
                continue
            for entry in listing:
                sub = (*parts, entry.name)
                rel = "/".join(sub)
                full = os.path.join(folder, entry.name)
                try:
                    is_dir = entry.is_dir()  # follows symlinks
                    is_link = entry.is_symlink()
                    is_file = entry.is_file()
                except OSError as exc:
                    found.append((sub, InputError(full, _os_error(full, exc))))
                    continue
                if is_dir:
                    if entry.name in _SKIP_DIRS or _matches(exclude, rel, entry.name):
                        continue
                    entries.append((sub, ancestors, linked or is_link, True, full))
                else:  # files, and pipes or devices: read_source says why it skips those
                    if _matches(include, rel, entry.name) and not _matches(exclude, rel, entry.name):
                        entries.append((sub, ancestors, linked, False, full))
        # Paths behind a symlinked folder cannot be asked about (git refuses
        # to look "beyond a symbolic link"); they are kept.
        ignored: set[str] = set()
        if git.enabled:  # outside a work tree, no list of every path to ask about
            askable = ["/".join(e[0]) + ("/" if e[3] else "") for e in entries if not e[2]]
            ignored = {p.rstrip("/") for p in git.ignored(askable)}
        next_level: list[tuple[tuple[str, ...], tuple[str, ...], bool]] = []
        for sub, ancestors, linked, is_dir, full in entries:
            if ignored and "/".join(sub) in ignored:
                continue
            if not is_dir:
                try:
                    info = os.stat(full)  # a broken or looping symlink fails here
                except OSError as exc:
                    found.append((sub, InputError(full, _os_error(full, exc))))
                    continue
                if _first_time(full, seen, info):
                    found.append((sub, full))
                continue
            real = os.path.realpath(full)
            if real in ancestors:
                found.append((sub, InputError(full, "symlink loop")))
            elif real not in visited:  # else: already walked through another link
                visited.add(real)
                next_level.append((sub, (*ancestors, real), linked or os.path.islink(full)))
        level = next_level
    found.sort(key=lambda item: item[0])
    for _, item in found:
        yield item
