"""Options and helpers shared by the commands."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .._record import Record
from ..syntax.target import Target, TargetError
from .discover import Excluder
from .files import DEFAULT_MAX_BYTES, InputError, Source, read_file, read_stdin

if TYPE_CHECKING:
    from ..config import Config
    from ..diagnostics import Role

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_INTERNAL = 3  # a bug in syntaqlite: an exception it did not expect


F = TypeVar("F", bound=Callable[..., Any])


def target_options(f: F) -> F:
    """Add --sqlite-version and --sqlite-cflag to a command.  They override
    the configuration's ``sqlite-version`` and ``sqlite-cflags`` (each on its
    own: a --sqlite-cflag keeps the configured version)."""
    f = click.option(
        "--sqlite-cflag",
        "sqlite_cflags",
        multiple=True,
        metavar="NAME",
        help="A compile-time option of the SQLite that will run the SQL, e.g. "
        "SQLITE_ENABLE_UPDATE_DELETE_LIMIT (repeatable).",
    )(f)
    f = click.option(
        "--sqlite-version",
        metavar="X.Y.Z",
        default=None,
        help="The SQLite release that will run the SQL: 3.12.0 ... 3.54.1, or latest (the default).",
    )(f)
    return f


class _Size(click.ParamType[int, Any]):
    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from ..config import parse_size

        try:
            return parse_size(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def max_size_option(f: F) -> F:
    """Add --max-file-size: the largest input a command reads."""
    return click.option(
        "--max-file-size",
        "max_file_size",
        type=_Size(),
        default=None,
        metavar="SIZE",
        help="Refuse a file or stream larger than this: bytes, or e.g. 500MB, 2GB "
        "[default: max-file-size in configuration, else 100 MB].",
    )(f)


def size_limit(
    option: int | None, where: Path | None, config: Config | None = None, common: Common | None = None
) -> int:
    """The input size limit for a file at ``where`` (None: stdin, -e): the
    option, else the configuration's ``max-file-size`` (``config``, else the
    one ``common`` picks for ``where``, else the nearest), else the default."""
    if option is not None:
        return option
    if config is None:
        from ..config import ConfigError, find_config

        try:
            config = common.config_for(where) if common is not None else find_config(where or Path.cwd())
        except ConfigError:
            return DEFAULT_MAX_BYTES  # the command reports it when it reads the configuration
    return config.max_file_size or DEFAULT_MAX_BYTES


def make_target(version: str | None, cflags: tuple[str, ...] | list[str]) -> Target:
    try:
        return Target.from_options(version, cflags)
    except TargetError as exc:
        raise click.UsageError(str(exc)) from None


def resolve_target(version: str | None, cflags: tuple[str, ...], config: Config) -> Target:
    """The target of the command-line options over the configuration's
    (key by key).  Raises click.UsageError for bad options and ConfigError
    for a bad configuration."""
    if version is None and not cflags:
        return config.target()
    return make_target(
        version if version is not None else config.sqlite_version, cflags or config.sqlite_cflags
    )


def iter_sources(
    files: tuple[str, ...], expr: str | None, max_size: int | None = None, common: Common | None = None
) -> Iterator[Source | InputError]:
    """The inputs of a command: ``-e`` text, the files (``-`` is stdin), or
    stdin when there is neither; each read when its turn comes, refused when
    larger than ``size_limit(max_size, ...)``."""
    if expr is not None:
        yield Source("<expr>", expr)
    for name in files:
        if name == "-":
            try:
                yield read_stdin(limit=size_limit(max_size, None, common=common))
            except InputError as exc:
                yield exc
            continue
        try:
            yield read_file(Path(name), size_limit(max_size, Path(name), common=common))
        except InputError as exc:
            yield exc
    if expr is None and not files:
        try:
            yield read_stdin(limit=size_limit(max_size, None, common=common))
        except InputError as exc:
            yield exc


def use_color(choice: str = "auto", stream: object = None) -> bool:
    """Whether to colour what goes to ``stream`` (stderr by default):
    ``--color always|never`` decides; with ``auto``, a non-empty
    ``NO_COLOR`` turns colour off, a non-empty ``FORCE_COLOR`` on, and
    otherwise a terminal gets colour."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# How each part of a rendered diagnostic is coloured (click.style's arguments).
_STYLES: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "info": {"fg": "cyan", "bold": True},
    "emphasis": {"bold": True},
    "gutter": {"fg": "blue", "bold": True},
}


def click_style(text: str, role: Role) -> str:
    return click.style(text, **_STYLES[role])


def styler(color: bool) -> Callable[[str, Role], str] | None:
    """What ``diagnostics.render`` colours with: click's styles, or None."""
    return click_style if color else None


