"""Reports `"text"` used where a column is expected but no column has that name: SQLite
then treats it as the string 'text' (a legacy MySQL compatibility rule).

Why is this bad?
It is almost always a misspelled column name, or a string that should be in single
quotes; SQLite silently compares against a constant instead of failing.

Example:
    SELECT * FROM users WHERE status = "active";

Use instead:
    SELECT * FROM users WHERE status = 'active';
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="double-quoted-string",
    summary="A double-quoted name that matches no column, which SQLite reads as a string.",
    severity=Severity.WARNING,
    module=__name__,
)


def report(out: Reporter, node: Node, name: str) -> None:
    """``"name"`` that names no column: SQLite's legacy rule reads it as a string."""
    out.report(
        RULE,
        node,
        f"no column named \"{name}\": SQLite reads it as the string '{name}'",
        help=f"write '{name}' in single quotes if it is a string",
        # SQLite already reads it as this string: the fix keeps the meaning.
        replacement="'" + name.replace("'", "''") + "'",
        fix_safe=True,
    )
