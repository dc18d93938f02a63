"""What the benchmarks that replay SQL through apsw share: SQLite's message
of an apsw exception (``error_message``), the column names of a table, and the statement that
first uses a view or fires a trigger (SQLite checks their bodies only then).

Imported by bench/sqlite_suite_agreement.py and bench/real_schemas.py (run as
scripts, their directory is on ``sys.path``)."""

from __future__ import annotations

import re
from collections.abc import Callable

import apsw

from syntaqlite.syntax.nodes import CreateTriggerStmt, CreateViewStmt
from syntaqlite.syntax.parser import parse

CREATES_DEFERRED = re.compile(
    r"\s*(?:--[^\n]*\n\s*|/\*.*?\*/\s*)*CREATE\s+(?:TEMP\w*\s+)?(?:TRIGGER|VIEW)\b", re.I | re.S
)
"""A CREATE VIEW or CREATE TRIGGER statement (comments before it allowed)."""


def error_message(exc: BaseException) -> str:
    """SQLite's message, without apsw's ``ErrorName: `` prefix."""
    text = str(exc)
    name = type(exc).__name__
    return text[len(name) + 2 :] if text.startswith(name + ": ") else text


def table_columns(con: apsw.Connection, table: str) -> list[str]:
    """The column names of ``table`` (a name as written, maybe qualified)."""
    schema, _, name = table.rpartition(".")
    quoted = "'" + name.strip('"`[]').replace("'", "''") + "'"
    try:
        rows = con.execute(
            f"SELECT name FROM pragma_table_info({quoted}{', ' + repr(schema) if schema else ''})"
        )
        return [str(r[0]) for r in rows]
    except apsw.Error:
        return []


def first_use(stmt: str, columns: Callable[[str], list[str]]) -> str | None:
    """For CREATE VIEW / CREATE TRIGGER: a statement that uses the view or
    fires the trigger, to prepare right after it; ``columns`` gives a table's
    or view's column names (for an UPDATE trigger of no column).  None for
    other statements."""
    parsed = parse(stmt)
    if len(parsed.statements) != 1 or parsed.errors:
        return None
    body = parsed.statements[0].body
    if isinstance(body, CreateViewStmt):
        return "SELECT * FROM " + ".".join(t.text for t in body.name.parts)
    if isinstance(body, CreateTriggerStmt):
        header = body.header
        table = ".".join(t.text for t in header.table.parts)
        event = header.event.upper()
        if event == "INSERT":
            return f"INSERT INTO {table} DEFAULT VALUES"
        if event == "DELETE":
            return f"DELETE FROM {table}"
        names = [c.text for c in header.columns] or ['"' + c.replace('"', '""') + '"' for c in columns(table)]
        column = names[0] if names else "rowid"
        return f"UPDATE {table} SET {column} = {column}"
    return None
