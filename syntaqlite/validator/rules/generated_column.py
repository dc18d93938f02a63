"""Reports a generated column named in an INSERT's column list or set by an
UPDATE.

Why is this bad?
SQLite stops with `cannot INSERT into generated column "x"` or `cannot UPDATE
generated column "x"`: a generated column's value is always computed from
its expression.  (An upsert's DO UPDATE SET of one is accepted.)

Example:
    CREATE TABLE t (a, b AS (a + 1));
    INSERT INTO t (a, b) VALUES (1, 2);

Use instead:
    INSERT INTO t (a) VALUES (1);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="generated-column",
    summary="A generated column written by INSERT or UPDATE.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, action: str, name: str) -> None:
    """``action`` is "INSERT into" or "UPDATE"; ``name`` as declared."""
    out.report(RULE, tok, f'cannot {action} generated column "{name}"')
