"""Format rules: one function per node class, grouped by family like the
node classes (``select``, ``expr``, ``dml``, ``ddl``, ``stmt``).  Nodes of a
class without a rule are printed token by token with single spaces."""

from __future__ import annotations

from ...syntax.cst import Node
from ..context import Rule
from . import ddl, dml, expr, select, stmt
from .ddl import verbatim_spans

RULES: dict[type[Node], Rule] = {}
for _module in (select, expr, dml, ddl, stmt):
    for _cls, _rule in _module.RULES.items():
        if _cls in RULES:
            raise ValueError(f"two format rules for {_cls.__name__}")
        RULES[_cls] = _rule


__all__ = ["RULES", "verbatim_spans"]
