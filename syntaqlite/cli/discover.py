"""Which files a command works on: files, directories (``*.sql`` below them,
honouring ``.gitignore``) and glob patterns."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import glob_paths, has_magic
from ..text import printable

if TYPE_CHECKING:
    import pathspec

SQL_SUFFIXES = (".sql",)
# Never descended into, whatever .gitignore says.
ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"})


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _git_root(start: Path) -> Path | None:
    for d in (start, *start.parents):
        if (d / ".git").exists():
            return d
    return None


class _Ignores:
    """The .gitignore rules in force for a directory tree."""

    def __init__(self) -> None:
        self._cache: dict[Path, list[tuple[Path, pathspec.PathSpec[Any]]]] = {}

    @staticmethod
    def _compile(lines: list[str]) -> pathspec.PathSpec[Any]:
        import pathspec  # only when a directory is searched

        return pathspec.PathSpec.from_lines("gitwildmatch", lines)

    def _spec(self, directory: Path) -> pathspec.PathSpec[Any] | None:
        f = directory / ".gitignore"
        if not f.is_file():
            return None
        try:
            lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return None
        return self._compile(lines)

    def rules_for(self, directory: Path) -> list[tuple[Path, pathspec.PathSpec[Any]]]:
        """Specs of ``directory`` and its ancestors up to the git root."""
        if directory in self._cache:
            return self._cache[directory]
        root = _git_root(directory)
        if root is None or directory == root or root not in directory.parents:
            inherited: list[tuple[Path, pathspec.PathSpec[Any]]] = []
            if root is not None and directory == root:
                exclude = root / ".git" / "info" / "exclude"
                if exclude.is_file():
                    lines = exclude.read_text(encoding="utf-8", errors="replace").splitlines()
                    inherited.append((root, self._compile(lines)))
        else:
            inherited = list(self.rules_for(directory.parent))
        spec = self._spec(directory)
        rules = [*inherited, (directory, spec)] if spec else inherited
        self._cache[directory] = rules
        return rules

    def ignored(self, path: Path, is_dir: bool) -> bool:
        for base, spec in self.rules_for(path.parent):
            rel = path.relative_to(base).as_posix()
            if spec.match_file(rel + "/" if is_dir else rel):
                return True
        return False


def _walk(directory: Path, ignores: _Ignores, found: Discovery, relative: bool) -> Iterator[Path]:
    """The SQL files below ``directory``.  Symlinked directories are not
    entered (so there is no loop to follow); a symlinked file is a file, and
    a symlink that never resolves is reported."""

    def shown(path: str | Path) -> str:
        return printable(os.path.relpath(path) if relative else str(path))

    stack = [directory]
    while stack:
        d = stack.pop()
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            found.errors.append(f"{shown(d)}: cannot search this directory: {exc.strerror or exc}")
            continue
        subdirs = []
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name in ALWAYS_SKIPPED or ignores.ignored(path, True):
                        continue
                    subdirs.append(path)
                elif (
                    entry.name.endswith(SQL_SUFFIXES) and entry.is_file() and not ignores.ignored(path, False)
                ):
                    yield path
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    found.errors.append(f"{shown(entry.path)}: symlink loop")
                else:
                    found.errors.append(f"{shown(entry.path)}: {exc.strerror or exc}")
        stack.extend(reversed(subdirs))


def _kind(path: Path) -> str:
    """ "dir", "file", "missing", or the reason the path cannot be used."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "dangling symlink" if os.path.islink(path) else "missing"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        if exc.errno == errno.ENOTDIR:
            return "missing"
        return str(exc.strerror or exc).lower()
    return "dir" if stat.S_ISDIR(st.st_mode) else "file"


def discover(arguments: tuple[str, ...]) -> Discovery:
    """Expand command-line paths into SQL files, in a stable order, each
    once.  A named file is always included; directories are searched."""
    found = Discovery()
    seen: set[Path] = set()
    ignores = _Ignores()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    for arg in arguments:
        path = Path(arg)
        shown = printable(arg)
        kind = _kind(path)
        if kind == "dir":
            before = len(found.files)
            for f in _walk(path.resolve(), ignores, found, not path.is_absolute()):
                add(Path(os.path.relpath(f)) if not path.is_absolute() else f)
            if len(found.files) == before:
                found.warnings.append(f"{shown}: no SQL files (*.sql) in this directory")
        elif kind == "file":
            add(path)
        elif kind == "missing" and has_magic(arg):
            matches = glob_paths(arg)
            found.errors.extend(printable(p) for p in matches.problems)
            files = [m for m in matches.paths if _kind(m) == "file"]
            if not files and not matches.problems:
                found.errors.append(f"{shown}: no file matches this pattern")
            for f in files:
                add(f)
        elif kind == "missing":
            found.errors.append(f"{shown}: no such file or directory")
        else:
            found.errors.append(f"{shown}: {kind}")
    found.errors = list(dict.fromkeys(found.errors))
    return found
