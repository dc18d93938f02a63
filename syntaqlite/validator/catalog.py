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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..syntax.cst import Node
from ..syntax.names import normalize, unquote
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
    Expr,
    GeneratedConstraint,
    ParenExpr,
    PrimaryKeyConstraint,
    QualifiedName,
    UniqueConstraint,
)
from ..syntax.tokens import Token
from ..text import Lines


@dataclass(frozen=True)
class Location:
    """Where something is defined: a file (None: text given directly), a
    span in the text it was defined in and, when that text is one piece of a
    larger document (the language server checks a document statement chunk
    by statement chunk), the key the caller gave that piece.  ``lines``, when
    known, places the span by line and column in its text, for messages that
    name another file."""

    path: str | None
    start: int
    end: int
    piece: str | None = None
    lines: Lines | None = field(default=None, compare=False, repr=False)

    def position(self) -> tuple[int, int] | None:
        """The 1-based line and column of the start in its text, if known."""
        return self.lines.position(self.start) if self.lines is not None else None


@dataclass(frozen=True)
class Where:
    """What names the text being checked: its file (None: text given
    directly) and, when it is one piece of a larger document, an opaque key
    for that piece (the language server's statement chunk); locations in it
    are spans of the text itself.  ``lines`` is the text's line index, for
    messages (None: not wanted)."""

    path: str | None = None
    piece: str | None = None
    lines: Lines | None = field(default=None, compare=False, repr=False)


def location_of(tok: Token | Node, where: Where) -> Location:
    return Location(where.path, tok.start, tok.end, where.piece, where.lines)


@dataclass
class Column:
    name: str
    type: str | None = None
    hidden: bool = False
    primary_key: bool = False
    generated: bool = False
    location: Location | None = None
    collation: str | None = None  # its COLLATE, case-folded (None: BINARY)

    @property
    def key(self) -> str:
        return normalize(self.name)


@dataclass
class UniqueKey:
    """A PRIMARY KEY or UNIQUE constraint of a table, or a UNIQUE index on
    it: what the conflict target of an upsert must match."""

    terms: list[tuple[str, str]] | None  # (column key, collation case-folded); None: an expression among them
    partial: bool = False  # an index with a WHERE clause
    index: str | None = None  # the index's name, case-folded (DROP INDEX drops it)
    where: tuple[object, ...] | None = None  # a partial index's WHERE (expression_key)


@dataclass
class Table:
    name: str
    schema: str
    kind: str = "table"  # table, view, virtual, builtin
    columns: list[Column] = field(default_factory=list)
    columns_known: bool = True
    without_rowid: bool = False
    strict: bool = False
    module: str | None = None
    autoincrement: bool = False
    location: Location | None = None
    sql: str | None = None
    # The shadow tables of a virtual table (fts3/fts4, fts5, rtree): made,
    # dropped and renamed with it.
    shadows: list[Table] = field(default_factory=list, repr=False, compare=False)
    # Its PRIMARY KEY and UNIQUE constraints and UNIQUE indexes; only known
    # (``uniques_known``) for a table made by CREATE TABLE.
    uniques: list[UniqueKey] = field(default_factory=list, repr=False, compare=False)
    uniques_known: bool = False
    # The columns by key, for ``column``: rebuilt when ``columns`` is
    # another list or another length; ``columns_renamed`` after renaming
    # one in place.
    _index: dict[str, Column] | None = field(default=None, init=False, repr=False, compare=False)
    _indexed: list[Column] | None = field(default=None, init=False, repr=False, compare=False)
    _indexed_len: int = field(default=-1, init=False, repr=False, compare=False)

    @property
    def key(self) -> str:
        return normalize(self.name)

    def column(self, name: str) -> Column | None:
        """The first column called ``name`` (compared as SQLite does)."""
        cols = self.columns
        index = self._index
        if index is None or self._indexed is not cols or self._indexed_len != len(cols):
            index = {}
            for c in cols:
                index.setdefault(c.key, c)
            self._index, self._indexed, self._indexed_len = index, cols, len(cols)
        return index.get(normalize(name))

    def columns_renamed(self) -> None:
        self._index = None

    @property
    def has_rowid(self) -> bool:
        return self.kind in ("table", "virtual", "builtin") and not self.without_rowid

    @property
    def visible_columns(self) -> list[Column]:
        return [c for c in self.columns if not c.hidden]


