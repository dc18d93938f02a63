"""Reports `ORDER BY 3` or `GROUP BY 3` beyond the number of result columns, and, in a
compound SELECT, an ORDER BY term that is not one of the result columns.

Why is this bad?
SQLite stops with `1st ORDER BY term out of range` or `... does not match any column in
the result set`.

Example:
    SELECT a FROM t ORDER BY 2;

Use instead:
    SELECT a FROM t ORDER BY 1;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="order-by-term",
    summary="An ORDER BY or GROUP BY term that does not refer to a result column.",
    severity=Severity.ERROR,
    module=__name__,
)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def report_no_match(out: Reporter, term: Node, n: int) -> None:
    """The ``n``th ORDER BY term of a compound is no result column."""
    out.report(RULE, term, f"{ordinal(n)} ORDER BY term does not match any column in the result set")


def report_out_of_range(out: Reporter, literal: Node, n: int, which: str, count: int) -> None:
    """The ``n``th ``which`` (ORDER, GROUP) BY term is a column number outside 1..count."""
    out.report(RULE, literal, f"{ordinal(n)} {which} BY term out of range - should be between 1 and {count}")
