"""Reports a subquery, a parameter, a non-deterministic function or a
qualified column name where SQLite does not allow one: in a CHECK
constraint, a generated column, an index expression or a partial index's
WHERE clause.

Why is this bad?
SQLite stops with `subqueries prohibited in CHECK constraints`, `parameters
prohibited in partial index WHERE clauses`, `non-deterministic functions
prohibited in index expressions`, `the "." operator prohibited in generated
columns` ...: these expressions are stored in the schema and must give the
same answer for a row every time they are evaluated.  (CHECK constraints may
call non-deterministic functions such as random().)

Example:
    CREATE INDEX recent ON events(at) WHERE at > ?1;

Use instead:
    CREATE INDEX recent ON events(at) WHERE at > '2024-01-01';
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="prohibited-expression",
    summary="A subquery, parameter or non-deterministic function where a schema expression may not have one.",
    severity=Severity.ERROR,
    module=__name__,
)

CHECK = "CHECK constraints"
GENERATED = "generated columns"
INDEX = "index expressions"
PARTIAL_INDEX = "partial index WHERE clauses"


def report(out: Reporter, node: Token | Node, what: str, where: str, help: str | None = None) -> None:
    """``what`` (subqueries, parameters, non-deterministic functions, the
    "." operator) is not allowed in ``where`` (one of the constants)."""
    out.report(RULE, node, f"{what} prohibited in {where}", help=help)


def report_nulls(out: Reporter, node: Token | Node, which: str) -> None:
    """NULLS FIRST/LAST on a term of an index, PRIMARY KEY or UNIQUE."""
    out.report(RULE, node, f"unsupported use of NULLS {which}")
