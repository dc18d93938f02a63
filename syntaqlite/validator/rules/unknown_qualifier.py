"""Reports `x.column` where `x` is neither a table nor an alias of the FROM clause (or
of an enclosing query).  A table that was given an alias can only be named by its alias.

Why is this bad?
SQLite stops with `no such column: x.column`.

Example:
    SELECT users.name FROM users AS u;

Use instead:
    SELECT u.name FROM users AS u;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="unknown-qualifier",
    summary="A table name or alias before '.' that is not in scope.",
    severity=Severity.ERROR,
    module=__name__,
)
