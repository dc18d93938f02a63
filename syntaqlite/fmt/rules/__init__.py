"""Format rules: one function per node class, grouped by family like the
node classes (``select``, ``expr``, ``dml``, ``ddl``, ``stmt``).  Nodes of a
class without a rule are printed token by token with single spaces."""

from __future__ import annotations

from ...syntax.cst import Node
from ...syntax.nodes import CreateVirtualTableStmt, Statement
from ...syntax.tokens import Token
from ..context import Rule
from . import ddl, dml, expr, select, stmt

RULES: dict[type[Node], Rule] = {}
for _module in (select, expr, dml, ddl, stmt):
    for _cls, _rule in _module.RULES.items():
        if _cls in RULES:
            raise ValueError(f"two format rules for {_cls.__name__}")
        RULES[_cls] = _rule


def verbatim_spans(statement: Statement, column_names: str = "preserve") -> list[tuple[int, int]]:
    """Source spans of ``statement`` that must be copied exactly as written:

    * the arguments of a virtual-table module, free-form text the module
      reads;
    * a result column without an alias whose expression is not a plain
      column name, where the column's name can be seen: SQLite names such
      a column after its exact source text (``SELECT a+b`` yields a column
      named ``a+b``), a name that applications, ``CREATE TABLE ... AS``,
      views, CTEs and outer queries see (unless ``column_names`` is
      ``reformat``).
    """
    nodes = _nodes(statement)
    spans: list[tuple[int, int]] = []
    for node in nodes:
        if isinstance(node, CreateVirtualTableStmt):
            spans.extend(ddl.virtual_table_spans(node))
    if column_names == "preserve":
        spans.extend((c.start, c.end) for c in select.text_named_columns(statement, nodes))
    return spans


def _nodes(root: Node) -> list[Node]:
    """``root`` and every node below it (breadth first)."""
    out = [root]
    for node in out:  # grows as it goes
        out.extend([c for c in node.children if c.__class__ is not Token])  # type: ignore[misc]
    return out


__all__ = ["RULES", "verbatim_spans"]
