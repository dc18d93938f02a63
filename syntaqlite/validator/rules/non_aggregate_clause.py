"""Reports `f(x ORDER BY y)` or `f(x) FILTER (WHERE ...)` where f is not an aggregate function.

Why is this bad?
SQLite stops with `FILTER may not be used with non-aggregate f()` (or ORDER BY).

Example:
    SELECT upper(name ORDER BY id) FROM users;

Use instead:
    SELECT group_concat(upper(name) ORDER BY id) FROM users;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="non-aggregate-clause",
    summary="FILTER or ORDER BY inside a call of a function that is not an aggregate.",
    severity=Severity.ERROR,
    module=__name__,
)
