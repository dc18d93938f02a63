"""What names can be found in: scopes of sources (FROM items and the
pseudo-tables new, old and excluded), the expression context, the shape of
a query, CTEs, and the state one statement's resolution carries along.

These are the resolver's working state, not values: each is filled in and
changed as resolution goes on (a scope gains sources and aliases, a CTE its
shape, a source its caches), and the resolver tells them apart by identity
(``is``).  So they compare and hash by identity, as plain objects do, in
the pure-Python module and compiled alike (mypyc compiles this module; a
compiled class ignores ``__slots__``, from which the shared ``Record`` base
would read the fields to compare: every instance would have compared equal).
``tests/test_compiled_values.py`` checks this, pure and compiled."""

from __future__ import annotations

from collections.abc import Callable

from ...syntax.names import normalize
from ...syntax.nodes import BinaryExpr, ColumnRef, CommonTableExpression, Expr, FunctionCall, WindowDefinition
from ...syntax.tokens import Token
from ..catalog import Column, Table
from ..model import Referent

ROWID_NAMES = frozenset({"rowid", "oid", "_rowid_"})


class Source:
    """One item of a FROM clause (or a pseudo-table: new, old, excluded)."""

    __slots__ = (
        "name",
        "columns",
        "table",
        "schema",
        "rowid",
        "using",
        "right_join",
        "position",
        "referent",
        "qualifier_only",
        "alias_referent",
        "_index",
        "_referents",
    )

    name: str | None  # the name qualifiers must use (alias, else table name)
    columns: list[Column] | None  # None: unknown, accept any name
    table: Table | None
    schema: str | None
    rowid: bool
    using: frozenset[str]  # the columns a NATURAL join or USING shares with the left
    right_join: bool
    position: int
    referent: Referent | None
    qualifier_only: bool  # new/old/excluded: reachable only as name.column
    alias_referent: Referent | None  # what the alias of a table means, when it has one
    _index: dict[str, Column] | None
    _referents: dict[int, Referent] | None  # made at the first use

    def __init__(
        self,
        name: str | None,
        columns: list[Column] | None,
        table: Table | None = None,
        schema: str | None = None,
        rowid: bool = False,
        using: frozenset[str] = frozenset(),
        right_join: bool = False,
        position: int = 0,
        referent: Referent | None = None,
        qualifier_only: bool = False,
        alias_referent: Referent | None = None,
    ) -> None:
        self.name = name
        self.columns = columns
        self.table = table
        self.schema = schema
        self.rowid = rowid
        self.using = using
        self.right_join = right_join
        self.position = position
        self.referent = referent
        self.qualifier_only = qualifier_only
        self.alias_referent = alias_referent
        self._index: dict[str, Column] | None = None
        self._referents: dict[int, Referent] | None = None

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
        return self.column_by_key(normalize(name))

    def column_by_key(self, key: str) -> Column | None:
        """The first column whose name normalizes to ``key``."""
        columns = self.columns
        if columns is None:
            return None
        table = self.table
        if table is not None and columns is table.columns:
            return table.column_by_key(key)  # the table's index, shared by every source of it
        if self._index is None:
            self._index = {}
            for c in columns:
                self._index.setdefault(c.key, c)
        return self._index.get(key)

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


class Scope:
    __slots__ = (
        "sources",
        "parent",
        "aliases",
        "windows",
        "aggregate",
        "phase",
        "owned",
        "unsure",
        "in_agg_args",
        "in_window",
        "window_calls",
        "used_windows",
        "candidates",
        "_by_name",
        "_indexed",
    )

    sources: list[Source]
    parent: Scope | None
    aliases: dict[str, Expr] | None  # result-set aliases usable here
    windows: dict[str, WindowDefinition] | None  # its WINDOW clause's, by name (None: it has none)
    aggregate: bool  # an aggregate function was seen in the result columns
    # SQLite's aggregate bookkeeping (resolve.c's NC_HasAgg): the clause of
    # this query being resolved, the aggregate calls that belong to it (an
    # aggregate belongs to the innermost query whose FROM its arguments use)
    # with the clause each was found in, and whether some argument could not
    # be resolved (then whose aggregate it is stays unknown).
    phase: str  # "" : not a query (no aggregates are ever computed here)
    owned: list[tuple[FunctionCall, Token, str, str]]
    unsure: bool
    in_agg_args: int  # inside the arguments of an aggregate of this query
    in_window: int  # inside a window function call of this query
    window_calls: list[tuple[FunctionCall, Token, str]]  # its window functions
    # The containers below are made at their first use (most scopes never
    # need them): named windows resolved at a use; did-you-mean candidates
    # by qualifier, with the sizes they were made at.
    used_windows: set[str] | None
    candidates: dict[str | None, tuple[int, int, tuple[str, ...]]] | None
    # The sources by (case-folded) name, for qualified column references;
    # sources are only ever appended, so the index grows with them.
    _by_name: dict[str, list[Source]] | None
    _indexed: int

    def __init__(
        self,
        sources: list[Source],
        parent: Scope | None = None,
        aliases: dict[str, Expr] | None = None,
        windows: dict[str, WindowDefinition] | None = None,
        aggregate: bool = False,
        phase: str = "",
        owned: list[tuple[FunctionCall, Token, str, str]] | None = None,
        unsure: bool = False,
        in_agg_args: int = 0,
        in_window: int = 0,
        window_calls: list[tuple[FunctionCall, Token, str]] | None = None,
        used_windows: set[str] | None = None,
        candidates: dict[str | None, tuple[int, int, tuple[str, ...]]] | None = None,
    ) -> None:
        self.sources = sources
        self.parent = parent
        self.aliases = aliases
        self.windows = windows
        self.aggregate = aggregate
        self.phase = phase
        self.owned = [] if owned is None else owned
        self.unsure = unsure
        self.in_agg_args = in_agg_args
        self.in_window = in_window
        self.window_calls = [] if window_calls is None else window_calls
        self.used_windows = used_windows
        self.candidates = candidates
        self._by_name: dict[str, list[Source]] | None = None
        self._indexed: int = 0

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


