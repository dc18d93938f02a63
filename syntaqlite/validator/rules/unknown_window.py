"""Reports `OVER w` (or a window based on w) when the query defines no window named w.

Why is this bad?
SQLite stops with `no such window: w`.

Example:
    SELECT sum(x) OVER win FROM t WINDOW w AS (ORDER BY x);

Use instead:
    SELECT sum(x) OVER w FROM t WINDOW w AS (ORDER BY x);
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="unknown-window",
    summary="OVER names a window the WINDOW clause does not define.",
    severity=Severity.ERROR,
    module=__name__,
)
