"""What a document is checked with: the project's configuration and the
SQLite it targets, from the configuration file found from the document (or
the workspace) and the editor's settings.  No pygls here: the early start
(:mod:`.fast`) uses it too."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config, ConfigError, find_config, load
from ..syntax.target import Target, TargetError


@dataclass(frozen=True)
class EditorSettings:
    """Settings the editor sends (``initializationOptions`` and
    ``workspace/didChangeConfiguration``).  The project's configuration file
    wins where it sets the same thing."""

    sqlite_version: str | None = None
    sqlite_cflags: tuple[str, ...] = ()
    config_file: str | None = None
    """``syntaqlite lsp --config FILE``: this file for every document."""
    isolated: bool = False
    """``syntaqlite lsp --no-config``: no configuration file at all."""

    @classmethod
    def from_mapping(cls, data: object, base: EditorSettings | None = None) -> EditorSettings:
        base = base or cls()
        if not isinstance(data, dict):
            return base
        if isinstance(data.get("syntaqlite"), dict):
            data = data["syntaqlite"]
        assert isinstance(data, dict)
        version = base.sqlite_version
        cflags = base.sqlite_cflags
        for key in ("sqliteVersion", "sqlite-version", "sqlite_version"):
            if key in data:
                value = data[key]
                version = str(value) if value not in (None, "") else None
        for key in ("sqliteCflags", "sqlite-cflags", "sqlite_cflags"):
            if key in data:
                value = data[key]
                if isinstance(value, str):
                    cflags = (value,)
                elif isinstance(value, list):
                    cflags = tuple(str(v) for v in value)
        return cls(version, cflags, base.config_file, base.isolated)


@dataclass(frozen=True)
class Problem:
    message: str
    shown: bool  # shown to the user (else only logged)


@dataclass
class Settings:
    config: Config
    target: Target
    problems: list[Problem] = field(default_factory=list)


def workspace_roots(folders: list[str], root_uri: str | None, root_path: str | None) -> list[Path]:
    """The workspace's folders (from ``initialize``): its workspace folders,
    else its root URI, else its root path."""
    from pygls.uris import to_fs_path  # stdlib only, unlike the rest of pygls

    roots: list[Path] = []
    for uri in folders:
        path = to_fs_path(uri)
        if path:
            roots.append(Path(path))
    if not roots and root_uri:
        path = to_fs_path(root_uri)
        if path:
            roots.append(Path(path))
    if not roots and root_path:
        roots.append(Path(root_path))
    return roots


CONFIG_FILES = ("syntaqlite.toml", "pyproject.toml")
"""The names of the files the configuration is read from."""


def document_path(uri: str) -> Path | None:
    """The file a document URI names (None: not a ``file:`` URI)."""
    from pygls.uris import to_fs_path  # stdlib only, unlike the rest of pygls

    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def resolve_settings(path: Path | None, roots: list[Path], editor: EditorSettings) -> Settings:
    """The configuration for a document at ``path`` (None: not a file; the
    first workspace root is used), with the editor's settings under it."""
    problems: list[Problem] = []
    start = path if path is not None else (roots[0] if roots else None)
    config = Config()
    if editor.config_file is not None and not editor.isolated:
        try:
            config = load(Path(editor.config_file)) or Config()
        except ConfigError as exc:
            problems.append(Problem(f"syntaqlite: {exc}", True))
    elif start is not None and not editor.isolated:
        try:
            config = find_config(start)
        except ConfigError as exc:
            problems.append(Problem(f"syntaqlite: {exc}", True))
        except OSError as exc:
            problems.append(Problem(f"syntaqlite: cannot read the configuration for {start}: {exc}", False))
    version = config.sqlite_version if config.sqlite_version is not None else editor.sqlite_version
    cflags = config.sqlite_cflags or editor.sqlite_cflags
    try:
        target = Target.from_options(version, cflags)
    except TargetError as exc:
        problems.append(Problem(f"syntaqlite: {exc} (from the editor settings); using the defaults", True))
        try:
            target = config.target()
        except ConfigError:
            target = Target()
    return Settings(config, target, problems)
