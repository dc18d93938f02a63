"""Reports DROP TABLE naming a view and DROP VIEW naming a table.

Why is this bad?
SQLite stops with `use DROP VIEW to delete view v` (or `use DROP TABLE ...`).

Example:
    CREATE VIEW v AS SELECT 1;
    DROP TABLE v;

Use instead:
    DROP VIEW v;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="drop-wrong-kind",
    summary="DROP TABLE on a view, or DROP VIEW on a table.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, kind: str, name: str) -> None:
    """DROP TABLE of a view or DROP VIEW of a table; ``kind``: what it is."""
    out.report(RULE, tok, f"use DROP {kind.upper()} to delete {kind} {name}")
