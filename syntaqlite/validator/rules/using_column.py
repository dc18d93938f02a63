"""Reports `JOIN ... USING (c)` where c is not a column of both the left and the right side.

Why is this bad?
SQLite stops with `cannot join using column c - column not present in both tables`.

Example:
    SELECT * FROM users JOIN orders USING (id);

Use instead:
    SELECT * FROM users JOIN orders ON orders.user_id = users.id;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="using-column",
    summary="A USING column missing from one side of the join.",
    severity=Severity.ERROR,
    module=__name__,
)
