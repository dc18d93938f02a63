"""syntaqlite: SQLite's SQL, understood exactly as SQLite understands it.

The public API: :func:`parse`, :func:`format_sql` and :func:`check`, plus
their option and result types; :func:`parse_stream` for large inputs.  Submodules load on first use, so that
``import syntaqlite`` (and every command) starts fast.
"""

from __future__ import annotations

import os as _os

# ``typing.TYPE_CHECKING``'s value, without importing ``typing`` (mypy reads
# any name TYPE_CHECKING as true): the command line imports ``typing`` later,
# with the rest of what it loads while the garbage collector is paused (see
# ``syntaqlite.cli``), which saves the collections its objects cause, about
# 1 ms of every command.
TYPE_CHECKING = False

__version__ = "0.1.0"

if _os.environ.get("SYNTAQLITE_PURE", "") not in ("", "0"):
    from ._compiled import force_pure  # the .py files even where compiled modules exist

    force_pure()

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from os import PathLike
    from typing import Any, TextIO

    from .diagnostics import Diagnostic
    from .fmt import FormatError, FormatOptions
    from .syntax.parser import ParseResult
    from .syntax.stream import Piece
    from .syntax.target import Target, TargetError
    from .validator.catalog import Catalog


def _check_text_arg(text: object) -> None:
    if not isinstance(text, str):
        hint = " (decode it first, e.g. data.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        raise TypeError(f"text must be a str, not {type(text).__name__}{hint}")


def _resolve_target(sqlite_version: object, sqlite_cflags: object, target: object) -> Target:
    """The target of the keyword arguments, each checked (TypeError or
    ValueError naming the parameter)."""
    from .syntax.target import Target

    if target is not None:
        if not isinstance(target, Target):
            raise TypeError(f"target must be a syntaqlite.Target or None, not {type(target).__name__}")
        if sqlite_version is not None or sqlite_cflags:
            raise ValueError("give either target or sqlite_version/sqlite_cflags, not both")
        return target
    if sqlite_version is not None and not isinstance(sqlite_version, str):
        raise TypeError(f"sqlite_version must be a str such as '3.45.0', not {type(sqlite_version).__name__}")
    if isinstance(sqlite_cflags, str) or not isinstance(sqlite_cflags, (list, tuple)):
        raise TypeError(
            f"sqlite_cflags must be a list or tuple of option names, not {type(sqlite_cflags).__name__}"
        )
    for flag in sqlite_cflags:
        if not isinstance(flag, str):
            raise TypeError(f"sqlite_cflags must hold str option names, not {type(flag).__name__}")
    return Target.from_options(sqlite_version, list(sqlite_cflags))


def parse(
    text: str,
    *,
    sqlite_version: str | None = None,
    sqlite_cflags: list[str] | tuple[str, ...] = (),
    target: Target | None = None,
) -> ParseResult:
    """Parse SQL text; never raises for bad SQL (see ``ParseResult.errors``).
    Raises ``TypeError`` or ``ValueError`` (naming the parameter) for an
    argument it cannot use."""
    from .syntax.parser import parse as _parse

    _check_text_arg(text)
    return _parse(text, _resolve_target(sqlite_version, sqlite_cflags, target))


def parse_stream(
    source: str | TextIO,
    *,
    sqlite_version: str | None = None,
    sqlite_cflags: list[str] | tuple[str, ...] = (),
    target: Target | None = None,
) -> Iterator[Piece]:
    """Parse a large text (or a text file, read as it goes) statement by
    statement, in memory that follows one piece of about 64 kB, not the
    text: yields :class:`~syntaqlite.syntax.stream.Piece` objects, each whole
    statements parsed alone (``piece.result``, spans relative to
    ``piece.offset``), in order, covering the text exactly."""
    from .syntax.stream import parse_stream as _parse_stream
    from .syntax.target import Target

    if target is None:
        target = Target.from_options(sqlite_version, sqlite_cflags)
    return _parse_stream(source, target)


def format_sql(
    text: str,
    options: FormatOptions | None = None,
    *,
    sqlite_version: str | None = None,
    sqlite_cflags: list[str] | tuple[str, ...] = (),
    target: Target | None = None,
) -> str:
    """Format SQL text.  Raises :class:`FormatError` (its ``diagnostics``
    say where) when the text does not parse, and ``TypeError`` or
    ``ValueError`` (naming the parameter) for an argument it cannot use."""
    from .fmt import FormatOptions
    from .fmt import format_sql as _format_sql

    _check_text_arg(text)
    if options is not None and not isinstance(options, FormatOptions):
        hint = (
            " (use FormatOptions(line_width=...) or FormatOptions.from_mapping(...))"
            if isinstance(options, dict)
            else ""
        )
        raise TypeError(f"options must be a FormatOptions or None, not {type(options).__name__}{hint}")
    return _format_sql(text, options, _resolve_target(sqlite_version, sqlite_cflags, target))


