"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..syntax.target import Target, TargetError
from .files import DEFAULT_MAX_BYTES, InputError, Source, read_file, read_stdin

if TYPE_CHECKING:
    from ..config import Config

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


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


def size_limit(option: int | None, where: Path | None, config: Config | None = None) -> int:
    """The input size limit for a file at ``where`` (None: stdin, -e): the
    option, else the configuration's ``max-file-size``, else the default."""
    if option is not None:
        return option
    if config is None:
        from ..config import ConfigError, find_config

        try:
            config = find_config(where or Path.cwd())
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
    files: tuple[str, ...], expr: str | None, max_size: int | None = None
) -> Iterator[Source | InputError]:
    """The inputs of a command: ``-e`` text, the files (``-`` is stdin), or
    stdin when there is neither; each read when its turn comes, refused when
    larger than ``size_limit(max_size, ...)``."""
    if expr is not None:
        yield Source("<expr>", expr)
    for name in files:
        if name == "-":
            try:
                yield read_stdin(limit=size_limit(max_size, None))
            except InputError as exc:
                yield exc
            continue
        try:
            yield read_file(Path(name), size_limit(max_size, Path(name)))
        except InputError as exc:
            yield exc
    if expr is None and not files:
        try:
            yield read_stdin(limit=size_limit(max_size, None))
        except InputError as exc:
            yield exc


def use_color(stream: object = None) -> bool:
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in __import__("os").environ
