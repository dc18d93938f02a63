"""Reports a VALUES list whose rows do not all have the same number of terms.

Why is this bad?
SQLite stops with `all VALUES must have the same number of terms`.

Example:
    INSERT INTO t (a, b) VALUES (1, 2), (3);

Use instead:
    INSERT INTO t (a, b) VALUES (1, 2), (3, NULL);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="values-row-length",
    summary="VALUES rows of different lengths.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, row: Node) -> None:
    out.report(RULE, row, "all VALUES must have the same number of terms")
