"""Project configuration: ``syntaqlite.toml`` or ``[tool.syntaqlite]`` in
``pyproject.toml``, found by walking up from each file, like ruff.

The nearest directory that has either file wins (a ``pyproject.toml``
without a ``[tool.syntaqlite]`` table does not count).  Keys::

    sqlite-version = "3.45.0"          # default "latest"
    sqlite-cflags = ["SQLITE_ENABLE_UPDATE_DELETE_LIMIT"]
    max-file-size = "100 MB"           # the largest input read (bytes, or kB/MB/GB/KiB/MiB/GiB)
    cache-dir = ".syntaqlite_cache"    # fmt's and check's results cache (relative to this file)

    exclude = [".git", ".venv", ...]    # gitignore-style patterns never searched
    extend-exclude = ["migrations/"]    # (relative to this file): added to exclude

    [format]                            # [tool.syntaqlite.format] in pyproject.toml
    line-width = 100
    indent = 4                          # or indent-width (the original syntaqlite's key)
    keyword-case = "lower"              # upper | lower | preserve
    semicolons = true
    column-names = "preserve"           # preserve | reformat (unaliased result columns)

    schema = ["db/schema.sql"]          # schema files for the validator (globs)
    [schemas]                           # per-path schema files
    "reports/**/*.sql" = ["db/reporting.sql"]   # globs as ``schema``'s (pathlib)

    [python]                            # SQL inside Python (syntaqlite/python)
    check = true                        # directories' .py files are checked too
    calls = ["query", "db.fetch"]       # more calls whose first argument is SQL
    assume-sqlite = false               # every module's .execute(...) is SQLite's
    # [format] python = true: `fmt` formats the SQL of .py files' triple-quoted strings

    [check]                             # per-code severity: "error" | "warning" | "off"
    unknown-function = "warning"

    [checks]                            # the original syntaqlite's table, also read:
    schema = "deny"                     # categories = "allow" | "warn" | "deny"

    collations = ["natsort"]            # what the application registers at run time:
    [check.functions]                   # collations, functions, virtual-table modules
    regexp = 2                          # argument count, "any", "1..3", "2..", or a list
    median = { args = 1, kind = "aggregate" }   # kind: scalar | aggregate | window
    [check.modules]                     # a module's columns, or true (not declared)
    vec0 = ["embedding", "distance"]
    my_module = true

Front ends only: the formatter and the validator take the parsed values.

The original syntaqlite (PyPI ``syntaqlite``, Rust) reads ``syntaqlite.toml``
too; its keys are read here as well (``indent-width``, ``[checks]`` with its
categories and levels), so a project can switch without rewriting its
configuration.
"""

from __future__ import annotations

import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._record import Record
from .fmt.options import FormatOptions, OptionsError
from .paths import glob_paths, has_magic
from .syntax.target import Target, TargetError

if TYPE_CHECKING:
    from .validator.declared import Declarations

CONFIG_FILE = "syntaqlite.toml"
PYPROJECT = "pyproject.toml"

# Never searched unless ``exclude`` says otherwise (gitignore-style patterns).
DEFAULT_EXCLUDE = (
    ".git/",
    ".hg/",
    ".svn/",
    ".venv/",
    "venv/",
    "node_modules/",
    "__pycache__/",
    ".tox/",
    ".mypy_cache/",
    ".ruff_cache/",
    ".syntaqlite_cache/",
)

