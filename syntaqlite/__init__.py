"""syntaqlite: SQLite's SQL, understood exactly as SQLite understands it.

The public API: :func:`parse`, :func:`format_sql` and :func:`check`, plus
their option and result types.  Submodules load on first use, so that
``import syntaqlite`` (and every command) starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .fmt import FormatError, FormatOptions
    from .syntax.parser import ParseResult
    from .syntax.target import Target, TargetError


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
    "FormatError",
    "FormatOptions",
    "ParseResult",
    "Target",
    "TargetError",
    "__version__",
    "format_sql",
    "parse",
]
