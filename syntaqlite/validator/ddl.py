"""Schema statements: their checks (a name already taken, a duplicate
column, DROP of the wrong kind, SQLite's own tables ...), then their effect
on the catalog, so that later statements are checked against it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from ..syntax.actions import TEMP_TRIGGER_QUALIFIED_NAMES
from ..syntax.cst import Node
from ..syntax.names import normalize, unquote
from ..syntax.nodes import (
    AlterTableStmt,
    AnalyzeStmt,
    AttachStmt,
    BeginStmt,
    CheckConstraint,
    CollateConstraint,
    ColumnRef,
    CommitStmt,
    CreateIndexStmt,
    CreateTableStmt,
    CreateTriggerStmt,
    CreateViewStmt,
    CreateVirtualTableStmt,
    DeleteStmt,
    DetachStmt,
    DropIndexStmt,
    DropTableStmt,
    DropTriggerStmt,
    DropViewStmt,
    Expr,
    GeneratedConstraint,
    InsertStmt,
    Literal,
    OrderingTerm,
    PragmaStmt,
    PragmaValue,
    PrimaryKeyConstraint,
    QualifiedName,
    ReindexStmt,
    ReleaseStmt,
    RollbackStmt,
    SavepointStmt,
    TriggerHeader,
    UniqueConstraint,
    UpdateStmt,
    VacuumStmt,
)
from ..syntax.tokens import Token
from . import builtins, definitions, rules
from .catalog import (
    Column,
    Index,
    Table,
    Trigger,
    UniqueKey,
    column_from_def,
    expression_key,
    is_builtin_name,
    location_of,
    table_from_create,
    table_from_virtual,
    unique_terms,
)
from .model import Referent
from .resolve import Ctx, Resolver, Scope, Shape, Source
from .suggest import closest


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

    def temp_qualified(self, name: QualifiedName, temp: bool, schema: str) -> bool:
        """A TEMP table or view named in a database other than temp
        (reported); True if so."""
        if temp and name.schema is not None and normalize(schema) != "temp":
            rules.temp_object.report_qualified(self.r, name)
            return True
        return False

    def reserved(self, name_tok: Token) -> bool:
        """SQLite's sqlite3CheckObjectName: a new name may not start with
        sqlite_ (unless PRAGMA writable_schema is on)."""
        if normalize(name_tok.text).startswith("sqlite_") and not self.catalog.writable_schema:
            rules.builtin_table.report_reserved(self.r, name_tok, unquote(name_tok.text))
            return True
        return False

    def taken(self, name_tok: Token, schema: str, kind: str, if_not_exists: bool) -> bool:
        """Report a CREATE of a name already in use; True if it is."""
        name = unquote(name_tok.text)
        existing = self.catalog.find_table(name, schema)
        index = self.catalog.find_index(name, schema)
        trigger = self.catalog.find_trigger(name, schema) if kind == "trigger" else None
        clash = rules.already_exists.clash(kind, name, existing, index, trigger, name_tok.text)
        if clash is None:
            return False
        if not if_not_exists:
            first = existing if kind in ("table", "view") or index is None else index
            loc = first.location if first is not None else None
            rules.already_exists.report(self.r, name_tok, clash, loc, self.r.where)
        return True

    def own_columns_scope(self, table: Table, rowid: bool = True) -> Scope:
        """The table's own columns (and its rowid unless ``rowid`` is
        False: index expressions and generated columns cannot see it)."""
        return Scope(
            [
                Source(
                    table.name,
                    table.columns,
                    table,
                    table.schema,
                    rowid=rowid and table.has_rowid,
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
            shape = self.catalog.shape
            adds = self.adds_a_new_name(body)
            handler(self, body)
            self.r.schema_changed()
            if adds:
                self.catalog.grew(shape)

    def adds_a_new_name(self, body: Node) -> bool:
        """Whether ``body`` creates a table, view or index under a name no
        database uses yet, in a database whose objects are all known: then
        what every name in use means stays the same (``Catalog.grew``).  Not
        a built-in table-valued function's name, which the new table would
        hide."""
        if isinstance(body, (CreateTableStmt, CreateViewStmt)):
            name, temp = body.name, body.temp
        elif isinstance(body, CreateIndexStmt):
            name, temp = body.name, False
        else:
            return False
        if name.schema is not None:
            db = self.catalog.database(unquote(name.schema.text))
        else:
            db = self.catalog.database("temp" if temp else "main")
        text = unquote(name.name.text)
        return (
            db is not None
            and db.known
            and not self.catalog.name_in_use(text)
            and not any(f.table_valued for f in builtins.lookup(text))
        )

    def on_create_table_stmt(self, stmt: CreateTableStmt) -> None:
        name_tok = stmt.name.name
        schema = self.schema_of(stmt.name, stmt.temp)
        if schema is None or self.temp_qualified(stmt.name, stmt.temp, schema):
            return
        reserved = self.reserved(name_tok)
        exists = self.taken(name_tok, schema, "table", stmt.if_not_exists)
        refused = False
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
            duplicate = False
            for col in stmt.columns:
                key = normalize(col.name.text)
                if key in seen and not duplicate:
                    rules.duplicate_column.report(self.r, col.name, unquote(col.name.text))
                    duplicate = True
                seen[key] = col.name
                if self.r.keep_model:
                    self.r.define(col.name, self.column_referent(table, col.name))
            if not duplicate and not exists and not reserved:
                refused = self.table_definition(stmt, table)
        self.r.define(name_tok, self.r.table_referent(table))
        if not exists and not reserved and not refused:  # SQLite refuses a reserved name
            self.catalog.add_table(table)
            self.catalog.table_reshaped(table)

    def table_definition(self, stmt: CreateTableStmt, table: Table) -> bool:
        """Check a CREATE TABLE's columns and constraints as SQLite does
        (the first error only); True if SQLite refuses the table."""
        r = self.r
        scope = self.own_columns_scope(table)
        no_rowid = self.own_columns_scope(table, rowid=False)

        def resolve_term(term: OrderingTerm) -> bool:
            before = r.errors
            self.index_term(term, table, no_rowid, "constraint")
            return r.errors != before

        before = r.errors
        for col in stmt.columns:  # SQLite looks a column's collation up as it reads the column
            for cc in col.constraints:
                if isinstance(cc, CollateConstraint):
                    r.collations.name(cc.collation)
        if r.errors != before or definitions.check_definition(r, stmt, table, r.source, resolve_term):
            return True
        before = r.errors
        for col in stmt.columns:
            for cc in col.constraints:
                if isinstance(cc, CheckConstraint):
                    r.exprs.expr(
                        cc.expr,
                        Ctx(
                            scope,
                            clause="CHECK",
                            self_ref=rules.prohibited_expression.CHECK,
                            ignore_schema=True,
                        ),
                    )
        for tc in stmt.constraints:
            if isinstance(tc, CheckConstraint):
                r.exprs.expr(
                    tc.expr,
                    Ctx(
                        scope, clause="CHECK", self_ref=rules.prohibited_expression.CHECK, ignore_schema=True
                    ),
                )
        for col in stmt.columns:
            for cc in col.constraints:
                if isinstance(cc, GeneratedConstraint):
                    r.exprs.expr(
                        cc.expr, Ctx(no_rowid, clause="CHECK", self_ref=rules.prohibited_expression.GENERATED)
                    )
        if r.errors == before and definitions.all_generated(stmt):
            rules.column_definition.report_all_generated(r, stmt.name)
        return r.errors != before

    def index_term(self, term: OrderingTerm, table: Table, scope: Scope, clause: str) -> None:
        """Resolve a term of an index, PRIMARY KEY or UNIQUE as SQLite's
        sqlite3CreateIndex does: NULLS FIRST/LAST refused, a string taken
        as a column name, anything else an index expression."""
        r = self.r
        nulls = term.nulls
        if nulls:
            rules.prohibited_expression.report_nulls(r, term, nulls[-1].text.upper())
            return
        r.collations.term(term.expr)
        name = definitions.string_column(term.expr)
        if name is not None:
            if table.column(unquote(name.text)) is None:
                rules.unknown_column.report(r, name, unquote(name.text), None)
            return
        r.exprs.expr(term.expr, Ctx(scope, clause=clause, self_ref=rules.prohibited_expression.INDEX))

    def column_referent(self, table: Table, tok: Token) -> Referent:
        src = Source(table.name, table.columns, table, table.schema, referent=self.r.table_referent(table))
        col = table.column(unquote(tok.text)) or Column(unquote(tok.text))
        return src.column_referent(col)

    def on_create_view_stmt(self, stmt: CreateViewStmt) -> None:
        name_tok = stmt.name.name
        schema = self.schema_of(stmt.name, stmt.temp)
        if schema is None or self.temp_qualified(stmt.name, stmt.temp, schema):
            return
        self.reserved(name_tok)
        exists = self.taken(name_tok, schema, "view", stmt.if_not_exists)
        # CREATE VIEW IF NOT EXISTS of an existing view: SQLite never reads the query.
        with self.r.quiet(exists and stmt.if_not_exists):
            shape = self.r.view_query(stmt, unquote(name_tok.text), schema)
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
                rules.cte_column_count.report_view(
                    self.r, name_tok, listed, unquote(name_tok.text), len(names), shape.width
                )
            view.columns = [Column(n) for n in names]
        elif shape.names is None:
            view.columns_known = False
        else:
            # A column that is a table's column keeps its declared type (as
            # PRAGMA table_info says) and whether it is that table's INTEGER
            # PRIMARY KEY (a lookup SQLite may make through the view).
            view.columns = [
                Column(n, c.type, primary_key=c.primary_key, location=c.location)
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
        table, shadows = table_from_virtual(
            stmt, self.r.source, self.r.where, schema, lambda n: self.content_columns(n, schema)
        )
        self.module(stmt, table)
        self.r.define(name_tok, self.r.table_referent(table))
        if not exists:
            self.catalog.add_table(table)
            for shadow in shadows:
                self.catalog.add_table(shadow)

    def content_columns(self, name: str, schema: str) -> list[str] | None:
        """The visible columns of the table an FTS4 ``content=`` names
        (None: unknown)."""
        table = self.catalog.find_table(name, schema)
        if table is None or not table.columns_known:
            return None
        return [c.name for c in table.visible_columns]

    def module(self, stmt: CreateVirtualTableStmt, table: Table) -> None:
        """The module of a virtual table: SQLite's, or declared (with the
        columns its tables have), or unknown."""
        name = unquote(stmt.module.text)
        declared = self.catalog.declared
        module = declared.module(name)
        if module is not None:
            if module.columns is not None:
                table.columns = [Column(c) for c in module.columns] + [
                    Column(c, hidden=True) for c in module.hidden
                ]
                table.columns_known = True
            return
        if not self.r.module_available(name):
            candidates = [*self.r.known_modules(), *declared.modules]
            rules.unknown_module.report(
                self.r, stmt.module, name, closest(name, candidates), bool(declared.modules)
            )

    def on_create_index_stmt(self, stmt: CreateIndexStmt) -> None:
        name_tok = stmt.name.name
        schema = self.schema_of(stmt.name, False)
        if schema is None:
            return
        self.reserved(name_tok)
        table_tok = stmt.table
        table_name = unquote(table_tok.text)
        # SQLite's sqlite3CreateIndex: an unqualified index on a TEMP table is
        # a TEMP index; a temp. one may name a table of any database (and
        # is refused unless it is a TEMP table).
        found = self.catalog.find_table(table_name) if stmt.name.schema is None or schema == "temp" else None
        if stmt.name.schema is None and found is not None and found.schema == "temp":
            schema = "temp"
        table = found if schema == "temp" else self.catalog.find_table(table_name, schema)
        exists = self.taken(name_tok, schema, "index", stmt.if_not_exists)
        if table is None:
            self.r.unknown_table(table_tok, table_name, None if schema == "temp" else schema)
        elif schema == "temp" and table.schema != "temp":
            self.r.refer(table_tok, self.r.table_referent(table))
            rules.temp_object.report_index_on_non_temp(self.r, table_tok, table.name)
            return
        else:
            self.r.refer(table_tok, self.r.table_referent(table))
            if table.key.startswith("sqlite_"):
                rules.builtin_table.report_schema_table(self.r, table_tok, table.name, "indexed")
            elif table.kind == "view":
                rules.index_on_view.report(self.r, table_tok)
            elif table.kind == "virtual":
                rules.index_on_view.report_virtual(self.r, table_tok)
            else:
                scope = self.own_columns_scope(table)
                no_rowid = self.own_columns_scope(table, rowid=False)
                before = self.r.errors
                for term in stmt.columns:
                    self.index_term(term, table, no_rowid, "index")
                    if self.r.errors != before:
                        break  # SQLite stops at the first
                where = stmt.where
                if where is not None:
                    self.r.exprs.expr(
                        where.expr,
                        Ctx(
                            scope,
                            clause="WHERE",
                            self_ref=rules.prohibited_expression.PARTIAL_INDEX,
                            ignore_schema=True,
                        ),
                    )
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

    def qualified_steps(self, stmt: CreateTriggerStmt, temp: bool) -> None:
        """INSERT, UPDATE and DELETE in the body of a trigger that is not
        temp (or of a temp one before 3.52.0) name their table unqualified."""
        version = self.r.sqlite.version
        if temp and version >= TEMP_TRIGGER_QUALIFIED_NAMES:
            return
        for step in stmt.body:
            if isinstance(step, (InsertStmt, UpdateStmt, DeleteStmt)) and step.table.schema is not None:
                rules.schema_definition.report_qualified_step(
                    self.r, step.table, self.r.sqlite.version_string if temp else None
                )
                return  # SQLite stops at the first

    def on_create_trigger_stmt(self, stmt: CreateTriggerStmt) -> None:
        """CREATE TRIGGER, in the order of SQLite's sqlite3BeginTrigger: the
        trigger's database, its table (of that database unless the trigger
        is temp), the name, the kind of trigger the table allows; then the
        WHEN and the body, checked as SQLite checks them when it fires."""
        header = stmt.header
        name_tok = header.name.name
        temp = header.temp
        schema: str | None
        if temp and header.name.schema is not None:
            rules.schema_definition.report_temp_qualified(self.r, header.name.schema)
            schema = None  # refused: the trigger never exists
        else:
            schema = self.schema_of(header.name, temp)
        table_schema_tok = header.table.schema
        table_name = unquote(header.table.name.text)
        table_schema = unquote(table_schema_tok.text) if table_schema_tok is not None else None
        if schema == "main" and header.name.schema is None:
            # An unqualified trigger on a temp table is a temp trigger.
            found = self.catalog.find_table(table_name, table_schema)
            if found is not None and normalize(found.schema) == "temp":
                schema = "temp"
        table = None
        fixed = schema if schema is not None and normalize(schema) != "temp" else None
        if fixed is not None and table_schema is not None and normalize(table_schema) != normalize(fixed):
            # A trigger lives in its table's database (a TEMP one may watch any).
            assert table_schema_tok is not None
            rules.unknown_database.report_cross_database(
                self.r, table_schema_tok, "trigger", unquote(name_tok.text), table_schema
            )
            schema = None  # refused: the trigger never exists
        elif schema is not None and self.r.check_schema(
            table_schema_tok, lookup=("table", header.table.name)
        ):
            lookup = table_schema or fixed
            table = self.catalog.find_table(table_name, lookup)
            if table is None:
                self.r.unknown_table(header.table.name, table_name, lookup)
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
        # SQLite checks what a trigger may contain (no variables, no RETURNING,
        # only its database's tables) only for a trigger it goes on to create.
        definition = (
            self.r.definition("trigger", unquote(name_tok.text), schema) if not exists else nullcontext()
        )
        # CREATE TRIGGER IF NOT EXISTS of an existing trigger: SQLite never reads the body.
        unread = schema is not None and exists and header.if_not_exists
        if (
            table is not None
            and not exists
            and not temp
            and header.name.schema is None
            and table_schema_tok is None
        ):
            # Whether this trigger is temp (then, from 3.52.0, its statements
            # may name tables of other databases) depends on its table: the
            # parser left the check to the schema (triggerStepAllocate).
            self.qualified_steps(stmt, schema == "temp")
        with self.r.trigger_body(table, event), definition, self.r.quiet(unread):
            when = header.when
            if when is not None:
                self.r.exprs.expr(when, Ctx(Scope([]), clause="WHEN"))
            for body_stmt in stmt.body:
                self.r.state.discarded = body_stmt
                try:
                    self.r.statement(body_stmt)
                finally:
                    self.r.state.discarded = None
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
            rules.trigger_target.report_virtual_table(self.r, where)
        elif is_builtin_name(table.name):
            rules.trigger_target.report_system_table(self.r, where)
        elif table.kind == "view" and timing != "INSTEAD":
            rules.trigger_target.report_timing_on_view(self.r, where, timing, table.name)
        elif table.kind != "view" and timing == "INSTEAD":
            rules.trigger_target.report_instead_on_table(self.r, where, table.name)
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
        if may_not_be_dropped(table):
            rules.builtin_table.report_schema_table(self.r, qn.name, table.name, "dropped")
            return
        if kind == "table" and table.kind == "view":
            rules.drop_wrong_kind.report(self.r, qn.name, "view", table.name)
            return
        if kind == "view" and table.kind != "view":
            rules.drop_wrong_kind.report(self.r, qn.name, "table", table.name)
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
        if index.auto:
            rules.builtin_table.report_constraint_index(self.r, qn.name)
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
        """ALTER TABLE, checked in the order of SQLite's alter.c (each
        action tests the table's kind and name in its own order)."""
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
        action = stmt.action
        if action == "rename_table":
            self._rename_table(stmt, table)
        elif action == "add_column":
            self._add_column(stmt, table)
        elif action in ("rename_column", "drop_column"):
            self._alter_column(stmt, table, action)
        else:  # a constraint edit: ADD CHECK, DROP CONSTRAINT, SET/DROP NOT NULL
            self._edit_constraints(stmt, table, action)

    def _not_alterable(self, tok: Token, table: Table) -> bool:
        """SQLite's isAlterableTable: its own sqlite_ tables may not be altered."""
        if normalize(table.name).startswith("sqlite_"):
            rules.builtin_table.report_schema_table(self.r, tok, table.name, "altered")
            return True
        return False

    def _not_real(self, tok: Token, table: Table, what: str) -> bool:
        """SQLite's isRealTable: the columns and constraints of a view or a
        virtual table may not be changed."""
        if table.kind in ("view", "virtual"):
            kind = "view" if table.kind == "view" else "virtual table"
            rules.alter_table.report_not_real(self.r, tok, what, kind, table.name)
            return True
        return False

    def _rename_table(self, stmt: AlterTableStmt, table: Table) -> None:
        tok = stmt.name.name
        new_tok = stmt.new_name
        assert new_tok is not None
        new = unquote(new_tok.text)
        if (
            self.catalog.find_table(new, table.schema) is not None
            or self.catalog.find_index(new, table.schema) is not None
        ):
            rules.already_exists.report_rename(self.r, new_tok, new)
            return
        if self._not_alterable(tok, table) or self.reserved(new_tok):
            return
        if table.kind == "view":
            rules.alter_table.report_rename_view(self.r, tok, table.name)
            return
        self.catalog.table_reshaped(self.catalog.rename_table(table, new))

    def _add_column(self, stmt: AlterTableStmt, table: Table) -> None:
        tok = stmt.name.name
        col_def = stmt.column_def
        assert col_def is not None
        if table.kind == "virtual":
            rules.alter_table.report_virtual_add(self.r, tok)
            return
        if table.kind == "view":
            rules.alter_table.report_add_to_view(self.r, tok)
            return
        if self._not_alterable(tok, table):
            return
        column = column_from_def(col_def, self.r.where)
        if table.columns_known and table.column(column.name) is not None:
            rules.duplicate_column.report(self.r, col_def.name, column.name)
            return
        # sqlite3AlterFinishAddColumn: no key column (the rows already there
        # would all share its default); the other rules (NOT NULL without a
        # default, a non-constant default, STORED) fail only when the table
        # has rows, as the statement runs.
        for cons in col_def.constraints:
            if isinstance(cons, PrimaryKeyConstraint):
                rules.alter_table.report_add_key_column(self.r, cons.first_token, "PRIMARY KEY")
                return
        for cons in col_def.constraints:
            if isinstance(cons, UniqueConstraint):
                rules.alter_table.report_add_key_column(self.r, cons.first_token, "UNIQUE")
                return
        self.catalog.writable(table).columns.append(column)
        self.catalog.table_reshaped(table)

    def _alter_column(self, stmt: AlterTableStmt, table: Table, action: str) -> None:
        """RENAME COLUMN and DROP COLUMN."""
        tok = stmt.name.name
        if self._not_alterable(tok, table):
            return
        what = "rename columns of" if action == "rename_column" else "drop column from"
        if self._not_real(tok, table, what):
            return
        col_tok = stmt.column_name
        assert col_tok is not None
        if not table.columns_known:
            return
        col = table.column(unquote(col_tok.text))
        if col is None:
            rules.unknown_column.report_altered(self.r, col_tok, f'"{col_tok.text}"')
            return
        self.r.refer(col_tok, self.column_referent(table, col_tok))
        if action == "rename_column":
            new_tok = stmt.new_name
            assert new_tok is not None
            other = table.column(unquote(new_tok.text))
            if other is not None and other is not col:
                # SQLite finds it when it re-reads the schema, as the statement runs.
                rules.duplicate_column.report(self.r, new_tok, unquote(new_tok.text))
                return
            changed = self.catalog.writable(table)
            changed.columns[table.columns.index(col)].name = unquote(new_tok.text)
            changed.columns_renamed()
            self.catalog.rename_column(changed, col.name, unquote(new_tok.text))
            return
        if col.primary_key or col.unique:
            kind = "PRIMARY KEY" if col.primary_key else "UNIQUE"
            rules.alter_table.report_drop_key_column(self.r, col_tok, kind, unquote(col_tok.text))
            return
        if len(table.columns) <= 1:
            rules.alter_table.report_drop_last_column(self.r, col_tok, unquote(col_tok.text))
            return
        changed = self.catalog.writable(table)
        del changed.columns[table.columns.index(col)]
        self.catalog.table_reshaped(changed)

    def _edit_constraints(self, stmt: AlterTableStmt, table: Table, action: str) -> None:
        """ADD CHECK, DROP CONSTRAINT, ALTER COLUMN SET/DROP NOT NULL
        (SQLite's alterFindTable, then the column or the CHECK expression)."""
        tok = stmt.name.name
        if self._not_real(tok, table, "edit constraints of") or self._not_alterable(tok, table):
            return
        if action in ("set_not_null", "drop_not_null"):
            col_tok = stmt.column_name
            assert col_tok is not None
            if not table.columns_known:
                return
            if table.column(unquote(col_tok.text)) is None:
                rules.unknown_column.report_altered(self.r, col_tok, unquote(col_tok.text))
            else:
                self.r.refer(col_tok, self.column_referent(table, col_tok))
        elif action == "add_check":
            check = stmt.check
            if check is not None and table.columns_known:
                self.r.exprs.expr(check, Ctx(self.own_columns_scope(table), clause="CHECK"))

    def operand(self, expr: Expr | None, *, word_is_text: bool = True) -> None:
        """An ATTACH, DETACH or VACUUM INTO operand, resolved with no table
        in scope (attach.c, resolveAttachExpr; vacuum.c): a single word is
        text there (``word_is_text``, not in VACUUM INTO)."""
        if expr is None or (word_is_text and isinstance(expr, ColumnRef) and len(expr.parts) == 1):
            return
        self.r.exprs.expr(expr, Ctx(Scope([]), clause="expression"))

    def on_attach_stmt(self, stmt: AttachStmt) -> None:
        for operand in (stmt.file, stmt.schema, stmt.key):
            self.operand(operand)
        alias = stmt.schema
        name = _database_name(alias)
        if name is not None:
            if self.catalog.database(name) is None:
                self.catalog.add_database(name)
            else:
                rules.unknown_database.report_in_use(self.r, alias, name)

    def on_detach_stmt(self, stmt: DetachStmt) -> None:
        expr = stmt.schema
        self.operand(expr)
        name = _database_name(expr)
        if name is None:
            return  # an expression: its value is known only when it runs
        key = normalize(name)
        if key in ("main", "temp"):
            rules.unknown_database.report_detach_builtin(self.r, expr, name)
        elif self.catalog.databases.pop(key, None) is None:
            rules.unknown_database.report_detach_unknown(self.r, expr, name, known=self.catalog.known(None))

    def on_pragma_stmt(self, stmt: PragmaStmt) -> None:
        qn = stmt.name
        if qn.schema is not None and not self.r.check_schema(qn.schema):
            return
        pragma = normalize(qn.name.text)
        value = stmt.value
        if value is None:
            return
        if pragma == "writable_schema":
            self.catalog.writable_schema = pragma_boolean(value)
        elif pragma in TABLE_PRAGMAS:
            self._pragma_table(pragma, value, unquote(qn.schema.text) if qn.schema is not None else None)

    def _pragma_table(self, pragma: str, value: PragmaValue, schema: str | None) -> None:
        """PRAGMA foreign_key_check(t), integrity_check(t), quick_check(t):
        the table must exist (the two checks take a number instead: the
        most errors to report)."""
        words = value.words
        tok = words[-1]
        if pragma != "foreign_key_check" and tok.kind == "INTEGER":
            return
        if len(words) != 1:
            return
        name = unquote(tok.text)
        table = self.catalog.find_table(name, schema)
        if table is None:
            self.r.unknown_table(tok, name, schema)
        else:
            self.r.refer(tok, self.r.table_referent(table))

    def on_reindex_stmt(self, stmt: ReindexStmt) -> None:
        """REINDEX names a collation (unqualified), a table or an index, or
        is REINDEX EXPRESSIONS (SQLite's sqlite3Reindex)."""
        qn = stmt.name
        if qn is None:
            return
        schema = None
        if qn.schema is not None:
            if not self.r.check_schema(qn.schema):
                return
            schema = unquote(qn.schema.text)
        name = unquote(qn.name.text)
        if schema is None and (normalize(name) == "expressions" or self.catalog.declared.has_collation(name)):
            return
        table = self.catalog.find_table(name, schema)
        if table is not None:
            self.r.refer(qn.name, self.r.table_referent(table))
            return
        if self.catalog.find_index(name, schema) is not None:
            return
        rules.reindex_target.report(self.r, qn.name, known=self.catalog.known(schema))

    def on_vacuum_stmt(self, stmt: VacuumStmt) -> None:
        if stmt.schema is not None:
            self.r.check_schema(stmt.schema)
        self.operand(stmt.into, word_is_text=False)

    def on_begin_stmt(self, stmt: BeginStmt) -> None:
        if not self.catalog.savepoints:  # (BEGIN in a transaction fails as it runs)
            self.catalog.begin()

    def on_commit_stmt(self, stmt: CommitStmt) -> None:
        self.catalog.commit()

    def on_savepoint_stmt(self, stmt: SavepointStmt) -> None:
        self.catalog.begin(unquote(stmt.name.text))

    def on_release_stmt(self, stmt: ReleaseStmt) -> None:
        self.catalog.release(unquote(stmt.name.text))

    def on_rollback_stmt(self, stmt: RollbackStmt) -> None:
        savepoint = stmt.savepoint
        self.catalog.rollback(unquote(savepoint.text) if savepoint is not None else None)

    def on_analyze_stmt(self, stmt: AnalyzeStmt) -> None:
        """ANALYZE, ANALYZE db, ANALYZE [db.]table-or-index (SQLite's
        sqlite3Analyze); it makes the sqlite_stat tables of the database."""
        qn = stmt.name
        if qn is None:
            self.catalog.analyzed(None)
            return
        name = unquote(qn.name.text)
        if qn.schema is None and self.catalog.database(name) is not None:
            self.r.check_schema(qn.name)  # (the reference to the database)
            self.catalog.analyzed(name)
            return
        if not self.r.check_schema(qn.schema):
            return
        schema = unquote(qn.schema.text) if qn.schema is not None else None
        index = self.catalog.find_index(name, schema)
        if index is not None:
            self.catalog.analyzed(index.schema)
            return
        table = self.catalog.find_table(name, schema)
        if table is None:
            self.r.unknown_table(qn.name, name, schema)
            return
        self.r.refer(qn.name, self.r.table_referent(table))
        self.catalog.analyzed(table.schema)


