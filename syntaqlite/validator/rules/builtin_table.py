"""Reports INSERT, UPDATE, DELETE, DROP or ALTER on sqlite_schema (sqlite_master) and
its temp counterpart, and CREATE of an object whose name starts with `sqlite_`.

Why is this bad?
SQLite stops with `table sqlite_master may not be modified` or `object name reserved for
internal use`.

Example:
    DELETE FROM sqlite_master;

Use instead:
    DROP TABLE the_table;
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="builtin-table",
    summary="Changing one of SQLite's own tables, or a name SQLite reserves.",
    severity=Severity.ERROR,
    module=__name__,
)
