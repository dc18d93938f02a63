"""Reports a compound SELECT whose parts do not all return the same number of columns.

Why is this bad?
SQLite stops with `SELECTs to the left and right of UNION do not have the same number of
result columns`.

Example:
    SELECT id FROM a UNION SELECT id, name FROM b;

Use instead:
    SELECT id, name FROM a UNION SELECT id, name FROM b;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="compound-column-count",
    summary="The SELECTs of a UNION/INTERSECT/EXCEPT return different numbers of columns.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, op: Node) -> None:
    """``op``: the compound operator between the unequal sides."""
    out.report(
        RULE,
        op,
        f"SELECTs to the left and right of {op.keyword_text()} do not have the same number of result columns",
    )