@dataclass
class Index:
    name: str
    schema: str
    table: str
    location: Location | None = None


@dataclass
class Trigger:
    name: str
    schema: str
    table: str
    location: Location | None = None
    timing: str = "BEFORE"  # BEFORE, AFTER or INSTEAD
    event: str = "INSERT"  # INSERT, UPDATE or DELETE
    columns: tuple[str, ...] = ()  # UPDATE OF these (empty: any)

    def fires_for(self, event: str, changed: Iterable[str]) -> bool:
        """Whether this trigger fires for ``event`` changing ``changed``
        columns (SQLite's checkColumnOverlap)."""
        if self.event != event:
            return False
        if event != "UPDATE" or not self.columns:
            return True
        mine = {normalize(c) for c in self.columns}
        return any(normalize(c) in mine for c in changed)


@dataclass
class Database:
    name: str
    known: bool = False
    tables: dict[str, Table] = field(default_factory=dict)
    indexes: dict[str, Index] = field(default_factory=dict)
    triggers: dict[str, Trigger] = field(default_factory=dict)


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


class Catalog:
    """All databases of a connection, as far as the SQL seen so far tells.

    Tables, indexes and triggers are never changed in place once added (an
    ALTER TABLE puts a changed copy in the table's place, see ``writable``),
    so ``snapshot`` can share them: a snapshot copies only the dictionaries.
    """

    def __init__(self) -> None:
        self.databases: dict[str, Database] = {}
        self.add_database("main")
        self.add_database("temp")

    def snapshot(self) -> Catalog:
        """A copy that later changes to either side do not reach."""
        copy = Catalog.__new__(Catalog)
        copy.databases = {
            key: Database(db.name, db.known, dict(db.tables), dict(db.indexes), dict(db.triggers))
            for key, db in self.databases.items()
        }
        return copy

    def writable(self, table: Table) -> Table:
        """A copy of ``table`` (columns too) put in its place, to change."""
        db = self.database(table.schema)
        assert db is not None
        copy = replace(table, columns=[replace(c) for c in table.columns])
        db.tables[table.key] = copy
        return copy

    def add_database(self, name: str) -> Database:
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
        key = normalize(name)
        if schema is not None:
            db = self.database(schema)
            return db.tables.get(key) if db else None
        for db in self.search_order():
            table = db.tables.get(key)
            if table is not None:
                return table
        return None

    def find_index(self, name: str, schema: str | None = None) -> Index | None:
        key = normalize(name)
        dbs = [self.database(schema)] if schema else self.search_order()
        for db in dbs:
            if db is not None and key in db.indexes:
                return db.indexes[key]
        return None

    def find_trigger(self, name: str, schema: str | None = None) -> Trigger | None:
        key = normalize(name)
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
            found += [tr for tr in db.triggers.values() if normalize(tr.table) == table.key]
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
        db = self.database(table.schema) or self.add_database(table.schema)
        db.known = True
        db.tables[table.key] = table
        for shadow in table.shadows:
            db.tables.setdefault(shadow.key, shadow)
        if table.autoincrement and "sqlite_sequence" not in db.tables:
            db.tables["sqlite_sequence"] = Table(
                "sqlite_sequence", db.name, "builtin", [Column(c) for c in BUILTIN_TABLES["sqlite_sequence"]]
            )

    def drop_table(self, table: Table) -> None:
        db = self.database(table.schema)
        if db is None:
            return
        db.tables.pop(table.key, None)
        for shadow in table.shadows:
            if db.tables.get(shadow.key) is shadow:
                del db.tables[shadow.key]
        for key in [k for k, ix in db.indexes.items() if normalize(ix.table) == table.key]:
            del db.indexes[key]
        for key in [k for k, tr in db.triggers.items() if normalize(tr.table) == table.key]:
            del db.triggers[key]

    def analyzed(self, schema: str | None) -> None:
        """ANALYZE creates sqlite_stat1 (and sqlite_stat4 where enabled)."""
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
                expr = term.expr
                if isinstance(expr, ColumnRef) and len(expr.parts) == 1:
                    c = table.column(expr.name.text)
                    if c is not None:
                        c.primary_key = True
            if constraint.autoincrement is not None:
                table.autoincrement = True
    for col in stmt.columns:
        for cons in col.constraints:
            if isinstance(cons, PrimaryKeyConstraint) and cons.autoincrement is not None:
                table.autoincrement = True
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


