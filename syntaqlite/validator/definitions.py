"""The checks SQLite makes of a CREATE TABLE's definition while it parses
it (build.c: sqlite3AddColumn, sqlite3AddDefaultValue, sqlite3AddPrimaryKey,
sqlite3AddGenerated, sqlite3CreateForeignKey, sqlite3CreateIndex for
PRIMARY KEY and UNIQUE) and when it reaches its end (sqlite3EndTable:
STRICT datatypes, WITHOUT ROWID).

SQLite stops at the first of these errors, in the order it meets them:
column by column (each column's constraints in order), then the table
constraints, then the end-of-table checks.  ``check_definition`` reports
that first one and returns True (the table is then never created); the
expressions of CHECK constraints and generated columns, which SQLite
resolves after all of these, are the resolver's (see ``ddl.py``)."""

from __future__ import annotations

from collections.abc import Callable

from .._record import Record
from ..syntax.cst import Node
from ..syntax.names import normalize, unquote
from ..syntax.nodes import (
    CollateConstraint,
    CollateExpr,
    ColumnDef,
    ColumnRef,
    CreateTableStmt,
    DefaultConstraint,
    ExistsExpr,
    Expr,
    ForeignKeyClause,
    ForeignKeyConstraint,
    FunctionCall,
    GeneratedConstraint,
    InExpr,
    Literal,
    OrderingTerm,
    ParenExpr,
    PrimaryKeyConstraint,
    RaiseExpr,
    SubqueryExpr,
    UniqueConstraint,
    Variable,
)
from ..syntax.tokens import Token
from . import rules
from .catalog import Table
from .rules.base import Reporter

STANDARD_TYPES = ("any", "blob", "int", "integer", "real", "text")
"""SQLite's sqlite3StdType: the datatypes a STRICT table allows."""

_QUOTES = "\"'`["


class _Column(Record):
    __slots__ = ("name", "node", "type_text", "generated", "has_default", "primary_key")

    name: str
    node: ColumnDef
    type_text: str | None  # as SQLite keeps it (None: no type)
    generated: bool
    has_default: bool
    primary_key: bool

    def __init__(
        self,
        name: str,
        node: ColumnDef,
        type_text: str | None,
        generated: bool = False,
        has_default: bool = False,
        primary_key: bool = False,
    ) -> None:
        self.name = name
        self.node = node
        self.type_text = type_text
        self.generated = generated
        self.has_default = has_default
        self.primary_key = primary_key

    @property
    def standard_type(self) -> str | None:
        """The standard datatype the column has (SQLite's eCType), if any."""
        text = self.type_text
        if text is None or len(text) < 3:
            return None
        key = text.lower()
        return key if key in STANDARD_TYPES else None


def column_type(col: ColumnDef, source: str) -> str | None:
    """A column's declared type as SQLite's sqlite3AddColumn keeps it: the
    text of its type words, without a trailing GENERATED ALWAYS (which the
    parser may have taken as type words), dequoted when it is one quoted
    word (None: no type)."""
    type_name = col.type_name
    if type_name is None:
        return None
    text = source[type_name.start : type_name.end]
    if len(text) >= 16 and text[-6:].lower() == "always":
        text = text[:-6].rstrip()
        if len(text) >= 9 and text[-9:].lower() == "generated":
            text = text[:-9].rstrip()
    if len(text) >= 3 and text[0] in _QUOTES:
        close = "]" if text[0] == "[" else text[0]
        if text[-1] == close and not any(c in _QUOTES + "]" for c in text[1:-1]):
            text = text[1:-1]
    return text or None


