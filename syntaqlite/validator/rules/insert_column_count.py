"""Reports an INSERT whose rows do not have one value per column (the columns listed, or
all the table's columns when there is no list).

Why is this bad?
SQLite stops with `table t has N columns but M values were supplied` or `M values for N columns`.

Example:
    INSERT INTO users (id, name) VALUES (1);

Use instead:
    INSERT INTO users (id, name) VALUES (1, 'Ann');
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule

RULE = Rule(
    code="insert-column-count",
    summary="INSERT supplies a different number of values than columns.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(
    out: Reporter, source: Node, width: int, expected: int, *, listed: bool, table: str | None
) -> None:
    """``width`` values for ``expected`` columns: those ``listed`` after the
    table name, else all of ``table``'s."""
    if listed:
        message = f"{width} values for {expected} columns"
    else:
        message = f"table {table} has {expected} columns but {width} values were supplied"
    out.report(RULE, source, message)
