"""Glob patterns over the file system, safe from symlink loops.

``glob.glob(..., recursive=True)`` follows symlinked directories under
``**`` without remembering where it has been: a directory holding a link to
its parent is walked again and again, and two such links make the walk
exponential.  :func:`glob_paths` walks ``**`` with an explicit stack and
enters each directory (by device and inode) once per pattern part, so a loop
ends at once; a symlink that cannot be resolved (``a -> a``) is named in the
result's problems.  Patterns may be absolute (``/srv/db/*.sql``) or relative
to a root.  As with ``glob``, names starting with ``.`` are matched only by a
part that starts with ``.``.

Front ends only (the command line's file discovery and configuration's
schema globs); the analysis does no I/O.
"""

from __future__ import annotations

import errno
import os
from fnmatch import fnmatchcase
from pathlib import Path, PurePath

MAGIC = frozenset("*?[")


def has_magic(pattern: str) -> bool:
    return any(ch in MAGIC for ch in pattern)


class GlobResult:
    __slots__ = ("paths", "problems")

    paths: list[Path]
    problems: list[str]
    """``path: reason`` for what could not be searched or resolved."""

    def __init__(self, paths: list[Path] | None = None, problems: list[str] | None = None) -> None:
        self.paths = [] if paths is None else paths
        self.problems = [] if problems is None else problems


def _join(directory: str, name: str) -> str:
    return name if directory == "" else os.path.join(directory, name)


def _hidden_ok(name: str, part: str) -> bool:
    return not name.startswith(".") or part.startswith(".")


def _scan(directory: str, result: GlobResult) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory or ".") as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            result.problems.append(f"{directory or '.'}: cannot search: {exc.strerror or exc}")
        return []


def _is_dir(entry: os.DirEntry[str], directory: str, result: GlobResult) -> bool:
    try:
        return entry.is_dir()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            result.problems.append(f"{_join(directory, entry.name)}: symlink loop")
        return False


def glob_paths(pattern: str, root: Path | None = None) -> GlobResult:
    """The existing paths that match ``pattern`` (relative to ``root`` when
    it is relative; ``**`` spans directories), sorted, each once."""
    result = GlobResult()
    full = PurePath(pattern) if root is None else PurePath(root, pattern)
    anchor = full.anchor
    parts = full.parts[1:] if anchor else full.parts
    found: set[str] = set()
    expanded: set[tuple[int, int, int]] = set()
    stack: list[tuple[str, int]] = [(anchor, 0)]
    while stack:
        current, i = stack.pop()
        if i == len(parts):
            if current not in found:
                found.add(current)
            continue
        part = parts[i]
        last = i == len(parts) - 1
        if part == "**":
            stack.append((current, i + 1))  # no directory at all
            try:
                st = os.stat(current or ".")
            except OSError:
                continue
            key = (st.st_dev, st.st_ino, i)
            if key in expanded:  # a symlink back to a directory already walked
                continue
            expanded.add(key)
            for entry in reversed(_scan(current, result)):
                if not entry.name.startswith(".") and _is_dir(entry, current, result):
                    stack.append((_join(current, entry.name), i))
        elif has_magic(part):
            for entry in reversed(_scan(current, result)):
                if not fnmatchcase(entry.name, part) or not _hidden_ok(entry.name, part):
                    continue
                if last or _is_dir(entry, current, result):
                    stack.append((_join(current, entry.name), i + 1))
        else:
            path = _join(current, part)
            if last:
                if os.path.lexists(path):
                    stack.append((path, i + 1))
            elif os.path.isdir(path):
                stack.append((path, i + 1))
    result.paths = [Path(p) for p in sorted(found)]
    return result


def symlink_loop(path: Path) -> bool:
    """Whether ``path`` is a symlink that never resolves (``a -> b -> a``)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


__all__ = ["GlobResult", "glob_paths", "has_magic", "symlink_loop"]