def check_definition(
    out: Reporter,
    stmt: CreateTableStmt,
    table: Table,
    source: str,
    resolve_term: Callable[[OrderingTerm], bool],
) -> bool:
    """Report the first error SQLite finds in a CREATE TABLE's column
    definitions and constraints; True if there is one.  ``resolve_term``
    resolves a PRIMARY KEY or UNIQUE term (as an index expression), True if
    it reported an error."""
    name = table.name
    columns: list[_Column] = []
    has_pk = False
    late_pk: (
        tuple[PrimaryKeyConstraint, tuple[tuple[tuple[str, str | None], ...], list[Token], ColumnDef]] | None
    ) = None
    late_terms: PrimaryKeyConstraint | None = None
    autoincrement = False
    indexes = _Indexes(out)
    for col in stmt.columns:
        c = _Column(unquote(col.name.text), col, column_type(col, source))
        columns.append(c)
        for cons in col.constraints:
            if isinstance(cons, DefaultConstraint):
                expr = cons.expr
                if expr is not None and not is_constant(expr):
                    rules.column_definition.report_default_not_constant(out, expr, c.name)
                    return True
                if c.generated:
                    rules.column_definition.report_default_on_generated(out, cons)
                    return True
                c.has_default = True
            elif isinstance(cons, PrimaryKeyConstraint):
                if has_pk:
                    rules.primary_key.report_second(out, cons, name)
                    return True
                has_pk = True
                c.primary_key = True
                if c.generated:
                    rules.column_definition.report_generated_primary_key(out, cons)
                    return True
                direction = cons.direction
                if c.standard_type == "integer" and (direction is None or direction.text.upper() != "DESC"):
                    autoincrement = autoincrement or cons.autoincrement is not None
                    # The rowid: no index, but in a WITHOUT ROWID table one
                    # made after all the others (convertToWithoutRowidTable).
                    late_pk = (cons, (((c.name, None),), cons.conflict, col))
                elif cons.autoincrement is not None:
                    rules.primary_key.report_autoincrement_not_integer(out, cons.autoincrement)
                    return True
                elif indexes.add(cons, ((c.name, None),), cons.conflict, col):
                    return True
            elif isinstance(cons, UniqueConstraint):
                if indexes.add(cons, ((c.name, None),), cons.conflict, col):
                    return True
            elif isinstance(cons, GeneratedConstraint):
                storage = cons.storage
                if c.has_default or (
                    storage is not None and normalize(storage.text) not in ("virtual", "stored")
                ):
                    rules.column_definition.report_generated_error(out, cons, c.name)
                    return True
                c.generated = True
                if c.primary_key:
                    rules.column_definition.report_generated_primary_key(out, cons)
                    return True
            elif isinstance(cons, ForeignKeyClause):
                parents = cons.columns
                if parents is not None and len(parents.names) != 1:
                    rules.foreign_key.report_one_column(out, cons, c.name, cons.table.text)
                    return True
    by_name = {normalize(c.name): c for c in reversed(columns)}
    indexes.columns = by_name
    for tc in stmt.constraints:
        if isinstance(tc, PrimaryKeyConstraint):
            if has_pk:
                rules.primary_key.report_second(out, tc, name)
                return True
            has_pk = True
            found: _Column | None = None
            for term in tc.columns:
                ref = _column_of(term.expr)
                col_found = by_name.get(normalize(ref)) if ref is not None else None
                if col_found is not None:
                    found = col_found
                    col_found.primary_key = True
                    if col_found.generated:
                        rules.column_definition.report_generated_primary_key(out, term)
                        return True
            if len(tc.columns) == 1 and found is not None and found.standard_type == "integer":
                if tc.autoincrement is not None:
                    autoincrement = True
                if _index_terms(out, tc, resolve_term):
                    return True
                late_terms = tc
            elif tc.autoincrement is not None:
                rules.primary_key.report_autoincrement_not_integer(out, tc.autoincrement)
                return True
            elif _index_terms(out, tc, resolve_term) or indexes.add_terms(tc):
                return True
        elif isinstance(tc, UniqueConstraint):
            if _index_terms(out, tc, resolve_term) or indexes.add_terms(tc):
                return True
        elif isinstance(tc, ForeignKeyConstraint):
            parents = tc.parent_columns
            if parents is not None and len(parents.names) != len(tc.columns):
                rules.foreign_key.report_count(out, tc)
                return True
            for child in tc.columns:
                if normalize(unquote(child.name.text)) not in by_name:
                    rules.foreign_key.report_unknown_column(out, child, unquote(child.name.text))
                    return True
    if table.strict:
        for c in columns:
            if c.standard_type is None:
                if c.type_text is not None:
                    rules.column_definition.report_unknown_type(out, c.node, name, c.name, c.type_text)
                else:
                    rules.column_definition.report_missing_type(out, c.node, name, c.name)
                return True
    if table.without_rowid:
        if late_pk is not None and indexes.add(late_pk[0], *late_pk[1]):
            return True
        if late_terms is not None and indexes.add_terms(late_terms):
            return True
        if autoincrement:
            rules.primary_key.report_autoincrement_without_rowid(out, stmt.name)
            return True
        if not has_pk:
            rules.primary_key.report_missing(out, stmt.name, name)
            return True
    return False


