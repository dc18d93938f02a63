"""The formatter: a Wadler-Lindig pretty printer that never changes what the
SQL means, never loses a comment, and is idempotent.

The formatting machinery (``format.py``, the rules and the printer) loads on
first use, so that reading the options (``syntaqlite.config`` does, for
every command) does not import the formatter (``tests/test_imports.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .options import FormatOptions, OptionsError

if TYPE_CHECKING:
    from .format import FormatError, FormatterBug, format_result, format_sql

_LAZY = frozenset({"FormatError", "FormatterBug", "format_result", "format_sql"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import format as _format

        return getattr(_format, name)
    raise AttributeError(f"module 'syntaqlite.fmt' has no attribute {name!r}")


__all__ = ["FormatError", "FormatOptions", "FormatterBug", "OptionsError", "format_result", "format_sql"]
