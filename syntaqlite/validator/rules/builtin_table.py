"""Reports INSERT, UPDATE, DELETE, DROP or ALTER on sqlite_schema (sqlite_master) and
its temp counterpart, and CREATE of an object whose name starts with `sqlite_`.

Why is this bad?
SQLite stops with `table sqlite_master may not be modified` or `object name reserved for
internal use`.

Example:
    DELETE FROM sqlite_master;

Use instead:
    DROP TABLE the_table;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="builtin-table",
    summary="Changing one of SQLite's own tables, or a name SQLite reserves.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_schema_table(out: Reporter, tok: Token, name: str, verb: str) -> None:
    """sqlite_schema (and its aliases) modified, indexed, dropped or altered."""
    out.report(RULE, tok, f"table {name} may not be {verb}")


def report_reserved(out: Reporter, tok: Token, name: str) -> None:
    """A CREATE of a name starting with sqlite_."""
    out.report(RULE, tok, f"object name reserved for internal use: {name}")


def report_view_add_column(out: Reporter, tok: Token) -> None:
    out.report(RULE, tok, "Cannot add a column to a view", severity=Severity.ERROR)
