"""Name resolution: what every name of a statement refers to, and the checks
that fall out of it.

The resolver follows SQLite's own rules (``resolve.c`` and ``select.c``):

* a column name is looked up in the innermost query first, among all its
  FROM items (a table with an alias answers only to its alias), then in the
  enclosing queries (correlated subqueries); a FROM subquery sees the
  enclosing queries but not its siblings;
* an unqualified name that is no column may be a result-column alias in
  WHERE, GROUP BY, HAVING and ORDER BY; ``rowid``/``oid``/``_rowid_`` when
  exactly one table with a rowid is in scope; TRUE/FALSE; and, when written
  in double quotes, a string (SQLite's legacy rule: a warning here);
* USING and NATURAL joins make the shared columns unambiguous;
* ``new.``/``old.`` in trigger bodies (as the event allows), ``excluded.``
  in an upsert, the target table in RETURNING;
* aggregates are allowed in the result columns, HAVING and ORDER BY (and as
  arguments of window functions), window functions only in the result
  columns and ORDER BY; a HAVING needs an aggregate query.

Unlike SQLite, which stops at the first error, every problem is reported.
A table whose columns are unknown (a virtual table of an unknown module, a
table missing from the schema) makes no column error: the table itself was
reported.

The modules, by concern: ``resolver`` (the :class:`Resolver` its parts
share: reporting, the semantic model, table lookups, the per-statement
state), ``scope`` (sources, scopes, shapes, CTEs, new/old/excluded),
``query`` (SELECT, compounds, VALUES, WITH), ``from_clause`` (FROM items
and joins), ``expr`` (expressions and column names), ``functions``
(function calls, aggregates, windows), ``rowvalue`` (row values) and
``dml`` (INSERT, UPDATE, DELETE, upsert, RETURNING).  They read the syntax
tree through the node classes' fields (:mod:`syntaqlite.syntax.nodes`).
What each check says is in its module of :mod:`..rules`.
"""

from __future__ import annotations

from .resolver import Resolver
from .scope import ROWID_NAMES, Cte, Ctx, Scope, Shape, Source, StatementState

__all__ = ["ROWID_NAMES", "Ctx", "Cte", "Resolver", "Scope", "Shape", "Source", "StatementState"]
