"""Reports a TEMP object placed in another database: `CREATE TEMP TABLE
main.t`, or `CREATE INDEX temp.i ON t` for a table that is not a TEMP one.

Why is this bad?
SQLite stops with `temporary table name must be unqualified` or `cannot
create a TEMP index on non-TEMP table "t"`: TEMP objects live in the temp
database, and an index lives in its table's database.

Example:
    CREATE TEMP TABLE main.scratch(x);

Use instead:
    CREATE TEMP TABLE scratch(x);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="temp-object",
    summary="A TEMP table or view named in another database, or a TEMP index on a table that is not TEMP.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_qualified(out: Reporter, node: Token | Node) -> None:
    out.report(RULE, node, "temporary table name must be unqualified")


def report_index_on_non_temp(out: Reporter, node: Token | Node, table: str) -> None:
    out.report(RULE, node, f'cannot create a TEMP index on non-TEMP table "{table}"')
