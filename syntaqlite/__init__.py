"""syntaqlite: SQLite's SQL, understood exactly as SQLite understands it.

The public API: :func:`parse`, :func:`format_sql` and :func:`check`, plus
their option and result types.  Submodules load on first use, so that
``import syntaqlite`` (and every command) starts fast.
"""

from __future__ import annotations

import os as _os
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if _os.environ.get("SYNTAQLITE_PURE", "") not in ("", "0"):
    from ._compiled import force_pure  # the .py files even where compiled modules exist

    force_pure()

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from os import PathLike

    from .diagnostics import Diagnostic
    from .fmt import FormatError, FormatOptions
    from .syntax.parser import ParseResult
    from .syntax.target import Target, TargetError
    from .validator.catalog import Catalog


def parse(
    text: str,
    *,
    sqlite_version: str | None = None,
    sqlite_cflags: list[str] | tuple[str, ...] = (),
    target: Target | None = None,
) -> ParseResult:
    """Parse SQL text; never raises for bad SQL (see ``ParseResult.errors``)."""
    from .syntax.parser import parse as _parse
    from .syntax.target import Target

    if target is None:
        target = Target.from_options(sqlite_version, sqlite_cflags)
    return _parse(text, target)


def format_sql(
    text: str,
    options: FormatOptions | None = None,
    *,
    sqlite_version: str | None = None,
    sqlite_cflags: list[str] | tuple[str, ...] = (),
    target: Target | None = None,
) -> str:
    """Format SQL text.  Raises :class:`FormatError` (its ``diagnostics``
    say where) when the text does not parse."""
    from .fmt import format_sql as _format_sql
    from .syntax.target import Target

    if target is None:
        target = Target.from_options(sqlite_version, sqlite_cflags)
    return _format_sql(text, options, target)


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
    from collections.abc import Mapping
    from pathlib import Path

    from .syntax.target import Target
    from .validator.catalog import Catalog
    from .validator.checker import check_text
    from .validator.declared import parse_declarations
    from .validator.schema import load_files, load_sql

    if target is None:
        target = Target.from_options(sqlite_version, sqlite_cflags)
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
]
