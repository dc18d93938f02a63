"""Reports `(a, b)` compared with a value of a different size, or used where one value
is expected, and IN lists whose elements differ in size from the left side.

Why is this bad?
SQLite stops with `row value misused` or `IN(...) element has N terms - expected M`.

Example:
    SELECT * FROM t WHERE (a, b) = (1, 2, 3);

Use instead:
    SELECT * FROM t WHERE (a, b) = (1, 2);
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="row-value-size",
    summary="A row value where a single value is needed, or row values of different sizes.",
    severity=Severity.ERROR,
    module=__name__,
)
