"""Reports `f(x ORDER BY y)` or `f(x) FILTER (WHERE ...)` where f is not an aggregate function.

Why is this bad?
SQLite stops with `FILTER may not be used with non-aggregate f()` (or ORDER BY).

Example:
    SELECT upper(name ORDER BY id) FROM users;

Use instead:
    SELECT group_concat(upper(name) ORDER BY id) FROM users;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="non-aggregate-clause",
    summary="FILTER or ORDER BY inside a call of a function that is not an aggregate.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, clause: Node, word: str, name: str) -> None:
    """``word`` (FILTER, ORDER BY) on a call of ``name``, not an aggregate."""
    out.report(RULE, clause, f"{word} may not be used with non-aggregate {name}()")
