"""Reports `ORDER BY 3` or `GROUP BY 3` beyond the number of result columns, and, in a
compound SELECT, an ORDER BY term that is not one of the result columns.

Why is this bad?
SQLite stops with `1st ORDER BY term out of range` or `... does not match any column in
the result set`.

Example:
    SELECT a FROM t ORDER BY 2;

Use instead:
    SELECT a FROM t ORDER BY 1;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="order-by-term",
    summary="An ORDER BY or GROUP BY term that does not refer to a result column.",
    severity=Severity.ERROR,
    module=__name__,
)
