"""Reports an aggregate function (count, sum, max with one argument ...) in WHERE, GROUP
BY, ON, or inside another aggregate's arguments.

Why is this bad?
SQLite stops with `misuse of aggregate function f()`.  Filter groups with HAVING instead.

Example:
    SELECT dept FROM staff WHERE count(*) > 3 GROUP BY dept;

Use instead:
    SELECT dept FROM staff GROUP BY dept HAVING count(*) > 3;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule, in_clause

RULE = Rule(
    code="misuse-aggregate",
    summary="An aggregate function where aggregates are not allowed.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_in_group_by(out: Reporter, expr: Node) -> None:
    out.report(RULE, expr, "aggregate functions are not allowed in the GROUP BY clause")


def report_aliased(out: Reporter, node: Node, function: str, alias: str, shown: str) -> None:
    """A result-column alias standing for an aggregate, where none may be."""
    out.report(RULE, node, f"misuse of aggregate: {function}()", help=f"{alias} is {shown}")


def report_misused(out: Reporter, node: Node, name_tok: Token, name: str, clause: str) -> None:
    out.report(RULE, node, f"misuse of aggregate function {name}(){in_clause(clause)}", last=name_tok)


def report_unanalyzed(out: Reporter, node: Node, name_tok: Token, name: str) -> None:
    """An aggregate of a query that computes no aggregates (or of its WHERE clause)."""
    out.report(RULE, node, f"misuse of aggregate: {name}()", last=name_tok)


def report_recursive(out: Reporter, node: Node) -> None:
    """An aggregate query as the recursive part of a recursive CTE."""
    out.report(RULE, node, "recursive aggregate queries not supported")
