"""Reports a window function (row_number, rank, lag ...) without OVER, a window function
outside the result columns and ORDER BY, or OVER after a function that is not an
aggregate or window function.

Why is this bad?
SQLite stops with `misuse of window function f()` or `f() may not be used as a window function`.

Example:
    SELECT row_number() FROM users;

Use instead:
    SELECT row_number() OVER (ORDER BY id) FROM users;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="misuse-window",
    summary="A window function used outside a window context.",
    severity=Severity.ERROR,
    module=__name__,
)
