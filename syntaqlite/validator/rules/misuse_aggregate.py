"""Reports an aggregate function (count, sum, max with one argument ...) in WHERE, GROUP
BY, ON, or inside another aggregate's arguments.

Why is this bad?
SQLite stops with `misuse of aggregate function f()`.  Filter groups with HAVING instead.

Example:
    SELECT dept FROM staff WHERE count(*) > 3 GROUP BY dept;

Use instead:
    SELECT dept FROM staff GROUP BY dept HAVING count(*) > 3;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="misuse-aggregate",
    summary="An aggregate function where aggregates are not allowed.",
    severity=Severity.ERROR,
    module=__name__,
)