class _Indexes:
    """The indexes a CREATE TABLE's PRIMARY KEY and UNIQUE constraints make:
    one equal to an earlier one (same columns, same collations) is not
    made, and their ON CONFLICT clauses may not differ (sqlite3CreateIndex)."""

    def __init__(self, out: Reporter) -> None:
        self.out = out
        self.made: list[tuple[tuple[tuple[str, str], ...], list[str | None]]] = []
        self.columns: dict[str, _Column] = {}

    def add(
        self,
        cons: PrimaryKeyConstraint | UniqueConstraint,
        terms: tuple[tuple[str, str | None], ...],
        conflict: list[Token],
        col: ColumnDef | None = None,
    ) -> bool:
        """An index on ``terms`` (column, explicit collation); True if its
        ON CONFLICT clause conflicts with an equal index's (reported)."""
        key = tuple(
            (
                normalize(name),
                (
                    coll.lower()
                    if coll
                    else _collation(col if col is not None else self.columns[normalize(name)].node)
                ),
            )
            for name, coll in terms
        )
        on_error = conflict[-1].text.upper() if conflict else None
        for made_key, made_error in self.made:
            if made_key != key:
                continue
            if made_error[0] != on_error:
                if made_error[0] is not None and on_error is not None:
                    rules.primary_key.report_conflicting(self.out, cons)
                    return True
                made_error[0] = made_error[0] or on_error
            return False
        self.made.append((key, [on_error]))
        return False

    def add_terms(self, cons: PrimaryKeyConstraint | UniqueConstraint) -> bool:
        terms = []
        for term in cons.columns:
            expr = term.expr
            name = _column_of(expr)
            if name is None or normalize(name) not in self.columns:
                return False  # refused already
            coll = unquote(expr.collation.text) if isinstance(expr, CollateExpr) else None
            terms.append((name, coll))
        return self.add(cons, tuple(terms), cons.conflict)


def _collation(col: ColumnDef) -> str:
    """A column's collation (its last COLLATE clause; BINARY)."""
    found = "binary"
    for cons in col.constraints:
        if isinstance(cons, CollateConstraint):
            found = unquote(cons.collation.text)
    return found.lower()


def all_generated(stmt: CreateTableStmt) -> bool:
    """Whether every column is generated (SQLite: "must have at least one
    non-generated column", checked after the generated columns resolve)."""
    return all(any(isinstance(c, GeneratedConstraint) for c in col.constraints) for col in stmt.columns)


def _strip(expr: Expr) -> Expr:
    """``expr`` without COLLATE and parentheses (sqlite3ExprSkipCollate;
    parentheses leave no node in SQLite's tree)."""
    while True:
        if isinstance(expr, (CollateExpr, ParenExpr)):
            expr = expr.expr
        else:
            return expr


def _column_of(expr: Expr) -> str | None:
    """The column a PRIMARY KEY or UNIQUE term names (a name, or a string
    SQLite takes as one: sqlite3StringToId), else None."""
    inner = _strip(expr)
    if isinstance(inner, ColumnRef) and len(inner.parts) == 1:
        return unquote(inner.parts[0].text)
    if isinstance(inner, Literal) and inner.literal_token.text[:1] == "'":
        return unquote(inner.literal_token.text)
    return None


def _index_terms(
    out: Reporter, cons: PrimaryKeyConstraint | UniqueConstraint, resolve_term: Callable[[OrderingTerm], bool]
) -> bool:
    """sqlite3CreateIndex on the table being created: each term resolved,
    then refused if it is not one of its columns."""
    for term in cons.columns:
        if resolve_term(term):
            return True
        inner = _strip(term.expr)
        if isinstance(inner, ColumnRef):
            continue  # a column, or an unknown one
        if _column_of(term.expr) is not None:
            continue  # a string naming a column (or an unknown one)
        rules.primary_key.report_expression(out, term.expr)
        return True
    return False


def is_constant(expr: Expr) -> bool:
    """SQLite's sqlite3ExprIsConstantOrFunction as a DEFAULT sees it: no
    column names (but TRUE/FALSE), no qualified names, no subqueries, no
    parameters, no RAISE; any function, if its arguments are constant (not
    a window function)."""
    stack: list[Node] = [expr]
    while stack:
        item = stack.pop()
        if isinstance(item, ColumnRef):
            word = item.parts[0].text
            if len(item.parts) > 1 or word[:1] in _QUOTES or normalize(word) not in ("true", "false"):
                return False
            continue
        if isinstance(item, (SubqueryExpr, ExistsExpr, Variable, RaiseExpr)):
            return False
        if isinstance(item, InExpr) and (item.query is not None or item.table is not None):
            return False
        if isinstance(item, FunctionCall) and item.over is not None:
            return False
        stack.extend(c for c in item.children if isinstance(c, Node))
    return True


def string_column(expr: Expr) -> Token | None:
    """The string an index, PRIMARY KEY or UNIQUE term is, which SQLite
    takes as a column name (sqlite3StringToId), else None."""
    inner = _strip(expr)
    if isinstance(inner, Literal) and inner.literal_token.text[:1] == "'":
        return inner.literal_token
    return None


__all__ = ["all_generated", "check_definition", "column_type", "is_constant", "string_column"]
