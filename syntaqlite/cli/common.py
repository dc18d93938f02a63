"""Options and helpers shared by the commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..syntax.target import Target, TargetError
from .files import InputError, Source, read_file, read_stdin

if TYPE_CHECKING:
    from ..config import Config

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


def iter_sources(files: tuple[str, ...], expr: str | None) -> Iterator[Source | InputError]:
    """The inputs of a command: ``-e`` text, the files (``-`` is stdin), or
    stdin when there is neither."""
    if expr is not None:
        yield Source("<expr>", expr)
    for name in files:
        if name == "-":
            try:
                yield read_stdin()
            except InputError as exc:
                yield exc
            continue
        try:
            yield read_file(Path(name))
        except InputError as exc:
            yield exc
    if expr is None and not files:
        try:
            yield read_stdin()
        except InputError as exc:
            yield exc


def use_color(stream: object = None) -> bool:
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in __import__("os").environ
