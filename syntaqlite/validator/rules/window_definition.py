"""Reports a window SQLite cannot build: DISTINCT inside the arguments of a window
function call, FILTER on a built-in window function (row_number, lag ...), a frame
that ends before it starts, a RANGE frame with an offset and not exactly one ORDER BY
term, or a window based on a named window that overrides its PARTITION BY, ORDER BY or
frame.

Why is this bad?
SQLite refuses the statement: `DISTINCT is not supported for window functions`, `FILTER
clause may only be used with aggregate window functions`, `unsupported frame
specification`, `RANGE with offset PRECEDING/FOLLOWING requires one ORDER BY expression`
or `cannot override ORDER BY clause of window: w` (PARTITION clause, frame
specification).

Example:
    SELECT sum(x) OVER (w ORDER BY y) FROM t WINDOW w AS (ORDER BY x);

Use instead:
    SELECT sum(x) OVER (w ORDER BY y) FROM t WINDOW w AS (PARTITION BY x);
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="window-definition",
    summary="A window function call or window SQLite cannot build.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_distinct(out: Reporter, quantifier: Token) -> None:
    out.report(RULE, quantifier, "DISTINCT is not supported for window functions")


def report_filter(out: Reporter, filter_clause: Node) -> None:
    out.report(RULE, filter_clause, "FILTER clause may only be used with aggregate window functions")


def report_frame_order(out: Reporter, frame: Node) -> None:
    out.report(RULE, frame, "unsupported frame specification")


def report_range_offset(out: Reporter, frame: Node) -> None:
    out.report(RULE, frame, "RANGE with offset PRECEDING/FOLLOWING requires one ORDER BY expression")


def report_override(out: Reporter, node: Node, what: str, base: str) -> None:
    """``what``: "PARTITION clause", "ORDER BY clause" or "frame specification"."""
    out.report(RULE, node, f"cannot override {what} of window: {base}")
