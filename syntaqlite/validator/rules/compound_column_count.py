"""Reports a compound SELECT whose parts do not all return the same number of columns.

Why is this bad?
SQLite stops with `SELECTs to the left and right of UNION do not have the same number of
result columns`.

Example:
    SELECT id FROM a UNION SELECT id, name FROM b;

Use instead:
    SELECT id, name FROM a UNION SELECT id, name FROM b;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="compound-column-count",
    summary="The SELECTs of a UNION/INTERSECT/EXCEPT return different numbers of columns.",
    severity=Severity.ERROR,
    module=__name__,
)
