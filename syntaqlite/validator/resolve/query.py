"""Queries: SELECT cores, compounds, VALUES and WITH clauses (CTEs are
resolved lazily, at first use, as SQLite expands them), and what a query
returns (its shape: column names and count)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...syntax.cst import Node
from ...syntax.names import normalize, unquote
from ...syntax.tokens import Token
from ..catalog import Column, column_names_of, location_of
from ..model import Referent
from ..rules import (
    already_exists,
    circular_cte,
    compound_column_count,
    cte_column_count,
    having_without_group,
    misuse_aggregate,
    no_tables,
    order_by_term,
    unknown_table,
    values_row_length,
)
from .scope import Cte, Ctx, Scope, Shape
from .tree import EMPTY, QUERY_KINDS, from_names, query_parts, result_alias, strip_collate, token

if TYPE_CHECKING:
    from .resolver import Resolver


class QueryResolver:
    def __init__(self, r: Resolver) -> None:
        self.r = r

    # -- WITH -------------------------------------------------------------------

    def with_clause(self, node: Node, scope: Scope | None) -> None:
        """Declare the CTEs of a WITH clause, in a new frame that
        ``end_with`` pops."""
        r = self.r
        frame: dict[str, Cte] = {}
        r.state.ctes.append(frame)
        for cte in node.children:
            if not (isinstance(cte, Node) and cte.kind == "common_table_expression"):
                continue
            name_tok = cte.children[0]
            assert isinstance(name_tok, Token)
            name = unquote(name_tok.text)
            r.cte_counter += 1
            referent = Referent(
                "cte",
                f"cte:{r.cte_counter}:{normalize(name)}",
                f"{name}\ncommon table expression",
                location_of(name_tok, r.where),
            )
            r.define(name_tok, referent)
            if normalize(name) in frame:
                already_exists.report_duplicate_cte(r, name_tok, name)
                continue
            frame[normalize(name)] = Cte(name, cte, None, referent, scope, len(r.state.ctes))

    def end_with(self) -> None:
        """Pop the innermost WITH frame.  CTEs nobody used are resolved for
        the semantic model (hover, go to definition) but, as in SQLite, their
        errors are not reported."""
        r = self.r
        frame = r.state.ctes[-1]
        pending = [cte for cte in frame.values() if cte.state == "pending"]
        if pending:
            r.muted += 1
            try:
                for cte in pending:
                    self.resolve_cte(cte)
            finally:
                r.muted -= 1
        r.state.ctes.pop()

    def resolve_cte(self, entry: Cte) -> None:
        """Resolve a CTE's body, with SQLite's rules for recursion: a
        compound joined by UNION [ALL] whose last terms name the CTE in their
        FROM is recursive; any other reference to it is an error."""
        state = self.r.state
        entry.state = "busy"
        saved = state.ctes
        state.ctes = saved[: entry.depth]
        node = entry.node
        name_tok = node.children[0]
        assert isinstance(name_tok, Token)
        column_list = node.child_kind("column_list")
        query = next(c for c in node.children if isinstance(c, Node) and c.kind in QUERY_KINDS)
        listed = (
            [unquote(token(c.children[0]).text) for c in column_list.children if isinstance(c, Node)]
            if column_list
            else None
        )  # type: ignore[union-attr]
        try:
            split = self.recursive_split(entry, query)

            def on_split(first: Shape) -> None:
                entry.shape = Shape(column_names_of(listed) if listed is not None else first.names)
                entry.recursing = True

            shape = self.query(query, entry.outer, split=split, on_split=on_split)
            width = shape.width
            if listed is not None:
                if width is not None and width != len(listed):
                    assert column_list is not None
                    cte_column_count.report_cte(self.r, name_tok, column_list, entry.name, width, len(listed))
                entry.shape = Shape(column_names_of(listed))
            else:
                entry.shape = Shape(column_names_of(shape.names) if shape.names is not None else None)
        finally:
            state.ctes = saved
            entry.state = "done"

    def recursive_split(self, entry: Cte, query: Node) -> int | None:
        """The index of the first recursive term of the CTE's body (None:
        not recursive): the trailing terms joined by the last operator, when
        that is UNION or UNION ALL, that name the CTE in their own FROM."""
        if query.kind != "select":
            return None
        parts = query_parts(query)
        ops = [
            c.keyword_text().upper()
            for c in query.children
            if isinstance(c, Node) and c.kind == "compound_operator"
        ]
        if not ops or ops[-1] not in ("UNION", "UNION ALL"):
            return None
        key = normalize(entry.name)
        direct: set[int] = set()
        split = None
        for i in range(len(parts) - 1, 0, -1):
            if ops[i - 1] != ops[-1]:
                break
            refs = [t for t in from_names(parts[i]) if normalize(t.text) == key]
            if not refs:
                break
            if len(refs) > 1:
                circular_cte.report_multiple(self.r, refs[1], entry.name)
            direct.update(t.start for t in refs)
            split = i
        entry.direct = frozenset(direct)
        return split

    # -- queries ----------------------------------------------------------------

    def query(
        self,
        node: Node,
        outer: Scope | None,
        *,
        split: int | None = None,
        on_split: Callable[[Shape], None] | None = None,
    ) -> Shape:
        """Resolve a query (select, select_core or values); its shape.
        ``on_split(shape of the first term)`` is called before term number
        ``split`` (a recursive CTE's first recursive term)."""
        if node.kind == "select_core":
            return self.select_core(node, outer)
        if node.kind == "values":
            return self.values(node, outer)
        pushed = False
        with_clause = node.child_kind("with_clause")
        if with_clause is not None:
            self.with_clause(with_clause, outer)
            pushed = True
        try:
            parts = query_parts(node)
            ops = [c for c in node.children if isinstance(c, Node) and c.kind == "compound_operator"]
            shapes: list[Shape] = []
            for i, part in enumerate(parts):
                if i == split and on_split is not None:
                    on_split(shapes[0])
                last = i == len(parts) - 1 and len(parts) > 1
                if part.kind == "values":
                    shapes.append(self.values(part, outer))
                else:
                    shapes.append(self.select_core(part, outer, compound_last=last))
            first_width = shapes[0].width if shapes else None
            for i in range(1, len(shapes)):
                w = shapes[i].width
                if first_width is not None and w is not None and w != first_width:
                    compound_column_count.report(self.r, ops[i - 1])
            result = shapes[0]
            if len(parts) > 1:
                self.compound_order_by(parts[-1], result)
            return result
        finally:
            if pushed:
                self.end_with()

    def compound_order_by(self, last: Node, shape: Shape) -> None:
        """ORDER BY of a compound: each term must be a result column (by
        number, name, or an identical expression)."""
        order = last.child_kind("order_by_clause")
        if order is None or shape.names is None:
            return
        names = {normalize(n) for n in shape.names}
        for n, term in enumerate(order.children_of_kind("ordering_term"), 1):
            expr = strip_collate(term.children[0])
            if isinstance(expr, Node) and expr.kind == "literal" and expr.children[0].kind == "INTEGER":  # type: ignore[union-attr]
                self.order_number(expr, n, len(shape.names), "ORDER")
                continue
            if (
                isinstance(expr, Node)
                and expr.kind == "column_ref"
                and normalize(token(expr.children[-1]).text) in names
            ):
                continue
            order_by_term.report_no_match(self.r, term, n)

    def order_number(self, literal: Node, n: int, count: int, which: str) -> bool:
        tok = literal.children[0]
        assert isinstance(tok, Token)
        try:
            value = int(tok.text, 0)
        except ValueError:
            return True
        if 1 <= value <= count:
            return True
        order_by_term.report_out_of_range(self.r, literal, n, which, count)
        return False

    def values(self, node: Node, outer: Scope | None) -> Shape:
        rows = node.children_of_kind("value_row")
        width: int | None = None
        expr = self.r.exprs.expr
        for row in rows:
            items = [c for c in row.children if isinstance(c, Node)]
            ctx = Ctx(Scope([], outer), clause="VALUES")
            for item in items:
                expr(item, ctx)
            if width is None:
                width = len(items)
            elif len(items) != width:
                values_row_length.report(self.r, row)
        return Shape([f"column{i + 1}" for i in range(width or 0)])

    def select_core(self, node: Node, outer: Scope | None, *, compound_last: bool = False) -> Shape:
        r = self.r
        from_clause = node.child_kind("from_clause")
        scope = Scope([], outer)
        if from_clause is not None:
            r.from_clause.from_items(from_clause.children[1:], scope, outer)
        for wd in (node.child_kind("window_clause") or EMPTY).children_of_kind("window_definition"):
            name_tok = wd.children[0]
            assert isinstance(name_tok, Token)
            scope.windows[normalize(name_tok.text)] = wd
            r.define(name_tok, r.functions.window_referent(wd))
        # Result columns: aggregates and window functions allowed.
        result_ctx = Ctx(scope, allow_agg=True, allow_win=True, clause="result")
        names: list[str] | None = []
        columns: list[Column] | None = []
        aliases: dict[str, Node] = {}
        for rc in node.children_of_kind("result_column"):
            expr = rc.children[0]
            if isinstance(expr, Token):  # * or t.*
                expanded = self.star(rc, scope)
                if expanded is None or names is None:
                    names = None
                    columns = None
                else:
                    names.extend(c.name for c in expanded)
                    assert columns is not None
                    columns.extend(expanded)
                continue
            r.exprs.expr(expr, result_ctx)
            r.rows.scalar_context(expr, result_ctx)
            alias = result_alias(rc)
            if alias is not None:
                aliases[normalize(alias.text)] = expr
            if alias is not None and r.keep_model:
                r.define(
                    alias,
                    Referent(
                        "alias",
                        f"alias:{id(rc)}",
                        f"{r.source[expr.start : expr.end]} AS {unquote(alias.text)}\nresult column",
                        location_of(alias, r.where),
                    ),
                )
            if names is not None:
                name = unquote(alias.text) if alias is not None else self.result_name(expr)
                names.append(name)
                assert columns is not None
                place = location_of(alias or expr, r.where) if r.keep_model else None
                columns.append(Column(name, location=place))
        aggregate = result_ctx.saw_agg[0] or node.child_kind("group_by_clause") is not None
        scope.aggregate = aggregate
        scope.aliases = aliases
        having = node.child_kind("having_clause")
        if having is not None:
            if not aggregate:
                having_without_group.report(r, having.children[0])
            # In a non-aggregate query the HAVING clause itself is the error:
            # its aggregates are not misused on top of it.
            r.exprs.expr(having.children[1], Ctx(scope, allow_agg=True, clause="HAVING"))  # type: ignore[arg-type]
        where = node.child_kind("where_clause")
        if where is not None:
            wctx = Ctx(scope, clause="WHERE")
            r.exprs.expr(where.children[1], wctx)  # type: ignore[arg-type]
            r.rows.scalar_context(where.children[1], wctx)  # type: ignore[arg-type]
        group = node.child_kind("group_by_clause")
        count = len(names) if names is not None else None
        order = node.child_kind("order_by_clause")
        if order is not None and not compound_last:
            self.order_or_group(order, scope, count, "ORDER", allow_agg=True, allow_win=True)
        if group is not None:
            self.order_or_group(group, scope, count, "GROUP", allow_agg=False, allow_win=False)
        for wd in (node.child_kind("window_clause") or EMPTY).children_of_kind("window_definition"):
            window = wd.child_kind("window")
            if window is not None:
                r.functions.window(window, Ctx(scope, allow_agg=aggregate, clause="WINDOW"), defining=wd)
        limit = node.child_kind("limit_clause")
        if limit is not None:
            for e in limit.nodes():
                r.exprs.expr(e, Ctx(Scope([]), clause="LIMIT"))
        return Shape(column_names_of(names) if names is not None else None, columns)

    def result_name(self, expr: Node) -> str:
        """SQLite's name for an unaliased result column: the column's name
        for a column reference, else the expression's source text."""
        if expr.kind == "column_ref":
            return unquote(token(expr.children[-1]).text)
        return self.r.source[expr.start : expr.end]

    def order_or_group(
        self, node: Node, scope: Scope, count: int | None, which: str, *, allow_agg: bool, allow_win: bool
    ) -> None:
        """ORDER BY / GROUP BY terms: result-column numbers, aliases, or
        expressions resolved in the query's scope (aliases usable)."""
        terms = node.children_of_kind("ordering_term") if which == "ORDER" else node.nodes()
        for n, term in enumerate(terms, 1):
            expr = term.children[0] if term.kind == "ordering_term" else term
            assert isinstance(expr, Node)
            plain = strip_collate(expr)
            if isinstance(plain, Node) and plain.kind == "literal" and plain.children[0].kind == "INTEGER":  # type: ignore[union-attr]
                if count is not None:
                    self.order_number(plain, n, count, which)
                continue
            # An aggregate in GROUP BY gets SQLite's own message (below), not
            # the generic one.
            ctx = Ctx(
                scope,
                allow_agg=which == "GROUP" or (allow_agg and scope.aggregate),
                allow_win=allow_win,
                clause=f"{which} BY",
            )
            self.r.exprs.expr(expr, ctx)
            if which == "GROUP" and ctx.saw_agg[0]:
                misuse_aggregate.report_in_group_by(self.r, expr)

    def star(self, rc: Node, scope: Scope) -> list[Column] | None:
        """The columns ``*`` or ``t.*`` stands for (None: unknown)."""
        if rc.children[0].kind == "STAR":  # type: ignore[union-attr]
            if not scope.sources:
                no_tables.report(self.r, rc)
                return []
            out: list[Column] = []
            seen_using: set[str] = set()
            for src in scope.sources:
                if src.qualifier_only:
                    continue
                if src.columns is None:
                    return None
                for c in src.columns:
                    if c.hidden:
                        continue
                    if c.key in src.using and c.key in seen_using:
                        continue
                    out.append(c)
                seen_using |= {c.key for c in src.columns}
            return out
        qualifier = rc.children[0]
        assert isinstance(qualifier, Token)
        key = normalize(qualifier.text)
        for src in scope.sources:
            if src.name is not None and normalize(src.name) == key and not src.qualifier_only:
                self.r.refer(qualifier, src.referent)
                return None if src.columns is None else [c for c in src.columns if not c.hidden]
        unknown_table.report_qualifier(self.r, qualifier, unquote(qualifier.text))
        return None