Drop = DropTableStmt | DropViewStmt | DropIndexStmt | DropTriggerStmt


TABLE_PRAGMAS = frozenset({"foreign_key_check", "integrity_check", "quick_check"})
"""The pragmas whose argument names a table that SQLite looks up (and
reports missing); the others (table_info ...) return nothing instead."""

"""The collating sequences every SQLite has (an application may add others)."""


def may_not_be_dropped(table: Table) -> bool:
    """SQLite's tableMayNotBeDropped: its own sqlite_ tables, but for the
    sqlite_stat tables and sqlite_parameters."""
    key = table.key
    return key.startswith("sqlite_") and not key.startswith(("sqlite_stat", "sqlite_parameters"))


def pragma_boolean(value: PragmaValue) -> bool:
    """A boolean pragma's value as SQLite's sqlite3GetBoolean reads it: a
    number (its leading digits) other than 0, or on, yes or true; anything
    else (off, no, false, reset, a negative number ...) is false."""
    words = value.words
    if not words:
        return False
    if words[0].kind == "MINUS":
        return False
    text = unquote(words[-1].text)
    if text[:1].isdigit():
        digits = text[: len(text) - len(text.lstrip("0123456789"))]
        return int(digits) != 0
    return text.lower() in ("on", "yes", "true")


