"""Reports `x.column` where `x` is neither a table nor an alias of the FROM clause (or
of an enclosing query).  A table that was given an alias can only be named by its alias.

Why is this bad?
SQLite stops with `no such column: x.column`.

Example:
    SELECT users.name FROM users AS u;

Use instead:
    SELECT u.name FROM users AS u;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule, did_you_mean

RULE = Rule(
    code="unknown-qualifier",
    summary="A table name or alias before '.' that is not in scope.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(
    out: Reporter,
    where: Token | Node,
    shown: str,
    qualifier: str,
    suggestion: str | None,
    trigger_event: str | None,
) -> None:
    """``shown`` (``q.col``) where no table or alias in scope is named
    ``qualifier``.  ``trigger_event``: when ``qualifier`` is new or old in
    a trigger body, the trigger's event (which has only one of them)."""
    help = did_you_mean(suggestion)
    if trigger_event is not None:
        has = {"INSERT": "new", "DELETE": "old"}.get(trigger_event)
        help = f"{trigger_event} triggers have only {has}." if has else help
        suggestion = None
    out.report(
        RULE,
        where,
        f"no such column: {shown} (no table or alias named {qualifier} in scope)",
        help=help,
        replacement=suggestion,
    )
