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

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="unknown-database",
    summary="A schema name that is neither main, temp nor attached.",
    severity=Severity.WARNING,
    module=__name__,
)


def report(out: Reporter, tok: Token, schema: str) -> None:
    out.report(RULE, tok, f"unknown database {schema}")


def report_trigger_database(out: Reporter, tok: Token, trigger: str, database: str, *, exists: bool) -> None:
    """A trigger on a table of another database (an error when the database
    exists: SQLite refuses it whatever the application attaches)."""
    out.report(
        RULE,
        tok,
        f"trigger {trigger} cannot reference objects in database {database}",
        severity=Severity.ERROR if exists else None,
    )


def report_detach_builtin(out: Reporter, node: Node, name: str) -> None:
    """DETACH main or temp."""
    out.report(RULE, node, f"cannot detach database {name}", severity=Severity.ERROR)


def report_detach_unknown(out: Reporter, node: Node, name: str) -> None:
    out.report(RULE, node, f"no such database: {name}")
