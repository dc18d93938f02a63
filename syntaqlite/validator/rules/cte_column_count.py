"""Reports `WITH c(a, b) AS (SELECT ...)` and `CREATE VIEW v(a, b) AS SELECT ...` where
the query returns a different number of columns than the list names.

Why is this bad?
SQLite stops with `table c has N values for M columns` (for a view, when it is
used: `expected M columns for 'v' but got N`).

Example:
    WITH c(a, b) AS (SELECT 1) SELECT * FROM c;

Use instead:
    WITH c(a, b) AS (SELECT 1, 2) SELECT * FROM c;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="cte-column-count",
    summary="A CTE's or a view's column list and its query differ in length.",
    severity=Severity.ERROR,
    module=__name__,
)
