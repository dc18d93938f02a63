"""Row values: how many values an expression is (a row value, a subquery),
and where one value is wanted or both sides must be as wide (comparisons,
BETWEEN, CASE, IN)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...syntax.cst import Node
from ...syntax.names import unquote
from ...syntax.tokens import Token
from ..rules import row_value_size, subquery_column_count
from .scope import Ctx, Scope
from .tree import QUERY_KINDS, first_core

if TYPE_CHECKING:
    from .resolver import Resolver

_COMPARISONS = frozenset({"EQ", "NE", "LT", "LE", "GT", "GE"})


class RowValues:
    def __init__(self, r: Resolver) -> None:
        self.r = r

    def width(self, node: Node | Token, scope: Scope) -> int:
        kind = node.kind  # node kinds are lower case, token kinds upper
        while kind == "paren_expr":
            node = node.children[1]  # type: ignore[union-attr]
            kind = node.kind
        if kind == "row_value":
            return len(node.nodes())  # type: ignore[union-attr]
        if kind == "subquery_expr":
            return self.query_width(node.children[1])  # type: ignore[union-attr,arg-type]
        return 1

    def query_width(self, query: Node) -> int:
        core = first_core(query)
        if core.kind == "values":
            rows = core.children_of_kind("value_row")
            return len(rows[0].nodes()) if rows else 1
        n = 0
        for rc in core.children_of_kind("result_column"):
            if isinstance(rc.children[0], Token):
                return 1  # * expands to an unknown width here: do not judge
            n += 1
        return n

    def scalar_context(self, node: Node | Token, ctx: Ctx) -> None:
        """``node`` must be one value (a result column, a WHERE condition, a
        function argument)."""
        w = self.width(node, ctx.scope)
        if w == 1:
            return
        inner = node
        while isinstance(inner, Node) and inner.kind == "paren_expr":
            inner = inner.children[1]
        if isinstance(inner, Node) and inner.kind == "subquery_expr":
            subquery_column_count.report(self.r, inner, w, 1)
        else:
            row_value_size.report_misused(self.r, node)

    def binary_widths(self, node: Node, ctx: Ctx) -> None:
        left, op, right = node.children
        assert isinstance(op, Token) and not isinstance(left, Token) and not isinstance(right, Token)
        wl, wr = self.width(left, ctx.scope), self.width(right, ctx.scope)
        if op.kind in _COMPARISONS:
            if wl != wr:
                self.size_mismatch(left, right)
            return
        for side, w in ((left, wl), (right, wr)):
            if w != 1:
                self.scalar_context(side, ctx)

    def operand_widths(self, node: Node, ctx: Ctx) -> None:
        operands = [
            c for c in node.children if isinstance(c, Node) and c.kind not in ("when_clause", "type_name")
        ]
        if node.kind in ("between_expr", "is_expr") and operands:
            widths = [self.width(o, ctx.scope) for o in operands]
            if len(set(widths)) > 1:
                self.size_mismatch(operands[0], operands[1])
            return
        for o in operands:
            if self.width(o, ctx.scope) != 1:
                self.scalar_context(o, ctx)

    def case_widths(self, node: Node, ctx: Ctx) -> None:
        """``CASE x WHEN v ...``: each v as wide as x (row values compare);
        without x each condition is one value; results are one value."""
        children = node.children
        whens = [c for c in children if isinstance(c, Node) and c.kind == "when_clause"]
        operand = (
            children[1]
            if len(children) > 1 and isinstance(children[1], Node) and children[1].kind != "when_clause"
            else None
        )
        width = self.width(operand, ctx.scope) if operand is not None else 1
        for when in whens:
            cond, result = when.children[1], when.children[3]
            assert isinstance(cond, Node) and isinstance(result, Node)
            w = self.width(cond, ctx.scope)
            if w != width:
                if operand is not None:
                    self.size_mismatch(operand, cond)
                else:
                    self.scalar_context(cond, ctx)
            self.scalar_context(result, ctx)
        tail = children[-2] if len(children) > 2 else None
        if isinstance(tail, Node) and children[-3].kind == "ELSE":
            self.scalar_context(tail, ctx)

    def size_mismatch(self, left: Node, right: Node) -> None:
        """Two sides of a comparison of different widths (SQLite says the
        same whether a side is a subquery or a row value)."""
        row_value_size.report_misused(self.r, left, right)

    def in_expr(self, node: Node, ctx: Ctx) -> None:
        r = self.r
        left = node.children[0]
        assert isinstance(left, Node)
        r.exprs.expr(left, ctx)
        width = self.width(left, ctx.scope)
        rest = node.children[1:]
        lp = next((i for i, c in enumerate(rest) if isinstance(c, Token) and c.kind == "LP"), None)
        qn = next((c for c in rest if isinstance(c, Node) and c.kind == "qualified_name"), None)
        if qn is not None:
            # x IN table / IN table-function(args)
            name_tok = qn.children[-1]
            assert isinstance(name_tok, Token)
            schema_tok = qn.children[0] if len(qn.children) == 3 else None
            src = r.from_clause.table_source(
                name_tok,
                unquote(name_tok.text),
                schema_tok if isinstance(schema_tok, Token) else None,
                None,
                0,
            )
            for a in rest:
                if isinstance(a, Node) and a.kind != "qualified_name":
                    r.exprs.expr(a, ctx)
            if src.columns is not None and width != len([c for c in src.columns if not c.hidden]):
                subquery_column_count.report(r, qn, len([c for c in src.columns if not c.hidden]), width)
            return
        items = [c for c in rest[lp + 1 : -1] if isinstance(c, Node)] if lp is not None else []
        if len(items) == 1 and items[0].kind in QUERY_KINDS:
            shape = r.queries.query(items[0], ctx.scope)
            if shape.width is not None and shape.width != width and self.query_width(items[0]) == shape.width:
                subquery_column_count.report(r, items[0], shape.width, width)
            return
        for item in items:
            r.exprs.expr(item, ctx)
            w = self.width(item, ctx.scope)
            if w != width:
                if width == 1:
                    self.scalar_context(item, ctx)
                else:
                    row_value_size.report_in_element(r, item, w, width)