def _database_name(expr: Node) -> str | None:
    """The database an ATTACH or DETACH names with one word: a name, a
    string, or NULL (the empty name); None for an expression, whose value is
    known only when it runs."""
    if isinstance(expr, ColumnRef) and len(expr.parts) == 1:
        return unquote(expr.parts[0].text)
    if isinstance(expr, Literal):
        tok = expr.literal_token
        if tok.kind == "NULL":
            return ""
        if tok.kind == "STRING":
            return unquote(tok.text)
    return None


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
    BeginStmt: DdlChecker.on_begin_stmt,
    CommitStmt: DdlChecker.on_commit_stmt,
    SavepointStmt: DdlChecker.on_savepoint_stmt,
    ReleaseStmt: DdlChecker.on_release_stmt,
    RollbackStmt: DdlChecker.on_rollback_stmt,
}
"""What checks and applies each schema statement, by its class (PRAGMA,
REINDEX and VACUUM only have schema names checked)."""

SCHEMA_CHANGERS: frozenset[type[Node]] = frozenset(HANDLERS) - {PragmaStmt, ReindexStmt, VacuumStmt}
"""The statements that change the catalog (the others only read it)."""


def changes_schema(body: Node) -> bool:
    """Whether a statement's body changes the catalog (PRAGMA
    writable_schema changes what may be written)."""
    if isinstance(body, PragmaStmt):
        return normalize(body.name.name.text) == "writable_schema" and body.value is not None
    return type(body) in SCHEMA_CHANGERS


def is_integer(column: Column) -> bool:
    """Whether a column's declared type is exactly INTEGER (what makes a
    single-column PRIMARY KEY the rowid)."""
    return (column.type or "").upper() == "INTEGER"


def resolution(conflict: list[Token]) -> str | None:
    """The resolution an ON CONFLICT clause names (None: no clause)."""
    return conflict[-1].text.upper() if conflict else None
