"""Reports the RAISE function outside CREATE TRIGGER.

Why is this bad?
SQLite stops with `RAISE() may only be used within a trigger-program`.

Example:
    SELECT RAISE(ABORT, 'no');

Use instead:
    (raise errors from a trigger, or from the application)
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="raise-outside-trigger",
    summary="RAISE() outside a trigger body.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, node: Node) -> None:
    out.report(RULE, node, "RAISE() may only be used within a trigger-program")
