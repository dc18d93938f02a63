"""Reports a column name that no table, view, subquery or CTE in scope has, including
the columns named in INSERT column lists, UPDATE SET and CREATE INDEX.

Why is this bad?
SQLite stops with `no such column: X`.

Example:
    CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
    SELECT nmae FROM users;

Use instead:
    SELECT name FROM users;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from ..catalog import Table
from .base import Reporter, Rule, did_you_mean

RULE = Rule(
    code="unknown-column",
    summary="A column that no table in scope has.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(
    out: Reporter, where: Token | Node, shown: str, suggestion: str | None, rowless: Table | None = None
) -> None:
    """``shown`` (as written, qualifiers included) names no column.
    ``rowless``: the table or view in scope without a rowid, for a rowid
    name with no suggestion."""
    help = did_you_mean(suggestion)
    if help is None and rowless is not None:
        help = (
            f"{rowless.name} is a view: it has no rowid"
            if rowless.kind == "view"
            else f"{rowless.name} is a WITHOUT ROWID table"
        )
    out.report(RULE, where, f"no such column: {shown}", help=help, replacement=suggestion)


def report_not_in_table(
    out: Reporter, tok: Token, table: str | None, name: str, suggestion: str | None
) -> None:
    """A column of an INSERT's column list that the table lacks."""
    out.report(
        RULE,
        tok,
        f"table {table} has no column named {name}",
        help=did_you_mean(suggestion),
        replacement=suggestion,
    )


def report_in_unknown_database(out: Reporter, node: Node, schema: str, table: str, name: str) -> None:
    """``schema.table.name`` with no database ``schema``."""
    out.report(RULE, node, f"no such column: {schema}.{table}.{name}")


def report_altered(out: Reporter, tok: Token, name: str) -> None:
    """ALTER TABLE ... of a column the table lacks: ``name`` is the name as
    written, in quotes, for RENAME and DROP COLUMN (SQLite prints the token
    as it is: ``no such column: ""x""``), the plain name for ALTER COLUMN."""
    out.report(RULE, tok, f"no such column: {name}")
