"""Reports a scalar subquery returning several columns, or `x IN (SELECT ...)` / a
row-value comparison where the subquery's width differs from the left side's.

Why is this bad?
SQLite stops with `sub-select returns N columns - expected M`.

Example:
    SELECT * FROM t WHERE id IN (SELECT id, name FROM u);

Use instead:
    SELECT * FROM t WHERE id IN (SELECT id FROM u);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="subquery-column-count",
    summary="A subquery returns more or fewer columns than its place needs.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, node: Node, width: int, expected: int) -> None:
    out.report(RULE, node, f"sub-select returns {width} columns - expected {expected}")