class Ctx:
    """Where an expression is: what it may contain."""

    __slots__ = ("scope", "allow_agg", "allow_win", "clause", "saw_agg", "self_ref", "ignore_schema")

    scope: Scope
    allow_agg: bool
    allow_win: bool
    clause: str
    saw_agg: list[bool]
    # An expression SQLite keeps in the schema (prohibited_expression's
    # CHECK, GENERATED, INDEX or PARTIAL_INDEX): no subqueries, parameters
    # and (but in CHECK) non-deterministic functions.
    self_ref: str | None
    # A CHECK constraint or a partial index's WHERE: SQLite ignores the
    # database of schema.table.column there (lookupName).
    ignore_schema: bool

    def __init__(
        self,
        scope: Scope,
        allow_agg: bool = False,
        allow_win: bool = False,
        clause: str = "expression",
        saw_agg: list[bool] | None = None,
        self_ref: str | None = None,
        ignore_schema: bool = False,
    ) -> None:
        self.scope = scope
        self.allow_agg = allow_agg
        self.allow_win = allow_win
        self.clause = clause
        self.saw_agg = [False] if saw_agg is None else saw_agg
        self.self_ref = self_ref
        self.ignore_schema = ignore_schema


class ResultItem:
    """One result column of a SELECT core, as a compound's ORDER BY matches
    it: its AS name (an alias, or the column name of a ``*`` expansion:
    SQLite's ENAME_NAME), its expression, or the source column ``*`` gave."""

    __slots__ = ("name", "expr", "source", "column")

    name: str | None  # case-folded
    expr: Expr | None
    source: Source | None
    column: Column | None

    def __init__(
        self,
        name: str | None,
        expr: Expr | None,
        source: Source | None = None,
        column: Column | None = None,
    ) -> None:
        self.name = name
        self.expr = expr
        self.source = source
        self.column = column


class Core:
    """A SELECT core (or VALUES) of a compound: its own FROM scope and its
    result columns, against which the compound's ORDER BY terms are matched."""

    __slots__ = ("scope", "items")

    scope: Scope
    items: list[ResultItem]

    def __init__(self, scope: Scope, items: list[ResultItem]) -> None:
        self.scope = scope
        self.items = items


class Shape:
    """What a query returns: its column names (SQLite's names), or None when
    unknown (an unknown table's ``*``)."""

    __slots__ = ("names", "columns", "aggregate", "windowed", "core")

    names: list[str] | None
    columns: list[Column] | None
    aggregate: bool  # a SELECT that computes aggregates
    windowed: bool  # a SELECT with window functions of its own
    core: Core | None  # a SELECT core's or VALUES' result columns (None: unknown)

    def __init__(
        self,
        names: list[str] | None,
        columns: list[Column] | None = None,
        aggregate: bool = False,
        windowed: bool = False,
        core: Core | None = None,
    ) -> None:
        self.names = names
        self.columns = columns
        self.aggregate = aggregate
        self.windowed = windowed
        self.core = core

    @property
    def width(self) -> int | None:
        return len(self.names) if self.names is not None else None


