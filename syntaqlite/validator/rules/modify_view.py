"""Reports INSERT, UPDATE or DELETE on a view that has no INSTEAD OF trigger
for that change.

Why is this bad?
A view stores nothing; SQLite can only change it through an INSTEAD OF
trigger that says what the change means, and otherwise stops with
`cannot modify v because it is a view`.  An `UPDATE OF` trigger counts only
when the UPDATE sets one of its columns.

Example:
    CREATE VIEW v AS SELECT id, name FROM t;
    UPDATE v SET name = 'x' WHERE id = 1;

Use instead:
    UPDATE t SET name = 'x' WHERE id = 1;
    -- or give the view an INSTEAD OF UPDATE trigger.
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="modify-view",
    summary="INSERT, UPDATE or DELETE on a view without an INSTEAD OF trigger.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, view: str) -> None:
    out.report(RULE, tok, f"cannot modify {view} because it is a view")