def column_from_def(col: ColumnDef, where: Where) -> Column:
    type_name = col.type_name
    type_text = " ".join(t.text for t in type_name.tokens()) if type_name is not None else None
    column = Column(unquote(col.name.text), type_text, location=location_of(col.name, where))
    for c in col.constraints:
        if isinstance(c, PrimaryKeyConstraint):
            column.primary_key = True
        elif isinstance(c, GeneratedConstraint):
            column.generated = True
        elif isinstance(c, CollateConstraint):
            column.collation = normalize(c.collation.text)
    return column


_OPTION = re.compile(r"^\s*\w+\s*=")


def virtual_table_columns(module: str, args: list[str], table_name: str) -> tuple[list[Column], bool]:
    """Columns of a virtual table from its module arguments, for the modules
    SQLite ships; (columns, known).  An unknown module's columns are
    unknown."""
    mod = module.lower()

    def plain(arg: str) -> str:
        first = arg.strip().split()[0] if arg.strip() else ""
        return unquote(first)

    if mod == "fts5":
        cols = [Column(plain(a)) for a in args if a.strip() and not _OPTION.match(a)]
        cols += [Column(table_name, hidden=True), Column("rank", hidden=True)]
        return cols, True
    if mod in ("fts3", "fts4"):
        return fts3_columns(args, table_name, fts4=mod == "fts4")
    if mod in ("rtree", "rtree_i32"):
        cols = [Column(plain(a).lstrip("+")) for a in args if a.strip()]
        return cols, True
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


def _fts3_id_char(c: str) -> bool:
    """sqlite3Fts3IsIdChar: letters, digits, _, $ and every non-ASCII character."""
    return (c.isascii() and (c.isalnum() or c in "_$")) or not c.isascii()


