"""Schema statements: their checks (a name already taken, a duplicate
column, DROP of the wrong kind, SQLite's own tables ...), then their effect
on the catalog, so that later statements are checked against it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..syntax.cst import Node
from ..syntax.names import normalize, unquote
from ..syntax.nodes import (
    AlterTableStmt,
    AnalyzeStmt,
    AttachStmt,
    CheckConstraint,
    ColumnRef,
    CreateIndexStmt,
    CreateTableStmt,
    CreateTriggerStmt,
    CreateViewStmt,
    CreateVirtualTableStmt,
    DetachStmt,
    DropIndexStmt,
    DropTableStmt,
    DropTriggerStmt,
    DropViewStmt,
    GeneratedConstraint,
    Literal,
    PragmaStmt,
    PrimaryKeyConstraint,
    QualifiedName,
    ReindexStmt,
    TriggerHeader,
    UniqueConstraint,
    VacuumStmt,
)
from ..syntax.tokens import Token
from .catalog import (
    Column,
    Index,
    Table,
    Trigger,
    UniqueKey,
    column_from_def,
    expression_key,
    is_builtin_name,
    is_schema_table,
    location_of,
    table_from_create,
    table_from_virtual,
    unique_terms,
)
from .model import Referent
from .resolve import Ctx, Resolver, Scope, Shape, Source
from .rules import (
    already_exists,
    builtin_table,
    conflict_clause,
    cte_column_count,
    drop_wrong_kind,
    duplicate_column,
    index_on_view,
    trigger_target,
    unknown_column,
    unknown_database,
)


class DdlChecker:
    """Checks each schema statement (CREATE, DROP, ALTER, ATTACH, DETACH,
    and the schema names of PRAGMA, REINDEX, VACUUM, ANALYZE) and applies
    its effect to the resolver's catalog."""

    def __init__(self, resolver: Resolver) -> None:
        self.r = resolver
        self.catalog = resolver.catalog

    # -- helpers -------------------------------------------------------------

    def schema_of(self, name: QualifiedName, temp: bool) -> str | None:
        """The database a CREATE puts its object in (None: an unknown one,
        reported)."""
        if name.schema is not None:
            if not self.r.check_schema(name.schema):
                return None
            db = self.catalog.database(unquote(name.schema.text))
            assert db is not None  # check_schema found it
            return db.name
        return "temp" if temp else "main"

    def reserved(self, name_tok: Token) -> bool:
        if normalize(name_tok.text).startswith("sqlite_"):
            builtin_table.report_reserved(self.r, name_tok, unquote(name_tok.text))
            return True
        return False

    def taken(self, name_tok: Token, schema: str, kind: str, if_not_exists: bool) -> bool:
        """Report a CREATE of a name already in use; True if it is."""
        name = unquote(name_tok.text)
        existing = self.catalog.find_table(name, schema)
        index = self.catalog.find_index(name, schema)
        trigger = self.catalog.find_trigger(name, schema) if kind == "trigger" else None
        clash = already_exists.clash(kind, name, existing, index, trigger)
        if clash is None:
            return False
        if not if_not_exists:
            first = existing if kind in ("table", "view") or index is None else index
            loc = first.location if first is not None else None
            already_exists.report(self.r, name_tok, clash, loc, self.r.where)
        return True

    def own_columns_scope(self, table: Table) -> Scope:
        return Scope(
            [
                Source(
                    table.name,
                    table.columns,
                    table,
                    table.schema,
                    rowid=table.has_rowid,
                    referent=self.r.table_referent(table),
                )
            ]
        )

    # -- statements ----------------------------------------------------------------

    def apply(self, body: Node) -> None:
        """Check a schema statement and apply it to the catalog (any other
        statement: nothing to do)."""
        handler = HANDLERS.get(type(body))
        if handler is not None:
            handler(self, body)
            self.r.schema_changed()

    def on_create_table_stmt(self, stmt: CreateTableStmt) -> None:
        name_tok = stmt.name.name
        schema = self.schema_of(stmt.name, stmt.temp)
        if schema is None:
            return
        reserved = self.reserved(name_tok)
        exists = self.taken(name_tok, schema, "table", stmt.if_not_exists)
        if stmt.as_select is not None:
            shape: Shape = self.r.queries.query(stmt.as_select, None)
            table = Table(
                unquote(name_tok.text), schema, "table", location=location_of(name_tok, self.r.where)
            )
            if shape.names is None:
                table.columns_known = False
            else:
                table.columns = [Column(n) for n in shape.names]
        else:
            table = table_from_create(stmt, self.r.source, self.r.where, schema)
            seen: dict[str, Token] = {}
            for col in stmt.columns:
                key = normalize(col.name.text)
                if key in seen:
                    duplicate_column.report(self.r, col.name, unquote(col.name.text))
                seen[key] = col.name
                self.r.define(col.name, self.column_referent(table, col.name))
            scope = self.own_columns_scope(table)
            for col in stmt.columns:
                for cc in col.constraints:
                    if isinstance(cc, (CheckConstraint, GeneratedConstraint)):
                        self.r.exprs.expr(cc.expr, Ctx(scope, clause="CHECK", ignore_schema=True))
            for tc in stmt.constraints:
                if isinstance(tc, CheckConstraint):
                    self.r.exprs.expr(tc.expr, Ctx(scope, clause="CHECK", ignore_schema=True))
                elif isinstance(tc, (PrimaryKeyConstraint, UniqueConstraint)):
                    for term in tc.columns:
                        self.r.exprs.expr(term.expr, Ctx(scope, clause="constraint"))
            self.conflict_clauses(stmt, table)
        self.r.define(name_tok, self.r.table_referent(table))
        if not exists and not reserved:  # SQLite refuses a reserved name
            self.catalog.add_table(table)

    def conflict_clauses(self, stmt: CreateTableStmt, table: Table) -> None:
        """Two PRIMARY KEY or UNIQUE constraints that make the same automatic
        index (the same columns in the same order, the same collations) may
        not both name an ON CONFLICT resolution, different ones (build.c
        sqlite3CreateIndex).  An INTEGER PRIMARY KEY makes no index (in a
        WITHOUT ROWID table, it makes one last)."""
        made: list[tuple[list[tuple[str, str]], str | None]] = []
        pending: list[tuple[Node, list[tuple[str, str]] | None, str | None]] = []
        late: list[tuple[Node, list[tuple[str, str]] | None, str | None]] = []
        for col in stmt.columns:
            c = table.column(col.name.text)
            for cons in col.constraints:
                if not isinstance(cons, (PrimaryKeyConstraint, UniqueConstraint)) or c is None:
                    continue
                entry: tuple[Node, list[tuple[str, str]] | None, str | None] = (
                    cons,
                    [(c.key, c.collation or "binary")],
                    resolution(cons.conflict),
                )
                if isinstance(cons, PrimaryKeyConstraint) and cons.direction is None and is_integer(c):
                    late.append(entry)  # the rowid
                    continue
                pending.append(entry)
        for tc in stmt.constraints:
            if isinstance(tc, (PrimaryKeyConstraint, UniqueConstraint)):
                terms = unique_terms([t.expr for t in tc.columns], table)
                entry = (tc, terms, resolution(tc.conflict))
                if isinstance(tc, PrimaryKeyConstraint) and terms is not None and len(terms) == 1:
                    c = table.column(terms[0][0])
                    if c is not None and is_integer(c):
                        late.append(entry)  # the rowid
                        continue
                pending.append(entry)
        if table.without_rowid:
            pending += late
        for node, terms, on_error in pending:
            if terms is None:
                continue
            for i, (other, other_error) in enumerate(made):
                if other != terms:
                    continue
                if on_error is not None and other_error is not None and on_error != other_error:
                    conflict_clause.report(self.r, node)
                    return
                if other_error is None:
                    made[i] = (other, on_error)
                break
            else:
                made.append((terms, on_error))

    def column_referent(self, table: Table, tok: Token) -> Referent:
        src = Source(table.name, table.columns, table, table.schema, referent=self.r.table_referent(table))
        col = table.column(unquote(tok.text)) or Column(unquote(tok.text))
        return src.column_referent(col)

    def on_create_view_stmt(self, stmt: CreateViewStmt) -> None:
        name_tok = stmt.name.name
        schema = self.schema_of(stmt.name, stmt.temp)
        if schema is None:
            return
        self.reserved(name_tok)
        exists = self.taken(name_tok, schema, "view", stmt.if_not_exists)
        shape = self.r.queries.query(stmt.query, None)
        view = Table(
            unquote(name_tok.text),
            schema,
            "view",
            location=location_of(name_tok, self.r.where),
            sql=stmt.text(self.r.source),
        )
        listed = stmt.columns
        if listed is not None:
            names = [unquote(c.first_token.text) for c in listed.names]
            if shape.width is not None and shape.width != len(names):
                cte_column_count.report_view(
                    self.r, name_tok, listed, unquote(name_tok.text), len(names), shape.width
                )
            view.columns = [Column(n) for n in names]
        elif shape.names is None:
            view.columns_known = False
        else:
            view.columns = [
                Column(n, location=c.location)
                for n, c in zip(shape.names, shape.columns or [Column(n) for n in shape.names])
            ]
        self.r.define(name_tok, self.r.table_referent(view))
        if not exists:
            self.catalog.add_table(view)

    def on_create_virtual_table_stmt(self, stmt: CreateVirtualTableStmt) -> None:
        name_tok = stmt.name.name
        schema = self.schema_of(stmt.name, False)
        if schema is None:
            return
        self.reserved(name_tok)
        exists = self.taken(name_tok, schema, "table", stmt.if_not_exists)
        table = table_from_virtual(stmt, self.r.source, self.r.where, schema)
        self.r.define(name_tok, self.r.table_referent(table))
        if not exists:
            self.catalog.add_table(table)

    def on_create_index_stmt(self, stmt: CreateIndexStmt) -> None:
        name_tok = stmt.name.name
        schema = self.schema_of(stmt.name, False)
        if schema is None:
            return
        self.reserved(name_tok)
        table_tok = stmt.table
        table = self.catalog.find_table(unquote(table_tok.text), schema)
        exists = self.taken(name_tok, schema, "index", stmt.if_not_exists)
        if table is None:
            self.r.unknown_table(
                table_tok, unquote(table_tok.text), schema if stmt.name.schema is not None else None
            )
        else:
            self.r.refer(table_tok, self.r.table_referent(table))
            if table.kind == "view":
                index_on_view.report(self.r, table_tok)
            elif is_schema_table(table):
                builtin_table.report_schema_table(self.r, table_tok, table.name, "indexed")
            else:
                scope = self.own_columns_scope(table)
                for term in stmt.columns:
                    self.r.exprs.expr(term.expr, Ctx(scope, clause="index"))
                where = stmt.where
                if where is not None:
                    self.r.exprs.expr(where.expr, Ctx(scope, clause="WHERE", ignore_schema=True))
        if not exists:
            if stmt.unique and table is not None and table.uniques_known:
                terms = unique_terms([term.expr for term in stmt.columns], table)
                where = stmt.where
                table.uniques.append(
                    UniqueKey(
                        terms,
                        where is not None,
                        normalize(name_tok.text),
                        expression_key(where.expr) if where is not None else None,
                    )
                )
            db = self.catalog.database(schema)
            assert db is not None
            db.indexes[normalize(name_tok.text)] = Index(
                unquote(name_tok.text), schema, unquote(table_tok.text), location_of(name_tok, self.r.where)
            )

    def on_create_trigger_stmt(self, stmt: CreateTriggerStmt) -> None:
        header = stmt.header
        name_tok = header.name.name
        temp = header.temp
        schema = self.schema_of(header.name, temp)
        table_schema_tok = header.table.schema
        table_name = unquote(header.table.name.text)
        # A trigger lives in its table's database (a TEMP one may watch any).
        table_db = (
            self.catalog.database(unquote(table_schema_tok.text)) if table_schema_tok is not None else None
        )
        if table_schema_tok is not None and (
            table_db is None or (not temp and schema is not None and table_db.name != schema)
        ):
            unknown_database.report_trigger_database(
                self.r,
                table_schema_tok,
                unquote(name_tok.text),
                unquote(table_schema_tok.text),
                exists=table_db is not None,
            )
            table = None
            schema = None  # refused: the trigger never exists
        else:
            table = self.catalog.find_table(
                table_name, unquote(table_schema_tok.text) if table_schema_tok else None
            )
            if table is None:
                self.r.unknown_table(
                    header.table.name,
                    table_name,
                    unquote(table_schema_tok.text) if table_schema_tok else None,
                )
            else:
                self.r.refer(header.table.name, self.r.table_referent(table))
        timing = header.timing or "BEFORE"
        if schema is not None:
            self.reserved(name_tok)
            exists = self.taken(name_tok, schema, "trigger", header.if_not_exists)
        else:
            exists = True
        if table is not None and not exists and not self.fits(header, table, timing):
            table = None  # SQLite refuses the trigger: it never exists
            exists = True
        event = header.event
        with self.r.trigger_body(table, event):
            when = header.when
            if when is not None:
                self.r.exprs.expr(when, Ctx(Scope([]), clause="WHEN"))
            for body_stmt in stmt.body:
                self.r.statement(body_stmt)
        if schema is not None and not exists:
            db = self.catalog.database(schema)
            assert db is not None
            db.known = True
            db.triggers[normalize(name_tok.text)] = Trigger(
                unquote(name_tok.text),
                schema,
                table_name,
                location_of(name_tok, self.r.where),
                timing=timing,
                event=event,
                columns=tuple(unquote(t.text) for t in header.columns),
            )

    def fits(self, header: TriggerHeader, table: Table, timing: str) -> bool:
        """Whether SQLite lets a ``timing`` trigger be created on ``table``
        (reporting why not)."""
        where = header.table.name
        if table.kind == "virtual":
            trigger_target.report_virtual_table(self.r, where)
        elif is_builtin_name(table.name):
            trigger_target.report_system_table(self.r, where)
        elif table.kind == "view" and timing != "INSTEAD":
            trigger_target.report_timing_on_view(self.r, where, timing, table.name)
        elif table.kind != "view" and timing == "INSTEAD":
            trigger_target.report_instead_on_table(self.r, where, table.name)
        else:
            return True
        return False

    def _drop_target(self, stmt: Drop, kind: str) -> tuple[QualifiedName, str | None]:
        """The name a DROP of a ``kind`` names, and its database (None: any;
        "?": an unknown one)."""
        qn = stmt.name
        schema = None
        if qn.schema is not None:
            if not self.r.check_schema(qn.schema, lookup=(kind, qn.name), quiet=stmt.if_exists):
                return qn, "?"
            schema = unquote(qn.schema.text)
        return qn, schema

    def on_drop_table_stmt(self, stmt: DropTableStmt) -> None:
        self._drop_table(stmt, "table")

    def on_drop_view_stmt(self, stmt: DropViewStmt) -> None:
        self._drop_table(stmt, "view")

    def _drop_table(self, stmt: DropTableStmt | DropViewStmt, kind: str) -> None:
        qn, schema = self._drop_target(stmt, kind)
        if schema == "?":
            return
        name = unquote(qn.name.text)
        table = self.catalog.find_table(name, schema)
        if table is None:
            if not stmt.if_exists:
                self.r.unknown_table(qn.name, name, schema, kind)
            return
        self.r.refer(qn.name, self.r.table_referent(table))
        if is_schema_table(table):
            builtin_table.report_schema_table(self.r, qn.name, table.name, "dropped")
            return
        if kind == "table" and table.kind == "view":
            drop_wrong_kind.report(self.r, qn.name, "view", table.name)
            return
        if kind == "view" and table.kind != "view":
            drop_wrong_kind.report(self.r, qn.name, "table", table.name)
            return
        self.catalog.drop_table(table)

    def on_drop_index_stmt(self, stmt: DropIndexStmt) -> None:
        qn, schema = self._drop_target(stmt, "index")
        if schema == "?":
            return
        name = unquote(qn.name.text)
        index = self.catalog.find_index(name, schema)
        if index is None:
            if not stmt.if_exists:
                self.r.unknown_table(qn.name, name, schema, "index")
            return
        db = self.catalog.database(index.schema)
        assert db is not None
        db.indexes.pop(normalize(name), None)
        table = self.catalog.find_table(index.table, index.schema)
        if table is not None:
            table.uniques = [u for u in table.uniques if u.index != normalize(name)]

    def on_drop_trigger_stmt(self, stmt: DropTriggerStmt) -> None:
        qn, schema = self._drop_target(stmt, "trigger")
        if schema == "?":
            return
        name = unquote(qn.name.text)
        trigger = self.catalog.find_trigger(name, schema)
        if trigger is None:
            if not stmt.if_exists:
                self.r.unknown_table(qn.name, name, schema, "trigger")
            return
        db = self.catalog.database(trigger.schema)
        assert db is not None
        db.triggers.pop(normalize(name), None)

    def on_alter_table_stmt(self, stmt: AlterTableStmt) -> None:
        qn = stmt.name
        if qn.schema is not None and not self.r.check_schema(qn.schema, lookup=("table", qn.name)):
            return
        schema = unquote(qn.schema.text) if qn.schema is not None else None
        name = unquote(qn.name.text)
        table = self.catalog.find_table(name, schema)
        if table is None:
            self.r.unknown_table(qn.name, name, schema)
            return
        self.r.refer(qn.name, self.r.table_referent(table))
        if table.kind == "builtin":
            builtin_table.report_schema_table(self.r, qn.name, table.name, "altered")
            return
        action = stmt.action
        if action == "rename_table":
            new_tok = stmt.new_name
            assert new_tok is not None
            new = unquote(new_tok.text)
            if (
                self.catalog.find_table(new, table.schema) is not None
                or self.catalog.find_index(new, table.schema) is not None
            ):
                already_exists.report_rename(self.r, new_tok, new)
                return
            self.catalog.drop_table(table)
            # A virtual table's shadow tables are renamed with it.
            shadows = [replace(s, name=new + s.name[len(table.name) :]) for s in table.shadows]
            columns = table.columns
            if table.kind == "virtual":
                # The hidden column fts3/fts4/fts5 name after their table follows it.
                columns = [replace(c, name=new) if c.hidden and c.key == table.key else c for c in columns]
            self.catalog.add_table(replace(table, name=new, shadows=shadows, columns=columns))
        elif action == "add_column":
            col_def = stmt.column_def
            assert col_def is not None
            if table.kind == "view":
                builtin_table.report_view_add_column(self.r, qn.name)
                return
            column = column_from_def(col_def, self.r.where)
            if table.column(column.name) is not None:
                duplicate_column.report(self.r, col_def.name, column.name)
                return
            self.catalog.writable(table).columns.append(column)
        elif action in ("rename_column", "drop_column", "drop_not_null", "set_not_null"):
            col_tok = stmt.column_name
            assert col_tok is not None
            col = table.column(unquote(col_tok.text)) if table.columns_known else None
            if table.columns_known and col is None:
                unknown_column.report_altered(self.r, col_tok, unquote(col_tok.text))
                return
            if col is not None:
                self.r.refer(col_tok, self.column_referent(table, col_tok))
            if action == "rename_column" and col is not None:
                new_tok = stmt.new_name
                assert new_tok is not None
                if table.column(unquote(new_tok.text)) is not None:
                    duplicate_column.report(self.r, new_tok, unquote(new_tok.text))
                    return
                changed = self.catalog.writable(table)
                changed.columns[table.columns.index(col)].name = unquote(new_tok.text)
                changed.columns_renamed()
            elif action == "drop_column" and col is not None:
                changed = self.catalog.writable(table)
                del changed.columns[table.columns.index(col)]

    def on_attach_stmt(self, stmt: AttachStmt) -> None:
        alias = stmt.schema
        if _is_name(alias):
            name = unquote(alias.first_token.text)
            if self.catalog.database(name) is None:
                self.catalog.add_database(name)

    def on_detach_stmt(self, stmt: DetachStmt) -> None:
        expr = stmt.schema
        if not _is_name(expr):
            return  # an expression: its value is known only when it runs
        name = unquote(expr.first_token.text)
        key = normalize(name)
        if key in ("main", "temp"):
            unknown_database.report_detach_builtin(self.r, expr, name)
        elif self.catalog.databases.pop(key, None) is None:
            unknown_database.report_detach_unknown(self.r, expr, name)

    def on_pragma_stmt(self, stmt: PragmaStmt) -> None:
        self._check_schema_of(stmt.name)

    def on_reindex_stmt(self, stmt: ReindexStmt) -> None:
        self._check_schema_of(stmt.name)

    def _check_schema_of(self, qn: QualifiedName | None) -> None:
        if qn is not None and qn.schema is not None:
            self.r.check_schema(qn.schema)

    def on_vacuum_stmt(self, stmt: VacuumStmt) -> None:
        if stmt.schema is not None:
            self.r.check_schema(stmt.schema)

    def on_analyze_stmt(self, stmt: AnalyzeStmt) -> None:
        qn = stmt.name
        schema = None
        if qn is not None and qn.schema is not None:
            if not self.r.check_schema(qn.schema):
                return
            schema = unquote(qn.schema.text)
        self.catalog.analyzed(schema)


