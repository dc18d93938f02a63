"""Reports `OVER w` (or a window based on w) when the query defines no window named w.

Why is this bad?
SQLite stops with `no such window: w`.

Example:
    SELECT sum(x) OVER win FROM t WINDOW w AS (ORDER BY x);

Use instead:
    SELECT sum(x) OVER w FROM t WINDOW w AS (ORDER BY x);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule, did_you_mean

RULE = Rule(
    code="unknown-window",
    summary="OVER names a window the WINDOW clause does not define.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, name: str, suggestion: str | None) -> None:
    out.report(RULE, tok, f"no such window: {name}", help=did_you_mean(suggestion), replacement=suggestion)
