"""Reports `x.name` in a CREATE, PRAGMA, REINDEX, ANALYZE or VACUUM statement (and
`x.t.c` in an expression) where x is not main, temp or a database attached
earlier in the file; DETACH of a database that is not attached (or of main or
temp); ATTACH under a name already in use; and a view or trigger (not temp)
naming a table of another database.

Why is this bad?
SQLite stops with `unknown database x` (`no such database: x` for DETACH,
`database x is already in use` for ATTACH, `view v cannot reference objects in
database x`: a view or trigger stored in one database may use only that
database's tables, since the other may not be attached when it is used).
When syntaqlite has seen no schema at all (no CREATE in the file, no
`--schema`), an unknown database is a warning: the application may attach it
before it runs the SQL.  (An unknown database in front of a table that is
looked up, as in `SELECT * FROM x.t` or `DROP TABLE x.t`, is reported as an
unknown table, as SQLite does.)

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


def severity(known: bool) -> Severity | None:
    """An error once some schema is known (None: the rule's warning)."""
    return Severity.ERROR if known else None


def report(out: Reporter, tok: Token, schema: str, *, known: bool) -> None:
    out.report(RULE, tok, f"unknown database {schema}", severity=severity(known))


def report_cross_database(out: Reporter, tok: Token, kind: str, name: str, database: str) -> None:
    """A view or trigger (``kind``) not in temp naming a table of another
    database: SQLite refuses it whatever is attached."""
    out.report(
        RULE, tok, f"{kind} {name} cannot reference objects in database {database}", severity=Severity.ERROR
    )


def report_detach_builtin(out: Reporter, node: Node, name: str) -> None:
    """DETACH main or temp."""
    out.report(RULE, node, f"cannot detach database {name}", severity=Severity.ERROR)


def report_detach_unknown(out: Reporter, node: Node, name: str, *, known: bool) -> None:
    out.report(RULE, node, f"no such database: {name}", severity=severity(known))


def report_in_use(out: Reporter, node: Node, name: str) -> None:
    """ATTACH under the name of a database already attached (or main, temp)."""
    out.report(RULE, node, f"database {name} is already in use", severity=Severity.ERROR)
