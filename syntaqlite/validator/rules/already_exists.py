"""Reports a CREATE without IF NOT EXISTS of an object whose name is already taken, and
ALTER TABLE ... RENAME TO an existing name.

Why is this bad?
SQLite stops with `table t already exists` (or index, view, trigger).

Example:
    CREATE TABLE t (a);
    CREATE TABLE t (a);

Use instead:
    CREATE TABLE IF NOT EXISTS t (a);
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="already-exists",
    summary="CREATE of a table, view, index or trigger that already exists.",
    severity=Severity.ERROR,
    module=__name__,
)
