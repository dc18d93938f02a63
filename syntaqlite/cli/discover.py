"""Which files a command works on: files, directories (``*.sql`` below them,
honouring ``.gitignore``) and glob patterns (whose matches honour
``.gitignore`` too), minus what ``exclude`` says."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import glob_paths, has_magic
from ..text import printable

if TYPE_CHECKING:
    import pathspec

    from ..config import Config

SQL_SUFFIXES = (".sql",)
# Never descended into, whatever .gitignore and exclude say (the rest of
# the usual suspects are in the default ``exclude``).
ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn"})


def _gitignore_spec(lines: list[str]) -> pathspec.PathSpec[Any]:
    import pathspec  # only when a directory is searched or something excluded

    return pathspec.GitIgnoreSpec.from_lines(lines)


class Excluder:
    """The ``exclude`` patterns in force for a path: the configuration's
    (relative to its file's directory; ``config_for`` finds the one that
    applies), or ``--exclude``'s instead, plus ``--extend-exclude``'s
    (relative to the current directory).  Gitignore-style patterns."""

    def __init__(
        self,
        config_for: Callable[[Path], Config],
        exclude: tuple[str, ...] | None = None,
        extend_exclude: tuple[str, ...] = (),
    ) -> None:
        self._config_for = config_for
        cwd = Path.cwd()
        self._cli = (cwd, _gitignore_spec(list(exclude))) if exclude is not None else None
        self._extend = (cwd, _gitignore_spec(list(extend_exclude))) if extend_exclude else None
        self._specs: dict[tuple[Path, tuple[str, ...]], pathspec.PathSpec[Any]] = {}

    def _rules(self, path: Path) -> list[tuple[Path, pathspec.PathSpec[Any]]]:
        rules = []
        if self._cli is not None:
            rules.append(self._cli)
        else:
            from ..config import ConfigError

            try:
                config = self._config_for(path)
            except ConfigError:
                config = None  # reported where the file is read
            if config is not None:
                base = config.root or Path.cwd()
                key = (base, config.exclude)
                if key not in self._specs:
                    self._specs[key] = _gitignore_spec(list(config.exclude))
                rules.append((base, self._specs[key]))
        if self._extend is not None:
            rules.append(self._extend)
        return rules

    def excluded(self, path: Path, is_dir: bool) -> bool:
        """``path`` is absolute."""
        for base, spec in self._rules(path):
            try:
                rel = path.relative_to(base).as_posix()
            except ValueError:
                rel = path.as_posix().lstrip("/")  # unanchored patterns still apply
            if rel in ("", "."):
                continue
            if spec.match_file(rel + "/" if is_dir else rel):
                return True
        return False

    def hidden(self, path: Path, stop: Path | None = None) -> bool:
        """Whether ``path`` (a file) or a directory above it, below
        ``stop``, is excluded."""
        if self.excluded(path, False):
            return True
        for d in path.parents:
            if stop is not None and (d == stop or stop not in d.parents):
                break
            if d.name in ALWAYS_SKIPPED or self.excluded(d, True):
                return True
        return False


class Discovery:
    __slots__ = ("files", "errors", "warnings", "excluded")

    files: list[Path]
    errors: list[str]
    warnings: list[str]
    excluded: list[Path]
    """Paths named or matched that exclude or .gitignore left out."""

    def __init__(
        self,
        files: list[Path] | None = None,
        errors: list[str] | None = None,
        warnings: list[str] | None = None,
        excluded: list[Path] | None = None,
    ) -> None:
        self.files = [] if files is None else files
        self.errors = [] if errors is None else errors
        self.warnings = [] if warnings is None else warnings
        self.excluded = [] if excluded is None else excluded


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
        return _gitignore_spec(lines)

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

    def ignored_within(self, path: Path) -> bool:
        """Whether the file ``path`` (absolute), or a directory above it in
        its git work tree, is ignored: what a directory walk would skip."""
        root = _git_root(path.parent)
        if root is None:
            return False
        if self.ignored(path, False):
            return True
        return any(self.ignored(d, True) for d in path.parents if root in d.parents)


def _walk(
    directory: Path,
    ignores: _Ignores,
    found: Discovery,
    relative: bool,
    excluder: Excluder | None = None,
    suffixes: tuple[str, ...] = SQL_SUFFIXES,
) -> Iterator[Path]:
    """The SQL files (names ending with one of ``suffixes``) below
    ``directory``.  Symlinked directories are not entered (so there is no
    loop to follow); a symlinked file is a file, and a symlink that never
    resolves is reported."""

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
                    try:
                        skipped = (
                            entry.name in ALWAYS_SKIPPED
                            or ignores.ignored(path, True)
                            or (excluder is not None and excluder.excluded(path, True))
                        )
                    except OSError:
                        skipped = False  # unreadable: reported when it is searched
                    if not skipped:
                        subdirs.append(path)
                elif (
                    entry.name.endswith(suffixes)
                    and entry.is_file()
                    and not ignores.ignored(path, False)
                    and not (excluder is not None and excluder.excluded(path, False))
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


def discover(
    arguments: tuple[str, ...],
    excluder: Excluder | None = None,
    force_exclude: bool = False,
    suffixes: tuple[str, ...] = SQL_SUFFIXES,
) -> Discovery:
    """Expand command-line paths into SQL files (files ending with one of
    ``suffixes``), in a stable order, each once.  Directories are searched
    and glob patterns expanded, both honouring ``.gitignore`` and
    ``excluder``; a named file is always included, unless ``force_exclude`` and ``excluder`` excludes it (for
    pre-commit, which names every file)."""
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
            if force_exclude and excluder is not None and excluder.excluded(path.resolve(), True):
                found.excluded.append(path)
                continue
            for f in _walk(path.resolve(), ignores, found, not path.is_absolute(), excluder, suffixes):
                add(Path(os.path.relpath(f)) if not path.is_absolute() else f)
            if len(found.files) == before:
                kinds = ", ".join(f"*{s}" for s in suffixes)
                found.warnings.append(f"{shown}: no SQL files ({kinds}) in this directory")
        elif kind == "file":
            if force_exclude and excluder is not None and excluder.hidden(path.resolve(), Path.cwd()):
                found.excluded.append(path)
                continue
            add(path)
        elif kind == "missing" and has_magic(arg):
            matches = glob_paths(arg)
            found.errors.extend(printable(p) for p in matches.problems)
            files = [m for m in matches.paths if _kind(m) == "file"]
            if not files and not matches.problems:
                found.errors.append(f"{shown}: no file matches this pattern")
            # What a directory walk would skip, a pattern skips too.
            top = Path.cwd()
            for f in files:
                absolute = f.resolve()
                if ignores.ignored_within(absolute) or (
                    excluder is not None and excluder.hidden(absolute, top)
                ):
                    found.excluded.append(f)
                    continue
                add(f)
        elif kind == "missing":
            found.errors.append(f"{shown}: no such file or directory")
        else:
            found.errors.append(f"{shown}: {kind}")
    found.errors = list(dict.fromkeys(found.errors))
    return found
