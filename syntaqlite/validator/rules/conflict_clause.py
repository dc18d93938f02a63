"""Reports two PRIMARY KEY or UNIQUE constraints of one CREATE TABLE on the
same columns (in the same order, with the same collations) whose ON CONFLICT
clauses name different resolutions.

Why is this bad?
SQLite stops with `conflicting ON CONFLICT clauses specified`: both
constraints make one index, which can resolve a conflict only one way.

Example:
    CREATE TABLE t (a PRIMARY KEY ON CONFLICT FAIL, UNIQUE (a) ON CONFLICT IGNORE);

Use instead:
    CREATE TABLE t (a PRIMARY KEY ON CONFLICT FAIL);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="conflict-clause",
    summary="Two constraints on the same columns with different ON CONFLICT clauses.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, constraint: Node) -> None:
    out.report(RULE, constraint, "conflicting ON CONFLICT clauses specified")
