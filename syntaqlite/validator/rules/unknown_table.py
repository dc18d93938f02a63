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

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.names import normalize
from ...syntax.tokens import Token
from ..catalog import is_builtin_name
from .base import Reporter, Rule, did_you_mean

RULE = Rule(
    code="unknown-table",
    summary="A table or view that the schema does not have.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(
    out: Reporter,
    tok: Token,
    name: str,
    schema: str | None,
    kind: str,
    suggestion: str | None,
    *,
    known: bool,
) -> None:
    """A ``kind`` (table, view, index, trigger) missing from the schema:
    a warning when the schema is not ``known`` to be complete, or when the
    name is one of SQLite's own (it creates those when first needed)."""
    shown = f"{schema}.{name}" if schema else name
    help = did_you_mean(suggestion)
    if normalize(name) == "sqlite_sequence":
        help, suggestion = "SQLite creates sqlite_sequence with the first AUTOINCREMENT table", None
    elif normalize(name).startswith("sqlite_stat"):
        help, suggestion = f"SQLite creates {name} when ANALYZE first runs", None
    out.report(
        RULE,
        tok,
        f"no such {kind}: {shown}",
        help=help,
        replacement=suggestion,
        severity=None if known and not is_builtin_name(name) else Severity.WARNING,
    )


def report_in_unknown_database(
    out: Reporter, first: Token, last: Token, kind: str, schema: str, name: str, *, known: bool
) -> None:
    """An object looked up in a database neither main, temp nor attached
    (a warning when no schema is known: the application may attach it)."""
    out.report(
        RULE,
        first,
        f"no such {kind}: {schema}.{name}",
        last=last,
        severity=None if known else Severity.WARNING,
    )


def report_index(out: Reporter, tok: Token, name: str, *, known: bool) -> None:
    """INDEXED BY an index the schema lacks."""
    out.report(RULE, tok, f"no such index: {name}", severity=Severity.WARNING if not known else None)


def report_qualifier(out: Reporter, tok: Token, name: str) -> None:
    """``name.*`` with no table or alias ``name`` in the FROM clause."""
    out.report(RULE, tok, f"no such table: {name}")
