"""Reports arguments SQLite refuses when it prepares a call: DISTINCT on an aggregate
call without exactly one argument, or a second argument of likelihood() that is not a
literal number between 0.0 and 1.0.

Why is this bad?
SQLite stops with `DISTINCT aggregates must have exactly one argument` or `second
argument to likelihood() must be a constant between 0.0 and 1.0`.

Example:
    SELECT group_concat(DISTINCT name, ', ') FROM users;

Use instead:
    SELECT group_concat(DISTINCT name) FROM users;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="function-argument",
    summary="A function call's arguments SQLite refuses (DISTINCT arity, likelihood).",
    severity=Severity.ERROR,
    module=__name__,
)


def report_distinct(out: Reporter, call: Node) -> None:
    out.report(RULE, call, "DISTINCT aggregates must have exactly one argument")


def report_probability(out: Reporter, arg: Node, name: str) -> None:
    out.report(RULE, arg, f"second argument to {name}() must be a constant between 0.0 and 1.0")
