"""What names can be found in: scopes of sources (FROM items and the
pseudo-tables new, old and excluded), the expression context, the shape of
a query, CTEs, and the state one statement's resolution carries along."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ...syntax.names import normalize
from ...syntax.nodes import BinaryExpr, ColumnRef, CommonTableExpression, Expr, FunctionCall, WindowDefinition
from ...syntax.tokens import Token
from ..catalog import Column, Table
from ..model import Referent

ROWID_NAMES = frozenset({"rowid", "oid", "_rowid_"})


@dataclass(slots=True)
class Source:
    """One item of a FROM clause (or a pseudo-table: new, old, excluded)."""

    name: str | None  # the name qualifiers must use (alias, else table name)
    columns: list[Column] | None  # None: unknown, accept any name
    table: Table | None = None
    schema: str | None = None
    rowid: bool = False
    using: frozenset[str] = frozenset()  # the columns a NATURAL join or USING shares with the left
    right_join: bool = False
    position: int = 0
    referent: Referent | None = None
    qualifier_only: bool = False  # new/old/excluded: reachable only as name.column
    alias_referent: Referent | None = None  # what the alias of a table means, when it has one
    _index: dict[str, Column] | None = field(default=None, repr=False)
    _referents: dict[int, Referent] | None = field(default=None, repr=False)  # made at the first use

    @classmethod
    def of_table(
        cls,
        table: Table,
        referent: Referent,
        alias: str | None,
        *,
        position: int = 0,
        alias_referent: Referent | None = None,
    ) -> Source:
        """A table (or view) of the catalog, named by its alias if it has one."""
        return cls(
            alias or table.name,
            table.columns if table.columns_known else None,
            table,
            table.schema,
            rowid=table.has_rowid,
            position=position,
            referent=referent,
            alias_referent=alias_referent,
        )

    def column(self, name: str) -> Column | None:
        columns = self.columns
        if columns is None:
            return None
        table = self.table
        if table is not None and columns is table.columns:
            return table.column(name)  # the table's index, shared by every source of it
        if self._index is None:
            self._index = {}
            for c in columns:
                self._index.setdefault(c.key, c)
        return self._index.get(normalize(name))

    def column_referent(self, col: Column) -> Referent:
        if self._referents is None:
            self._referents = {}
        cached = self._referents.get(id(col))
        if cached is None:
            cached = self._referents[id(col)] = self._column_referent(col)
        return cached

    def _column_referent(self, col: Column) -> Referent:
        if self.table is not None and self.table.kind != "builtin":
            owner = f"{self.table.schema}.{self.table.name}"
            return Referent(
                "column",
                f"column:{normalize(owner)}.{col.key}",
                f"{self.table.name}.{col.name}"
                + (f" {col.type}" if col.type else "")
                + f"\ncolumn of {self.table.kind} {self.table.name}",
                col.location,
            )
        base = self.referent.key if self.referent else (self.name or "?")
        owner_name = self.name or "subquery"
        return Referent(
            "column",
            f"column:{base}.{col.key}",
            f"{owner_name}.{col.name}" + (f" {col.type}" if col.type else "") + f"\ncolumn of {owner_name}",
            col.location,
        )


@dataclass(slots=True)
class Scope:
    sources: list[Source]
    parent: Scope | None = None
    aliases: dict[str, Expr] | None = None  # result-set aliases usable here
    windows: dict[str, WindowDefinition] | None = None  # its WINDOW clause's, by name (None: it has none)
    aggregate: bool = False  # an aggregate function was seen in the result columns
    # SQLite's aggregate bookkeeping (resolve.c's NC_HasAgg): the clause of
    # this query being resolved, the aggregate calls that belong to it (an
    # aggregate belongs to the innermost query whose FROM its arguments use)
    # with the clause each was found in, and whether some argument could not
    # be resolved (then whose aggregate it is stays unknown).
    phase: str = ""  # "" : not a query (no aggregates are ever computed here)
    owned: list[tuple[FunctionCall, Token, str, str]] = field(default_factory=list)
    unsure: bool = False
    in_agg_args: int = 0  # inside the arguments of an aggregate of this query
    in_window: int = 0  # inside a window function call of this query
    window_calls: list[tuple[FunctionCall, Token, str]] = field(default_factory=list)  # its window functions
    # The containers below are made at their first use (most scopes never
    # need them): named windows resolved at a use; did-you-mean candidates
    # by qualifier, with the sizes they were made at.
    used_windows: set[str] | None = None
    candidates: dict[str | None, tuple[int, int, tuple[str, ...]]] | None = None
    # The sources by (case-folded) name, for qualified column references;
    # sources are only ever appended, so the index grows with them.
    _by_name: dict[str, list[Source]] | None = field(default=None, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)

    def window(self, key: str) -> WindowDefinition | None:
        """The named window ``key`` (normalized) of its WINDOW clause."""
        return self.windows.get(key) if self.windows is not None else None

    def named(self, key: str) -> list[Source]:
        """The sources called ``key`` (normalized), in FROM order."""
        sources = self.sources
        by_name = self._by_name
        if by_name is None or self._indexed != len(sources):
            if by_name is None or self._indexed > len(sources):
                by_name, self._indexed = {}, 0
                self._by_name = by_name
            for src in sources[self._indexed :]:
                if src.name is not None:
                    by_name.setdefault(normalize(src.name), []).append(src)
            self._indexed = len(sources)
        return by_name.get(key, [])


@dataclass(slots=True)
class Ctx:
    """Where an expression is: what it may contain."""

    scope: Scope
    allow_agg: bool = False
    allow_win: bool = False
    clause: str = "expression"
    saw_agg: list[bool] = field(default_factory=lambda: [False])
    # An expression SQLite keeps in the schema (prohibited_expression's
    # CHECK, GENERATED, INDEX or PARTIAL_INDEX): no subqueries, parameters
    # and (but in CHECK) non-deterministic functions.
    self_ref: str | None = None
    # A CHECK constraint or a partial index's WHERE: SQLite ignores the
    # database of schema.table.column there (lookupName).
    ignore_schema: bool = False


@dataclass
class ResultItem:
    """One result column of a SELECT core, as a compound's ORDER BY matches
    it: its AS name (an alias, or the column name of a ``*`` expansion:
    SQLite's ENAME_NAME), its expression, or the source column ``*`` gave."""

    name: str | None  # case-folded
    expr: Expr | None
    source: Source | None = None
    column: Column | None = None


@dataclass
class Core:
    """A SELECT core (or VALUES) of a compound: its own FROM scope and its
    result columns, against which the compound's ORDER BY terms are matched."""

    scope: Scope
    items: list[ResultItem]


@dataclass
class Shape:
    """What a query returns: its column names (SQLite's names), or None when
    unknown (an unknown table's ``*``)."""

    names: list[str] | None
    columns: list[Column] | None = None
    aggregate: bool = False  # a SELECT that computes aggregates
    windowed: bool = False  # a SELECT with window functions of its own
    core: Core | None = None  # a SELECT core's or VALUES' result columns (None: unknown)

    @property
    def width(self) -> int | None:
        return len(self.names) if self.names is not None else None


@dataclass
class Cte:
    """A common table expression.  Like SQLite, syntaqlite resolves its body
    when it is first used (from the WITH clause's own level, which sees every
    CTE of the clause), so a CTE may use one defined after it, an unused one
    is not checked, and a cycle is a circular reference."""

    name: str
    node: CommonTableExpression
    shape: Shape | None  # None until resolved (or, while resolving, the recursive part is reached)
    referent: Referent
    outer: Scope | None = None
    depth: int = 0  # how many WITH frames its body sees
    state: str = "pending"  # pending, busy, done
    recursing: bool = False  # resolving its recursive part (a reference while busy: a second one)
    direct: frozenset[int] = frozenset()  # offsets of the recursive term's own references


@dataclass
class StatementState:
    """What resolving one statement carries from clause to clause.  Every
    top-level statement starts with a fresh one
    (:meth:`~syntaqlite.validator.resolve.Resolver.begin_statement`)."""

    ctes: list[dict[str, Cte]] = field(default_factory=list)  # the WITH frames in scope, innermost last
    trigger: tuple[Table | None, str] | None = None  # (table, event) inside a trigger body
    upsert_target: Table | None = None  # the table of the upsert being resolved
    in_upsert: bool = False
    # Inside a view's query or a trigger's WHEN and body: ("view" or
    # "trigger", its name); ``fixed_db`` is its database unless it is
    # temp (SQLite's DbFixer: the tables it names are that database's).
    definition: tuple[str, str] | None = None
    definition_db: str | None = None  # the database it is created in
    fixed_db: str | None = None
    variable_reported: bool = False
    change_where: bool = False  # resolving the WHERE clause of an UPDATE or DELETE
    # Every column reference resolved to a FROM source, in order (the ON
    # clause check looks at those made inside an ON clause).
    resolved: list[tuple[ColumnRef, Source]] = field(default_factory=list)
    # Result-column aliases used in an ON clause, with their expressions
    # (SQLite resolves a copy of the expression there).
    on_aliases: list[tuple[ColumnRef, Expr]] = field(default_factory=list)
    unresolved: int = 0  # column references left unresolved (a source of unknown columns)
    cte_names: list[int] = field(default_factory=list)  # offsets of the CTE names declared so far
    # Where SQLite never reads a multi-row VALUES as a co-routine (a view's
    # body, a trigger body), and the single-row VALUES of an INSERT (an
    # expression list, not a SELECT).
    schema_body: bool = False
    insert_values: object = None
    one_row: object = None  # the query of the scalar subquery or EXISTS being resolved (LIMIT 1)
    exists: bool = False  # one_row is an EXISTS: its result columns and ORDER BY are never computed
    uncoded: int = 0  # >0: inside a clause SQLite drops unread (an aggregate query's ORDER BY)
    # A trigger step's SELECT: SQLite discards its rows (SRT_Discard) and
    # drops its ORDER BY and DISTINCT before resolving it.
    discarded: object = None
    # What the parser folds among the statement's AND nodes (expr._folded_and).
    and_folds: dict[int, tuple[BinaryExpr, bool, bool]] = field(default_factory=dict)


def pseudo_sources(state: StatementState, referent_of: Callable[[Table], Referent]) -> list[Source]:
    """new/old in a trigger body (as its event allows), excluded in an upsert."""
    out: list[Source] = []
    if state.trigger is not None:
        table, event = state.trigger
        cols = table.columns if table is not None and table.columns_known else None
        referent = referent_of(table) if table is not None else None
        for name, present in (("new", event != "DELETE"), ("old", event != "INSERT")):
            if present:
                out.append(
                    Source(
                        name,
                        cols,
                        table,
                        rowid=table is not None and table.has_rowid,
                        referent=referent,
                        qualifier_only=True,
                    )
                )
    if state.in_upsert:
        t = state.upsert_target
        if t is None:  # an unknown table (reported): any column may exist
            out.append(Source("excluded", None, qualifier_only=True))
        else:
            out.append(
                Source(
                    "excluded",
                    t.columns if t.columns_known else None,
                    t,
                    rowid=t.has_rowid,
                    referent=referent_of(t),
                    qualifier_only=True,
                )
            )
    return out
