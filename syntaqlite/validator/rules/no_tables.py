"""Reports `*` in a SELECT that has no FROM clause.

Why is this bad?
SQLite stops with `no tables specified`.

Example:
    SELECT *;

Use instead:
    SELECT * FROM t;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="no-tables",
    summary="SELECT * without a FROM clause.",
    severity=Severity.ERROR,
    module=__name__,
)
