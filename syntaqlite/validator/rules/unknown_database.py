"""Reports `x.name` in a CREATE, PRAGMA, REINDEX, ANALYZE or VACUUM statement (and
`x.t.c` in an expression) where x is not main, temp or a database attached
earlier in the file, and DETACH of a database that is not attached.

Why is this bad?
SQLite stops with `unknown database x` (`no such database: x` for DETACH).  It is
a warning: the application may attach the database before it runs the SQL.
(An unknown database in front of a table that is looked up, as in
`SELECT * FROM x.t` or `DROP TABLE x.t`, is reported as an unknown table, as
SQLite does.)

Example:
    CREATE TABLE archive.logs (line TEXT);

Use instead:
    ATTACH 'archive.db' AS archive;
    CREATE TABLE archive.logs (line TEXT);
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="unknown-database",
    summary="A schema name that is neither main, temp nor attached.",
    severity=Severity.WARNING,
    module=__name__,
)
