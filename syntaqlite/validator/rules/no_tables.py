"""Reports `*` in a SELECT that has no FROM clause.

Why is this bad?
SQLite stops with `no tables specified`.

Example:
    SELECT *;

Use instead:
    SELECT * FROM t;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="no-tables",
    summary="SELECT * without a FROM clause.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, result_column: Node) -> None:
    """``*`` in a SELECT without FROM."""
    out.report(RULE, result_column, "no tables specified")
