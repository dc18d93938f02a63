"""Reports a common table expression that uses itself in a way SQLite cannot evaluate
(not as the recursive part of a UNION).

Why is this bad?
SQLite stops with `circular reference: c`.

Example:
    WITH c AS (SELECT * FROM c) SELECT 1 FROM c;

Use instead:
    WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3) SELECT n FROM c;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="circular-cte",
    summary="A CTE that refers to itself without WITH RECURSIVE semantics.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, name: str, *, recursive: bool) -> None:
    """A CTE used while its body is being resolved; ``recursive``: its
    recursive part had been reached (a second reference from it)."""
    error = "multiple recursive references" if recursive else "circular reference"
    out.report(RULE, tok, f"{error}: {name}")


def report_multiple(out: Reporter, tok: Token, name: str) -> None:
    """A recursive term naming the CTE more than once in its FROM."""
    out.report(RULE, tok, f"multiple references to recursive table: {name}")
