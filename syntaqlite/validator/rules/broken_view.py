"""Reports a view used where its query no longer resolves: the view was created, and
then the tables, views or indexes it reads were dropped, renamed or changed.

Why is this bad?
SQLite keeps a view as the text of its query and resolves that query again each time a
statement uses the view (reads it in FROM, or INSERTs, UPDATEs or DELETEs through it).
When a table the view reads has been dropped since, the statement using the view fails
with the error of the view's query, e.g. `no such table: main.orders`; other examples
are `no such column: x`, `view v is circularly defined` (two views reading each other
after a rename) and `expected 2 columns for 'v' but got 3`.  The error is reported
where the view is used, with SQLite's message; the help names the view.  Only the
errors SQLite finds while it resolves the view's names are reported here.

Example:
    CREATE TABLE orders (id, total);
    CREATE VIEW big_orders AS SELECT id FROM orders WHERE total > 100;
    DROP TABLE orders;
    SELECT * FROM big_orders;

Use instead:
    DROP VIEW big_orders;
    DROP TABLE orders;
"""

from __future__ import annotations

from ...diagnostics import Severity
from ...syntax.tokens import Token
from .base import Reporter, Rule

RULE = Rule(
    code="broken-view",
    summary="A view whose query no longer resolves against the schema where it is used.",
    severity=Severity.ERROR,
    module=__name__,
)


def report(out: Reporter, tok: Token, view: str, message: str) -> None:
    """``view``, used at ``tok``, fails with SQLite's ``message``."""
    out.report(RULE, tok, message, help=f"the query of view {view} fails with this error where it is used")
