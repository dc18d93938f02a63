"""Reports a HAVING clause on a SELECT that has neither GROUP BY nor an aggregate
function in its result.

Why is this bad?
SQLite stops with `HAVING clause on a non-aggregate query`.

Example:
    SELECT name FROM users HAVING id > 3;

Use instead:
    SELECT name FROM users WHERE id > 3;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="having-without-group",
    summary="HAVING on a query that is not an aggregate.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token | Node) -> None:
    out.report(RULE, tok, "HAVING clause on a non-aggregate query")