Drop = DropTableStmt | DropViewStmt | DropIndexStmt | DropTriggerStmt


def _is_name(expr: Node) -> bool:
    """Whether an ATTACH or DETACH names its database with one word (a name
    or a string), not an expression."""
    return isinstance(expr, (ColumnRef, Literal)) and len(list(expr.tokens())) == 1


HANDLERS: dict[type[Node], Callable[[DdlChecker, Any], None]] = {
    CreateTableStmt: DdlChecker.on_create_table_stmt,
    CreateViewStmt: DdlChecker.on_create_view_stmt,
    CreateVirtualTableStmt: DdlChecker.on_create_virtual_table_stmt,
    CreateIndexStmt: DdlChecker.on_create_index_stmt,
    CreateTriggerStmt: DdlChecker.on_create_trigger_stmt,
    DropTableStmt: DdlChecker.on_drop_table_stmt,
    DropViewStmt: DdlChecker.on_drop_view_stmt,
    DropIndexStmt: DdlChecker.on_drop_index_stmt,
    DropTriggerStmt: DdlChecker.on_drop_trigger_stmt,
    AlterTableStmt: DdlChecker.on_alter_table_stmt,
    AttachStmt: DdlChecker.on_attach_stmt,
    DetachStmt: DdlChecker.on_detach_stmt,
    AnalyzeStmt: DdlChecker.on_analyze_stmt,
    PragmaStmt: DdlChecker.on_pragma_stmt,
    ReindexStmt: DdlChecker.on_reindex_stmt,
    VacuumStmt: DdlChecker.on_vacuum_stmt,
}
"""What checks and applies each schema statement, by its class (PRAGMA,
REINDEX and VACUUM only have schema names checked)."""

SCHEMA_CHANGERS: frozenset[type[Node]] = frozenset(HANDLERS) - {PragmaStmt, ReindexStmt, VacuumStmt}
"""The statements that change the catalog (the others only read it)."""


def changes_schema(body: Node) -> bool:
    """Whether a statement's body changes the catalog."""
    return type(body) in SCHEMA_CHANGERS


def is_integer(column: Column) -> bool:
    """Whether a column's declared type is exactly INTEGER (what makes a
    single-column PRIMARY KEY the rowid)."""
    return (column.type or "").upper() == "INTEGER"


def resolution(conflict: list[Token]) -> str | None:
    """The resolution an ON CONFLICT clause names (None: no clause)."""
    return conflict[-1].text.upper() if conflict else None
