"""Reports a column name that appears twice in a CREATE TABLE (or is added twice by ALTER TABLE).

Why is this bad?
SQLite stops with `duplicate column name: c`.

Example:
    CREATE TABLE t (a, b, a);

Use instead:
    CREATE TABLE t (a, b, c);
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="duplicate-column",
    summary="CREATE TABLE names a column twice.",
    severity=Severity.ERROR,
    module=__name__,
)
