"""Which files a command works on: files, directories (``*.sql`` below them,
honouring ``.gitignore``) and glob patterns."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def _walk(directory: Path, ignores: _Ignores, suffixes: tuple[str, ...] = SQL_SUFFIXES) -> Iterator[Path]:
    stack = [directory]
    while stack:
        d = stack.pop()
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if entry.name in ALWAYS_SKIPPED or ignores.ignored(path, True):
                    continue
                subdirs.append(path)
            elif entry.name.endswith(suffixes) and entry.is_file() and not ignores.ignored(path, False):
                yield path
        stack.extend(reversed(subdirs))


def discover(arguments: tuple[str, ...], suffixes: tuple[str, ...] = SQL_SUFFIXES) -> Discovery:
    """Expand command-line paths into SQL files (files ending with one of
    ``suffixes``), in a stable order, each once.  A named file is always
    included; directories are searched."""
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
        if path.is_dir():
            before = len(found.files)
            for f in _walk(path.resolve(), ignores, suffixes):
                add(Path(os.path.relpath(f)) if not path.is_absolute() else f)
            if len(found.files) == before:
                kinds = ", ".join(f"*{s}" for s in suffixes)
                found.warnings.append(f"{arg}: no SQL files ({kinds}) in this directory")
        elif path.exists():
            add(path)
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            if not files:
                found.errors.append(f"{arg}: no file matches this pattern")
            for f in files:
                add(f)
        else:
            found.errors.append(f"{arg}: no such file or directory")
    return found
