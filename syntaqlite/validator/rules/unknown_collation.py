"""Reports a COLLATE name that is neither a built-in collating sequence (BINARY, NOCASE,
RTRIM) nor one declared in configuration, where SQLite needs it.

Why is this bad?
SQLite stops with `no such collation sequence: x` when it needs the collation: in a
column definition, an index or a PRIMARY KEY/UNIQUE constraint, an ORDER BY, GROUP BY or
PARTITION BY term, a comparison, DISTINCT, and min()/max()/nullif(); a result column
of a query read as a table (a subquery in FROM, a CTE, a view: its left-most SELECT's),
and of a compound that removes duplicates or sorts (UNION, INTERSECT, EXCEPT, ORDER BY:
the left-most SELECT with a collation for that column decides).  (An unused COLLATE, as
in `SELECT a COLLATE x FROM t`, is not an error.)  Declare the collations
the application registers (`sqlite3.Connection.create_collation`,
`sqlite3_create_collation`):

    [check]                           # in syntaqlite.toml
    collations = ["natural", "unicode_ci"]

Example:
    SELECT name FROM users ORDER BY name COLLATE nocse;

Use instead:
    SELECT name FROM users ORDER BY name COLLATE nocase;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule, did_you_mean

RULE = Rule(
    code="unknown-collation",
    summary="A collating sequence SQLite does not have and the configuration does not declare.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, name: str, suggestion: str | None) -> None:
    declare = (
        f"if the application registers {name}, declare it in configuration: [check] collations = [{name!r}]"
    )
    out.report(
        RULE,
        tok,
        f"no such collation sequence: {name}",
        help=did_you_mean(suggestion) or declare,
        replacement=suggestion,
    )
