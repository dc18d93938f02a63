"""Reports an UPDATE ... FROM whose FROM clause names the table being
updated again, under the same alias (or, both times, without one).

Why is this bad?
SQLite stops with `target object/alias may not appear in FROM clause: t`:
which row of the two would the SET expressions see?  (PostgreSQL refuses it
too.)

Example:
    UPDATE t SET x = t.x + 1 FROM t WHERE t.id = 1;

Use instead:
    UPDATE t SET x = t2.x + 1 FROM t AS t2 WHERE t2.id = t.id;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="update-from-target",
    summary="UPDATE ... FROM naming the updated table again under the same name.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, target: Node, name: str) -> None:
    """The target ``target`` (shown as ``name``) is also in FROM."""
    out.report(RULE, target, f"target object/alias may not appear in FROM clause: {name}")
