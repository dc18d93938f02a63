"""Reports what a view or trigger definition may not contain: a parameter
(`?`, `:name` ...) in a view or a trigger, RETURNING on a statement of a
trigger's body, a database name on a TEMP trigger's name or on the table of
an INSERT, UPDATE or DELETE in a trigger that is not temp (a trigger without
TEMP is temp when its table is), and a view that reads itself.

Why is this bad?
A view and a trigger are stored in the schema and run later, where no value
can be bound to a parameter: SQLite stops with `parameters are not allowed in
views` or `trigger cannot use variables`.  A trigger's statements return
nothing, so SQLite refuses `RETURNING` there (`cannot use RETURNING in a
trigger`), a TEMP trigger always lives in the temp database
(`temporary trigger may not have qualified name`), and a view that reads
itself has no rows to start from (`view v is circularly defined`, when it is
used: a view's query reads the tables of its own database first).

Example:
    CREATE VIEW recent AS SELECT * FROM events WHERE day > ?;

Use instead:
    CREATE VIEW recent AS SELECT * FROM events WHERE day > date('now', '-7 days');
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="schema-definition",
    summary="A parameter in a view or trigger, RETURNING in a trigger, a qualified TEMP trigger name, a view reading itself.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_variable(out: Reporter, node: Node, kind: str) -> None:
    """A parameter in a view's query or a trigger's WHEN or body (``kind``)."""
    message = "parameters are not allowed in views" if kind == "view" else "trigger cannot use variables"
    out.report(RULE, node, message)


def report_returning(out: Reporter, node: Node) -> None:
    out.report(RULE, node, "cannot use RETURNING in a trigger")


def report_circular_view(out: Reporter, tok: Token, view: str) -> None:
    """A view whose query reads the view itself."""
    out.report(RULE, tok, f"view {view} is circularly defined")


def report_qualified_step(out: Reporter, table: Node, temp_before: str | None) -> None:
    """A schema-qualified table in a trigger's INSERT, UPDATE or DELETE;
    ``temp_before``: the trigger is temp (its table is), but the target
    release (given) is older than 3.52.0."""
    message = "qualified table names are not allowed on INSERT, UPDATE, and DELETE statements within triggers"
    if temp_before is not None:
        message += f" (TEMP triggers allow them from SQLite 3.52.0; checking for {temp_before})"
    out.report(RULE, table, message)


def report_temp_qualified(out: Reporter, tok: Token) -> None:
    out.report(RULE, tok, "temporary trigger may not have qualified name")
