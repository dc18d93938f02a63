"""Reports `JOIN ... USING (c)` where c is not a column of both the left and the right side.

Why is this bad?
SQLite stops with `cannot join using column c - column not present in both tables`.

Example:
    SELECT * FROM users JOIN orders USING (id);

Use instead:
    SELECT * FROM users JOIN orders ON orders.user_id = users.id;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="using-column",
    summary="A USING column missing from one side of the join.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, name: str) -> None:
    out.report(RULE, tok, f"cannot join using column {name} - column not present in both tables")


def report_ambiguous(out: Reporter, at: Token | Node, name: str) -> None:
    """In a FROM with a RIGHT or FULL join, a USING (or NATURAL) column that
    two tables on the left have, the later one not joined by it."""
    out.report(RULE, at, f"ambiguous reference to {name} in USING()")
