"""Reports an index created on a view or a virtual table.

Why is this bad?
SQLite stops with `views may not be indexed` or `virtual tables may not be indexed`.

Example:
    CREATE VIEW v AS SELECT a FROM t;
    CREATE INDEX i ON v (a);

Use instead:
    CREATE INDEX i ON t (a);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="index-on-view",
    summary="CREATE INDEX on a view or a virtual table.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token) -> None:
    out.report(RULE, tok, "views may not be indexed")


def report_virtual(out: Reporter, tok: Token) -> None:
    out.report(RULE, tok, "virtual tables may not be indexed")
