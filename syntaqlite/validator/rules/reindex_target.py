"""Reports REINDEX of a name that is no collation, table or index.

Why is this bad?
SQLite stops with `unable to identify the object to be reindexed`.  An
unqualified name may be a collating sequence (BINARY, NOCASE, RTRIM, or one
the application registers), `EXPRESSIONS`, a table or an index; a qualified
one only a table or an index of that database.  When syntaqlite has seen no
schema for the database, the name may be defined where it was not shown, and
the finding is a warning.

Example:
    CREATE TABLE t (a TEXT);
    CREATE INDEX t_a ON t (a);
    REINDEX t_b;

Use instead:
    REINDEX t_a;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="reindex-target",
    summary="REINDEX of a name that is no collation, table or index.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, *, known: bool) -> None:
    out.report(
        RULE,
        tok,
        "unable to identify the object to be reindexed",
        severity=None if known else Severity.WARNING,
    )
