"""Row values: how many values an expression is (a row value, a subquery),
and where one value is wanted or both sides must be as wide (comparisons,
BETWEEN, CASE, IN)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...syntax.names import unquote
from ...syntax.nodes import (
    BinaryExpr,
    CaseExpr,
    Expr,
    InExpr,
    ParenExpr,
    Query,
    RowValue,
    Select,
    SubqueryExpr,
    Values,
)
from ..rules import row_value_size, subquery_column_count
from .scope import Ctx, Scope

if TYPE_CHECKING:
    from .resolver import Resolver

_COMPARISONS = frozenset({"EQ", "NE", "LT", "LE", "GT", "GE"})


class RowValues:
    def __init__(self, r: Resolver) -> None:
        self.r = r

    def width(self, node: Expr, scope: Scope) -> int:
        while isinstance(node, ParenExpr):
            node = node.expr
        if isinstance(node, RowValue):
            return len(node.items)
        if isinstance(node, SubqueryExpr):
            return self.query_width(node.query)
        return 1

    def query_width(self, query: Query) -> int:
        core = query.cores[0] if isinstance(query, Select) else query
        if isinstance(core, Values):
            rows = core.rows
            return len(rows[0].values) if rows else 1
        n = 0
        for rc in core.columns:
            if rc.expr is None:
                return 1  # * expands to an unknown width here: do not judge
            n += 1
        return n

    def scalar_context(self, node: Expr, ctx: Ctx) -> None:
        """``node`` must be one value (a result column, a WHERE condition, a
        function argument)."""
        w = self.width(node, ctx.scope)
        if w == 1:
            return
        inner = node
        while isinstance(inner, ParenExpr):
            inner = inner.expr
        if isinstance(inner, SubqueryExpr):
            subquery_column_count.report(self.r, inner, w, 1)
        else:
            row_value_size.report_misused(self.r, node)

    def binary_widths(self, node: BinaryExpr, ctx: Ctx) -> None:
        left, right = node.left, node.right
        wl, wr = self.width(left, ctx.scope), self.width(right, ctx.scope)
        if node.op.kind in _COMPARISONS:
            if wl != wr:
                self.size_mismatch(left, right)
            return
        for side, w in ((left, wl), (right, wr)):
            if w != 1:
                self.scalar_context(side, ctx)

    def same_widths(self, operands: list[Expr], ctx: Ctx) -> None:
        """Operands compared with each other (BETWEEN, IS) are as wide."""
        widths = [self.width(o, ctx.scope) for o in operands]
        if len(set(widths)) > 1:
            self.size_mismatch(operands[0], operands[1])

    def scalar_operands(self, operands: list[Expr], ctx: Ctx) -> None:
        """Operands that must each be one value."""
        for o in operands:
            if self.width(o, ctx.scope) != 1:
                self.scalar_context(o, ctx)

    def case_widths(self, node: CaseExpr, ctx: Ctx) -> None:
        """``CASE x WHEN v ...``: each v as wide as x (row values compare);
        without x each condition is one value; results are one value."""
        operand = node.operand
        width = self.width(operand, ctx.scope) if operand is not None else 1
        for when in node.whens:
            cond, result = when.condition, when.result
            w = self.width(cond, ctx.scope)
            if w != width:
                if operand is not None:
                    self.size_mismatch(operand, cond)
                else:
                    self.scalar_context(cond, ctx)
            self.scalar_context(result, ctx)
        tail = node.else_
        if tail is not None:
            self.scalar_context(tail, ctx)

    def size_mismatch(self, left: Expr, right: Expr) -> None:
        """Two sides of a comparison of different widths (SQLite says the
        same whether a side is a subquery or a row value)."""
        row_value_size.report_misused(self.r, left, right)

    def in_expr(self, node: InExpr, ctx: Ctx) -> None:
        r = self.r
        left = node.left
        r.exprs.expr(left, ctx)
        width = self.width(left, ctx.scope)
        qn = node.table
        if qn is not None:
            # x IN table / IN table-function(args)
            name_tok = qn.name
            src = r.from_clause.table_source(name_tok, unquote(name_tok.text), qn.schema, None, 0)
            for a in node.args:
                r.exprs.expr(a, ctx)
            if src.columns is not None and width != len([c for c in src.columns if not c.hidden]):
                subquery_column_count.report(r, qn, len([c for c in src.columns if not c.hidden]), width)
            return
        query = node.query
        if query is not None:
            shape = r.queries.query(query, ctx.scope)
            if shape.width is not None and shape.width != width and self.query_width(query) == shape.width:
                subquery_column_count.report(r, query, shape.width, width)
            return
        for item in node.values:
            r.exprs.expr(item, ctx)
            w = self.width(item, ctx.scope)
            if w != width:
                if width == 1:
                    self.scalar_context(item, ctx)
                else:
                    row_value_size.report_in_element(r, item, w, width)
