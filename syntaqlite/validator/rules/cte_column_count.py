"""Reports `WITH c(a, b) AS (SELECT ...)` and `CREATE VIEW v(a, b) AS SELECT ...` where
the query returns a different number of columns than the list names.

Why is this bad?
SQLite stops with `table c has N values for M columns` (for a view, when it is
used: `expected M columns for 'v' but got N`).

Example:
    WITH c(a, b) AS (SELECT 1) SELECT * FROM c;

Use instead:
    WITH c(a, b) AS (SELECT 1, 2) SELECT * FROM c;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="cte-column-count",
    summary="A CTE's or a view's column list and its query differ in length.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_cte(out: Reporter, name_tok: Token, column_list: Node, name: str, width: int, count: int) -> None:
    out.report(RULE, name_tok, f"table {name} has {width} values for {count} columns", last=column_list)


def report_view(out: Reporter, name_tok: Token, column_list: Node, name: str, count: int, width: int) -> None:
    out.report(RULE, name_tok, f"expected {count} columns for '{name}' but got {width}", last=column_list)
