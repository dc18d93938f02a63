"""Reports a NATURAL join that also has an ON or USING clause.

Why is this bad?
SQLite stops with `a NATURAL join may not have an ON or USING clause`: a
NATURAL join already joins on every column the two sides share.

Example:
    SELECT * FROM a NATURAL JOIN b USING (id);

Use instead:
    SELECT * FROM a JOIN b USING (id);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="natural-join",
    summary="A NATURAL join with an ON or USING clause.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, constraint: Node) -> None:
    out.report(RULE, constraint, "a NATURAL join may not have an ON or USING clause")
