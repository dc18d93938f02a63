"""Reports a column definition SQLite refuses: a DEFAULT that is not a
constant, a missing or unknown datatype in a STRICT table, and the rules of
generated columns (no DEFAULT, not part of the PRIMARY KEY, VIRTUAL or
STORED only, at least one ordinary column in the table).

Why is this bad?
SQLite stops with `default value of column [c] is not constant`, `missing
datatype for t.c`, `unknown datatype for t.c: "DATE"`, `cannot use DEFAULT on
a generated column`, `error in generated column "c"`, `generated columns
cannot be part of the PRIMARY KEY` or `must have at least one non-generated
column`.

Example:
    CREATE TABLE t(a INTEGER, b INTEGER DEFAULT (a + 1), c DATE) STRICT;

Use instead:
    CREATE TABLE t(a INTEGER, b INTEGER AS (a + 1), c TEXT) STRICT;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="column-definition",
    summary="A column's DEFAULT, datatype or generated value that SQLite refuses.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_default_not_constant(out: Reporter, node: Token | Node, column: str) -> None:
    out.report(RULE, node, f"default value of column [{column}] is not constant")


def report_missing_type(out: Reporter, node: Token | Node, table: str, column: str) -> None:
    out.report(RULE, node, f"missing datatype for {table}.{column}")


def report_unknown_type(out: Reporter, node: Token | Node, table: str, column: str, type_text: str) -> None:
    out.report(RULE, node, f'unknown datatype for {table}.{column}: "{type_text}"')


def report_default_on_generated(out: Reporter, node: Token | Node) -> None:
    out.report(RULE, node, "cannot use DEFAULT on a generated column")


def report_generated_error(out: Reporter, node: Token | Node, column: str) -> None:
    out.report(RULE, node, f'error in generated column "{column}"')


def report_generated_primary_key(out: Reporter, node: Token | Node) -> None:
    out.report(RULE, node, "generated columns cannot be part of the PRIMARY KEY")


def report_all_generated(out: Reporter, node: Token | Node) -> None:
    out.report(RULE, node, "must have at least one non-generated column")
