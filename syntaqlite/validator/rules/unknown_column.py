"""Reports a column name that no table, view, subquery or CTE in scope has, including
the columns named in INSERT column lists, UPDATE SET and CREATE INDEX.

Why is this bad?
SQLite stops with `no such column: X`.

Example:
    CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
    SELECT nmae FROM users;

Use instead:
    SELECT name FROM users;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="unknown-column",
    summary="A column that no table in scope has.",
    severity=Severity.ERROR,
    module=__name__,
)
