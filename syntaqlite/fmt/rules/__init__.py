"""Format rules: one function per node kind, grouped by family like the node
classes (``select``, ``expr``, ``dml``, ``ddl``, ``stmt``).  Kinds without a
rule are printed token by token with single spaces."""

from __future__ import annotations

from ..context import Rule
from . import ddl, dml, expr, select, stmt

RULES: dict[str, Rule] = {}
for _module in (select, expr, dml, ddl, stmt):
    for _kind, _rule in _module.RULES.items():
        if _kind in RULES:
            raise ValueError(f"two format rules for {_kind!r}")
        RULES[_kind] = _rule

__all__ = ["RULES"]