# The original syntaqlite's ``[checks]``: its categories, as codes here ...
PEER_CATEGORIES: dict[str, tuple[str, ...]] = {
    "parse-errors": ("syntax",),
    "unknown-table": ("unknown-table",),
    "unknown-column": ("unknown-column",),
    "unknown-function": ("unknown-function",),
    "function-arity": ("wrong-arity",),
    "cte-columns": ("cte-column-count",),
    "schema": ("unknown-table", "unknown-column", "unknown-function", "wrong-arity"),
}
# ... and its levels, as severities here.
PEER_LEVELS = {"allow": "off", "warn": "warning", "deny": "error"}
LEVELS = ("error", "warning", "info", "off")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message says where."""


class PythonSettings(Record):
    """The ``[python]`` table, and ``[format] python``."""

    __slots__ = ("check", "calls", "assume_sqlite", "format")

    check: bool
    calls: tuple[str, ...]
    assume_sqlite: bool
    format: bool

    def __init__(
        self,
        check: bool = True,
        calls: tuple[str, ...] = (),
        assume_sqlite: bool = False,
        format: bool = False,
    ) -> None:
        self.check = check
        self.calls = calls
        self.assume_sqlite = assume_sqlite
        self.format = format


class Config(Record):
    __slots__ = (
        "path",
        "format",
        "format_keys",
        "sqlite_version",
        "sqlite_cflags",
        "schema",
        "schemas",
        "checks",
        "declared",
        "exclude",
        "python",
        "max_file_size",
        "cache_dir",
    )

    path: Path | None
    """The file the settings came from (None: defaults)."""
    format: FormatOptions
    format_keys: frozenset[str]
    """The ``[format]`` options the file sets (the others are defaults, which
    an editor's own settings may replace)."""
    sqlite_version: str | None
    sqlite_cflags: tuple[str, ...]
    schema: tuple[str, ...]
    schemas: tuple[tuple[str, tuple[str, ...]], ...]
    checks: tuple[tuple[str, str], ...]
    declared: Declarations | None
    """Functions, collations and modules the application registers (None:
    none; :attr:`declarations` is never None)."""
    exclude: tuple[str, ...]
    """Gitignore-style patterns, relative to :attr:`root`, of paths that are
    never searched (``exclude`` replaces the default, ``extend-exclude``
    adds to it)."""
    python: PythonSettings
    max_file_size: int | None
    """The largest input in bytes (None: the command line's default)."""
    cache_dir: str | None
    """``cache-dir``: where ``fmt`` and ``check`` keep their results cache
    (relative to the file's directory already; None: the default)."""

    def __init__(
        self,
        path: Path | None = None,
        format: FormatOptions | None = None,
        format_keys: frozenset[str] = frozenset(),
        sqlite_version: str | None = None,
        sqlite_cflags: tuple[str, ...] = (),
        schema: tuple[str, ...] = (),
        schemas: tuple[tuple[str, tuple[str, ...]], ...] = (),
        checks: tuple[tuple[str, str], ...] = (),
        declared: Declarations | None = None,
        exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
        python: PythonSettings | None = None,
        max_file_size: int | None = None,
        cache_dir: str | None = None,
    ) -> None:
        self.path = path
        self.format = FormatOptions() if format is None else format
        self.format_keys = format_keys
        self.sqlite_version = sqlite_version
        self.sqlite_cflags = sqlite_cflags
        self.schema = schema
        self.schemas = schemas
        self.checks = checks
        self.declared = declared
        self.exclude = exclude
        self.python = PythonSettings() if python is None else python
        self.max_file_size = max_file_size
        self.cache_dir = cache_dir

    @property
    def declarations(self) -> Declarations:
        if self.declared is not None:
            return self.declared
        from .validator.declared import NO_DECLARATIONS  # not loaded unless asked for

        return NO_DECLARATIONS

    @property
    def root(self) -> Path | None:
        return self.path.parent if self.path else None

    def schema_files_for(self, file: Path | None) -> list[Path]:
        """Schema files that apply to ``file``: the ``schema`` list, then the
        ``[schemas]`` entries whose glob matches the file (paths relative to
        the configuration file's directory)."""
        root = self.root
        if root is None:
            return []
        out: list[Path] = []
        for pattern in self.schema:
            out.extend(_expand(root, pattern, self.path))
        if file is not None:
            try:
                rel = file.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                rel = None
            for glob_pattern, files in self.schemas:
                if rel is not None and glob_match(rel, glob_pattern, self.path):
                    for pattern in files:
                        out.extend(_expand(root, pattern, self.path))
        # A file named twice (``schema`` and a ``[schemas]`` entry) is read once.
        unique: dict[Path, Path] = {}
        for p in out:
            unique.setdefault(p.resolve(), p)
        return list(unique.values())

    def target(self) -> Target:
        try:
            return Target.from_options(self.sqlite_version, self.sqlite_cflags)
        except TargetError as exc:
            raise ConfigError(f"{self.path}: {exc}") from None


def _table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        section = tool.get("syntaqlite") if isinstance(tool, dict) else None
        return section if isinstance(section, dict) else None
    return data


def _strings(value: object, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{path}: {key} must be a string or a list of strings")


def parse_config(data: dict[str, Any], path: Path) -> Config:
    known = {
        "format",
        "sqlite-version",
        "sqlite-cflags",
        "schema",
        "schemas",
        "check",
        "checks",
        "exclude",
        "extend-exclude",
        "python",
        "max-file-size",
        "cache-dir",
    }
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r}; known keys: {', '.join(sorted(known))}")
    fmt = data.get("format", {})
    if not isinstance(fmt, dict):
        raise ConfigError(f"{path}: [format] must be a table")
    fmt = dict(fmt)
    python_format = fmt.pop("python", False)
    if not isinstance(python_format, bool):
        raise ConfigError(f"{path}: [format] python must be true or false")
    python = _python(data.get("python", {}), python_format, path)
    if "indent-width" in fmt:  # the original syntaqlite's name for indent
        if "indent" in fmt:
            raise ConfigError(f"{path}: [format] has both indent and indent-width; keep one")
        fmt = {("indent" if k == "indent-width" else k): v for k, v in fmt.items()}
    try:
        options = FormatOptions.from_mapping(fmt)
    except (OptionsError, TypeError) as exc:
        raise ConfigError(f"{path}: [format] {exc}") from None
    version = data.get("sqlite-version")
    if version is not None and not isinstance(version, str):
        raise ConfigError(f'{path}: sqlite-version must be a string such as "3.45.0"')
    cflags = _strings(data.get("sqlite-cflags", []), "sqlite-cflags", path)
    schema = _strings(data.get("schema", []), "schema", path)
    schemas_raw = data.get("schemas", {})
    if not isinstance(schemas_raw, dict):
        raise ConfigError(f"{path}: [schemas] must be a table of glob = [files]")
    schemas = tuple((glob, _strings(files, f"schemas.{glob}", path)) for glob, files in schemas_raw.items())
    for pattern in (*schema, *(glob for glob, _ in schemas)):
        _check_glob(pattern, path)
    exclude = (
        _strings(data["exclude"], "exclude", path) if "exclude" in data else DEFAULT_EXCLUDE
    ) + _strings(data.get("extend-exclude", []), "extend-exclude", path)
    checks_raw = data.get("check", {})
    if not isinstance(checks_raw, dict):
        raise ConfigError(f'{path}: [check] must map codes to "error", "warning" or "off"')
    checks_raw = dict(checks_raw)
    declarations = _declarations(checks_raw, path)
    if not all(isinstance(v, str) for v in checks_raw.values()):
        raise ConfigError(f'{path}: [check] must map codes to "error", "warning" or "off"')
    codes = check_codes()
    for code, level in checks_raw.items():
        if code not in codes:
            raise ConfigError(
                f"{path}: [check] {code}: unknown check; `syntaqlite check --explain all` lists them"
            )
        if level not in LEVELS:
            raise ConfigError(f'{path}: [check] {code} = {level!r}: use "error", "warning", "info" or "off"')
    max_file_size = None
    if "max-file-size" in data:
        try:
            max_file_size = parse_size(data["max-file-size"])
        except ValueError as exc:
            raise ConfigError(f"{path}: max-file-size: {exc}") from None
    cache_dir = data.get("cache-dir")
    if cache_dir is not None:
        if not isinstance(cache_dir, str) or not cache_dir:
            raise ConfigError(f"{path}: cache-dir must be a directory's path (a string)")
        cache_dir = str(path.parent / Path(cache_dir).expanduser())
    # [checks] (the original syntaqlite's) first, so that [check] wins.
    checks = {**_peer_checks(data.get("checks", {}), path), **checks_raw}
    config = Config(
        path,
        options,
        frozenset(key.replace("_", "-") for key in fmt),
        version,
        cflags,
        schema,
        schemas,
        tuple(checks.items()),
        declarations,
        exclude,
        python,
        max_file_size,
        cache_dir,
    )
    config.target()  # validate now, with the file's name in the message
    return config


_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(value: object) -> int:
    """A size in bytes from ``1000000``, ``"100 MB"``, ``"1.5GB"`` or
    ``"512 KiB"``; raises ValueError saying what is accepted."""
    import re

    if isinstance(value, int) and not isinstance(value, bool):
        n = value
    else:
        m = (
            re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*", value)
            if isinstance(value, str)
            else None
        )
        if m is None or m.group(2).lower() not in _UNITS:
            raise ValueError(
                f"{value!r} is not a size: use bytes (1000000) or a number with kB, MB, GB, KiB, MiB or GiB"
            )
        n = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if n < 1:
        raise ValueError(f"{value!r}: the size must be at least 1 byte")
    return n


def _python(table: object, format_python: bool, path: Path) -> PythonSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [python] must be a table")
    known = {"check", "calls", "assume-sqlite"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            f"{path}: [python] unknown key {unknown[0]!r}; known keys: {', '.join(sorted(known))}"
        )
    check = table.get("check", True)
    assume = table.get("assume-sqlite", False)
    for key, value in (("check", check), ("assume-sqlite", assume)):
        if not isinstance(value, bool):
            raise ConfigError(f"{path}: [python] {key} must be true or false")
    calls = _strings(table.get("calls", []), "[python] calls", path)
    for call in calls:
        if not all(part.isidentifier() for part in call.split(".")):
            raise ConfigError(
                f"{path}: [python] calls: {call!r} is not a name or dotted name such as db.query"
            )
    return PythonSettings(check, calls, assume, format_python)


def check_codes() -> tuple[str, ...]:
    """Every code ``[check]`` and ``[checks]`` may name: ``syntax``, the
    validator's checks and the checks of SQL inside Python."""
    from .python.rules import PYTHON_RULES
    from .validator.rules import RULES

    return ("syntax", *RULES, *PYTHON_RULES)


def _peer_checks(table: object, path: Path) -> dict[str, str]:
    """The original syntaqlite's ``[checks]``: categories (``schema`` and
    ``all`` stand for several) to "allow", "warn" or "deny"; a code of this
    tool's checks works too, and so do this tool's levels."""
    if not isinstance(table, dict):
        raise ConfigError(f'{path}: [checks] must map categories to "allow", "warn" or "deny"')
    out: dict[str, str] = {}
    # Broad keys first: "all", then "schema", then single categories and codes.
    order = sorted(table.items(), key=lambda kv: (kv[0] != "all", kv[0] != "schema"))
    for key, level in order:
        severity = PEER_LEVELS.get(level, level) if isinstance(level, str) else None
        if severity not in LEVELS:
            raise ConfigError(f'{path}: [checks] {key} = {level!r}: use "allow", "warn" or "deny"')
        if key == "all":
            codes = check_codes()
        elif key in PEER_CATEGORIES:
            codes = PEER_CATEGORIES[key]
        else:
            if key not in check_codes() or key == "syntax":
                known = ", ".join([*PEER_CATEGORIES, "all"])
                raise ConfigError(
                    f"{path}: [checks] unknown category {key!r}; known: {known}, or a check's code"
                )
            codes = (key,)
        for code in codes:
            out[code] = severity
    return out


def _declarations(check: dict[str, Any], path: Path) -> Declarations | None:
    """``functions``, ``collations`` and ``modules`` of the ``[check]``
    table (removed from it: the rest are per-code severities)."""
    if not {"functions", "collations", "modules"} & check.keys():
        return None
    from .validator.declared import DeclarationError, parse_declarations

    try:
        return parse_declarations(
            check.pop("functions", {}), check.pop("collations", []), check.pop("modules", {})
        )
    except DeclarationError as exc:
        raise ConfigError(f"{path}: [check] {exc}") from None


def load(path: Path) -> Config | None:
    """The configuration in ``path`` (None for a pyproject.toml without
    ``[tool.syntaqlite]``).

    A pyproject.toml whose text has neither the word ``syntaqlite`` nor a
    ``\\u``/``\\U`` escape (a key could spell the word with escapes)
    cannot have the table, and is not parsed: most projects' pyproject.toml
    is someone else's configuration, and loading a TOML parser costs start-up
    time."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8") from None
    if path.name == PYPROJECT and "syntaqlite" not in text and "\\u" not in text and "\\U" not in text:
        return None
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    table = _table(data, path)
    if table is None:
        return None
    return parse_config(table, path)


@lru_cache(maxsize=1024)
def _find_in(directory: Path) -> Config:
    for name in (CONFIG_FILE, PYPROJECT):
        candidate = directory / name
        if candidate.is_file():
            config = load(candidate)
            if config is not None:
                return config
    parent = directory.parent
    if parent == directory:
        return Config()
    return _find_in(parent)


def find_config(start: Path) -> Config:
    """The configuration that applies to ``start`` (a file or directory)."""
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    return _find_in(directory)


def clear_cache() -> None:
    _find_in.cache_clear()


def _check_glob(pattern: str, config_path: Path) -> None:
    for part in pattern.split("/"):
        if "**" in part and part != "**":
            raise ConfigError(
                f"{config_path}: glob {pattern!r}: '**' can only be a whole path component "
                "(write e.g. 'reports/**/*.sql')"
            )


def _expand(root: Path, pattern: str, config_path: Path | None) -> list[Path]:
    """The files of a ``schema`` entry: a path or a glob, relative to the
    configuration's directory or absolute."""
    if has_magic(pattern):
        matches = glob_paths(pattern, root)
        if matches.problems:
            raise ConfigError(f"{config_path}: schema pattern {pattern!r}: {matches.problems[0]}")
        if not matches.paths:
            raise ConfigError(f"{config_path}: schema pattern {pattern!r} matches no file")
        return matches.paths
    path = root / pattern
    if not path.exists():
        raise ConfigError(f"{config_path}: schema file {pattern!r} does not exist")
    return [path]


def glob_match(rel: str, pattern: str, config_path: Path | None = None) -> bool:
    """Whether the relative path ``rel`` is one that ``Path.glob(pattern)``
    yields: the same matcher as ``schema``'s globs (``*``, ``?`` and
    ``[...]`` within a path component, ``**`` for any number of
    directories; case-insensitive where the file system is)."""
    parts = rel.split("/")
    pats = [p for p in pattern.split("/") if p not in ("", ".")]
    if config_path is not None:
        _check_glob(pattern, config_path)
    # reachable[i]: the first i parts match the pattern so far.
    reachable = [True] + [False] * len(parts)
    for pat in pats:
        nxt = [False] * (len(parts) + 1)
        if pat == "**":
            seen = False
            for i in range(len(parts) + 1):
                seen = seen or reachable[i]
                nxt[i] = seen
        else:
            for i in range(len(parts)):
                if reachable[i] and fnmatch.fnmatch(parts[i], pat):
                    nxt[i + 1] = True
        reachable = nxt
    return reachable[len(parts)]
