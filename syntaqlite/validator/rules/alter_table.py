"""Reports an ALTER TABLE that SQLite refuses for what the table is: adding a
PRIMARY KEY or UNIQUE column, adding a column to a view or virtual table,
renaming a view, renaming or dropping columns of a view or virtual table,
editing the constraints of one, dropping a PRIMARY KEY or UNIQUE column or a
table's last column.

Why is this bad?
SQLite stops with `Cannot add a PRIMARY KEY column`, `Cannot add a UNIQUE column`,
`Cannot add a column to a view`, `virtual tables may not be altered`,
`view v may not be altered`, `cannot rename columns of view "v"` (`drop column
from`, `edit constraints of`; or `virtual table "x"`), `cannot drop PRIMARY KEY
column: "a"`, `cannot drop UNIQUE column: "a"` or `cannot drop column "a": no
other columns exist`.  A new column cannot be part of a key, because the rows
already in the table would all share its default value; a key column cannot be
dropped, because its index would lose it.

Example:
    CREATE TABLE t (a INTEGER);
    ALTER TABLE t ADD COLUMN code TEXT UNIQUE;

Use instead:
    ALTER TABLE t ADD COLUMN code TEXT;
    CREATE UNIQUE INDEX t_code ON t (code);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="alter-table",
    summary="An ALTER TABLE that the table (a view, a virtual table, a key column) does not allow.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_add_key_column(out: Reporter, tok: Token, kind: str) -> None:
    """ADD COLUMN with a PRIMARY KEY or UNIQUE constraint (``kind``)."""
    out.report(RULE, tok, f"Cannot add a {kind} column")


def report_add_to_view(out: Reporter, tok: Token) -> None:
    out.report(RULE, tok, "Cannot add a column to a view")


def report_virtual_add(out: Reporter, tok: Token) -> None:
    """ADD COLUMN to a virtual table."""
    out.report(RULE, tok, "virtual tables may not be altered")


def report_rename_view(out: Reporter, tok: Token, name: str) -> None:
    out.report(RULE, tok, f"view {name} may not be altered")


def report_not_real(out: Reporter, tok: Token, what: str, kind: str, name: str) -> None:
    """RENAME COLUMN, DROP COLUMN or a constraint edit (``what``: "rename
    columns of", "drop column from", "edit constraints of") on a view or a
    virtual table (``kind``)."""
    out.report(RULE, tok, f'cannot {what} {kind} "{name}"')


def report_drop_key_column(out: Reporter, tok: Token, kind: str, column: str) -> None:
    """DROP COLUMN of a PRIMARY KEY or UNIQUE (``kind``) column."""
    out.report(RULE, tok, f'cannot drop {kind} column: "{column}"')


def report_drop_last_column(out: Reporter, tok: Token, column: str) -> None:
    out.report(RULE, tok, f'cannot drop column "{column}": no other columns exist')
