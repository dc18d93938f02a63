"""Reports an upsert's conflict target, `ON CONFLICT (columns)`, that is not
the PRIMARY KEY, a UNIQUE constraint or a UNIQUE index of the table.

Why is this bad?
SQLite stops with `ON CONFLICT clause does not match any PRIMARY KEY or
UNIQUE constraint`: the target names the columns (with their collations, and
a partial index's WHERE) of exactly one uniqueness constraint, in any order.

Example:
    CREATE TABLE t (a PRIMARY KEY, b, c);
    INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (b) DO NOTHING;

Use instead:
    INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO NOTHING;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.cst import Node
from .base import Reporter, Rule
from .order_by_term import ordinal

RULE = Rule(
    code="upsert-target",
    summary="An ON CONFLICT target that is no PRIMARY KEY or UNIQUE constraint of the table.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, first: Node, last: Node, n: int | None) -> None:
    """The conflict target from ``first`` to ``last`` matches no uniqueness
    constraint; ``n``: its clause's number, when there are several."""
    which = f"{ordinal(n)} " if n is not None else ""
    out.report(
        RULE,
        first,
        f"{which}ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint",
        last=last,
    )
