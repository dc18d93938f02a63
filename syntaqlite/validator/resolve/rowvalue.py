"""Row values: how many values an expression is (a row value, a subquery),
and where one value is wanted or both sides must be as wide (comparisons,
BETWEEN, CASE, IN)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...syntax.names import normalize, unquote
from ...syntax.nodes import (
    BinaryExpr,
    CaseExpr,
    Expr,
    InExpr,
    ParenExpr,
    Query,
    RowValue,
    Select,
    SelectCore,
    Subquery,
    SubqueryExpr,
    TableRef,
    UsingClause,
    Values,
)
from .. import rules
from .scope import Ctx, Scope

if TYPE_CHECKING:
    from .resolver import Resolver

_COMPARISONS = frozenset({"EQ", "NE", "LT", "LE", "GT", "GE"})
_MAYBE_WIDE = (ParenExpr, RowValue, SubqueryExpr)
"""The expressions :meth:`RowValues.width` may find other than one value."""


class RowValues:
    def __init__(self, r: Resolver) -> None:
        self.r = r

    def width(self, node: Expr, scope: Scope) -> int | None:
        """How many values ``node`` is (None: unknown, do not judge)."""
        while isinstance(node, ParenExpr):
            node = node.expr
        if isinstance(node, RowValue):
            return len(node.items)
        if isinstance(node, SubqueryExpr):
            return self.static_width(node.query, 0)
        return 1

    def static_width(self, query: Query, depth: int) -> int | None:
        """How many columns ``query`` returns, told from its first SELECT
        without resolving it: ``*`` and ``t.*`` count the columns of the
        tables and subqueries of a plain FROM (no NATURAL or USING join, no
        CTE or table-valued function); None when that cannot be told."""
        core = query.cores[0] if isinstance(query, Select) else query
        if isinstance(core, Values):
            rows = core.rows
            return len(rows[0].values) if rows else 1
        n = 0
        items: list[tuple[str | None, int | None]] | None = None
        for rc in core.columns:
            if rc.expr is not None:
                n += 1
                continue
            if items is None:
                items = self.from_widths(core, depth)
                if items is None:
                    return None
            qualifier = normalize(rc.table.text) if rc.table is not None else None
            found = [w for name, w in items if qualifier is None or name == qualifier]
            if not found or any(w is None for w in found):
                return None
            n += sum(w for w in found if w is not None)
        return n

    def from_widths(self, core: SelectCore, depth: int) -> list[tuple[str | None, int | None]] | None:
        """The FROM items of a SELECT as (name, visible column count), when
        ``*`` over them is plain to count (see :meth:`static_width`)."""
        from_clause = core.from_clause
        if from_clause is None or depth > 20:
            return None
        if any("NATURAL" in op.words for op in from_clause.joins):
            return None
        out: list[tuple[str | None, int | None]] = []
        for term in from_clause.terms:
            if isinstance(term.constraint, UsingClause):
                return None
            alias = normalize(term.alias.text) if term.alias is not None else None
            if isinstance(term, TableRef):
                qn = term.name
                name = unquote(qn.name.text)
                cte = self.r.find_cte(name) if qn.schema is None else None
                if cte is not None:
                    # A CTE's columns are known once it is resolved.
                    width = cte.shape.width if cte.state == "done" and cte.shape is not None else None
                    out.append((alias or normalize(name), width))
                    continue
                schema = unquote(qn.schema.text) if qn.schema is not None else None
                table = self.r.catalog.find_table(name, schema)
                if table is None or not table.columns_known:
                    return None
                out.append((alias or table.key, len(table.visible_columns)))
            elif isinstance(term, Subquery):
                out.append((alias, self.static_width(term.query, depth + 1)))
            else:
                return None
        return out

    def scalar_context(self, node: Expr, ctx: Ctx) -> None:
        """``node`` must be one value (a result column, a WHERE condition, a
        function argument)."""
        if not isinstance(node, _MAYBE_WIDE):
            return
        w = self.width(node, ctx.scope)
        if w is None or w == 1:
            return
        inner: Expr = node
        while isinstance(inner, ParenExpr):
            inner = inner.expr
        if isinstance(inner, SubqueryExpr):
            rules.subquery_column_count.report(self.r, inner, w, 1)
        else:
            rules.row_value_size.report_misused(self.r, node)

    def binary_widths(self, node: BinaryExpr, ctx: Ctx) -> None:
        left, right = node.left, node.right
        wl = self.width(left, ctx.scope) if isinstance(left, _MAYBE_WIDE) else 1
        wr = self.width(right, ctx.scope) if isinstance(right, _MAYBE_WIDE) else 1
        if node.op.kind in _COMPARISONS:
            if wl is not None and wr is not None and wl != wr:
                self.size_mismatch(left, right)
            elif wl != 1 or wr != 1:
                self.nested_rows((left, right), ctx, splits=node.op.kind == "EQ")
            return
        for side, w in ((left, wl), (right, wr)):
            if w is not None and w != 1:
                self.scalar_context(side, ctx)

    def same_widths(self, operands: list[Expr], ctx: Ctx, *, equality: bool = False) -> None:
        """Operands compared with each other (BETWEEN, IS) are as wide;
        ``equality``: an IS (not IS NOT)."""
        widths = [self.width(o, ctx.scope) for o in operands]
        if None not in widths and len(set(widths)) > 1:
            self.size_mismatch(operands[0], operands[1])
        elif any(w != 1 for w in widths):
            self.nested_rows(operands, ctx, splits=equality)

    def nested_rows(self, operands: Sequence[Expr], ctx: Ctx, *, splits: bool = False) -> None:
        """Row values compared element by element: an element that is
        itself a row value cannot be compared (SQLite: `row value
        misused`).  In a WHERE or ON clause, SQLite splits ``=`` and IS of
        row values into a comparison per element (when it is one of the
        AND-ed terms), so row values of the same shape compare there: left
        alone (``splits``)."""
        if ctx.clause not in _NESTED_CHECKED:
            return  # (only where it was measured against SQLite)
        if (
            splits
            and ctx.clause != "result"
            and len(operands) == 2
            and self._same_shape(operands[0], operands[1], ctx)
        ):
            return
        for o in operands:
            while isinstance(o, ParenExpr):
                o = o.expr
            if isinstance(o, RowValue):
                for item in o.items:
                    if self.width(item, ctx.scope) not in (1, None) and isinstance(_unparen(item), RowValue):
                        rules.row_value_size.report_misused(self.r, item)
                        return

    def scalar_operands(self, operands: list[Expr], ctx: Ctx) -> None:
        """Operands that must each be one value."""
        for o in operands:
            if self.width(o, ctx.scope) not in (1, None):
                self.scalar_context(o, ctx)

    def case_widths(self, node: CaseExpr, ctx: Ctx) -> None:
        """``CASE x WHEN v ...``: each v as wide as x (row values compare);
        without x each condition is one value; results are one value."""
        operand = node.operand
        width = self.width(operand, ctx.scope) if operand is not None else 1
        for when in node.whens:
            cond, result = when.condition, when.result
            w = self.width(cond, ctx.scope)
            if w is not None and width is not None and w != width:
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
        same whether a side is a subquery or a row value).  In the WHERE of
        an UPDATE or DELETE, a subquery whose ``*`` makes it wider is only
        found when the statement is coded: against one value, SQLite says
        the subquery returns too many columns (else: left out)."""
        if self.r.state.change_where and (self.star_subquery(left) or self.star_subquery(right)):
            sub, other = (left, right) if self.star_subquery(left) else (right, left)
            while isinstance(sub, ParenExpr):
                sub = sub.expr
            w = self.width(sub, Scope([]))
            if isinstance(sub, SubqueryExpr) and w is not None and self.width(other, Scope([])) == 1:
                rules.subquery_column_count.report(self.r, sub, w, 1)
            return
        rules.row_value_size.report_misused(self.r, left, right)

    def _same_shape(self, left: Expr, right: Expr, ctx: Ctx) -> bool:
        """Whether two row values nest alike (each pair of elements as wide,
        row values inside paired with row values of the same shape)."""
        a, b = _unparen(left), _unparen(right)
        if isinstance(a, RowValue) and isinstance(b, RowValue):
            return len(a.items) == len(b.items) and all(
                self._same_shape(x, y, ctx) for x, y in zip(a.items, b.items, strict=True)
            )
        return self.width(a, ctx.scope) == 1 and self.width(b, ctx.scope) == 1

    def star_subquery(self, node: Expr) -> bool:
        """Whether ``node`` is a subquery whose first SELECT has a ``*``."""
        while isinstance(node, ParenExpr):
            node = node.expr
        if not isinstance(node, SubqueryExpr):
            return False
        query = node.query
        core = query.cores[0] if isinstance(query, Select) else query
        return isinstance(core, SelectCore) and any(rc.expr is None for rc in core.columns)

    def in_expr(self, node: InExpr, ctx: Ctx) -> None:
        r = self.r
        left = node.left
        r.exprs.expr(left, ctx)
        width = self.width(left, ctx.scope)
        if width is None:  # a left side of unknown width: judge nothing
            self.in_operands(node, ctx)
            return
        if width > 1:
            self.nested_rows((left,), ctx)
        qn = node.table
        if qn is not None:
            # x IN table / IN table-function(args)
            name_tok = qn.name
            src = r.from_clause.table_source(name_tok, unquote(name_tok.text), qn.schema, None, 0)
            for a in node.args:
                r.exprs.expr(a, ctx)
            if src.columns is not None and width != len([c for c in src.columns if not c.hidden]):
                rules.subquery_column_count.report(
                    r, qn, len([c for c in src.columns if not c.hidden]), width
                )
            return
        query = node.query
        if query is not None:
            shape = r.queries.query(query, ctx.scope)
            if (
                shape.width is not None
                and shape.width != width
                and self.static_width(query, 0) == shape.width
            ):
                rules.subquery_column_count.report(r, query, shape.width, width)
            return
        for item in node.values:
            r.exprs.expr(item, ctx)
            w = self.width(item, ctx.scope)
            if w is not None and w != width:
                if width == 1:
                    self.scalar_context(item, ctx)
                else:
                    rules.row_value_size.report_in_element(r, item, w, width)

    def in_operands(self, node: InExpr, ctx: Ctx) -> None:
        """Resolve the right side of ``x IN ...`` without judging widths."""
        r = self.r
        qn = node.table
        if qn is not None:
            name_tok = qn.name
            r.from_clause.table_source(name_tok, unquote(name_tok.text), qn.schema, None, 0)
            for a in node.args:
                r.exprs.expr(a, ctx)
            return
        query = node.query
        if query is not None:
            r.queries.query(query, ctx.scope)
            return
        for item in node.values:
            r.exprs.expr(item, ctx)


_NESTED_CHECKED = frozenset({"result", "WHERE", "ON", "HAVING"})
"""Where a row value inside a compared row value is reported (in WHERE, ON
and HAVING, an equality of row values of the same shape is split)."""


def _unparen(node: Expr) -> Expr:
    while isinstance(node, ParenExpr):
        node = node.expr
    return node
