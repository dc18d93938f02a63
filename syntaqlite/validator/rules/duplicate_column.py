"""Reports a column name that appears twice in a CREATE TABLE (or is added twice by ALTER TABLE).

Why is this bad?
SQLite stops with `duplicate column name: c`.

Example:
    CREATE TABLE t (a, b, a);

Use instead:
    CREATE TABLE t (a, b, c);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="duplicate-column",
    summary="CREATE TABLE names a column twice.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, name: str) -> None:
    out.report(RULE, tok, f"duplicate column name: {name}")
