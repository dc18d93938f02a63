"""Reports a table definition whose PRIMARY KEY SQLite refuses: two primary
keys, a WITHOUT ROWID table without one, AUTOINCREMENT anywhere but on an
INTEGER PRIMARY KEY of a rowid table, an expression in a PRIMARY KEY or
UNIQUE constraint.

Why is this bad?
SQLite stops with `table "t" has more than one primary key`, `PRIMARY KEY
missing on table t`, `AUTOINCREMENT not allowed on WITHOUT ROWID tables`,
`AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY`, `expressions
prohibited in PRIMARY KEY and UNIQUE constraints` or `conflicting ON CONFLICT
clauses specified` (two constraints on the same columns).

Example:
    CREATE TABLE t(id INT PRIMARY KEY AUTOINCREMENT, name TEXT PRIMARY KEY);

Use instead:
    CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="primary-key",
    summary="A PRIMARY KEY (or AUTOINCREMENT, or UNIQUE term) SQLite refuses.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_second(out: Reporter, node: Token | Node, table: str) -> None:
    out.report(RULE, node, f'table "{table}" has more than one primary key')


def report_missing(out: Reporter, node: Token | Node, table: str) -> None:
    out.report(RULE, node, f"PRIMARY KEY missing on table {table}")


def report_autoincrement_without_rowid(out: Reporter, node: Token | Node) -> None:
    out.report(RULE, node, "AUTOINCREMENT not allowed on WITHOUT ROWID tables")


def report_autoincrement_not_integer(out: Reporter, node: Token | Node) -> None:
    out.report(RULE, node, "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY")


def report_expression(out: Reporter, node: Token | Node) -> None:
    out.report(RULE, node, "expressions prohibited in PRIMARY KEY and UNIQUE constraints")


def report_conflicting(out: Reporter, node: Token | Node) -> None:
    """Two PRIMARY KEY or UNIQUE constraints on the same columns with
    different ON CONFLICT clauses."""
    out.report(RULE, node, "conflicting ON CONFLICT clauses specified")