def check(
    text: str,
    *,
    schema: Catalog | str | Iterable[str | PathLike[str]] | None = None,
    sqlite_version: str | None = None,
    sqlite_cflags: list[str] | tuple[str, ...] = (),
    severities: Mapping[str, str] | None = None,
    target: Target | None = None,
    functions: Mapping[str, object] | None = None,
    collations: Iterable[str] = (),
    modules: Mapping[str, object] | Iterable[str] | None = None,
) -> list[Diagnostic]:
    """Check SQL text: its syntax errors and every semantic problem
    (unknown tables, columns and functions, wrong arity, misused aggregates
    ...), each a :class:`~syntaqlite.diagnostics.Diagnostic`.

    ``schema`` is the schema the text runs against: a catalog, SQL text
    (DDL), or schema file paths (``.sql`` files or SQLite database files).
    The text's own CREATE/ALTER/DROP statements extend it.  ``severities``
    maps check codes to "error", "warning", "info" or "off".

    ``functions``, ``collations`` and ``modules`` declare what the
    application registers on its connections, in the forms of
    ``[check.functions]``, ``[check.collations]`` and ``[check.modules]``
    (e.g. ``functions={"regexp": 2, "median": {"args": 1, "kind":
    "aggregate"}}``); a given catalog keeps its own declarations unless
    these are given.  Raises ``ValueError`` for a declaration it cannot use.
    """
    from collections.abc import Iterable, Mapping
    from os import PathLike
    from pathlib import Path

    from .validator.catalog import Catalog
    from .validator.checker import LEVELS, check_text
    from .validator.declared import parse_declarations
    from .validator.rules import RULES
    from .validator.schema import load_files, load_sql

    _check_text_arg(text)
    target = _resolve_target(sqlite_version, sqlite_cflags, target)
    if severities is not None:
        if not isinstance(severities, Mapping):
            raise TypeError(
                f"severities must be a mapping of check code to level, not {type(severities).__name__}"
            )
        for code, level in severities.items():
            if code not in RULES and code != "syntax":
                raise ValueError(
                    f"severities: unknown check code {code!r}; see `syntaqlite check --explain all`"
                )
            if level not in (*LEVELS, "off"):
                raise ValueError(f'severities: {code} = {level!r}: use "error", "warning", "info" or "off"')
    if functions is not None and not isinstance(functions, Mapping):
        raise TypeError(
            f"functions must be a mapping of name to argument count, not {type(functions).__name__}"
        )
    if isinstance(collations, (str, bytes)) or not isinstance(collations, Iterable):
        raise TypeError(f"collations must be a list of names, not {type(collations).__name__}")
    if isinstance(modules, (str, bytes)):
        raise TypeError("modules must be a mapping or a list of names, not a str")
    if schema is not None and not isinstance(schema, (Catalog, str)):
        if isinstance(schema, (bytes, bytearray, PathLike)) or not isinstance(schema, Iterable):
            raise TypeError(
                "schema must be a Catalog, SQL text (str) or a list of schema file paths, "
                f"not {type(schema).__name__}"
            )
        schema = list(schema)
        for item in schema:
            if not isinstance(item, (str, PathLike)):
                raise TypeError(
                    f"schema must list file paths (str or os.PathLike), not {type(item).__name__}"
                )
    declared = parse_declarations(
        dict(functions) if functions is not None else None,
        list(collations),
        modules if modules is None or isinstance(modules, Mapping) else list(modules),
    )
    if schema is None:
        catalog = Catalog(declared)
    elif isinstance(schema, Catalog):
        catalog = schema
        if functions is not None or collations or modules is not None:
            catalog = catalog.snapshot()
            catalog.declared = declared
    elif isinstance(schema, str):
        catalog = Catalog(declared)
        load_sql(catalog, schema, "<schema>", target)
        catalog.databases["main"].known = True
    else:
        catalog = load_files([Path(p) for p in schema], target, catalog=Catalog(declared))
    return check_text(text, catalog=catalog, target=target, severities=severities, model=False).diagnostics


_LAZY = {
    "FormatError": ("syntaqlite.fmt", "FormatError"),
    "FormatOptions": ("syntaqlite.fmt", "FormatOptions"),
    "ParseResult": ("syntaqlite.syntax.parser", "ParseResult"),
    "Piece": ("syntaqlite.syntax.stream", "Piece"),
    "Target": ("syntaqlite.syntax.target", "Target"),
    "TargetError": ("syntaqlite.syntax.target", "TargetError"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'syntaqlite' has no attribute {name!r}")


__all__ = [
    "check",
    "FormatError",
    "FormatOptions",
    "ParseResult",
    "Target",
    "TargetError",
    "__version__",
    "format_sql",
    "parse",
    "parse_stream",
    "Piece",
]
