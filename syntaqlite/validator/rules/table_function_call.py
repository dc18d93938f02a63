"""Reports a FROM item called like a table-valued function, ``name(...)``,
when ``name`` is an ordinary table, a view or a common table expression,
or when it is given more arguments than the function (or virtual table) has
hidden argument columns.

Why is this bad?
SQLite stops with `'t' is not a function`, or with `too many arguments on
json_each() - max 2`: only a virtual table (an eponymous one such as
json_each, or an fts5 table) takes arguments in FROM, one per hidden column.

Example:
    SELECT * FROM orders('2024');
    SELECT * FROM json_each('[1]', '$', 3);

Use instead:
    SELECT * FROM orders WHERE year = '2024';
    SELECT * FROM json_each('[1]', '$');
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="table-function-call",
    summary="A table, view or CTE called like a table-valued function, or too many arguments to one.",
    severity=Severity.ERROR,
    module=__name__,
)


def report_not_a_function(out: Reporter, name_tok: Token, name: str) -> None:
    """``name(...)`` in FROM names a table, view or CTE."""
    out.report(RULE, name_tok, f"'{name}' is not a function")


def report_too_many(out: Reporter, arg: Node, name: str, most: int) -> None:
    """``arg`` is one argument more than the ``most`` that ``name`` takes."""
    out.report(RULE, arg, f"too many arguments on {name}() - max {most}")
