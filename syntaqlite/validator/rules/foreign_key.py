"""Reports a FOREIGN KEY (or REFERENCES) clause SQLite refuses when the
table is created: a child column the table does not have, or a different
number of child and parent columns.

Why is this bad?
SQLite stops with `unknown column "c" in foreign key definition`, `number of
columns in foreign key does not match the number of columns in the referenced
table` or `foreign key on c should reference only one column of table p`.

Example:
    CREATE TABLE child(a, b, FOREIGN KEY(a, b) REFERENCES parent(x));

Use instead:
    CREATE TABLE child(a, b, FOREIGN KEY(a, b) REFERENCES parent(x, y));
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="foreign-key",
    summary="A FOREIGN KEY clause whose columns SQLite refuses.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_unknown_column(out: Reporter, node: Token | Node, column: str) -> None:
    out.report(RULE, node, f'unknown column "{column}" in foreign key definition')


def report_count(out: Reporter, node: Token | Node) -> None:
    out.report(
        RULE,
        node,
        "number of columns in foreign key does not match the number of columns in the referenced table",
    )


def report_one_column(out: Reporter, node: Token | Node, column: str, table: str) -> None:
    out.report(RULE, node, f"foreign key on {column} should reference only one column of table {table}")
