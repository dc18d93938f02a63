"""Reports `CREATE VIRTUAL TABLE ... USING m` when no module m is known: not one SQLite
ships and not one declared in configuration.

Why is this bad?
SQLite stops with `no such module: m` unless the application registers the module
(`sqlite3_create_module`, or an extension it loads) before the statement runs.  The
modules known without declaration are those of SQLite's stock build: fts3, fts4,
fts3tokenize, fts5, fts5vocab, rtree, rtree_i32, geopoly and dbstat (geopoly and dbstat
are compile-time options, SQLITE_ENABLE_GEOPOLY and SQLITE_ENABLE_DBSTAT_VTAB, that the
stock build and Python's sqlite3 turn on; a target with explicit `sqlite-cflags` has them
only when listed).  Declare the others with their columns, and queries on their tables
are checked too:

    [check.modules]                   # in syntaqlite.toml
    vec0 = ["embedding", "distance"]  # the columns its tables have
    spellfix1 = true                  # columns not declared: any column is accepted

While no module is declared this is a warning (the application may register any);
once `[check.modules]` declares some, an unknown module is an error.

Example:
    CREATE VIRTUAL TABLE docs USING fts6(body);

Use instead:
    CREATE VIRTUAL TABLE docs USING fts5(body);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule, did_you_mean

RULE = Rule(
    code="unknown-module",
    summary="A virtual-table module neither SQLite's stock build nor the configuration provides.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, name: str, suggestion: str | None, declared_any: bool) -> None:
    declare = (
        f"if the application registers {name}, declare it in configuration: [check.modules] {name} = true"
    )
    out.report(
        RULE,
        tok,
        f"no such module: {name}",
        help=did_you_mean(suggestion) or declare,
        replacement=suggestion,
        severity=None if declared_any else Severity.WARNING,
    )
