"""Reports a trigger whose kind does not fit what it is on: BEFORE or AFTER
on a view, INSTEAD OF on a table, any trigger on a virtual table or on one
of SQLite's own `sqlite_` tables.

Why is this bad?
SQLite refuses to create it: `cannot create BEFORE trigger on view: v`,
`cannot create INSTEAD OF trigger on table: t`, `cannot create triggers on
virtual tables`, `cannot create trigger on system table`.  A trigger with
no timing is a BEFORE trigger.

Example:
    CREATE VIEW v AS SELECT * FROM t;
    CREATE TRIGGER v_ins AFTER INSERT ON v BEGIN SELECT 1; END;

Use instead:
    CREATE TRIGGER v_ins INSTEAD OF INSERT ON v BEGIN INSERT INTO t VALUES (new.a); END;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="trigger-target",
    summary="A trigger kind that does not fit its table, view or virtual table.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_virtual_table(out: Reporter, tok: Token) -> None:
    out.report(RULE, tok, "cannot create triggers on virtual tables")


def report_system_table(out: Reporter, tok: Token) -> None:
    out.report(RULE, tok, "cannot create trigger on system table")


def report_timing_on_view(out: Reporter, tok: Token, timing: str, view: str) -> None:
    """A BEFORE or AFTER trigger on a view."""
    out.report(RULE, tok, f"cannot create {timing} trigger on view: {view}")


def report_instead_on_table(out: Reporter, tok: Token, table: str) -> None:
    out.report(RULE, tok, f"cannot create INSTEAD OF trigger on table: {table}")
