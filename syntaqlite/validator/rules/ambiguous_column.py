"""Reports an unqualified column that several tables of the FROM clause have (and that
is not joined with USING or NATURAL).

Why is this bad?
SQLite stops with `ambiguous column name: X`.

Example:
    SELECT id FROM users JOIN orders ON orders.user_id = users.id;

Use instead:
    SELECT users.id FROM users JOIN orders ON orders.user_id = users.id;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="ambiguous-column",
    summary="A column name that more than one table in scope has.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, node: Node, shown: str) -> None:
    out.report(RULE, node, f"ambiguous column name: {shown}")