def fts3_first_token(text: str) -> str:
    """A column's name in an fts3/fts4 declaration: the first token of its
    argument (sqlite3Fts3NextToken), dequoted: ``xyz=abc`` names ``xyz``."""
    i = 0
    while i < len(text):
        c = text[i]
        if c in "'\"`":
            j = i + 1
            while j < len(text):
                if text[j] == c:
                    if j + 1 < len(text) and text[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            return unquote(text[i : j + 1])
        if c == "[":
            j = text.find("]", i)
            return unquote(text[i : j + 1] if j >= 0 else text[i:] + "]")
        if _fts3_id_char(c):
            j = i
            while j < len(text) and _fts3_id_char(text[j]):
                j += 1
            return text[i:j]
        i += 1
    return ""


def fts3_columns(args: list[str], table_name: str, *, fts4: bool) -> tuple[list[Column], bool]:
    """The columns fts3/fts4 declares (fts3.c fts3InitVtab, fts3DeclareVtab):
    the arguments that are neither a tokenizer ("tokenize ...") nor, for
    fts4, an option ("key=value"), else one column "content"; then the
    hidden ones: the table's own name, docid, and the language id column
    (languageid=NAME, else __langid).  fts4 with content=TABLE and no column
    takes its columns from TABLE: unknown here."""
    names: list[str] = []
    languageid: str | None = None
    content: str | None = None
    tokenizer = False
    for arg in args:
        text = arg.strip()
        if not text:
            continue
        if not tokenizer and len(text) > 8 and text[:8].lower() == "tokenize" and not _fts3_id_char(text[8]):
            tokenizer = True  # only the first one: another is a column
            continue
        if fts4 and "=" in text:
            key, _, value = text.partition("=")
            value = unquote(value) if value[:1] in ("'", '"', "`", "[") else value
            if key.lower() == "languageid":
                languageid = value
            elif key.lower() == "content":
                content = value
            continue
        names.append(fts3_first_token(text))
    if content is not None and not names:
        return [], False
    cols = [Column(n) for n in names or ["content"]]
    cols += [
        Column(table_name, hidden=True),
        Column("docid", hidden=True),
        Column(languageid or "__langid", hidden=True),
    ]
    return cols, True


def shadow_tables(module: str, args: list[str], table: Table) -> list[Table]:
    """The ordinary tables a virtual table of a module SQLite ships keeps
    its data in (fts3.c fts3CreateTables, fts5_storage.c, rtree.c
    rtreeSqlInit), as they are declared.  Where their columns depend on
    options this does not follow, the columns are left unknown."""
    mod = module.lower()
    name, schema = table.name, table.schema
    visible = [c for c in table.columns if not c.hidden]
    options: dict[str, str] = {}
    for arg in args:
        key, eq, value = arg.strip().partition("=")
        if eq:
            options[key.strip().lower()] = (
                unquote(value.strip()) if value.strip()[:1] in "'\"`[" else value.strip()
            )

    def make(suffix: str, columns: list[tuple[str, bool]] | None, *, without_rowid: bool = False) -> Table:
        cols = [Column(n, "INTEGER" if pk else None, primary_key=pk) for n, pk in columns or []]
        return Table(
            name + suffix,
            schema,
            columns=cols,
            columns_known=columns is not None,
            without_rowid=without_rowid,
        )

    out: list[Table] = []
    if mod in ("fts3", "fts4"):
        if table.columns_known and "content" not in options:
            content = [("docid", True)] + [(f"c{i}{c.name}", False) for i, c in enumerate(visible)]
            if "languageid" in options:
                content.append(("langid", False))
            out.append(make("_content", content))
        out.append(make("_segments", [("blockid", True), ("block", False)]))
        segdir = ["level", "idx", "start_block", "leaves_end_block", "end_block", "root"]
        out.append(make("_segdir", [(c, False) for c in segdir]))
        if mod == "fts4":  # fts3 makes %_stat only when first needed (automerge)
            if options.get("matchinfo", "").lower() != "fts3":
                out.append(make("_docsize", [("docid", True), ("size", False)]))
            out.append(make("_stat", [("id", True), ("value", False)]))
    elif mod == "fts5":
        out.append(make("_data", [("id", True), ("block", False)]))
        out.append(make("_idx", [("segid", False), ("term", False), ("pgno", False)], without_rowid=True))
        if "content" not in options:
            plain = "locale" not in options
            out.append(
                make(
                    "_content",
                    [("id", True)] + [(f"c{i}", False) for i in range(len(visible))] if plain else None,
                )
            )
        docsize = [("id", True), ("sz", False)]
        if options.get("contentless_delete", "0") not in ("0", ""):
            docsize.append(("origin", False))
        out.append(make("_docsize", docsize))
        out.append(make("_config", [("k", False), ("v", False)], without_rowid=True))
    elif mod in ("rtree", "rtree_i32") and table.columns_known:
        aux = sum(1 for a in args if a.strip().startswith("+"))
        out.append(
            make("_rowid", [("rowid", True), ("nodeno", False)] + [(f"a{i}", False) for i in range(aux)])
        )
        out.append(make("_node", [("nodeno", True), ("data", False)]))
        out.append(make("_parent", [("nodeno", True), ("parentnode", False)]))
    return out


def table_from_virtual(stmt: CreateVirtualTableStmt, source: str, where: Where, schema: str) -> Table:
    _schema, name = qualified(stmt.name)
    module = unquote(stmt.module.text)
    args = [source[a.start : a.end] for a in stmt.arguments]
    columns, known = virtual_table_columns(module, args, name)
    table = Table(
        name,
        schema,
        "virtual",
        columns,
        columns_known=known,
        module=module,
        location=location_of(stmt.name.name, where),
        sql=stmt.text(source),
    )
    table.shadows = shadow_tables(module, args, table)
    return table


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
