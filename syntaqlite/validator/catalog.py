"""The schema the validator checks against: tables, views, indexes and
triggers per database (main, temp, attached), built from DDL in order.

A catalog starts with SQLite's built-in tables and grows as statements are
applied: CREATE TABLE/VIEW/INDEX/TRIGGER/VIRTUAL TABLE, ALTER TABLE (rename
table, add/rename/drop column), DROP, ATTACH/DETACH.  Schema files and the
file being checked feed it the same way; an existing database file feeds it
the SQL texts of its ``sqlite_schema``.

Each database knows whether its contents are *known* (some DDL or a schema
was seen for it): an unknown name in a known database is an error, in an
unknown one only a warning, since it may come from a schema syntaqlite was
not given.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from .._record import Record
from ..syntax.cst import Node
from ..syntax.names import fold_case, normalize, unquote
from ..syntax.nodes import (
    AlterTableStmt,
    CollateConstraint,
    CollateExpr,
    ColumnDef,
    ColumnRef,
    CreateIndexStmt,
    CreateTableStmt,
    CreateTriggerStmt,
    CreateViewStmt,
    CreateVirtualTableStmt,
    DefaultConstraint,
    Expr,
    FunctionCall,
    GeneratedConstraint,
    Literal,
    NotNullConstraint,
    ParenExpr,
    PrimaryKeyConstraint,
    QualifiedName,
    UniqueConstraint,
)
from ..syntax.tokens import Token
from ..text import Lines
from . import vtab_modules
from .declared import NO_DECLARATIONS, Declarations


class Location(Record):
    """Where something is defined: a file (None: text given directly), a
    span in the text it was defined in and, when that text is one piece of a
    larger document (the language server checks a document statement chunk
    by statement chunk), the key the caller gave that piece.  ``lines``, when
    known, places the span by line and column in its text, for messages that
    name another file."""

    __slots__ = ("path", "start", "end", "piece", "lines")
    _uncompared = frozenset({"lines"})

    path: str | None
    start: int
    end: int
    piece: str | None
    lines: Lines | None

    def __init__(
        self,
        path: str | None,
        start: int,
        end: int,
        piece: str | None = None,
        lines: Lines | None = None,
    ) -> None:
        self.path = path
        self.start = start
        self.end = end
        self.piece = piece
        self.lines = lines

    def position(self) -> tuple[int, int] | None:
        """The 1-based line and column of the start in its text, if known."""
        return self.lines.position(self.start) if self.lines is not None else None


class Where(Record):
    """What names the text being checked: its file (None: text given
    directly) and, when it is one piece of a larger document, an opaque key
    for that piece (the language server's statement chunk); locations in it
    are spans of the text itself.  ``lines`` is the text's line index, for
    messages (None: not wanted)."""

    __slots__ = ("path", "piece", "lines")
    _uncompared = frozenset({"lines"})

    path: str | None
    piece: str | None
    lines: Lines | None

    def __init__(self, path: str | None = None, piece: str | None = None, lines: Lines | None = None) -> None:
        self.path = path
        self.piece = piece
        self.lines = lines


def location_of(tok: Token | Node, where: Where) -> Location:
    return Location(where.path, tok.start, tok.end, where.piece, where.lines)


class Column(Record):
    __slots__ = (
        "name",
        "type",
        "hidden",
        "primary_key",
        "unique",
        "not_null",
        "generated",
        "location",
        "collation",
        "default_calls",
    )

    name: str
    type: str | None
    hidden: bool
    primary_key: bool
    unique: bool  # a UNIQUE constraint of its own (not a table's UNIQUE (a, b))
    not_null: bool  # a NOT NULL constraint of its own
    generated: bool
    location: Location | None
    collation: str | None  # its COLLATE, case-folded (None: BINARY)
    # The functions its DEFAULT calls, (name as written, argument count):
    # SQLite looks them up only when an INSERT uses the default.
    default_calls: tuple[tuple[str, int], ...]

    def __init__(
        self,
        name: str,
        type: str | None = None,
        hidden: bool = False,
        primary_key: bool = False,
        unique: bool = False,
        not_null: bool = False,
        generated: bool = False,
        location: Location | None = None,
        collation: str | None = None,
        default_calls: tuple[tuple[str, int], ...] = (),
    ) -> None:
        self.name = name
        self.type = type
        self.hidden = hidden
        self.primary_key = primary_key
        self.unique = unique
        self.not_null = not_null
        self.generated = generated
        self.location = location
        self.collation = collation
        self.default_calls = default_calls

    @property
    def key(self) -> str:
        return normalize(self.name)


class UniqueKey(Record):
    """A PRIMARY KEY or UNIQUE constraint of a table, or a UNIQUE index on
    it: what the conflict target of an upsert must match."""

    __slots__ = ("terms", "partial", "index", "where")

    terms: list[tuple[str, str]] | None  # (column key, collation case-folded); None: an expression among them
    partial: bool  # an index with a WHERE clause
    index: str | None  # the index's name, case-folded (DROP INDEX drops it)
    where: tuple[object, ...] | None  # a partial index's WHERE (expression_key)

    def __init__(
        self,
        terms: list[tuple[str, str]] | None,
        partial: bool = False,
        index: str | None = None,
        where: tuple[object, ...] | None = None,
    ) -> None:
        self.terms = terms
        self.partial = partial
        self.index = index
        self.where = where


class Table(Record):
    __slots__ = (
        "name",
        "schema",
        "kind",
        "columns",
        "columns_known",
        "without_rowid",
        "strict",
        "module",
        "autoincrement",
        "autoindexes",
        "rowid_column",
        "location",
        "sql",
        "shadows",
        "uniques",
        "uniques_known",
        "_index",
        "_indexed",
        "_indexed_len",
        "_view_verdict",
        "rewritten",
    )
    _uncompared = frozenset({"uniques"})

    name: str
    schema: str
    kind: str  # table, view, virtual, builtin
    columns: list[Column]
    columns_known: bool
    without_rowid: bool
    strict: bool
    module: str | None
    autoincrement: bool
    autoindexes: int  # indexes SQLite makes for its UNIQUE and PRIMARY KEY constraints
    rowid_column: str | None  # the key of its INTEGER PRIMARY KEY (the rowid), if known
    location: Location | None
    sql: str | None
    shadows: tuple[str, ...]  # a virtual table's shadow tables
    # Its PRIMARY KEY and UNIQUE constraints and UNIQUE indexes; only known
    # (``uniques_known``) for a table made by CREATE TABLE.
    uniques: list[UniqueKey]
    uniques_known: bool
    # The columns by key, for ``column``: rebuilt when ``columns`` is
    # another list or another length; ``columns_renamed`` after renaming
    # one in place.
    _index: dict[str, Column] | None
    _indexed: list[Column] | None
    _indexed_len: int
    # A view: the error its query gives (None: none) against the catalog of
    # the generation given (``Catalog.generation``) and shape, remembered by the resolver.
    _view_verdict: tuple[int, int, str | None] | None
    # A view whose stored query SQLite may have rewritten since it was
    # created (an ALTER TABLE ... RENAME edits the views that name the
    # table or column): ``sql`` is no longer what SQLite resolves.
    rewritten: bool

    def __init__(
        self,
        name: str,
        schema: str,
        kind: str = "table",
        columns: list[Column] | None = None,
        columns_known: bool = True,
        without_rowid: bool = False,
        strict: bool = False,
        module: str | None = None,
        autoincrement: bool = False,
        autoindexes: int = 0,
        rowid_column: str | None = None,
        location: Location | None = None,
        sql: str | None = None,
        shadows: tuple[str, ...] = (),
        uniques: list[UniqueKey] | None = None,
        uniques_known: bool = False,
        rewritten: bool = False,
    ) -> None:
        self.name = name
        self.schema = schema
        self.kind = kind
        self.columns = [] if columns is None else columns
        self.columns_known = columns_known
        self.without_rowid = without_rowid
        self.strict = strict
        self.module = module
        self.autoincrement = autoincrement
        self.autoindexes = autoindexes
        self.rowid_column = rowid_column
        self.location = location
        self.sql = sql
        self.shadows = shadows
        self.uniques = [] if uniques is None else uniques
        self.uniques_known = uniques_known
        self.rewritten = rewritten
        self._index: dict[str, Column] | None = None
        self._indexed: list[Column] | None = None
        self._indexed_len = -1
        self._view_verdict: tuple[int, int, str | None] | None = None

    @property
    def key(self) -> str:
        return fold_case(self.name)

    def column(self, name: str) -> Column | None:
        """The first column called ``name`` (compared as SQLite does)."""
        return self.column_by_key(normalize(name))

    def column_by_key(self, key: str) -> Column | None:
        """The first column whose name normalizes to ``key``."""
        cols = self.columns
        index = self._index
        if index is None or self._indexed is not cols or self._indexed_len != len(cols):
            index = {}
            for c in cols:
                index.setdefault(c.key, c)
            self._index, self._indexed, self._indexed_len = index, cols, len(cols)
        return index.get(key)

    def columns_renamed(self) -> None:
        self._index = None

    @property
    def has_rowid(self) -> bool:
        return self.kind in ("table", "virtual", "builtin") and not self.without_rowid

    @property
    def visible_columns(self) -> list[Column]:
        return [c for c in self.columns if not c.hidden]


class Index(Record):
    __slots__ = ("name", "schema", "table", "location", "auto")

    name: str
    schema: str
    table: str
    location: Location | None
    auto: bool  # sqlite_autoindex_T_N: made for a UNIQUE or PRIMARY KEY constraint

    def __init__(
        self,
        name: str,
        schema: str,
        table: str,
        location: Location | None = None,
        auto: bool = False,
    ) -> None:
        self.name = name
        self.schema = schema
        self.table = table
        self.location = location
        self.auto = auto


class Trigger(Record):
    __slots__ = ("name", "schema", "table", "location", "timing", "event", "columns")

    name: str
    schema: str
    table: str
    location: Location | None
    timing: str  # BEFORE, AFTER or INSTEAD
    event: str  # INSERT, UPDATE or DELETE
    columns: tuple[str, ...]  # UPDATE OF these (empty: any)

    def __init__(
        self,
        name: str,
        schema: str,
        table: str,
        location: Location | None = None,
        timing: str = "BEFORE",
        event: str = "INSERT",
        columns: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.schema = schema
        self.table = table
        self.location = location
        self.timing = timing
        self.event = event
        self.columns = columns

    def fires_for(self, event: str, changed: Iterable[str]) -> bool:
        """Whether this trigger fires for ``event`` changing ``changed``
        columns (SQLite's checkColumnOverlap)."""
        if self.event != event:
            return False
        if event != "UPDATE" or not self.columns:
            return True
        mine = {normalize(c) for c in self.columns}
        return any(normalize(c) in mine for c in changed)


class Database(Record):
    __slots__ = ("name", "known", "tables", "indexes", "triggers")

    name: str
    known: bool
    tables: dict[str, Table]
    indexes: dict[str, Index]
    triggers: dict[str, Trigger]

    def __init__(
        self,
        name: str,
        known: bool = False,
        tables: dict[str, Table] | None = None,
        indexes: dict[str, Index] | None = None,
        triggers: dict[str, Trigger] | None = None,
    ) -> None:
        self.name = name
        self.known = known
        self.tables = {} if tables is None else tables
        self.indexes = {} if indexes is None else indexes
        self.triggers = {} if triggers is None else triggers


SCHEMA_COLUMNS = ("type", "name", "tbl_name", "rootpage", "sql")
BUILTIN_TABLES: dict[str, tuple[str, ...]] = {
    "sqlite_sequence": ("name", "seq"),
    "sqlite_stat1": ("tbl", "idx", "stat"),
    "sqlite_stat4": ("tbl", "idx", "neq", "nlt", "ndlt", "sample"),
}
# Names of the schema table in each database, and their legacy aliases.
SCHEMA_TABLE_NAMES = {"sqlite_schema", "sqlite_master"}
TEMP_SCHEMA_TABLE_NAMES = {"sqlite_temp_schema", "sqlite_temp_master"}


def is_builtin_name(name: str) -> bool:
    key = normalize(name)
    return key in SCHEMA_TABLE_NAMES or key in TEMP_SCHEMA_TABLE_NAMES or key in BUILTIN_TABLES


def is_schema_table(table: Table) -> bool:
    """Whether ``table`` is SQLite's own schema table (sqlite_schema,
    sqlite_temp_schema or a legacy alias), which SQL may not change."""
    return table.kind == "builtin" and (
        table.key in SCHEMA_TABLE_NAMES or table.key in TEMP_SCHEMA_TABLE_NAMES
    )


_GENERATIONS = itertools.count(1)


class Catalog:
    """All databases of a connection, as far as the SQL seen so far tells.

    Tables, indexes and triggers are never changed in place once added (an
    ALTER TABLE puts a changed copy in the table's place, see ``writable``),
    so ``snapshot`` can share them: a snapshot copies only the dictionaries.
    """

    def __init__(self, declared: Declarations = NO_DECLARATIONS) -> None:
        self.databases: dict[str, Database] = {}
        self.declared = declared
        """What the application registers: functions, collations, modules."""
        # PRAGMA writable_schema is ON: the schema tables may be written,
        # and names starting with sqlite_ are no longer reserved.
        self.writable_schema = False
        # The views whose query has a ``*`` (database key, view key): their
        # columns depend on the tables' columns when they are used.
        self.star_views: dict[tuple[str, str], None] = {}
        # The open transaction's savepoints, outermost first: a name (None:
        # BEGIN) and the catalog as it was when it was set, for ROLLBACK.
        self.savepoints: list[tuple[str | None, Catalog]] = []
        # Which state of the schema this is: renewed at every change, unique
        # across catalogs (a snapshot shares it until either side changes).
        self.generation = next(_GENERATIONS)
        # Renewed at every change but one that only adds an object under a
        # name no database uses (``grew``): what the names already in use
        # mean is the same as long as ``shape`` is.
        self.shape = self.generation
        self.add_database("main")
        self.add_database("temp")

    def changed(self) -> None:
        """The schema may have changed: a new generation."""
        self.generation = self.shape = next(_GENERATIONS)

    def grew(self, shape: int) -> None:
        """The changes since ``shape`` only added an object under a name no
        database used: a new generation of the same shape."""
        self.generation = next(_GENERATIONS)
        self.shape = shape

    def name_in_use(self, name: str) -> bool:
        """Whether a table, view, index or trigger of any database is
        called ``name``."""
        key = fold_case(name)
        return any(
            key in db.tables or key in db.indexes or key in db.triggers for db in self.databases.values()
        )

    def snapshot(self) -> Catalog:
        """A copy that later changes to either side do not reach."""
        copy = Catalog.__new__(Catalog)
        copy.declared = self.declared
        copy.databases = {
            key: Database(db.name, db.known, dict(db.tables), dict(db.indexes), dict(db.triggers))
            for key, db in self.databases.items()
        }
        copy.writable_schema = self.writable_schema
        copy.star_views = dict(self.star_views)
        copy.savepoints = list(self.savepoints)
        copy.generation = self.generation
        copy.shape = self.shape
        return copy

    def restore(self, saved: Catalog) -> None:
        """Go back to the schema and transaction of ``saved`` (a snapshot)."""
        self.databases = saved.snapshot().databases
        self.changed()
        self.savepoints = list(saved.savepoints)
        self.star_views = dict(saved.star_views)

    # -- transactions: a ROLLBACK undoes the schema changes since BEGIN -------

    def begin(self, name: str | None = None) -> None:
        """BEGIN (``name`` None) or SAVEPOINT name: remember the schema."""
        saved = self.snapshot()
        saved.savepoints = []
        self.savepoints.append((name, saved))

    def commit(self) -> None:
        """COMMIT or END: the changes stay."""
        self.savepoints = []

    def release(self, name: str) -> None:
        """RELEASE name: the savepoint (and those after it) is forgotten,
        its changes stay."""
        i = self._savepoint(name)
        if i is not None:
            del self.savepoints[i:]

    def rollback(self, name: str | None = None) -> None:
        """ROLLBACK (``name`` None: the whole transaction, which ends) or
        ROLLBACK TO name (the savepoint stays)."""
        if not self.savepoints:
            return
        i = 0 if name is None else self._savepoint(name)
        if i is None:
            return
        saved = self.savepoints[i][1].snapshot()
        self.databases = saved.databases
        del self.savepoints[i + 1 if name is not None else 0 :]

    def _savepoint(self, name: str) -> int | None:
        key = normalize(name)
        for i in range(len(self.savepoints) - 1, -1, -1):
            mine = self.savepoints[i][0]
            if mine is not None and normalize(mine) == key:
                return i
        return None

    def writable(self, table: Table) -> Table:
        """A copy of ``table`` (columns too) put in its place, to change."""
        db = self.database(table.schema)
        assert db is not None
        copy = table.replace(columns=[c.replace() for c in table.columns])
        db.tables[table.key] = copy
        return copy

    def add_database(self, name: str) -> Database:
        self.changed()
        key = normalize(name)
        db = Database(name)
        schema_names = TEMP_SCHEMA_TABLE_NAMES | SCHEMA_TABLE_NAMES if key == "temp" else SCHEMA_TABLE_NAMES
        for table_name in sorted(schema_names):
            db.tables[table_name] = Table(table_name, name, "builtin", [Column(c) for c in SCHEMA_COLUMNS])
        self.databases[key] = db
        return db

    def database(self, name: str | None) -> Database | None:
        if name is None:
            return None
        return self.databases.get(normalize(name))

    def search_order(self) -> list[Database]:
        """Unqualified names are looked up in temp, then main, then the
        attached databases in the order they were attached."""
        dbs = list(self.databases.values())
        return [
            self.databases["temp"],
            self.databases["main"],
            *[d for d in dbs if d.name not in ("main", "temp")],
        ]

    def find_table(self, name: str, schema: str | None = None) -> Table | None:
        key = fold_case(name)
        if schema is not None:
            db = self.database(schema)
            return db.tables.get(key) if db else None
        databases = self.databases
        table = databases["temp"].tables.get(key) or databases["main"].tables.get(key)
        if table is not None or len(databases) == 2:
            return table
        for db in self.search_order()[2:]:
            table = db.tables.get(key)
            if table is not None:
                return table
        return None

    def find_index(self, name: str, schema: str | None = None) -> Index | None:
        key = fold_case(name)
        dbs = [self.database(schema)] if schema else self.search_order()
        for db in dbs:
            if db is not None and key in db.indexes:
                return db.indexes[key]
        if key.startswith("sqlite_autoindex_"):
            return self._autoindex(name, dbs)
        return None

    def _autoindex(self, name: str, dbs: Sequence[Database | None]) -> Index | None:
        """sqlite_autoindex_T_N, the index of the Nth UNIQUE or PRIMARY KEY
        constraint of table T (numbered from 1)."""
        table_name, _, number = name[len("sqlite_autoindex_") :].rpartition("_")
        if not number.isdigit():
            return None
        for db in dbs:
            table = db.tables.get(fold_case(table_name)) if db is not None else None
            if table is not None and 1 <= int(number) <= table.autoindexes:
                return Index(name, table.schema, table.name, auto=True)
        return None

    def find_trigger(self, name: str, schema: str | None = None) -> Trigger | None:
        key = fold_case(name)
        dbs = [self.database(schema)] if schema else self.search_order()
        for db in dbs:
            if db is not None and key in db.triggers:
                return db.triggers[key]
        return None

    def triggers_on(self, table: Table) -> list[Trigger]:
        """Triggers on ``table``: those of its own database, and TEMP ones."""
        found = []
        for db in self.databases.values():
            if db.name not in (table.schema, "temp"):
                continue
            found += [tr for tr in db.triggers.values() if fold_case(tr.table) == table.key]
        return found

    def all_tables(self) -> list[Table]:
        return [t for db in self.databases.values() for t in db.tables.values()]

    def known(self, schema: str | None) -> bool:
        """Whether a name missing from ``schema`` (None: any) is really
        missing, rather than defined somewhere syntaqlite was not shown."""
        if schema is None:
            return any(db.known for db in self.databases.values())
        db = self.database(schema)
        return db is not None and db.known

    def add_table(self, table: Table) -> None:
        self.changed()
        db = self.database(table.schema) or self.add_database(table.schema)
        db.known = True
        db.tables[table.key] = table
        if table.kind == "view" and "*" in (table.sql or ""):
            self.star_views[(normalize(db.name), table.key)] = None
        if table.autoincrement and "sqlite_sequence" not in db.tables:
            db.tables["sqlite_sequence"] = Table(
                "sqlite_sequence", db.name, "builtin", [Column(c) for c in BUILTIN_TABLES["sqlite_sequence"]]
            )

    def drop_table(self, table: Table) -> None:
        self.changed()
        db = self.database(table.schema)
        if db is None:
            return
        db.tables.pop(table.key, None)
        for shadow in table.shadows:
            db.tables.pop(fold_case(shadow), None)
        for key in [k for k, ix in db.indexes.items() if fold_case(ix.table) == table.key]:
            del db.indexes[key]
        for key in [k for k, tr in db.triggers.items() if fold_case(tr.table) == table.key]:
            del db.triggers[key]

    def rename_table(self, table: Table, new: str) -> Table:
        """ALTER TABLE ... RENAME TO: the table takes its new name, and its
        indexes and triggers (TEMP ones on it too) follow it; a virtual
        table's shadow tables are renamed with it, and so is the hidden
        column FTS tables name after their table."""
        self.views_rewritten()
        db = self.database(table.schema)
        assert db is not None
        # A TEMP trigger names its table without a database: the first of that name.
        temp_follows = self.find_table(table.name) is table
        columns = table.columns
        if table.shadows:
            columns = [c.replace(name=new) if c.hidden and c.key == table.key else c for c in columns]
        shadows = [db.tables.pop(fold_case(s), None) for s in table.shadows]
        renamed_shadows = [s.replace(name=new + s.name[len(table.name) :]) for s in shadows if s is not None]
        renamed = table.replace(name=new, columns=columns, shadows=tuple(s.name for s in renamed_shadows))
        db.tables.pop(table.key, None)
        db.tables[renamed.key] = renamed
        for shadow in renamed_shadows:
            db.tables[shadow.key] = shadow
        for key, ix in list(db.indexes.items()):
            if fold_case(ix.table) == table.key:
                db.indexes[key] = ix.replace(table=new)
        temp = self.databases["temp"]
        for tdb in (db, temp) if temp is not db and temp_follows else (db,):
            for key, tr in list(tdb.triggers.items()):
                if fold_case(tr.table) == table.key:
                    tdb.triggers[key] = tr.replace(table=new)
        return renamed

    def views_rewritten(self) -> None:
        """An ALTER TABLE ... RENAME: SQLite edits the query of every view
        that names the table or column (not followed here)."""
        self.changed()
        for db in self.databases.values():
            for name, view in list(db.tables.items()):
                if view.kind == "view" and not view.rewritten:
                    db.tables[name] = view.replace(rewritten=True)

    def table_reshaped(self, table: Table) -> None:
        """``table`` was made or its columns changed: SQLite expands a view's
        ``*`` each time the view is used, so a view with a ``*`` that names
        the table may now have other columns (unknown here: any is accepted)."""
        self.changed()
        key = table.key
        for db_key, name in list(self.star_views):
            db = self.databases.get(db_key)
            view = db.tables.get(name) if db is not None else None
            if view is None or view.kind != "view":
                del self.star_views[(db_key, name)]
                continue
            if view.columns_known and key in (view.sql or "").lower():
                assert db is not None
                db.tables[name] = view.replace(columns=[], columns_known=False)

    def rename_column(self, table: Table, old: str, new: str) -> None:
        """ALTER TABLE ... RENAME COLUMN: UPDATE OF lists of the table's
        triggers follow the column.  SQLite rewrites the views that use the
        column, so a view column named after it may now be named ``new``:
        the columns of such a view are no longer known."""
        self.views_rewritten()
        key = normalize(old)
        for db in self.databases.values():
            for name, view in list(db.tables.items()):
                if (
                    view.kind == "view"
                    and view.columns_known
                    and view.column(old) is not None
                    and table.key in (view.sql or "").lower()
                ):
                    db.tables[name] = view.replace(columns=[], columns_known=False)
        for db in self.databases.values():
            if db.name not in (table.schema, "temp"):
                continue
            for name, tr in list(db.triggers.items()):
                if fold_case(tr.table) == table.key and any(normalize(c) == key for c in tr.columns):
                    cols = tuple(new if normalize(c) == key else c for c in tr.columns)
                    db.triggers[name] = tr.replace(columns=cols)

    def analyzed(self, schema: str | None) -> None:
        """ANALYZE creates sqlite_stat1 (and sqlite_stat4 where enabled)."""
        self.changed()
        for db in [self.database(schema)] if schema else [self.databases["main"]]:
            if db is None:
                continue
            for name in ("sqlite_stat1", "sqlite_stat4"):
                db.tables.setdefault(
                    name, Table(name, db.name, "builtin", [Column(c) for c in BUILTIN_TABLES[name]])
                )


# -- building tables from DDL -----------------------------------------------


def qualified(name: QualifiedName) -> tuple[str | None, str]:
    schema = unquote(name.schema.text) if name.schema is not None else None
    return schema, unquote(name.name.text)


_VALUE_TOKENS = frozenset({"ID", "STRING", "FLOAT", "BLOB", "QNUMBER", "INTEGER", "VARIABLE"})


def expression_key(expr: Expr) -> tuple[object, ...]:
    """An expression as sqlite3ExprCompare compares two over one table:
    equal keys for equal trees (parentheses and column qualifiers left
    out, names case-folded, operators by kind: ``=`` is ``==``)."""
    out: list[object] = []
    stack: list[Node | Token | None] = [expr]
    while stack:
        item = stack.pop()
        if item is None:
            out.append(None)
        elif isinstance(item, Token):
            kind = item.kind
            if kind not in _VALUE_TOKENS:
                out.append(kind)
            elif kind in ("ID", "STRING"):
                out.append((kind, normalize(item.text) if kind == "ID" else unquote(item.text)))
            else:
                digits = item.text.replace("_", "").lower()
                if kind in ("INTEGER", "QNUMBER") and digits.isalnum():
                    try:
                        out.append(("INTEGER", int(digits[2:], 16) if digits[:2] == "0x" else int(digits)))
                        continue
                    except ValueError:
                        pass
                out.append((kind, digits))
        elif isinstance(item, ParenExpr):
            stack.append(item.expr)
        elif isinstance(item, ColumnRef):
            out.append(("column", normalize(item.name.text)))
        else:
            out.append(type(item))
            stack.append(None)
            stack.extend(reversed(item.children))
    return tuple(out)


def unique_terms(exprs: list[Expr], table: Table) -> list[tuple[str, str]] | None:
    """The columns of a PRIMARY KEY, UNIQUE constraint or index, with the
    collation each compares by (its COLLATE, else the column's); None when
    one is an expression."""
    out: list[tuple[str, str]] = []
    for expr in exprs:
        collation: str | None = None
        while isinstance(expr, (ParenExpr, CollateExpr)):
            if isinstance(expr, CollateExpr) and collation is None:
                collation = normalize(expr.collation.text)
            expr = expr.expr
        if not (isinstance(expr, ColumnRef) and len(expr.parts) == 1):
            return None
        column = table.column(expr.name.text)
        if column is None:
            return None
        out.append((column.key, collation or column.collation or "binary"))
    return out


def table_from_create(stmt: CreateTableStmt, source: str, where: Where, schema: str) -> Table:
    _schema, name = qualified(stmt.name)
    table = Table(name, schema, "table", location=location_of(stmt.name.name, where), sql=stmt.text(source))
    for option in stmt.options:
        word = unquote(option.name.text).lower()
        if word == "rowid":
            table.without_rowid = True
        elif word == "strict" and option.without_token is None:
            table.strict = True
    for col in stmt.columns:
        table.columns.append(column_from_def(col, where))
    for constraint in stmt.constraints:
        if isinstance(constraint, PrimaryKeyConstraint):
            for term in constraint.columns:
                # SQLite's sqlite3AddPrimaryKey: a name (or a string read as
                # one), COLLATE aside.
                expr = term.expr
                if isinstance(expr, CollateExpr):
                    expr = expr.expr
                if isinstance(expr, ColumnRef) and len(expr.parts) == 1:
                    c = table.column(expr.name.text)
                elif isinstance(expr, Literal) and expr.literal_token.kind == "STRING":
                    c = table.column(unquote(expr.literal_token.text))
                else:
                    c = None
                if c is not None:
                    c.primary_key = True
            if constraint.autoincrement is not None:
                table.autoincrement = True
    for col in stmt.columns:
        for cons in col.constraints:
            if isinstance(cons, PrimaryKeyConstraint) and cons.autoincrement is not None:
                table.autoincrement = True
    table.autoindexes = _autoindexes(stmt, table)
    table.uniques_known = True
    for col in stmt.columns:
        for cons in col.constraints:
            if isinstance(cons, (PrimaryKeyConstraint, UniqueConstraint)):
                c = table.column(col.name.text)
                if c is not None:
                    table.uniques.append(UniqueKey([(c.key, c.collation or "binary")]))
    for constraint in stmt.constraints:
        if isinstance(constraint, (PrimaryKeyConstraint, UniqueConstraint)):
            table.uniques.append(UniqueKey(unique_terms([t.expr for t in constraint.columns], table)))
    return table


def _autoindexes(stmt: CreateTableStmt, table: Table) -> int:
    """How many indexes SQLite makes for the table's UNIQUE and PRIMARY KEY
    constraints (at most: an identical UNIQUE is merged), named
    sqlite_autoindex_T_1, _2 ...  A rowid table's INTEGER PRIMARY KEY is
    the rowid, with no index."""

    def rowid_alias(column: Column | None, descending: bool) -> bool:
        return (
            column is not None
            and not table.without_rowid
            and not descending
            and (column.type or "").upper() == "INTEGER"
        )

    count = 0
    for col in stmt.columns:
        column = table.column(unquote(col.name.text))
        for cons in col.constraints:
            if isinstance(cons, UniqueConstraint):
                count += 1
            elif isinstance(cons, PrimaryKeyConstraint):
                desc = cons.direction is not None and cons.direction.kind == "DESC"
                if rowid_alias(column, desc):
                    assert column is not None
                    table.rowid_column = column.key
                else:
                    count += 1
    for constraint in stmt.constraints:
        if isinstance(constraint, UniqueConstraint):
            count += 1
        elif isinstance(constraint, PrimaryKeyConstraint):
            terms = constraint.columns
            only = terms[0].expr if len(terms) == 1 else None
            column = (
                table.column(only.name.text) if isinstance(only, ColumnRef) and len(only.parts) == 1 else None
            )
            if rowid_alias(column, False):  # (a table's PRIMARY KEY (id DESC) is the rowid too)
                assert column is not None
                table.rowid_column = column.key
            else:
                count += 1
    return count


def column_from_def(col: ColumnDef, where: Where) -> Column:
    type_name = col.type_name
    type_text = " ".join(t.text for t in type_name.tokens()) if type_name is not None else None
    column = Column(unquote(col.name.text), type_text, location=location_of(col.name, where))
    for c in col.constraints:
        if isinstance(c, PrimaryKeyConstraint):
            column.primary_key = True
        elif isinstance(c, UniqueConstraint):
            column.unique = True
        elif isinstance(c, NotNullConstraint):
            column.not_null = True
        elif isinstance(c, GeneratedConstraint):
            column.generated = True
        elif isinstance(c, CollateConstraint):
            column.collation = normalize(c.collation.text)
        elif isinstance(c, DefaultConstraint) and c.expr is not None:
            column.default_calls = _calls(c.expr)
    return column


def _calls(expr: Expr) -> tuple[tuple[str, int], ...]:
    """The function calls in ``expr``, in order: (name, argument count)."""
    out: list[tuple[str, int]] = []
    stack: list[Node] = [expr]
    while stack:
        item = stack.pop()
        if isinstance(item, FunctionCall):
            out.append((item.name.text, 0 if item.star else len(item.args)))
        stack.extend(c for c in reversed(item.children) if isinstance(c, Node))
    return tuple(out)


def virtual_table_columns(
    module: str,
    args: list[str],
    table_name: str,
    content_columns: vtab_modules.ContentColumns | None = None,
) -> tuple[list[Column], bool]:
    """Columns of a virtual table from its module arguments, for the modules
    SQLite ships; (columns, known).  An unknown module's columns are
    unknown."""
    shape = module_table(module, args, table_name, content_columns)
    if shape is not None:
        if shape.columns is None:
            return [], False
        return [Column(n, hidden=h) for n, h in shape.columns], True
    mod = module.lower()

    def plain(arg: str) -> str:
        first = arg.strip().split()[0] if arg.strip() else ""
        return unquote(first)

    if mod == "fts5vocab":
        kind = plain(args[-1]).lower() if args else "row"
        names = {
            "row": ("term", "doc", "cnt"),
            "col": ("term", "col", "doc", "cnt"),
            "instance": ("term", "doc", "col", "offset"),
        }.get(kind, ("term", "doc", "cnt"))
        return [Column(n) for n in names], True
    if mod == "dbstat":
        # The same columns as the eponymous dbstat table-valued function.
        from .builtins import lookup

        (fn,) = (f for f in lookup("dbstat") if f.kind == "table")
        return [Column(n) for n in fn.columns] + [Column(n, hidden=True) for n in fn.hidden_columns], True
    return [], False


def module_table(
    module: str, args: list[str], table_name: str, content_columns: vtab_modules.ContentColumns | None
) -> vtab_modules.ModuleTable | None:
    """The columns and shadow tables of a virtual table of a module that
    creates shadow tables (None: another module)."""
    mod = module.lower()
    if mod in ("fts3", "fts4"):
        return vtab_modules.fts3(mod == "fts4", args, table_name, content_columns or (lambda _n: None))
    if mod == "fts5":
        return vtab_modules.fts5(args, table_name)
    if mod in ("rtree", "rtree_i32"):
        return vtab_modules.rtree(args)
    return None


def table_from_virtual(
    stmt: CreateVirtualTableStmt,
    source: str,
    where: Where,
    schema: str,
    content_columns: vtab_modules.ContentColumns | None = None,
) -> tuple[Table, list[Table]]:
    """The virtual table a CREATE VIRTUAL TABLE makes, and the shadow
    tables its module creates beside it."""
    _schema, name = qualified(stmt.name)
    module = unquote(stmt.module.text)
    args = [source[a.start : a.end] for a in stmt.arguments]
    columns, known = virtual_table_columns(module, args, name, content_columns)
    shape = module_table(module, args, name, content_columns)
    shadows = []
    if shape is not None and shape.columns is not None:
        shadows = [
            Table(
                f"{name}_{sh.suffix}",
                schema,
                "table",
                [Column(c) for c in sh.columns],
                without_rowid=sh.without_rowid,
            )
            for sh in shape.shadows
        ]
    table = Table(
        name,
        schema,
        "virtual",
        columns,
        columns_known=known,
        module=module,
        location=location_of(stmt.name.name, where),
        sql=stmt.text(source),
        shadows=tuple(t.name for t in shadows),
    )
    return table, shadows


def column_names_of(items: Iterable[str]) -> list[str]:
    """SQLite's de-duplication of result column names (``a``, ``a:1`` ...)."""
    seen: set[str] = set()
    out = []
    for name in items:
        candidate = name
        n = 0
        while normalize(candidate) in seen:
            n += 1
            candidate = f"{name}:{n}"
        seen.add(normalize(candidate))
        out.append(candidate)
    return out


__all__ = [
    "BUILTIN_TABLES",
    "Catalog",
    "Column",
    "CreateIndexStmt",
    "CreateTriggerStmt",
    "CreateViewStmt",
    "Database",
    "Index",
    "Location",
    "Table",
    "Trigger",
    "UniqueKey",
    "AlterTableStmt",
    "column_from_def",
    "column_names_of",
    "is_builtin_name",
    "location_of",
    "Where",
    "qualified",
    "table_from_create",
    "table_from_virtual",
    "expression_key",
    "unique_terms",
    "virtual_table_columns",
]
