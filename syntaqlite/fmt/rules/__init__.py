"""Format rules: one function per node kind, grouped by family like the node
classes (``select``, ``expr``, ``dml``, ``ddl``, ``stmt``).  Kinds without a
rule are printed token by token with single spaces."""

from __future__ import annotations

from ...syntax.cst import Node
from ..context import Rule
from . import ddl, dml, expr, select, stmt

RULES: dict[str, Rule] = {}
for _module in (select, expr, dml, ddl, stmt):
    for _kind, _rule in _module.RULES.items():
        if _kind in RULES:
            raise ValueError(f"two format rules for {_kind!r}")
        RULES[_kind] = _rule


def verbatim_spans(statement: Node) -> list[tuple[int, int]]:
    """Source spans of ``statement`` that must be copied exactly as written:

    * the arguments of a virtual-table module, free-form text the module
      reads;
    * a result column without an alias whose expression is not a plain
      column name, where the column's name can be seen: SQLite names such
      a column after its exact source text (``SELECT a+b`` yields a column
      named ``a+b``), a name that applications, ``CREATE TABLE ... AS``,
      views, CTEs and outer queries see.
    """
    spans: list[tuple[int, int]] = []
    for node in statement.walk():
        if node.kind == "create_virtual_table_stmt":
            spans.extend(ddl.virtual_table_spans(node))
    spans.extend((c.start, c.end) for c in select.text_named_columns(statement))
    return spans


__all__ = ["RULES", "verbatim_spans"]
