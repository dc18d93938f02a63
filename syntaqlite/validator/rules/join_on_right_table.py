"""Reports an ON clause of a LEFT/RIGHT/FULL join that refers to a table joined further right.

Why is this bad?
SQLite stops with `ON clause references tables to its right`.

Example:
    SELECT * FROM a LEFT JOIN b ON b.x = c.x JOIN c ON 1;

Use instead:
    SELECT * FROM a JOIN c ON 1 LEFT JOIN b ON b.x = c.x;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="join-on-right-table",
    summary="The ON clause of an outer join uses a table that comes later in FROM.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, ref: Node) -> None:
    """``ref``: the first column reference to a table on the right."""
    out.report(RULE, ref, "ON clause references tables to its right")
