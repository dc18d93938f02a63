"""Reports DROP TABLE naming a view and DROP VIEW naming a table.

Why is this bad?
SQLite stops with `use DROP VIEW to delete view v` (or `use DROP TABLE ...`).

Example:
    CREATE VIEW v AS SELECT 1;
    DROP TABLE v;

Use instead:
    DROP VIEW v;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="drop-wrong-kind",
    summary="DROP TABLE on a view, or DROP VIEW on a table.",
    severity=Severity.ERROR,
    module=__name__,
)
