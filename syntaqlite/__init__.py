"""syntaqlite: SQLite's SQL, understood exactly as SQLite understands it."""

from __future__ import annotations

from .syntax.parser import ParseResult
from .syntax.parser import parse as _parse
from .syntax.target import Target, TargetError

__version__ = "0.1.0"


def parse(
    text: str,
    *,
    sqlite_version: str | None = None,
    sqlite_cflags: list[str] | tuple[str, ...] = (),
    target: Target | None = None,
) -> ParseResult:
    """Parse SQL text; never raises for bad SQL (see ``ParseResult.errors``)."""
    if target is None:
        target = Target.from_options(sqlite_version, sqlite_cflags)
    return _parse(text, target)


__all__ = ["ParseResult", "Target", "TargetError", "__version__", "parse"]
