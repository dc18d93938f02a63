"""Data changes: INSERT (column lists, the number of values, upserts),
UPDATE (SET, UPDATE ... FROM), DELETE, RETURNING, ORDER BY/LIMIT on them,
and changes to views (only through an INSTEAD OF trigger)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from ...syntax.names import normalize, unquote
from ...syntax.nodes import (
    CollateExpr,
    ColumnRef,
    DeleteStmt,
    IndexedBy,
    InsertStmt,
    ParenExpr,
    Query,
    Select,
    SelectCore,
    SetItem,
    TableRef,
    TargetTable,
    UpdateStmt,
    UpsertClause,
    ValueRow,
    Values,
)
from ...syntax.tokens import Token
from .. import rules
from ..catalog import Table, expression_key, is_schema_table
from ..suggest import closest
from .from_clause import table_alias
from .scope import ROWID_NAMES, Ctx, Scope, Source

if TYPE_CHECKING:
    from .resolver import Resolver

Change = TypeVar("Change", InsertStmt, UpdateStmt, DeleteStmt)


def _indexed_by(node: InsertStmt | UpdateStmt | DeleteStmt) -> IndexedBy | None:
    """The INDEXED BY clause of an UPDATE or DELETE (an INSERT has none).
    (A function of its own: mypyc's type check does not narrow a value of
    the ``Change`` type variable by ``isinstance``.)"""
    return None if isinstance(node, InsertStmt) else node.indexed_by


class DmlResolver:
    def __init__(self, r: Resolver) -> None:
        self.r = r

    def target_table(self, node: TargetTable) -> tuple[Table | None, Source]:
        """The table an INSERT, UPDATE or DELETE changes, as a source."""
        r = self.r
        schema_tok, name_tok, alias_tok = node.schema, node.name, node.alias
        alias = unquote(alias_tok.text) if alias_tok is not None else None
        name = unquote(name_tok.text)
        table = None
        # A qualified name is refused in a trigger's body when it is not
        # TEMP (while parsing); an unqualified one is of the trigger's database.
        schema = r.state.fixed_db if schema_tok is None else None
        if schema_tok is None or r.check_schema(schema_tok, lookup=("table", name_tok)):
            if schema_tok is not None:
                schema = unquote(schema_tok.text)
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
        if is_schema_table(table) and not r.catalog.writable_schema:
            rules.builtin_table.report_schema_table(r, name_tok, table.name, "modified")
        return table, Source.of_table(table, referent, alias, alias_referent=alias_referent)

    # -- statements -------------------------------------------------------------

    def insert_stmt(self, node: InsertStmt) -> None:
        self.change(node, "INSERT", self.insert)

    def update_stmt(self, node: UpdateStmt) -> None:
        self.change(node, "UPDATE", self.update)

    def delete_stmt(self, node: DeleteStmt) -> None:
        self.change(node, "DELETE", self.delete)

    def change(
        self, node: Change, event: str, resolve: Callable[[Change, Table | None, Source], None]
    ) -> None:
        """An INSERT, UPDATE or DELETE (``event``): its WITH clause and the
        table it changes, then the rest (``resolve``)."""
        r = self.r
        pushed = False
        with_clause = node.with_clause
        if with_clause is not None:
            r.queries.with_clause(with_clause, None)
            pushed = True
        try:
            table, src = self.target_table(node.table)
            indexed = _indexed_by(node)
            if indexed is not None and indexed.index is not None and table is not None:
                r.indexed_by(indexed.index, table)
            if table is not None and table.kind == "view" and not r.view_used(table, node.table.name):
                self.view_change(node, table, event)
            resolve(node, table, src)
        finally:
            if pushed:
                r.queries.end_with()

    def view_change(self, node: InsertStmt | UpdateStmt | DeleteStmt, view: Table, event: str) -> None:
        """A view changes only through an INSTEAD OF trigger for the change."""
        changed: list[str] = []
        if isinstance(node, UpdateStmt):
            changed = [unquote(t.text) for item in node.assignments for t in item.columns]
        if any(tr.fires_for(event, changed) for tr in self.r.catalog.triggers_on(view)):
            return
        rules.modify_view.report(self.r, node.table.name, view.name)

    def dml_order_limit(self, node: UpdateStmt | DeleteStmt, scope: Scope) -> None:
        expr = self.r.exprs.expr
        order = node.order_by
        if order is not None:
            for term in order.terms:
                ctx = Ctx(scope, clause="ORDER BY")
                expr(term.expr, ctx)
                self.r.rows.scalar_context(term.expr, ctx)
        limit = node.limit
        if limit is not None:
            for e in limit.exprs:
                limit_ctx = Ctx(Scope([]), clause="LIMIT")
                expr(e, limit_ctx)
                self.r.rows.scalar_context(e, limit_ctx)

    def returning(self, node: InsertStmt | UpdateStmt | DeleteStmt, src: Source) -> None:
        ret = node.returning
        if ret is None:
            return
        if self.r.state.definition is not None:  # a statement of a trigger's body
            rules.schema_definition.report_returning(self.r, ret)
        if src.table is not None and src.referent is not None:
            # RETURNING sees the changed table by its own name, never its
            # alias, and nothing of an UPDATE's FROM (lookupName, bReturning).
            src = Source.of_table(src.table, src.referent, None)
        # SQLite runs RETURNING from a trigger of its own: an aggregate of a
        # subquery naming only the changed table is not judged here.
        scope = Scope([src], unsure=True)
        for rc in ret.columns:
            if rc.expr is None:
                self.r.queries.star(rc, scope)
                continue
            ctx = Ctx(scope, clause="RETURNING")
            self.r.exprs.expr(rc.expr, ctx)
            self.r.rows.scalar_context(rc.expr, ctx)

    def insert(self, node: InsertStmt, table: Table | None, src: Source) -> None:
        columns = node.columns
        has_list = node.has_column_list
        if table is not None and (has_list or node.source is None):
            self.defaults(node, table, {normalize(t.text) for t in columns})
        for col_tok in columns:
            self.target_column(src, col_tok, in_insert=True)
        expected: int | None = len(columns) if has_list else None
        if expected is None and table is not None and table.columns_known:
            expected = len([c for c in table.columns if not c.hidden and not c.generated])
        source = node.source
        if source is not None:
            # One row of VALUES is a list of values, not a SELECT (insert.c).
            core = source.cores[0] if isinstance(source, Select) and len(source.cores) == 1 else source
            self.r.state.insert_values = core if isinstance(core, Values) else None
            shape = self.r.queries.query(source, None)
            self.r.state.insert_values = None
            width = shape.width
            rows = values_rows(source)
            if rows is not None:
                widths = [len(row.values) for row in rows]
                width = widths[0] if widths else None
            if (
                expected is not None
                and width is not None
                and width != expected
                and not (rows is not None and len(set(widths)) > 1)
                and not (table is not None and not has_list and self.may_transfer(table, source))
            ):
                rules.insert_column_count.report(
                    self.r, source, width, expected, listed=has_list, table=src.name
                )
        upserts = node.upserts
        for n, upsert in enumerate(upserts, 1):
            self.upsert(upsert, table, src)
            if table is not None and upsert.target and self.conflict_target_matches(upsert, table) is False:
                rules.upsert_target.report(
                    self.r, upsert.target[0], upsert.target[-1], n if len(upserts) > 1 else None
                )
        self.returning(node, src)

    def defaults(self, node: InsertStmt, table: Table, listed: set[str]) -> None:
        """The DEFAULTs an INSERT uses (of the columns it does not list):
        SQLite codes them then, and a function one calls must be a scalar
        function taking that many arguments ("unknown function: max()" for
        an aggregate, a window function, a wrong count or an unknown name)."""
        for column in table.columns:
            if not column.default_calls or column.key in listed or column.generated:
                continue
            if column.primary_key and (column.type or "").upper() == "INTEGER" and table.has_rowid:
                continue  # the rowid, not its default
            for name, nargs in column.default_calls:
                if self.r.functions.choices(unquote(name), nargs)[4] is None:
                    rules.unknown_function.report_in_default(self.r, node.table.name, name, column.name)
                    return  # SQLite stops at the first

    def may_transfer(self, table: Table, source: Query) -> bool:
        """``INSERT INTO t SELECT * FROM u`` with tables of as many columns,
        generated in the same places, may be done by SQLite's transfer
        optimization (insert.c xferOptimization), which copies rows without
        counting values: then the generated columns do not make a mismatch."""
        if not isinstance(source, SelectCore) or table.kind != "table" or not table.columns_known:
            return False
        if self.r.catalog.triggers_on(table):
            return False
        if (
            source.distinct is not None
            or source.where is not None
            or source.group_by is not None
            or source.having is not None
            or source.order_by is not None
            or source.limit is not None
        ):
            return False
        columns = source.columns
        from_clause = source.from_clause
        if len(columns) != 1 or columns[0].expr is not None or columns[0].table is not None:
            return False
        if from_clause is None or from_clause.joins or len(from_clause.terms) != 1:
            return False
        term = from_clause.terms[0]
        if not isinstance(term, TableRef):
            return False
        qn = term.name
        other = self.r.catalog.find_table(
            unquote(qn.name.text), unquote(qn.schema.text) if qn.schema else None
        )
        if other is None or other is table or other.kind != "table" or not other.columns_known:
            return False
        if len(other.columns) != len(table.columns):
            return False
        return all(a.generated == b.generated for a, b in zip(table.columns, other.columns, strict=True))

    def upsert(self, node: UpsertClause, table: Table | None, src: Source) -> None:
        r = self.r
        state = r.state
        scope = Scope([src])
        saved = state.upsert_target, state.in_upsert
        state.upsert_target, state.in_upsert = table, True
        try:
            for term in node.target:
                r.exprs.expr(term.expr, Ctx(Scope([src]), clause="ON CONFLICT"))
            if node.target_where is not None:
                r.exprs.expr(node.target_where.expr, Ctx(scope, clause="WHERE"))
            for item in node.assignments:
                self.set_item(item, src, scope)
            if node.where is not None:
                r.exprs.expr(node.where.expr, Ctx(scope, clause="WHERE"))
        finally:
            state.upsert_target, state.in_upsert = saved

    def conflict_target_matches(self, node: UpsertClause, table: Table) -> bool | None:
        """Whether an upsert's conflict target matches the rowid, the PRIMARY
        KEY, a UNIQUE constraint or a UNIQUE index of ``table``, as SQLite's
        sqlite3UpsertAnalyzeTarget: the same columns in any order, each
        without COLLATE or with the collation the constraint compares by; a
        partial index only for a target with a WHERE clause.  None: cannot
        be told (a name that is no column, an expression, a partial index)."""
        if table.kind != "table" or not table.uniques_known or not table.columns_known:
            return None
        terms: list[tuple[str | None, str | None]] = []  # (column key, COLLATE); None: an expression
        for term in node.target:
            expr = term.expr
            collation: str | None = None
            while isinstance(expr, (ParenExpr, CollateExpr)):
                if isinstance(expr, CollateExpr):
                    if collation is not None:
                        return None
                    collation = normalize(expr.collation.text)
                expr = expr.expr
            if not isinstance(expr, ColumnRef):
                terms.append((None, collation))
                continue
            column = table.column(expr.name.text)
            if column is not None:
                terms.append((column.key, collation))
            elif normalize(expr.name.text) in ROWID_NAMES and table.has_rowid:
                terms.append(("", collation))  # the rowid
            else:
                return None  # reported as no such column
        if len(terms) == 1 and terms[0][1] is None and terms[0][0] is not None:
            key = terms[0][0]
            pk = [c for c in table.columns if c.primary_key]
            if key == "" or (
                table.has_rowid
                and len(pk) == 1
                and pk[0].key == key
                and (pk[0].type or "").upper() == "INTEGER"
            ):
                return True  # the rowid
        has_expr = any(key is None for key, _ in terms)
        for unique in table.uniques:
            if unique.terms is None:
                # An index on expressions matches only a target with one.
                if has_expr:
                    return None
                continue
            if len(unique.terms) != len(terms):
                continue
            if unique.partial:
                target_where = node.target_where
                if target_where is None:
                    continue
                if unique.where is None:
                    return None
                if expression_key(target_where.expr) != unique.where:
                    continue  # sqlite3ExprCompare: another WHERE
            if self.same_columns(unique.terms, terms):
                return True
        return False

    @staticmethod
    def same_columns(unique: list[tuple[str, str]], target: list[tuple[str | None, str | None]]) -> bool:
        """Every column of the constraint is a term of the conflict target,
        without COLLATE or with the collation the constraint uses."""
        return all(any(k == key and c in (None, coll) for k, c in target) for key, coll in unique)

    def target_column(self, src: Source, tok: Token, *, in_insert: bool, update: bool = False) -> None:
        """A column of the changed table named by an INSERT's column list or
        a SET (``update``: of an UPDATE, not an upsert's DO UPDATE)."""
        name = unquote(tok.text)
        if src.columns is None:
            return
        column = src.column(name)
        if column is not None:
            self.r.refer(tok, src.column_referent(column))
            if column.generated and (in_insert or update):
                rules.generated_column.report(
                    self.r, tok, "INSERT into" if in_insert else "UPDATE", column.name
                )
        elif not (normalize(name) in ROWID_NAMES and src.rowid):
            suggestion = closest(name, [c.name for c in src.columns])
            if in_insert:
                rules.unknown_column.report_not_in_table(self.r, tok, src.name, name, suggestion)
            else:
                rules.unknown_column.report(self.r, tok, name, suggestion)

    def set_item(
        self, item: SetItem, src: Source, scope: Scope, *, select: bool = False, update: bool = False
    ) -> None:
        r = self.r
        names = item.columns
        for tok in names:
            self.target_column(src, tok, in_insert=False, update=update)
        value = item.value
        ctx = Ctx(scope, allow_agg=select, allow_win=select, clause="SET")
        r.exprs.expr(value, ctx)
        if len(names) > 1:
            w = r.rows.width(value, scope)
            if w is not None and w != len(names):
                rules.row_value_size.report_assignment(r, item, len(names), w)
        else:
            r.rows.scalar_context(value, ctx)

    def update(self, node: UpdateStmt, table: Table | None, src: Source) -> None:
        r = self.r
        scope = Scope([src])
        from_clause = node.from_clause
        if from_clause is not None:
            r.from_clause.from_items(from_clause.terms, from_clause.joins, scope, None)
            if table is not None:
                self.target_in_from(node, table, scope.sources[1:])
            # With FROM, SQLite runs a SELECT of the new values (update.c,
            # updateFromSelect): they may be aggregates or window functions.
            scope.phase = "result"
        for item in node.assignments:
            self.set_item(item, src, scope, select=from_clause is not None, update=True)
        aggregate = bool(scope.owned)
        if from_clause is not None and node.where is not None:
            scope.phase = "WHERE"
        self.change_where(node, scope, allow_agg=aggregate)
        if from_clause is not None:
            r.functions.report_unanalyzed(scope, aggregate)
            scope.phase = ""
        self.returning(node, src)
        self.dml_order_limit(node, scope)

    def change_where(self, node: UpdateStmt | DeleteStmt, scope: Scope, *, allow_agg: bool = False) -> None:
        where = node.where
        if where is None:
            return
        state = self.r.state
        state.change_where = True
        try:
            self.r.exprs.expr(where.expr, Ctx(scope, allow_agg=allow_agg, clause="WHERE"))
        finally:
            state.change_where = False

    def target_in_from(self, node: UpdateStmt, table: Table, sources: list[Source]) -> None:
        """UPDATE ... FROM may not name the target table again under the
        same alias (or both without one): select.c sameSrcAlias."""
        alias_tok = node.table.alias
        alias = normalize(alias_tok.text) if alias_tok is not None else None
        for s in sources:
            if s.table is not table:
                continue
            other = normalize(s.name) if s.alias_referent is not None and s.name is not None else None
            if other == alias:
                shown = unquote(alias_tok.text) if alias_tok is not None else table.name
                rules.update_from_target.report(self.r, node.table, shown)
                return

    def delete(self, node: DeleteStmt, table: Table | None, src: Source) -> None:
        scope = Scope([src])
        self.change_where(node, scope)
        self.returning(node, src)
        self.dml_order_limit(node, scope)


def values_rows(query: Query) -> list[ValueRow] | None:
    """The rows of a query that is one VALUES (None: it is not)."""
    if isinstance(query, Select):
        cores = query.cores
        if len(cores) != 1:
            return None
        core = cores[0]
    else:
        core = query
    return core.rows if isinstance(core, Values) else None