class Common(Record):
    """The options every command takes (``common_options``)."""

    __slots__ = ("config_file", "isolated", "verbose", "quiet", "color")

    config_file: str | None
    isolated: bool
    verbose: bool
    quiet: bool
    color: str

    def __init__(
        self,
        config_file: str | None = None,
        isolated: bool = False,
        verbose: bool = False,
        quiet: bool = False,
        color: str = "auto",
    ) -> None:
        self.config_file = config_file
        self.isolated = isolated
        self.verbose = verbose
        self.quiet = quiet
        self.color = color

    def config_for(self, start: Path | None) -> Config:
        """The configuration for a file (or, for stdin and -e, the current
        directory): ``--config``, none with ``--no-config``, else the
        nearest one.  Raises ConfigError."""
        from ..config import find_config

        if self.isolated:
            return _isolated_config()
        if self.config_file:
            return _load_config_file(self.config_file)
        return find_config(start or Path.cwd())

    def colored(self, stream: object = None) -> bool:
        return use_color(self.color, stream)

    def debug(self, message: str) -> None:
        """A line for ``-v``."""
        if self.verbose:
            click.echo(f"debug: {message}", err=True)


@functools.lru_cache(maxsize=1)
def _isolated_config() -> Config:
    """``--no-config``'s configuration: the defaults (one object for every
    file, as a found configuration is one object per directory)."""
    from ..config import Config

    return Config()


@functools.lru_cache(maxsize=8)
def _load_config_file(name: str) -> Config:
    """``--config``'s file, read once however many files it applies to."""
    from ..config import Config, load

    return load(Path(name)) or Config()


def common_options(f: F) -> F:
    """``--config``, ``--no-config``/``--isolated``, ``-v``, ``-q`` and
    ``--color``, handed to the command as one ``common`` argument."""

    @functools.wraps(f)
    def wrapper(
        *args: Any,
        config_file: str | None,
        isolated: bool,
        verbose: bool,
        quiet: bool,
        color: str,
        **kwargs: Any,
    ) -> Any:
        if config_file and isolated:
            raise click.UsageError("--config and --no-config cannot be used together")
        if verbose and quiet:
            raise click.UsageError("--verbose and --quiet cannot be used together")
        return f(*args, common=Common(config_file, isolated, verbose, quiet, color), **kwargs)

    options = [
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False),
            help="Use this configuration file (instead of the nearest syntaqlite.toml or pyproject.toml).",
        ),
        click.option(
            "--no-config",
            "--isolated",
            "isolated",
            is_flag=True,
            help="Read no configuration file: defaults and command-line options only.",
        ),
        click.option("-v", "--verbose", is_flag=True, help="Say which configuration and files are used."),
        click.option(
            "-q", "--quiet", is_flag=True, help="Print problems only: no summary, hints or progress."
        ),
        click.option(
            "--color",
            type=click.Choice(["auto", "always", "never"]),
            default="auto",
            show_default=True,
            help="Colour the output (auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it).",
        ),
    ]
    decorated: Any = wrapper
    for option in reversed(options):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]


def stdin_hint(command: str) -> None:
    """Reading standard input from a terminal: say so, never wait silently."""
    if sys.stdin.isatty():
        click.echo(
            f"syntaqlite {command}: reading SQL from standard input (end with Ctrl-D); give files, or -e SQL",
            err=True,
        )


def discovery_options(f: F) -> F:
    """``--exclude``, ``--extend-exclude`` and ``--force-exclude``."""
    f = click.option(
        "--force-exclude",
        is_flag=True,
        help="Apply the exclusions to files named on the command line too (for pre-commit).",
    )(f)
    f = click.option(
        "--extend-exclude",
        multiple=True,
        metavar="PATTERN",
        help="Exclude these paths too (gitignore-style; repeatable).",
    )(f)
    f = click.option(
        "--exclude",
        multiple=True,
        metavar="PATTERN",
        help="Exclude these paths instead of the configuration's exclude (gitignore-style; repeatable).",
    )(f)
    return f


def cache_options(f: F) -> F:
    """``--no-cache`` and ``--cache-dir`` (the results cache, ``cache.py``)."""
    f = click.option(
        "--cache-dir",
        metavar="DIR",
        help="Keep the results cache here [default: cache-dir in configuration, else "
        "$SYNTAQLITE_CACHE_DIR, else .syntaqlite_cache in the project's root].",
    )(f)
    f = click.option(
        "--no-cache",
        is_flag=True,
        help="Neither read nor write the results cache (also SYNTAQLITE_NO_CACHE=1).",
    )(f)
    return f


def make_excluder(common: Common, exclude: tuple[str, ...], extend_exclude: tuple[str, ...]) -> Excluder:
    return Excluder(common.config_for, exclude or None, extend_exclude)


def default_paths(paths: tuple[str, ...], expr: str | None, common: Common) -> tuple[str, ...]:
    """No paths and no -e on a terminal: the current directory, as ruff
    does (a pipe or a file on stdin is read as SQL)."""
    if not paths and expr is None and sys.stdin.isatty():
        common.debug("no paths given on a terminal: working on '.'")
        return (".",)
    return paths
