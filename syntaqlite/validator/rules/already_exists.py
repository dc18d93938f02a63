"""Reports a CREATE without IF NOT EXISTS of an object whose name is already taken, and
ALTER TABLE ... RENAME TO an existing name.

Why is this bad?
SQLite stops with `table t already exists` (or index, view, trigger).

Example:
    CREATE TABLE t (a);
    CREATE TABLE t (a);

Use instead:
    CREATE TABLE IF NOT EXISTS t (a);
"""

from __future__ import annotations

from ...diagnostics import Related, Severity
from ...syntax.tokens import Token
from ..catalog import Index, Location, Table, Trigger, Where
from .base import Reporter, Rule

RULE = Rule(
    code="already-exists",
    summary="CREATE of a table, view, index or trigger that already exists.",
    severity=Severity.ERROR,
    module=__name__,
)


def clash(
    kind: str,
    name: str,
    table: Table | None,
    index: Index | None,
    trigger: Trigger | None,
    written: str | None = None,
) -> str | None:
    """What SQLite says when a CREATE of a ``kind`` named ``name`` meets the
    table, index or trigger already so named (None: no clash).  A table,
    view or trigger is named as ``written`` (quotes and all), as SQLite
    prints the name's token."""
    shown = written if written is not None else name
    if kind in ("table", "view") and table is not None and table.kind != "builtin":
        return f"{'view' if table.kind == 'view' else 'table'} {shown} already exists"
    if kind in ("table", "view") and index is not None:
        return f"there is already an index named {name}"
    if kind == "index" and index is not None:
        return f"index {name} already exists"
    if kind == "index" and table is not None:
        return f"there is already a table named {name}"
    if kind == "trigger" and trigger is not None:
        return f"trigger {shown} already exists"
    return None


def report(out: Reporter, tok: Token, message: str, first: Location | None, here: Where) -> None:
    """A CREATE of a name in use; ``first`` is where the name was first
    defined: pointed at when in the text being checked (``here``; when that
    is a document checked piece by piece, the related location names its
    piece), named when in another file."""
    help: str | None = None
    related: tuple[Related, ...] = ()
    if first is not None and first.path == here.path:
        related = (Related("first defined here", first.start, first.end, first.piece),)
    elif first is not None and first.path is not None:
        position = first.position()
        at = f"{first.path}:{position[0]}:{position[1]}" if position is not None else first.path
        help = f"defined in {at}"
    out.report(RULE, tok, message, help=help, related=related)


def report_duplicate_cte(out: Reporter, tok: Token, name: str) -> None:
    out.report(RULE, tok, f"duplicate WITH table name: {name}")


def report_rename(out: Reporter, tok: Token, new: str) -> None:
    """ALTER TABLE ... RENAME TO a name a table or index has."""
    out.report(RULE, tok, f"there is already another table or index with this name: {new}")
