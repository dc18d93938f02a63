"""Reports a common table expression that uses itself in a way SQLite cannot evaluate
(not as the recursive part of a UNION).

Why is this bad?
SQLite stops with `circular reference: c`.

Example:
    WITH c AS (SELECT * FROM c) SELECT 1 FROM c;

Use instead:
    WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) SELECT n FROM c;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="circular-cte",
    summary="A CTE that refers to itself without WITH RECURSIVE semantics.",
    severity=Severity.ERROR,
    module=__name__,
)
