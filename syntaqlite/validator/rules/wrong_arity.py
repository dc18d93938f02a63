"""Reports a call of a built-in function with a number of arguments it does not take.

Why is this bad?
SQLite stops with `wrong number of arguments to function f()`.

Example:
    SELECT substr(name) FROM users;

Use instead:
    SELECT substr(name, 1, 3) FROM users;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="wrong-arity",
    summary="A function called with the wrong number of arguments.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, node: Node, name: str, takes: str, nargs: int) -> None:
    """``name`` called with ``nargs`` arguments; ``takes``: what it accepts."""
    out.report(
        RULE,
        node,
        f"wrong number of arguments to function {name}(): it takes {takes}, not {nargs}",
        last=node.last_token,
    )
