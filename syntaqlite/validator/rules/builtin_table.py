"""Reports INSERT, UPDATE or DELETE on sqlite_schema (sqlite_master) and its temp
counterpart, DROP or ALTER of one of SQLite's own `sqlite_` tables, DROP INDEX of
the index of a UNIQUE or PRIMARY KEY constraint (`sqlite_autoindex_T_N`), and an
object (or an ALTER TABLE ... RENAME TO) named with `sqlite_`.

Why is this bad?
SQLite stops with `table sqlite_master may not be modified`, `table sqlite_sequence
may not be dropped`, `table sqlite_master may not be altered`, `index associated with
UNIQUE or PRIMARY KEY constraint cannot be dropped` or `object name reserved for
internal use`.  After `PRAGMA writable_schema = ON` SQLite lets the schema
table be written and a name start with `sqlite_` (the way to repair a damaged
schema), and syntaqlite does too, until `PRAGMA writable_schema = OFF` (or `RESET`).
The sqlite_stat tables may be dropped.

Example:
    DELETE FROM sqlite_master;

Use instead:
    DROP TABLE the_table;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.names import normalize
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="builtin-table",
    summary="Changing one of SQLite's own tables, or a name SQLite reserves.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_schema_table(out: Reporter, tok: Token, name: str, verb: str) -> None:
    """One of SQLite's own tables modified, indexed, dropped or altered
    (SQLite names the schema tables by their legacy names)."""
    shown = _LEGACY.get(normalize(name), name)
    out.report(RULE, tok, f"table {shown} may not be {verb}")


_LEGACY = {"sqlite_schema": "sqlite_master", "sqlite_temp_schema": "sqlite_temp_master"}


def report_constraint_index(out: Reporter, tok: Token) -> None:
    """DROP INDEX of sqlite_autoindex_T_N, the index of a UNIQUE or PRIMARY KEY constraint."""
    out.report(RULE, tok, "index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped")


def report_reserved(out: Reporter, tok: Token, name: str) -> None:
    """A CREATE of a name starting with sqlite_."""
    out.report(RULE, tok, f"object name reserved for internal use: {name}")
