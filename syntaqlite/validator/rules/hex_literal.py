"""Reports a hexadecimal integer literal that does not fit in 64 bits (more than sixteen
significant hex digits, or -0x8000000000000000).

Why is this bad?
SQLite stops with `hex literal too big: 0x...` when it compiles the expression.

Example:
    SELECT 0x10000000000000000;

Use instead:
    SELECT 0xffffffffffffffff;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="hex-literal",
    summary="A hexadecimal literal too big for a 64-bit integer.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, node: Node, text: str) -> None:
    """``text``: the literal as SQLite prints it (with its minus sign, if negated)."""
    out.report(RULE, node, f"hex literal too big: {text}")