class Cte:
    """A common table expression.  Like SQLite, syntaqlite resolves its body
    when it is first used (from the WITH clause's own level, which sees every
    CTE of the clause), so a CTE may use one defined after it, an unused one
    is not checked, and a cycle is a circular reference."""

    __slots__ = ("name", "node", "shape", "referent", "outer", "depth", "state", "recursing", "direct")

    name: str
    node: CommonTableExpression
    shape: Shape | None  # None until resolved (or, while resolving, the recursive part is reached)
    referent: Referent
    outer: Scope | None
    depth: int  # how many WITH frames its body sees
    state: str  # pending, busy, done
    recursing: bool  # resolving its recursive part (a reference while busy: a second one)
    direct: frozenset[int]  # offsets of the recursive term's own references

    def __init__(
        self,
        name: str,
        node: CommonTableExpression,
        shape: Shape | None,
        referent: Referent,
        outer: Scope | None = None,
        depth: int = 0,
        state: str = "pending",
        recursing: bool = False,
        direct: frozenset[int] = frozenset(),
    ) -> None:
        self.name = name
        self.node = node
        self.shape = shape
        self.referent = referent
        self.outer = outer
        self.depth = depth
        self.state = state
        self.recursing = recursing
        self.direct = direct


class StatementState:
    """What resolving one statement carries from clause to clause.  Every
    top-level statement starts with a fresh one
    (:meth:`~syntaqlite.validator.resolve.Resolver.begin_statement`)."""

    __slots__ = (
        "ctes",
        "trigger",
        "upsert_target",
        "in_upsert",
        "definition",
        "definition_db",
        "fixed_db",
        "variable_reported",
        "change_where",
        "resolved",
        "on_aliases",
        "unresolved",
        "cte_names",
        "schema_body",
        "insert_values",
        "one_row",
        "exists",
        "uncoded",
        "discarded",
        "and_folds",
    )

    ctes: list[dict[str, Cte]]  # the WITH frames in scope, innermost last
    trigger: tuple[Table | None, str] | None  # (table, event) inside a trigger body
    upsert_target: Table | None  # the table of the upsert being resolved
    in_upsert: bool
    # Inside a view's query or a trigger's WHEN and body: ("view" or
    # "trigger", its name); ``fixed_db`` is its database unless it is
    # temp (SQLite's DbFixer: the tables it names are that database's).
    definition: tuple[str, str] | None
    definition_db: str | None  # the database it is created in
    fixed_db: str | None
    variable_reported: bool
    change_where: bool  # resolving the WHERE clause of an UPDATE or DELETE
    # Every column reference resolved to a FROM source, in order (the ON
    # clause check looks at those made inside an ON clause).
    resolved: list[tuple[ColumnRef, Source]]
    # Result-column aliases used in an ON clause, with their expressions
    # (SQLite resolves a copy of the expression there).
    on_aliases: list[tuple[ColumnRef, Expr]]
    unresolved: int  # column references left unresolved (a source of unknown columns)
    cte_names: list[int]  # offsets of the CTE names declared so far
    # Where SQLite never reads a multi-row VALUES as a co-routine (a view's
    # body, a trigger body), and the single-row VALUES of an INSERT (an
    # expression list, not a SELECT).
    schema_body: bool
    insert_values: object
    one_row: object  # the query of the scalar subquery or EXISTS being resolved (LIMIT 1)
    exists: bool  # one_row is an EXISTS: its result columns and ORDER BY are never computed
    uncoded: int  # >0: inside a clause SQLite drops unread (an aggregate query's ORDER BY)
    # A trigger step's SELECT: SQLite discards its rows (SRT_Discard) and
    # drops its ORDER BY and DISTINCT before resolving it.
    discarded: object
    # What the parser folds among the statement's AND nodes (expr._folded_and).
    and_folds: dict[int, tuple[BinaryExpr, bool, bool]]

    def __init__(
        self,
        ctes: list[dict[str, Cte]] | None = None,
        trigger: tuple[Table | None, str] | None = None,
        upsert_target: Table | None = None,
        in_upsert: bool = False,
        definition: tuple[str, str] | None = None,
        definition_db: str | None = None,
        fixed_db: str | None = None,
        variable_reported: bool = False,
        change_where: bool = False,
        resolved: list[tuple[ColumnRef, Source]] | None = None,
        on_aliases: list[tuple[ColumnRef, Expr]] | None = None,
        unresolved: int = 0,
        cte_names: list[int] | None = None,
        schema_body: bool = False,
        insert_values: object = None,
        one_row: object = None,
        exists: bool = False,
        uncoded: int = 0,
        discarded: object = None,
        and_folds: dict[int, tuple[BinaryExpr, bool, bool]] | None = None,
    ) -> None:
        self.ctes = [] if ctes is None else ctes
        self.trigger = trigger
        self.upsert_target = upsert_target
        self.in_upsert = in_upsert
        self.definition = definition
        self.definition_db = definition_db
        self.fixed_db = fixed_db
        self.variable_reported = variable_reported
        self.change_where = change_where
        self.resolved = [] if resolved is None else resolved
        self.on_aliases = [] if on_aliases is None else on_aliases
        self.unresolved = unresolved
        self.cte_names = [] if cte_names is None else cte_names
        self.schema_body = schema_body
        self.insert_values = insert_values
        self.one_row = one_row
        self.exists = exists
        self.uncoded = uncoded
        self.discarded = discarded
        self.and_folds = {} if and_folds is None else and_folds


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
