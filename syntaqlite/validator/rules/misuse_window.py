"""Reports a window function (row_number, rank, lag ...) without OVER, a window function
outside the result columns and ORDER BY, or OVER after a function that is not an
aggregate or window function.

Why is this bad?
SQLite stops with `misuse of window function f()` or `f() may not be used as a window function`.

Example:
    SELECT row_number() FROM users;

Use instead:
    SELECT row_number() OVER (ORDER BY id) FROM users;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule, in_clause

RULE = Rule(
    code="misuse-window",
    summary="A window function used outside a window context.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_aliased(out: Reporter, node: Node, alias: str, shown: str) -> None:
    """A result-column alias standing for a window function, where none may be."""
    out.report(RULE, node, f"misuse of aliased window function {alias}", help=f"{alias} is {shown}")


def report_not_window(out: Reporter, node: Node, name_tok: Token, name: str) -> None:
    """OVER after a scalar function."""
    out.report(RULE, node, f"{name}() may not be used as a window function", last=name_tok)


def report_misused(out: Reporter, node: Node, name_tok: Token, name: str, clause: str) -> None:
    out.report(RULE, node, f"misuse of window function {name}(){in_clause(clause)}", last=name_tok)


def report_recursive(out: Reporter, node: Node) -> None:
    """A window function in the recursive part of a recursive CTE."""
    out.report(RULE, node, "cannot use window functions in recursive queries")
