"""Data changes: INSERT (column lists, the number of values, upserts),
UPDATE (SET, UPDATE ... FROM), DELETE, RETURNING, ORDER BY/LIMIT on them,
and changes to views (only through an INSTEAD OF trigger)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...syntax.cst import Node
from ...syntax.names import normalize, unquote
from ...syntax.tokens import Token
from ..catalog import Table, is_schema_table
from ..rules import builtin_table, insert_column_count, modify_view, row_value_size, unknown_column
from ..suggest import closest
from .from_clause import table_alias
from .scope import ROWID_NAMES, Ctx, Scope, Source
from .tree import QUERY_KINDS, set_columns, target_names, values_rows

if TYPE_CHECKING:
    from .resolver import Resolver


class DmlResolver:
    def __init__(self, r: Resolver) -> None:
        self.r = r

    def target_table(self, node: Node) -> tuple[Table | None, Source]:
        """The table an INSERT, UPDATE or DELETE changes, as a source."""
        r = self.r
        schema_tok, name_tok, alias_tok = target_names(node)
        alias = unquote(alias_tok.text) if alias_tok is not None else None
        name = unquote(name_tok.text)
        table = None
        if schema_tok is None or r.check_schema(schema_tok, lookup=("table", name_tok)):
            schema = unquote(schema_tok.text) if schema_tok is not None else None
            table = r.catalog.find_table(name, schema)
            if table is None:
                r.unknown_table(name_tok, name, schema)
        referent = r.table_referent(table) if table is not None else None
        alias_referent = None
        if alias_tok is not None:
            alias_referent = table_alias(f"target-alias:{id(node)}", alias_tok, referent, r.where)
            r.define(alias_tok, alias_referent)
        if table is None or referent is None:
            return None, Source(alias or name, None)
        r.refer(name_tok, referent)
        if is_schema_table(table):
            builtin_table.report_schema_table(r, name_tok, table.name, "modified")
        return table, Source.of_table(table, referent, alias, alias_referent=alias_referent)

    def dml(self, node: Node, kind: str) -> None:
        """An INSERT, UPDATE or DELETE (``kind``)."""
        r = self.r
        pushed = False
        with_clause = node.child_kind("with_clause")
        if with_clause is not None:
            r.queries.with_clause(with_clause, None)
            pushed = True
        try:
            target_node = node.child_kind("target_table")
            assert target_node is not None
            table, src = self.target_table(target_node)
            if table is not None and table.kind == "view":
                self.view_change(node, table, kind, target_node)
            if kind == "insert":
                self.insert(node, table, src)
            elif kind == "update":
                self.update(node, table, src)
            else:
                scope = Scope([src])
                where = node.child_kind("where_clause")
                if where is not None:
                    r.exprs.expr(where.children[1], Ctx(scope, clause="WHERE"))  # type: ignore[arg-type]
                self.returning(node, src)
                self.dml_order_limit(node, scope)
        finally:
            if pushed:
                r.queries.end_with()

    def view_change(self, node: Node, view: Table, kind: str, target: Node) -> None:
        """A view changes only through an INSTEAD OF trigger for the change."""
        changed: list[str] = []
        if kind == "update":
            for item in node.children_of_kind("set_item"):
                changed += [unquote(t.text) for t in set_columns(item)]
        event = kind.upper()
        if any(tr.fires_for(event, changed) for tr in self.r.catalog.triggers_on(view)):
            return
        _schema_tok, name_tok, _alias_tok = target_names(target)
        modify_view.report(self.r, name_tok, view.name)

    def dml_order_limit(self, node: Node, scope: Scope) -> None:
        expr = self.r.exprs.expr
        order = node.child_kind("order_by_clause")
        if order is not None:
            for term in order.children_of_kind("ordering_term"):
                expr(term.children[0], Ctx(scope, clause="ORDER BY"))
        limit = node.child_kind("limit_clause")
        if limit is not None:
            for e in limit.nodes():
                expr(e, Ctx(Scope([]), clause="LIMIT"))

    def returning(self, node: Node, src: Source) -> None:
        ret = node.child_kind("returning_clause")
        if ret is None:
            return
        scope = Scope([src])
        for rc in ret.children_of_kind("result_column"):
            if isinstance(rc.children[0], Token):
                self.r.queries.star(rc, scope)
                continue
            self.r.exprs.expr(rc.children[0], Ctx(scope, clause="RETURNING"))

    def insert(self, node: Node, table: Table | None, src: Source) -> None:
        columns: list[Token] = []
        has_list = False
        after_target = False
        for c in node.children:
            if isinstance(c, Node) and c.kind == "target_table":
                after_target = True
                continue
            if not after_target:
                continue
            if isinstance(c, Token) and c.kind == "LP":
                has_list = True
                continue
            if isinstance(c, Token) and c.kind == "RP":
                break
            if isinstance(c, Node):
                break
            if has_list and isinstance(c, Token) and c.kind != "COMMA":
                columns.append(c)
        for col_tok in columns:
            self.target_column(src, col_tok, in_insert=True)
        expected: int | None = len(columns) if has_list else None
        if expected is None and table is not None and table.columns_known:
            expected = len([c for c in table.columns if not c.hidden and not c.generated])
        source = next((c for c in node.children if isinstance(c, Node) and c.kind in QUERY_KINDS), None)
        if source is not None:
            shape = self.r.queries.query(source, None)
            width = shape.width
            rows = values_rows(source)
            if rows is not None:
                widths = [len(row.nodes()) for row in rows]
                width = widths[0] if widths else None
            if (
                expected is not None
                and width is not None
                and width != expected
                and not (rows is not None and len(set(widths)) > 1)
            ):
                insert_column_count.report(self.r, source, width, expected, listed=has_list, table=src.name)
        for upsert in node.children_of_kind("upsert_clause"):
            self.upsert(upsert, table, src)
        self.returning(node, src)

    def upsert(self, node: Node, table: Table | None, src: Source) -> None:
        r = self.r
        state = r.state
        scope = Scope([src])
        saved = state.upsert_target, state.in_upsert
        state.upsert_target, state.in_upsert = table, True
        try:
            for child in node.children:
                if isinstance(child, Node):
                    if child.kind == "ordering_term":
                        r.exprs.expr(child.children[0], Ctx(Scope([src]), clause="ON CONFLICT"))
                    elif child.kind == "set_item":
                        self.set_item(child, src, scope)
                    elif child.kind == "where_clause":
                        r.exprs.expr(child.children[1], Ctx(scope, clause="WHERE"))  # type: ignore[arg-type]
        finally:
            state.upsert_target, state.in_upsert = saved

    def target_column(self, src: Source, tok: Token, *, in_insert: bool) -> None:
        """A column of the changed table named by an INSERT's column list or
        an UPDATE's SET."""
        name = unquote(tok.text)
        if src.columns is None:
            return
        column = src.column(name)
        if column is not None:
            self.r.refer(tok, src.column_referent(column))
        elif not (normalize(name) in ROWID_NAMES and src.rowid):
            suggestion = closest(name, [c.name for c in src.columns])
            if in_insert:
                unknown_column.report_not_in_table(self.r, tok, src.name, name, suggestion)
            else:
                unknown_column.report(self.r, tok, name, suggestion)

    def set_item(self, item: Node, src: Source, scope: Scope) -> None:
        r = self.r
        names = set_columns(item)
        for tok in names:
            self.target_column(src, tok, in_insert=False)
        value = item.children[-1]
        assert isinstance(value, Node)
        ctx = Ctx(scope, clause="SET")
        r.exprs.expr(value, ctx)
        if len(names) > 1:
            w = r.rows.width(value, scope)
            if w != len(names):
                row_value_size.report_assignment(r, item, len(names), w)
        else:
            r.rows.scalar_context(value, ctx)

    def update(self, node: Node, table: Table | None, src: Source) -> None:
        r = self.r
        scope = Scope([src])
        from_clause = node.child_kind("from_clause")
        if from_clause is not None:
            r.from_clause.from_items(from_clause.children[1:], scope, None)
        for item in node.children_of_kind("set_item"):
            self.set_item(item, src, scope)
        where = node.child_kind("where_clause")
        if where is not None:
            r.exprs.expr(where.children[1], Ctx(scope, clause="WHERE"))  # type: ignore[arg-type]
        self.returning(node, src)
        self.dml_order_limit(node, scope)
