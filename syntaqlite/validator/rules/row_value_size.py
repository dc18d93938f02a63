"""Reports `(a, b)` compared with a value of a different size, or used where one value
is expected, and IN lists whose elements differ in size from the left side.

Why is this bad?
SQLite stops with `row value misused` or `IN(...) element has N terms - expected M`.

Example:
    SELECT * FROM t WHERE (a, b) = (1, 2, 3);

Use instead:
    SELECT * FROM t WHERE (a, b) = (1, 2);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="row-value-size",
    summary="A row value where a single value is needed, or row values of different sizes.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_misused(out: Reporter, first: Node | Token, last: Node | None = None) -> None:
    """A row value where one value is wanted, or compared with a row of
    another size (``first`` .. ``last``: both sides)."""
    out.report(RULE, first, "row value misused", last=last)


def report_in_element(out: Reporter, item: Node, width: int, expected: int) -> None:
    out.report(
        RULE, item, f"IN(...) element has {width} term{'s' if width != 1 else ''} - expected {expected}"
    )


def report_assignment(out: Reporter, item: Node, columns: int, values: int) -> None:
    """``SET (a, b) = ...`` with another number of values."""
    out.report(RULE, item, f"{columns} columns assigned {values} values")
