"""Reports a table, view or table-valued function name that no schema syntaqlite knows defines.

Why is this bad?
SQLite stops with `no such table: X` when it prepares the statement.  When syntaqlite
has seen no schema for that database (no CREATE TABLE in the file, no `--schema`), the
table may exist in a schema it was not shown, and the finding is a warning.

Example:
    CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
    SELECT name FROM user;

Use instead:
    SELECT name FROM users;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="unknown-table",
    summary="A table or view that the schema does not have.",
    severity=Severity.ERROR,
    module=__name__,
)
