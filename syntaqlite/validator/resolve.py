"""Name resolution: what every name of a statement refers to, and the checks
that fall out of it.

The resolver follows SQLite's own rules (``resolve.c`` and ``select.c``):

* a column name is looked up in the innermost query first, among all its
  FROM items (a table with an alias answers only to its alias), then in the
  enclosing queries (correlated subqueries); a FROM subquery sees the
  enclosing queries but not its siblings;
* an unqualified name that is no column may be a result-column alias in
  WHERE, GROUP BY, HAVING and ORDER BY; ``rowid``/``oid``/``_rowid_`` when
  exactly one table with a rowid is in scope; TRUE/FALSE; and, when written
  in double quotes, a string (SQLite's legacy rule: a warning here);
* USING and NATURAL joins make the shared columns unambiguous;
* ``new.``/``old.`` in trigger bodies (as the event allows), ``excluded.``
  in an upsert, the target table in RETURNING;
* aggregates are allowed in the result columns, HAVING and ORDER BY (and as
  arguments of window functions), window functions only in the result
  columns and ORDER BY; a HAVING needs an aggregate query.

Unlike SQLite, which stops at the first error, every problem is reported.
A table whose columns are unknown (a virtual table of an unknown module, a
table missing from the schema) makes no column error: the table itself was
reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Related, Severity
from ..syntax.cst import Node
from ..syntax.names import normalize, unquote
from ..syntax.nodes import FROM_TERMS, ColumnRef, FunctionCall
from ..syntax.target import Target as SqliteTarget
from ..syntax.tokens import Token
from . import builtins
from .catalog import Catalog, Column, Table, Where, column_names_of, is_builtin_name, location_of
from .model import Reference, SemanticModel, Target
from .rules import RULES, Rule
from .suggest import closest

ROWID_NAMES = frozenset({"rowid", "oid", "_rowid_"})
_COMPARISONS = frozenset({"EQ", "NE", "LT", "LE", "GT", "GE"})
_QUERY_KINDS = frozenset({"select", "select_core", "values"})


@dataclass
class Source:
    """One item of a FROM clause (or a pseudo-table: new, old, excluded)."""

    name: str | None  # the name qualifiers must use (alias, else table name)
    columns: list[Column] | None  # None: unknown, accept any name
    table: Table | None = None
    schema: str | None = None
    rowid: bool = False
    using: set[str] = field(default_factory=set)
    right_join: bool = False
    position: int = 0
    target: Target | None = None
    qualifier_only: bool = False  # new/old/excluded: reachable only as name.column
    alias_target: Target | None = None  # what the alias of a table means, when it has one
    _index: dict[str, Column] | None = field(default=None, repr=False)
    _targets: dict[int, Target] = field(default_factory=dict, repr=False)

    def column(self, name: str) -> Column | None:
        if self.columns is None:
            return None
        if self._index is None:
            self._index = {}
            for c in self.columns:
                self._index.setdefault(c.key, c)
        return self._index.get(normalize(name))

    def column_target(self, col: Column) -> Target:
        cached = self._targets.get(id(col))
        if cached is None:
            cached = self._targets[id(col)] = self._column_target(col)
        return cached

    def _column_target(self, col: Column) -> Target:
        if self.table is not None and self.table.kind != "builtin":
            owner = f"{self.table.schema}.{self.table.name}"
            return Target(
                "column",
                f"column:{normalize(owner)}.{col.key}",
                f"{self.table.name}.{col.name}"
                + (f" {col.type}" if col.type else "")
                + f"\ncolumn of {self.table.kind} {self.table.name}",
                col.location,
            )
        base = self.target.key if self.target else (self.name or "?")
        owner_name = self.name or "subquery"
        return Target(
            "column",
            f"column:{base}.{col.key}",
            f"{owner_name}.{col.name}\ncolumn of {owner_name}",
            col.location,
        )


@dataclass
class Scope:
    sources: list[Source]
    parent: Scope | None = None
    aliases: dict[str, Node] | None = None  # result-set aliases usable here
    windows: dict[str, Node] = field(default_factory=dict)
    aggregate: bool = False  # an aggregate function was seen in the result columns
    # Did-you-mean candidates by qualifier, with the sizes they were made at.
    candidates: dict[str | None, tuple[int, int, tuple[str, ...]]] = field(default_factory=dict)


@dataclass
class Ctx:
    """Where an expression is: what it may contain."""

    scope: Scope
    allow_agg: bool = False
    allow_win: bool = False
    clause: str = "expression"
    saw_agg: list[bool] = field(default_factory=lambda: [False])


@dataclass
class Shape:
    """What a query returns: its column names (SQLite's names), or None when
    unknown (an unknown table's ``*``)."""

    names: list[str] | None
    columns: list[Column] | None = None

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
    node: Node
    shape: Shape | None  # None until resolved (or, while resolving, the recursive part is reached)
    target: Target
    outer: Scope | None = None
    depth: int = 0  # how many WITH frames its body sees
    state: str = "pending"  # pending, busy, done
    error: str = "circular reference"  # SQLite's message for a reference while busy
    direct: frozenset[int] = frozenset()  # offsets of the recursive term's own references


class Resolver:
    """Resolves one statement at a time against a catalog, reporting
    diagnostics and filling a semantic model."""

    def __init__(
        self,
        catalog: Catalog,
        source: str,
        path: str | None,
        target: SqliteTarget,
        report: Callable[[Diagnostic], None],
        model: SemanticModel,
        *,
        keep_model: bool = True,
        where: Where | None = None,
    ) -> None:
        self.catalog = catalog
        self.source = source
        self.path = path
        self.where = where if where is not None else Where(path)
        self.sqlite = target
        self.report_diagnostic = report
        self.model = model
        self.keep_model = keep_model  # False: only diagnostics are wanted
        self.ctes: list[dict[str, Cte]] = []
        self.trigger: tuple[Table | None, str] | None = None  # (table, event) inside a trigger body
        self.upsert_target: Table | None = None
        self.in_upsert = False
        self.cte_counter = 0
        self.muted = 0  # >0: diagnostics are dropped (an unused CTE's body)
        self.table_targets: dict[int, tuple[Table, Target]] = {}
        self.function_names: list[str] | None = None  # the functions the target has (did-you-mean)
        # Every column reference resolved to a FROM source, in order (the ON
        # clause check looks at those made inside an ON clause).
        self.resolved: list[tuple[Node, Source]] = []

    # -- reporting --------------------------------------------------------------

    def report(
        self,
        rule: Rule,
        first: Token | Node,
        message: str,
        *,
        last: Token | Node | None = None,
        help: str | None = None,
        replacement: str | None = None,
        severity: Severity | None = None,
        related: tuple[Related, ...] = (),
    ) -> None:
        if self.muted:
            return
        last = last or first
        start_tok = first.first_token if isinstance(first, Node) else first
        end_tok = last.last_token if isinstance(last, Node) else last
        self.report_diagnostic(
            Diagnostic(
                code=rule.code,
                message=message,
                start=start_tok.start,
                end=end_tok.end,
                line=start_tok.line,
                column=start_tok.column,
                end_line=end_tok.end_line,
                end_column=end_tok.end_column,
                severity=severity or rule.severity,
                help=help,
                replacement=replacement,
                related=related,
            )
        )

    def refer(self, tok: Token, target: Target | None) -> None:
        if self.keep_model:
            self.model.references.append(Reference(tok, target))

    def define(self, tok: Token, target: Target) -> None:
        if self.keep_model:
            self.model.definitions.append(Reference(tok, target))

    # -- tables ---------------------------------------------------------------

    def table_target(self, table: Table) -> Target:
        """What a table's name means (cached until a schema statement)."""
        cached = self.table_targets.get(id(table))
        if cached is not None and cached[0] is table:
            return cached[1]
        target = self._table_target(table)
        self.table_targets[id(table)] = (table, target)
        return target

    def _table_target(self, table: Table) -> Target:
        kind = "view" if table.kind == "view" else "table"
        cols = ", ".join(c.name + (f" {c.type}" if c.type else "") for c in table.visible_columns[:12])
        more = "" if len(table.visible_columns) <= 12 else ", ..."
        detail = (
            f"{kind} {table.schema}.{table.name}" if table.schema not in ("main",) else f"{kind} {table.name}"
        )
        if table.columns_known:
            detail += f" ({cols}{more})"
        return Target(kind, f"table:{normalize(table.schema)}.{table.key}", detail, table.location)

    def find_cte(self, name: str) -> Cte | None:
        key = normalize(name)
        for frame in reversed(self.ctes):
            if key in frame:
                return frame[key]
        return None

    def unknown_table(self, tok: Token, name: str, schema: str | None, kind: str = "table") -> None:
        known = (
            self.catalog.known(schema) if schema else self.catalog.known("main") or self.catalog.known("temp")
        )
        if kind == "index":
            candidates = [ix.name for db in self.catalog.databases.values() for ix in db.indexes.values()]
        elif kind == "trigger":
            candidates = [tr.name for db in self.catalog.databases.values() for tr in db.triggers.values()]
        else:
            candidates = [
                t.name
                for t in self.catalog.all_tables()
                if (t.kind != "builtin" or is_builtin_name(t.name)) and (kind == "table" or t.kind == kind)
            ]
            candidates += [c.name for frame in self.ctes for c in frame.values()]
        suggestion = closest(name, candidates)
        shown = f"{schema}.{name}" if schema else name
        help = f"did you mean '{suggestion}'?" if suggestion else None
        if normalize(name) == "sqlite_sequence":
            help, suggestion = "SQLite creates sqlite_sequence with the first AUTOINCREMENT table", None
        elif normalize(name).startswith("sqlite_stat"):
            help, suggestion = f"SQLite creates {name} when ANALYZE first runs", None
        self.report(
            RULES["unknown-table"],
            tok,
            f"no such {kind}: {shown}",
            help=help,
            replacement=suggestion,
            severity=None if known and not is_builtin_name(name) else Severity.WARNING,
        )
        self.refer(tok, None)

    def check_schema(
        self, schema_tok: Token | None, *, lookup: tuple[str, Token] | None = None, quiet: bool = False
    ) -> bool:
        """A schema qualifier names a database: main, temp or attached.  An
        unknown one is reported as SQLite does: for a ``lookup`` of an
        existing object (kind, name token) as that object missing, else as an
        unknown database; both warnings, since the application may attach it."""
        if schema_tok is None:
            return True
        schema = unquote(schema_tok.text)
        if self.catalog.database(schema) is not None:
            self.refer(schema_tok, Target("database", f"database:{normalize(schema)}", f"{schema}\ndatabase"))
            return True
        if quiet:
            return False
        if lookup is not None:
            kind, name_tok = lookup
            self.report(
                RULES["unknown-table"],
                schema_tok,
                f"no such {kind}: {schema}.{unquote(name_tok.text)}",
                last=name_tok,
                severity=Severity.WARNING,
            )
        else:
            self.report(RULES["unknown-database"], schema_tok, f"unknown database {schema}")
        return False

    # -- statements -------------------------------------------------------------

    def statement(self, body: Node) -> None:
        kind = body.kind
        handler = getattr(self, "stmt_" + kind, None)
        if handler is not None:
            handler(body)
        elif kind in _QUERY_KINDS:
            self.query(body, None)

    def stmt_insert_stmt(self, node: Node) -> None:
        self.dml(node, "insert")

    def stmt_update_stmt(self, node: Node) -> None:
        self.dml(node, "update")

    def stmt_delete_stmt(self, node: Node) -> None:
        self.dml(node, "delete")

    def with_clause(self, node: Node, scope: Scope | None) -> None:
        """Declare the CTEs of a WITH clause, in a new frame that
        ``end_with`` pops."""
        frame: dict[str, Cte] = {}
        self.ctes.append(frame)
        for cte in node.children:
            if not (isinstance(cte, Node) and cte.kind == "common_table_expression"):
                continue
            name_tok = cte.children[0]
            assert isinstance(name_tok, Token)
            name = unquote(name_tok.text)
            self.cte_counter += 1
            target = Target(
                "cte",
                f"cte:{self.cte_counter}:{normalize(name)}",
                f"{name}\ncommon table expression",
                location_of(name_tok, self.where),
            )
            self.define(name_tok, target)
            if normalize(name) in frame:
                self.report(RULES["already-exists"], name_tok, f"duplicate WITH table name: {name}")
                continue
            frame[normalize(name)] = Cte(name, cte, None, target, scope, len(self.ctes))

    def end_with(self) -> None:
        """Pop the innermost WITH frame.  CTEs nobody used are resolved for
        the semantic model (hover, go to definition) but, as in SQLite, their
        errors are not reported."""
        frame = self.ctes[-1]
        pending = [cte for cte in frame.values() if cte.state == "pending"]
        if pending:
            self.muted += 1
            try:
                for cte in pending:
                    self.resolve_cte(cte)
            finally:
                self.muted -= 1
        self.ctes.pop()

    def resolve_cte(self, entry: Cte) -> None:
        """Resolve a CTE's body, with SQLite's rules for recursion: a
        compound joined by UNION [ALL] whose last terms name the CTE in their
        FROM is recursive; any other reference to it is an error."""
        entry.state = "busy"
        saved = self.ctes
        self.ctes = saved[: entry.depth]
        node = entry.node
        name_tok = node.children[0]
        assert isinstance(name_tok, Token)
        column_list = node.child_kind("column_list")
        query = next(c for c in node.children if isinstance(c, Node) and c.kind in _QUERY_KINDS)
        listed = (
            [unquote(_token(c.children[0]).text) for c in column_list.children if isinstance(c, Node)]
            if column_list
            else None
        )  # type: ignore[union-attr]
        try:
            split = self.recursive_split(entry, query)

            def on_split(first: Shape) -> None:
                entry.shape = Shape(column_names_of(listed) if listed is not None else first.names)
                entry.error = "multiple recursive references"

            shape = self.query(query, entry.outer, split=split, on_split=on_split)
            width = shape.width
            if listed is not None:
                if width is not None and width != len(listed):
                    self.report(
                        RULES["cte-column-count"],
                        name_tok,
                        f"table {entry.name} has {width} values for {len(listed)} columns",
                        last=column_list,
                    )
                entry.shape = Shape(column_names_of(listed))
            else:
                entry.shape = Shape(column_names_of(shape.names) if shape.names is not None else None)
        finally:
            self.ctes = saved
            entry.state = "done"

    def recursive_split(self, entry: Cte, query: Node) -> int | None:
        """The index of the first recursive term of the CTE's body (None:
        not recursive): the trailing terms joined by the last operator, when
        that is UNION or UNION ALL, that name the CTE in their own FROM."""
        if query.kind != "select":
            return None
        parts = [c for c in query.children if isinstance(c, Node) and c.kind in ("select_core", "values")]
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
            refs = [t for t in _from_names(parts[i]) if normalize(t.text) == key]
            if not refs:
                break
            if len(refs) > 1:
                self.report(
                    RULES["circular-cte"], refs[1], f"multiple references to recursive table: {entry.name}"
                )
            direct.update(t.start for t in refs)
            split = i
        entry.direct = frozenset(direct)
        return split

    # -- queries --------------------------------------------------------------

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
            return self.select_core(node, outer, None)
        if node.kind == "values":
            return self.values(node, outer)
        pushed = False
        with_clause = node.child_kind("with_clause")
        if with_clause is not None:
            self.with_clause(with_clause, outer)
            pushed = True
        try:
            parts = [c for c in node.children if isinstance(c, Node) and c.kind in ("select_core", "values")]
            ops = [c for c in node.children if isinstance(c, Node) and c.kind == "compound_operator"]
            shapes: list[Shape] = []
            for i, part in enumerate(parts):
                if i == split and on_split is not None:
                    on_split(shapes[0])
                last = i == len(parts) - 1 and len(parts) > 1
                if part.kind == "values":
                    shapes.append(self.values(part, outer))
                else:
                    shapes.append(self.select_core(part, outer, None, compound_last=last))
            first_width = shapes[0].width if shapes else None
            for i in range(1, len(shapes)):
                w = shapes[i].width
                if first_width is not None and w is not None and w != first_width:
                    op = ops[i - 1]
                    self.report(
                        RULES["compound-column-count"],
                        op,
                        f"SELECTs to the left and right of {op.keyword_text()} do not have the same number of result columns",
                    )
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
            expr = _strip_collate(term.children[0])
            if isinstance(expr, Node) and expr.kind == "literal" and expr.children[0].kind == "INTEGER":  # type: ignore[union-attr]
                self.order_number(expr, n, len(shape.names), "ORDER")
                continue
            if (
                isinstance(expr, Node)
                and expr.kind == "column_ref"
                and normalize(_token(expr.children[-1]).text) in names
            ):
                continue
            self.report(
                RULES["order-by-term"],
                term,
                f"{_ordinal(n)} ORDER BY term does not match any column in the result set",
            )

    def order_number(self, literal: Node, n: int, count: int, which: str) -> bool:
        tok = literal.children[0]
        assert isinstance(tok, Token)
        try:
            value = int(tok.text, 0)
        except ValueError:
            return True
        if 1 <= value <= count:
            return True
        self.report(
            RULES["order-by-term"],
            literal,
            f"{_ordinal(n)} {which} BY term out of range - should be between 1 and {count}",
        )
        return False

    def values(self, node: Node, outer: Scope | None) -> Shape:
        rows = node.children_of_kind("value_row")
        width: int | None = None
        for row in rows:
            items = [c for c in row.children if isinstance(c, Node)]
            ctx = Ctx(Scope([], outer), clause="VALUES")
            for item in items:
                self.expr(item, ctx)
            if width is None:
                width = len(items)
            elif len(items) != width:
                self.report(RULES["values-row-length"], row, "all VALUES must have the same number of terms")
        return Shape([f"column{i + 1}" for i in range(width or 0)])

    def select_core(
        self, node: Node, outer: Scope | None, _unused: None, *, compound_last: bool = False
    ) -> Shape:
        from_clause = node.child_kind("from_clause")
        scope = Scope([], outer)
        if from_clause is not None:
            self.from_items(from_clause.children[1:], scope, outer)
        for wd in (node.child_kind("window_clause") or _EMPTY).children_of_kind("window_definition"):
            name_tok = wd.children[0]
            assert isinstance(name_tok, Token)
            scope.windows[normalize(name_tok.text)] = wd
            self.define(
                name_tok,
                Target(
                    "window",
                    f"window:{id(wd)}",
                    f"WINDOW {unquote(name_tok.text)}\nnamed window",
                    location_of(name_tok, self.where),
                ),
            )
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
            self.expr(expr, result_ctx)
            self.scalar_context(expr, result_ctx)
            alias = _alias_of(rc)
            if alias is not None:
                aliases[normalize(alias.text)] = expr
            if alias is not None and self.keep_model:
                self.define(
                    alias,
                    Target(
                        "alias",
                        f"alias:{id(rc)}",
                        f"{self.source[expr.start : expr.end]} AS {unquote(alias.text)}\nresult column",
                        location_of(alias, self.where),
                    ),
                )
            if names is not None:
                name = unquote(alias.text) if alias is not None else self.result_name(expr)
                names.append(name)
                assert columns is not None
                place = location_of(alias or expr, self.where) if self.keep_model else None
                columns.append(Column(name, location=place))
        aggregate = result_ctx.saw_agg[0] or node.child_kind("group_by_clause") is not None
        scope.aggregate = aggregate
        scope.aliases = aliases
        having = node.child_kind("having_clause")
        if having is not None:
            if not aggregate:
                self.report(
                    RULES["having-without-group"],
                    having.children[0],
                    "HAVING clause on a non-aggregate query",
                )
            # In a non-aggregate query the HAVING clause itself is the error:
            # its aggregates are not misused on top of it.
            self.expr(having.children[1], Ctx(scope, allow_agg=True, clause="HAVING"))  # type: ignore[arg-type]
        where = node.child_kind("where_clause")
        if where is not None:
            wctx = Ctx(scope, clause="WHERE")
            self.expr(where.children[1], wctx)  # type: ignore[arg-type]
            self.scalar_context(where.children[1], wctx)  # type: ignore[arg-type]
        group = node.child_kind("group_by_clause")
        count = len(names) if names is not None else None
        order = node.child_kind("order_by_clause")
        if order is not None and not compound_last:
            self.order_or_group(order, scope, count, "ORDER", allow_agg=True, allow_win=True)
        if group is not None:
            self.order_or_group(group, scope, count, "GROUP", allow_agg=False, allow_win=False)
        for wd in (node.child_kind("window_clause") or _EMPTY).children_of_kind("window_definition"):
            window = wd.child_kind("window")
            if window is not None:
                self.window(window, Ctx(scope, allow_agg=aggregate, clause="WINDOW"), defining=wd)
        limit = node.child_kind("limit_clause")
        if limit is not None:
            for e in limit.nodes():
                self.expr(e, Ctx(Scope([]), clause="LIMIT"))
        return Shape(column_names_of(names) if names is not None else None, columns)

    def result_name(self, expr: Node) -> str:
        """SQLite's name for an unaliased result column: the column's name
        for a column reference, else the expression's source text."""
        if expr.kind == "column_ref":
            return unquote(_token(expr.children[-1]).text)
        return self.source[expr.start : expr.end]

    def order_or_group(
        self, node: Node, scope: Scope, count: int | None, which: str, *, allow_agg: bool, allow_win: bool
    ) -> None:
        """ORDER BY / GROUP BY terms: result-column numbers, aliases, or
        expressions resolved in the query's scope (aliases usable)."""
        terms = node.children_of_kind("ordering_term") if which == "ORDER" else node.nodes()
        for n, term in enumerate(terms, 1):
            expr = term.children[0] if term.kind == "ordering_term" else term
            assert isinstance(expr, Node)
            plain = _strip_collate(expr)
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
            self.expr(expr, ctx)
            if which == "GROUP" and ctx.saw_agg[0]:
                self.report(
                    RULES["misuse-aggregate"],
                    expr,
                    "aggregate functions are not allowed in the GROUP BY clause",
                )

    def star(self, rc: Node, scope: Scope) -> list[Column] | None:
        """The columns ``*`` or ``t.*`` stands for (None: unknown)."""
        if rc.children[0].kind == "STAR":  # type: ignore[union-attr]
            if not scope.sources:
                self.report(RULES["no-tables"], rc, "no tables specified")
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
                self.refer(qualifier, src.target)
                return None if src.columns is None else [c for c in src.columns if not c.hidden]
        self.report(RULES["unknown-table"], qualifier, f"no such table: {unquote(qualifier.text)}")
        return None

    # -- FROM -------------------------------------------------------------------

    def from_items(self, items: Sequence[Node | Token], scope: Scope, outer: Scope | None) -> None:
        """Build the sources of a FROM clause (flattening parenthesized
        joins), then resolve ON clauses, USING lists and table-function
        arguments."""
        pending: list[tuple[Node, Source | None, int]] = []  # (term, its source, index of first source)
        join_ops: list[Node | None] = []
        last_op: Node | None = None
        for item in items:
            if isinstance(item, Node) and item.kind == "join_operator":
                last_op = item
                continue
            if isinstance(item, Node) and item.kind in _TERM_KINDS:
                first_index = len(scope.sources)
                src = self.term(item, scope, outer)
                pending.append((item, src, first_index))
                join_ops.append(last_op)
                last_op = None
        # Joins: NATURAL and USING make shared columns one.  The ON clause of
        # an outer join, or of any join in a FROM with a RIGHT or FULL join,
        # may not look at tables to its right.
        words_of = [
            {t.text.upper() for t in op.children if isinstance(t, Token)} if op is not None else set()
            for op in join_ops
        ]
        any_right = any(words & {"RIGHT", "FULL"} for words in words_of)
        ends = [first for _t, _s, first in pending[1:]] + [len(scope.sources)]
        for (term, _src, first_index), op, words, end in zip(pending, join_ops, words_of, ends):
            if op is not None and op.kind == "join_operator":
                right = bool(words & {"RIGHT", "FULL"})
                outer_join = bool(words & {"LEFT", "RIGHT", "FULL"}) or any_right
                left_sources = scope.sources[:first_index]
                mine = scope.sources[first_index:end]
                if "NATURAL" in words:
                    left_cols = {c.key for s in left_sources if s.columns for c in s.columns if not c.hidden}
                    for s in mine:
                        if s.columns:
                            s.using |= {c.key for c in s.columns if c.key in left_cols and not c.hidden}
                for s in mine:
                    s.right_join = right
            else:
                outer_join = False
                left_sources = scope.sources[:first_index]
                mine = scope.sources[first_index:end]
            constraint = term.children[-1]
            if isinstance(constraint, Node) and constraint.kind == "using_clause":
                for name_tok in constraint.children[2:-1]:
                    if not isinstance(name_tok, Token) or name_tok.kind == "COMMA":
                        continue
                    key = normalize(name_tok.text)
                    left_has = any(s.columns is None or s.column(name_tok.text) for s in left_sources)
                    right_has = any(s.columns is None or s.column(name_tok.text) for s in mine)
                    if not (left_has and right_has):
                        self.report(
                            RULES["using-column"],
                            name_tok,
                            f"cannot join using column {unquote(name_tok.text)} - column not present in both tables",
                        )
                    for s in mine:
                        s.using.add(key)
                    src_for_ref = next((s for s in left_sources if s.column(name_tok.text)), None)
                    if src_for_ref is not None:
                        col = src_for_ref.column(name_tok.text)
                        assert col is not None
                        self.refer(name_tok, src_for_ref.column_target(col))
            elif isinstance(constraint, Node) and constraint.kind == "on_clause":
                ctx = Ctx(scope, clause="ON")
                before = len(self.resolved)
                self.expr(constraint.children[1], ctx)  # type: ignore[arg-type]
                self.scalar_context(constraint.children[1], ctx)  # type: ignore[arg-type]
                if outer_join:
                    self.check_on_right(before, scope.sources[end:])
        for term, _src, _first in pending:
            if term.kind == "table_function":
                ctx = Ctx(scope, clause="table function")
                for arg in term.children:
                    if isinstance(arg, Node) and arg.kind not in (
                        "qualified_name",
                        "on_clause",
                        "using_clause",
                    ):
                        self.expr(arg, ctx)

    def check_on_right(self, first: int, right: list[Source]) -> None:
        """Report the first reference, since ``first``, to a source in ``right``."""
        mine = {id(src) for src in right}
        for ref, src in self.resolved[first:]:
            if id(src) in mine:
                self.report(RULES["join-on-right-table"], ref, "ON clause references tables to its right")
                return

    def term(self, node: Node, scope: Scope, outer: Scope | None) -> Source | None:
        """Add the sources of one FROM term to ``scope``."""
        position = len(scope.sources)
        kind = node.kind
        alias_tok = _term_alias(node)
        alias = unquote(alias_tok.text) if alias_tok is not None else None
        if kind == "table_ref":
            qn = node.children[0]
            assert isinstance(qn, Node)
            schema_tok = qn.children[0] if len(qn.children) == 3 else None
            name_tok = qn.children[-1]
            assert isinstance(name_tok, Token)
            name = unquote(name_tok.text)
            src = self.table_source(
                name_tok, name, schema_tok if isinstance(schema_tok, Token) else None, alias, position
            )
            indexed = node.child_kind("indexed_by")
            if indexed is not None and len(indexed.children) == 3 and src.table is not None:
                ix_tok = indexed.children[2]
                assert isinstance(ix_tok, Token)
                if self.catalog.find_index(unquote(ix_tok.text), src.table.schema) is None:
                    self.report(
                        RULES["unknown-table"],
                        ix_tok,
                        f"no such index: {unquote(ix_tok.text)}",
                        severity=Severity.WARNING if not self.catalog.known(src.table.schema) else None,
                    )
        elif kind == "table_function":
            qn = node.children[0]
            assert isinstance(qn, Node)
            name_tok = qn.children[-1]
            assert isinstance(name_tok, Token)
            src = self.function_source(name_tok, alias, position)
        elif kind == "subquery":
            shape = self.query(node.children[1], outer)  # type: ignore[arg-type]
            cols = [Column(n) for n in shape.names] if shape.names is not None else None
            src = self.named_source(node, alias_tok, cols, position, "subquery in FROM")
        else:  # join_group: a parenthesized join
            inner = Scope([], outer)
            self.from_items(node.children[1 : _rp_index(node.children)], inner, outer)
            if alias is None:
                for s in inner.sources:
                    s.position = len(scope.sources)
                    scope.sources.append(s)
                return None
            cols = (
                None
                if any(s.columns is None for s in inner.sources)
                else [c for s in inner.sources for c in (s.columns or []) if not c.hidden]
            )
            src = self.named_source(node, alias_tok, cols, position, "parenthesized join")
        if alias_tok is not None and src.target is not None:
            if src.table is not None or src.target.kind == "cte":
                # An alias of a table is a name of its own (renamed alone).
                src.alias_target = Target(
                    "alias",
                    f"alias:{id(node)}",
                    f"{unquote(alias_tok.text)}\nalias of {src.target.detail.partition(chr(10))[0]}",
                    location_of(alias_tok, self.where),
                )
                self.define(alias_tok, src.alias_target)
            else:
                self.define(
                    alias_tok,
                    Target("alias", src.target.key, src.target.detail, location_of(alias_tok, self.where)),
                )
        scope.sources.append(src)
        return src

    def named_source(
        self, node: Node, alias_tok: Token | None, cols: list[Column] | None, position: int, what: str
    ) -> Source:
        """A FROM item that only its alias names (a subquery, a parenthesized join)."""
        alias = unquote(alias_tok.text) if alias_tok is not None else None
        where = location_of(alias_tok, self.where) if alias_tok is not None else None
        target = Target("alias", f"subquery:{id(node)}", f"{alias or 'subquery'}\n{what}", where)
        return Source(alias, cols, position=position, target=target)

    def table_source(
        self, name_tok: Token, name: str, schema_tok: Token | None, alias: str | None, position: int
    ) -> Source:
        schema = unquote(schema_tok.text) if schema_tok is not None else None
        if schema is None:
            cte = self.find_cte(name)
            if cte is not None:
                self.refer(name_tok, cte.target)
                if cte.state == "pending":
                    self.resolve_cte(cte)
                if cte.state == "busy" and (cte.shape is None or name_tok.start not in cte.direct):
                    self.report(RULES["circular-cte"], name_tok, f"{cte.error}: {cte.name}")
                    return Source(alias or name, None, position=position, target=cte.target)
                assert cte.shape is not None
                cols = (
                    [Column(n, location=cte.target.location) for n in cte.shape.names]
                    if cte.shape.names is not None
                    else None
                )
                return Source(alias or name, cols, position=position, target=cte.target)
        if schema_tok is not None and self.catalog.database(schema) is None:
            self.report(
                RULES["unknown-table"],
                name_tok,
                f"no such table: {schema}.{name}",
                last=name_tok,
                severity=Severity.WARNING,
            )
            self.refer(name_tok, None)
            return Source(alias or name, None, schema=schema, position=position)
        if schema_tok is not None:
            self.check_schema(schema_tok)
        table = self.catalog.find_table(name, schema)
        if table is None:
            fn = builtins.lookup(name)
            if schema is None and any(f.kind == "table" for f in fn):
                return self.function_source(name_tok, alias, position)
            self.unknown_table(name_tok, name, schema)
            return Source(alias or name, None, schema=schema, position=position)
        target = self.table_target(table)
        self.refer(name_tok, target)
        return Source(
            alias or table.name,
            table.columns if table.columns_known else None,
            table,
            table.schema,
            rowid=table.has_rowid,
            position=position,
            target=target,
        )

    def function_source(self, name_tok: Token, alias: str | None, position: int) -> Source:
        name = unquote(name_tok.text)
        fns = [f for f in builtins.lookup(name) if f.kind == "table" and self.available(f)]
        if not fns:
            # A table-valued function syntaqlite does not know: maybe an
            # extension's; its columns are unknown.
            self.unknown_table(name_tok, name, None)
            return Source(alias or name, None, position=position)
        fn = fns[0]
        target = Target(
            "function", f"function:{normalize(name)}", f"{fn.signature}\ntable-valued function: {fn.summary}"
        )
        self.refer(name_tok, target)
        cols = [Column(c) for c in fn.columns] + [Column(c, hidden=True) for c in fn.hidden_columns]
        return Source(alias or name, cols, position=position, target=target, rowid=False)

    def available(self, fn: builtins.Function) -> bool:
        """Whether the target SQLite has ``fn``: its release, and its build
        options (``requires`` must be among them, or usually enabled when
        nothing was said about the build: the default target)."""
        target = self.sqlite
        return builtins.available_in(fn, target.version, target.cflags, usual=target.is_default)

    # -- expressions ----------------------------------------------------------

    def expr(self, node: Node | Token, ctx: Ctx) -> None:
        """Resolve every name in an expression (iterative over its operand
        chains, recursive into nested queries)."""
        stack: list[Node | Token] = [node]
        while stack:
            item = stack.pop()
            if not isinstance(item, Node):
                continue
            kind = item.kind
            if kind == "column_ref":
                self.column_ref(item, ctx)  # type: ignore[arg-type]
            elif kind == "function_call":
                self.function_call(item, ctx)  # type: ignore[arg-type]
            elif kind in ("subquery_expr", "exists_expr"):
                query = next(c for c in item.children if isinstance(c, Node))
                shape = self.query(query, ctx.scope)
                if (
                    kind == "subquery_expr"
                    and shape.width is not None
                    and shape.width > 1
                    and not ctx.clause.startswith("row")
                ):
                    pass  # width checked by scalar_context / comparisons
            elif kind == "in_expr":
                self.in_expr(item, ctx)
            elif kind == "raise_expr":
                if self.trigger is None:
                    self.report(
                        RULES["raise-outside-trigger"],
                        item,
                        "RAISE() may only be used within a trigger-program",
                    )
                stack.extend(c for c in item.children if isinstance(c, Node))
            elif kind == "binary_expr":
                self.binary_widths(item, ctx)
                stack.extend(reversed([c for c in item.children if isinstance(c, Node)]))
            elif kind in ("between_expr", "is_expr"):
                self.operand_widths(item, ctx)
                stack.extend(reversed([c for c in item.children if isinstance(c, Node)]))
            elif kind == "case_expr":
                self.case_widths(item, ctx)
                stack.extend(reversed([c for c in item.children if isinstance(c, Node)]))
            elif kind in ("literal", "variable"):
                continue
            else:
                if kind in ("unary_expr", "not_expr", "like_expr", "null_test", "collate_expr", "cast_expr"):
                    self.operand_widths(item, ctx)
                stack.extend(reversed([c for c in item.children if isinstance(c, Node)]))

    def column_ref(self, node: ColumnRef, ctx: Ctx) -> None:
        parts = node.parts
        col_tok = parts[-1]
        table_tok = parts[-2] if len(parts) >= 2 else None
        schema_tok = parts[0] if len(parts) == 3 else None
        col = unquote(col_tok.text)
        qualifier = normalize(table_tok.text) if table_tok is not None else None
        if (
            schema_tok is not None
            and table_tok is not None
            and self.catalog.database(unquote(schema_tok.text)) is None
        ):
            self.report(
                RULES["unknown-column"],
                node,
                f"no such column: {unquote(schema_tok.text)}.{unquote(table_tok.text)}.{col}",
            )
            return
        scope: Scope | None = ctx.scope
        saw_qualifier = False
        unknown_source = False
        while scope is not None:
            matches: list[tuple[Source, Column]] = []
            rowid_sources: list[Source] = []
            for src in scope.sources + self.pseudo_sources(scope is ctx.scope or True):
                if qualifier is not None:
                    if src.name is None or normalize(src.name) != qualifier:
                        continue
                    if schema_tok is not None and (
                        src.schema is None or normalize(src.schema) != normalize(schema_tok.text)
                    ):
                        continue
                    saw_qualifier = True
                elif src.qualifier_only:
                    continue
                if src.columns is None:
                    unknown_source = True
                    continue
                c = src.column(col)
                if c is not None:
                    if matches and normalize(col) in src.using and not src.right_join:
                        continue  # the shared column of a USING/NATURAL join
                    if matches and normalize(col) in src.using and src.right_join:
                        matches = []
                    matches.append((src, c))
                elif normalize(col) in ROWID_NAMES and src.rowid:
                    rowid_sources.append(src)
            if len(matches) == 1:
                src, c = matches[0]
                self.resolved.append((node, src))
                if self.keep_model:
                    if table_tok is not None:
                        self.refer(table_tok, src.alias_target or src.target)
                    self.refer(col_tok, src.column_target(c))
                return
            if len(matches) > 1:
                shown = ".".join(unquote(p.text) for p in parts)
                self.report(RULES["ambiguous-column"], node, f"ambiguous column name: {shown}")
                return
            if rowid_sources:
                if len(rowid_sources) == 1 or qualifier is not None:
                    src = rowid_sources[0]
                    self.resolved.append((node, src))
                    if table_tok is not None:
                        self.refer(table_tok, src.alias_target or src.target)
                    self.refer(
                        col_tok,
                        Target(
                            "column",
                            f"rowid:{src.target.key if src.target else src.name}",
                            f"{src.name}.rowid INTEGER\nthe rowid of {src.name}",
                        ),
                    )
                    return
                self.report(RULES["ambiguous-column"], node, f"ambiguous column name: {col}")
                return
            if unknown_source:
                return  # a table with unknown columns might have it
            if qualifier is None and scope.aliases and normalize(col) in scope.aliases:
                alias_expr = scope.aliases[normalize(col)]
                self.alias_use(node, alias_expr, ctx, scope)
                return
            scope = scope.parent
        if qualifier is None:
            if col_tok.text[:1] == '"':
                self.report(
                    RULES["double-quoted-string"],
                    node,
                    f"no column named \"{col}\": SQLite reads it as the string '{col}'",
                    help=f"write '{col}' in single quotes if it is a string",
                    replacement=f"'{col}'",
                )
                return
            if normalize(col) in ("true", "false"):
                return
        elif not saw_qualifier:
            names = [s.name for s in self.all_sources(ctx.scope) if s.name]
            suggestion = closest(table_tok.text if table_tok else "", names)
            help = f"did you mean '{suggestion}'?" if suggestion else None
            if self.trigger is not None and qualifier in ("new", "old"):
                event = self.trigger[1]
                has = {"INSERT": "new", "DELETE": "old"}.get(event)
                help = f"{event} triggers have only {has}." if has else help
                suggestion = None
            self.report(
                RULES["unknown-qualifier"],
                table_tok or node,
                f"no such column: {'.'.join(unquote(p.text) for p in parts)} (no table or alias named {unquote(table_tok.text)} in scope)",  # type: ignore[union-attr]
                help=help,
                replacement=suggestion,
            )
            self.refer(col_tok, None)
            return
        candidates = self.column_candidates(ctx.scope, qualifier)
        suggestion = closest(col, candidates)
        shown = ".".join(unquote(p.text) for p in parts)
        help = f"did you mean '{suggestion}'?" if suggestion else None
        if normalize(col) in ROWID_NAMES and help is None:
            rowless = [
                s
                for s in self.all_sources(ctx.scope)
                if s.table is not None and (qualifier is None or normalize(s.name or "") == qualifier)
            ]
            if rowless:
                t = rowless[0].table
                assert t is not None
                help = (
                    f"{t.name} is a view: it has no rowid"
                    if t.kind == "view"
                    else f"{t.name} is a WITHOUT ROWID table"
                )
        self.report(
            RULES["unknown-column"],
            col_tok if table_tok is not None else node,
            f"no such column: {shown}",
            help=help,
            replacement=suggestion,
        )
        self.refer(col_tok, None)

    def alias_use(self, node: Node, alias_expr: Node, ctx: Ctx, scope: Scope) -> None:
        """A result-set alias used in WHERE, GROUP BY, HAVING or ORDER BY."""
        tok = node.children[-1]
        assert isinstance(tok, Token)
        shown = self.source[alias_expr.start : alias_expr.end]
        self.refer(
            tok,
            Target("alias", f"alias-expr:{id(alias_expr)}", f"{shown} AS {unquote(tok.text)}\nresult column"),
        )
        alias = unquote(tok.text)
        if _has_window(alias_expr):
            if not ctx.allow_win:
                self.report(
                    RULES["misuse-window"],
                    node,
                    f"misuse of aliased window function {alias}",
                    help=f"{alias} is {shown}",
                )
            return
        agg = _first_aggregate(alias_expr)
        if agg is None:
            return
        if ctx.clause == "GROUP BY":
            ctx.saw_agg[0] = True  # reported by the GROUP BY check
        elif not ctx.allow_agg:
            self.report(
                RULES["misuse-aggregate"], node, f"misuse of aggregate: {agg}()", help=f"{alias} is {shown}"
            )

    def pseudo_sources(self, _innermost: bool) -> list[Source]:
        """new/old in a trigger body, excluded in an upsert."""
        out: list[Source] = []
        if self.trigger is not None:
            table, event = self.trigger
            cols = table.columns if table is not None and table.columns_known else None
            target = self.table_target(table) if table is not None else None
            if event != "DELETE":
                out.append(
                    Source(
                        "new",
                        cols,
                        table,
                        rowid=table is not None and table.has_rowid,
                        target=target,
                        qualifier_only=True,
                    )
                )
            if event != "INSERT":
                out.append(
                    Source(
                        "old",
                        cols,
                        table,
                        rowid=table is not None and table.has_rowid,
                        target=target,
                        qualifier_only=True,
                    )
                )
        if self.in_upsert:
            t = self.upsert_target
            if t is None:  # an unknown table (reported): any column may exist
                out.append(Source("excluded", None, qualifier_only=True))
            else:
                out.append(
                    Source(
                        "excluded",
                        t.columns if t.columns_known else None,
                        t,
                        rowid=t.has_rowid,
                        target=self.table_target(t),
                        qualifier_only=True,
                    )
                )
        return out

    def all_sources(self, scope: Scope | None) -> list[Source]:
        out: list[Source] = []
        while scope is not None:
            out.extend(scope.sources)
            scope = scope.parent
        return out + self.pseudo_sources(False)

    def column_candidates(self, scope: Scope, qualifier: str | None) -> tuple[str, ...]:
        """Column names (and aliases) a misspelled name in ``scope`` may have
        meant; cached on the scope while it does not grow."""
        sizes = (len(scope.sources), len(scope.aliases or ()))
        cached = scope.candidates.get(qualifier)
        if cached is not None and cached[:2] == sizes:
            return cached[2]
        found = tuple(self._column_candidates(scope, qualifier))
        scope.candidates[qualifier] = (*sizes, found)
        return found

    def _column_candidates(self, scope: Scope, qualifier: str | None) -> list[str]:
        out: list[str] = []
        for src in self.all_sources(scope):
            if qualifier is not None and (src.name is None or normalize(src.name) != qualifier):
                continue
            if src.qualifier_only and qualifier is None:
                continue
            out.extend(c.name for c in src.columns or ())
        if scope.aliases and qualifier is None:
            out.extend(scope.aliases)
        return out

    def function_call(self, node: FunctionCall, ctx: Ctx) -> None:
        name_tok = node.name
        name = unquote(name_tok.text)
        args = node.args
        nargs = 0 if node.star else len(args)
        over = node.over
        all_fns = builtins.lookup(name)
        fns = [f for f in all_fns if f.kind != "table" and self.available(f)]
        accepting = [f for f in fns if builtins.accepts(f, nargs) and self._arity_ok(f, nargs)]
        agg = next((f for f in accepting if f.kind == "aggregate"), None)
        win = next((f for f in accepting if f.kind == "window"), None)
        scalar = next((f for f in accepting if f.kind == "scalar"), None)
        is_agg = agg is not None or win is not None
        chosen = agg or win or scalar
        if chosen is not None:
            self.refer(
                name_tok,
                Target("function", f"function:{normalize(name)}", f"{chosen.signature}\n{chosen.summary}"),
            )
        else:
            self.refer(name_tok, None)
        if scalar is not None and not is_agg and over is not None:
            self.report(
                RULES["misuse-window"], node, f"{name}() may not be used as a window function", last=name_tok
            )
        elif (
            (agg is not None and over is None and not ctx.allow_agg)
            or (win is not None and over is None)
            or (is_agg and over is not None and not ctx.allow_win)
        ):
            kind = "window" if (win is not None or over is not None) else "aggregate"
            rule = RULES["misuse-window"] if kind == "window" else RULES["misuse-aggregate"]
            where = f" in {ctx.clause}" if ctx.clause not in ("expression", "result") else ""
            self.report(rule, node, f"misuse of {kind} function {name}(){where}", last=name_tok)
        elif not fns and not all_fns:
            suggestion = closest(name, self.known_function_names())
            self.report(
                RULES["unknown-function"],
                name_tok,
                f"no such function: {name}",
                help=f"did you mean '{suggestion}'?" if suggestion else None,
                replacement=suggestion,
            )
        elif not fns:
            target = self.sqlite
            reasons = [
                builtins.unavailable_reason(f, target.version, target.cflags, usual=target.is_default)
                for f in sorted(all_fns, key=lambda f: f.since)
                if f.kind != "table"
            ]
            why = next((r for r in reasons if r), "is not available")
            self.report(RULES["unknown-function"], name_tok, f"no such function: {name} ({name}() {why})")
        elif chosen is None:
            self.report(
                RULES["wrong-arity"],
                node,
                f"wrong number of arguments to function {name}(): it takes {builtins.arity_text(f for f in fns if f.kind != 'table')}, not {nargs}",
                last=node.last_token,
            )
        elif not is_agg and node.filter is not None:
            self.report(
                RULES["non-aggregate-clause"],
                node.filter,
                f"FILTER may not be used with non-aggregate {name}()",
            )
        elif not is_agg and node.order_by is not None:
            self.report(
                RULES["non-aggregate-clause"],
                node.order_by,
                f"ORDER BY may not be used with non-aggregate {name}()",
            )
        if is_agg and over is None:
            ctx.saw_agg[0] = True
        # Arguments: no window functions inside an aggregate; no aggregates
        # inside an aggregate unless it is a window function call.
        inner = Ctx(
            ctx.scope,
            allow_agg=ctx.allow_agg if not is_agg else over is not None,
            allow_win=ctx.allow_win and not is_agg,
            clause=ctx.clause,
            saw_agg=ctx.saw_agg if not is_agg else [False],
        )
        for a in args:
            self.expr(a, inner)
            self.scalar_context(a, inner)
        if node.order_by is not None:
            for term in node.order_by.children_of_kind("ordering_term"):
                self.expr(term.children[0], inner)
        if node.filter is not None:
            self.expr(node.filter.expr, Ctx(ctx.scope, clause="FILTER"))
        if over is not None:
            self.over(over, ctx)

    def known_function_names(self) -> list[str]:
        if self.function_names is None:
            self.function_names = [
                f.name for f in builtins.FUNCTIONS if f.kind != "table" and self.available(f)
            ]
        return self.function_names

    def _arity_ok(self, fn: builtins.Function, nargs: int) -> bool:
        bounds = builtins.arity_at(fn, self.sqlite.version)
        if bounds is None:
            return builtins.accepts(fn, nargs)
        lo, hi = bounds
        return nargs >= lo and (hi is None or nargs <= hi)

    def over(self, over: Node, ctx: Ctx) -> None:
        name = over.children[-1] if len(over.children) == 2 else None
        if isinstance(name, Token):
            self.window_name(name, ctx.scope)
            return
        window = over.child_kind("window")
        if window is not None:
            self.window(window, Ctx(ctx.scope, allow_agg=ctx.scope.aggregate or ctx.allow_agg, clause="OVER"))

    def window(self, window: Node, ctx: Ctx, defining: Node | None = None) -> None:
        first = window.children[0]
        if isinstance(first, Token) and first.kind not in ("PARTITION", "ORDER", "RANGE", "ROWS", "GROUPS"):
            self.window_name(first, ctx.scope)
        for child in window.children:
            if isinstance(child, Node):
                if child.kind == "order_by_clause":
                    for term in child.children_of_kind("ordering_term"):
                        self.expr(term.children[0], ctx)
                elif child.kind == "frame_spec":
                    for fb in child.children_of_kind("frame_bound"):
                        for e in fb.nodes():
                            self.expr(e, Ctx(Scope([]), clause="frame"))
                else:
                    self.expr(child, ctx)

    def window_name(self, tok: Token, scope: Scope) -> None:
        key = normalize(tok.text)
        s: Scope | None = scope
        while s is not None:
            if key in s.windows:
                wd = s.windows[key]
                name_tok = wd.children[0]
                assert isinstance(name_tok, Token)
                self.refer(
                    tok,
                    Target(
                        "window",
                        f"window:{id(wd)}",
                        f"WINDOW {unquote(name_tok.text)}\nnamed window",
                        location_of(name_tok, self.where),
                    ),
                )
                return
            s = None  # named windows are local to their SELECT
        suggestion = closest(tok.text, list(scope.windows))
        self.report(
            RULES["unknown-window"],
            tok,
            f"no such window: {unquote(tok.text)}",
            help=f"did you mean '{suggestion}'?" if suggestion else None,
            replacement=suggestion,
        )

    # -- row values -----------------------------------------------------------

    def width(self, node: Node | Token, scope: Scope) -> int:
        kind = node.kind  # node kinds are lower case, token kinds upper
        while kind == "paren_expr":
            node = node.children[1]  # type: ignore[union-attr]
            kind = node.kind
        if kind == "row_value":
            return len(node.nodes())  # type: ignore[union-attr]
        if kind == "subquery_expr":
            return self.query_width(node.children[1])  # type: ignore[union-attr,arg-type]
        return 1

    def query_width(self, query: Node) -> int:
        core = _first_core(query)
        if core.kind == "values":
            rows = core.children_of_kind("value_row")
            return len(rows[0].nodes()) if rows else 1
        n = 0
        for rc in core.children_of_kind("result_column"):
            if isinstance(rc.children[0], Token):
                return 1  # * expands to an unknown width here: do not judge
            n += 1
        return n

    def scalar_context(self, node: Node | Token, ctx: Ctx) -> None:
        """``node`` must be one value (a result column, a WHERE condition, a
        function argument)."""
        w = self.width(node, ctx.scope)
        if w == 1:
            return
        inner = node
        while isinstance(inner, Node) and inner.kind == "paren_expr":
            inner = inner.children[1]
        if isinstance(inner, Node) and inner.kind == "subquery_expr":
            self.report(RULES["subquery-column-count"], inner, f"sub-select returns {w} columns - expected 1")
        else:
            self.report(RULES["row-value-size"], node, "row value misused")

    def binary_widths(self, node: Node, ctx: Ctx) -> None:
        left, op, right = node.children
        assert isinstance(op, Token) and not isinstance(left, Token) and not isinstance(right, Token)
        wl, wr = self.width(left, ctx.scope), self.width(right, ctx.scope)
        if op.kind in _COMPARISONS:
            if wl != wr:
                self.size_mismatch(left, right, wl, wr)
            return
        for side, w in ((left, wl), (right, wr)):
            if w != 1:
                self.scalar_context(side, ctx)

    def operand_widths(self, node: Node, ctx: Ctx) -> None:
        operands = [
            c for c in node.children if isinstance(c, Node) and c.kind not in ("when_clause", "type_name")
        ]
        if node.kind in ("between_expr", "is_expr") and operands:
            widths = [self.width(o, ctx.scope) for o in operands]
            if len(set(widths)) > 1:
                self.size_mismatch(operands[0], operands[1], widths[0], widths[1])
            return
        for o in operands:
            if self.width(o, ctx.scope) != 1:
                self.scalar_context(o, ctx)

    def case_widths(self, node: Node, ctx: Ctx) -> None:
        """``CASE x WHEN v ...``: each v as wide as x (row values compare);
        without x each condition is one value; results are one value."""
        children = node.children
        whens = [c for c in children if isinstance(c, Node) and c.kind == "when_clause"]
        operand = (
            children[1]
            if len(children) > 1 and isinstance(children[1], Node) and children[1].kind != "when_clause"
            else None
        )
        width = self.width(operand, ctx.scope) if operand is not None else 1
        for when in whens:
            cond, result = when.children[1], when.children[3]
            assert isinstance(cond, Node) and isinstance(result, Node)
            w = self.width(cond, ctx.scope)
            if w != width:
                if operand is not None:
                    self.size_mismatch(operand, cond, width, w)
                else:
                    self.scalar_context(cond, ctx)
            self.scalar_context(result, ctx)
        tail = children[-2] if len(children) > 2 else None
        if isinstance(tail, Node) and children[-3].kind == "ELSE":
            self.scalar_context(tail, ctx)

    def size_mismatch(self, left: Node, right: Node, wl: int, wr: int) -> None:
        """Two sides of a comparison of different widths (SQLite says the
        same whether a side is a subquery or a row value)."""
        self.report(RULES["row-value-size"], left, "row value misused", last=right)

    def in_expr(self, node: Node, ctx: Ctx) -> None:
        left = node.children[0]
        assert isinstance(left, Node)
        self.expr(left, ctx)
        width = self.width(left, ctx.scope)
        rest = node.children[1:]
        lp = next((i for i, c in enumerate(rest) if isinstance(c, Token) and c.kind == "LP"), None)
        qn = next((c for c in rest if isinstance(c, Node) and c.kind == "qualified_name"), None)
        if qn is not None:
            # x IN table / IN table-function(args)
            name_tok = qn.children[-1]
            assert isinstance(name_tok, Token)
            schema_tok = qn.children[0] if len(qn.children) == 3 else None
            src = self.table_source(
                name_tok,
                unquote(name_tok.text),
                schema_tok if isinstance(schema_tok, Token) else None,
                None,
                0,
            )
            for a in rest:
                if isinstance(a, Node) and a.kind != "qualified_name":
                    self.expr(a, ctx)
            if src.columns is not None and width != len([c for c in src.columns if not c.hidden]):
                self.report(
                    RULES["subquery-column-count"],
                    qn,
                    f"sub-select returns {len([c for c in src.columns if not c.hidden])} columns - expected {width}",
                )
            return
        items = [c for c in rest[lp + 1 : -1] if isinstance(c, Node)] if lp is not None else []
        if len(items) == 1 and items[0].kind in _QUERY_KINDS:
            shape = self.query(items[0], ctx.scope)
            if shape.width is not None and shape.width != width and self.query_width(items[0]) == shape.width:
                self.report(
                    RULES["subquery-column-count"],
                    items[0],
                    f"sub-select returns {shape.width} columns - expected {width}",
                )
            return
        for item in items:
            self.expr(item, ctx)
            w = self.width(item, ctx.scope)
            if w != width:
                if width == 1:
                    self.scalar_context(item, ctx)
                else:
                    self.report(
                        RULES["row-value-size"],
                        item,
                        f"IN(...) element has {w} term{'s' if w != 1 else ''} - expected {width}",
                    )

    # -- DML ----------------------------------------------------------------

    def target_table(self, node: Node) -> tuple[Table | None, Source]:
        """The table an INSERT, UPDATE or DELETE changes, as a source."""
        children = [c for c in node.children if isinstance(c, Token)]
        alias_tok = None
        if any(t.kind == "AS" for t in children):
            alias_tok = children[-1]
            children = children[: children.index(next(t for t in children if t.kind == "AS"))]
        alias = unquote(alias_tok.text) if alias_tok is not None else None
        name_tok = children[-1]
        schema_tok = children[0] if len(children) == 3 else None
        name = unquote(name_tok.text)
        table = None
        if schema_tok is None or self.check_schema(schema_tok, lookup=("table", name_tok)):
            schema = unquote(schema_tok.text) if schema_tok is not None else None
            table = self.catalog.find_table(name, schema)
            if table is None:
                self.unknown_table(name_tok, name, schema)
        target = self.table_target(table) if table is not None else None
        alias_target = None
        if alias_tok is not None:
            alias_target = Target(
                "alias",
                f"target-alias:{id(node)}",
                f"{alias}\nalias"
                + (f" of {target.detail.partition(chr(10))[0]}" if target is not None else ""),
                location_of(alias_tok, self.where),
            )
            self.define(alias_tok, alias_target)
        if table is None or target is None:
            return None, Source(alias or name, None)
        self.refer(name_tok, target)
        if (
            table.kind == "builtin"
            and is_builtin_name(table.name)
            and table.key in ("sqlite_schema", "sqlite_master", "sqlite_temp_schema", "sqlite_temp_master")
        ):
            self.report(RULES["builtin-table"], name_tok, f"table {table.name} may not be modified")
        src = Source(
            alias or table.name,
            table.columns if table.columns_known else None,
            table,
            table.schema,
            rowid=table.has_rowid,
            target=target,
            alias_target=alias_target,
        )
        return table, src

    def dml(self, node: Node, kind: str) -> None:
        pushed = False
        with_clause = node.child_kind("with_clause")
        if with_clause is not None:
            self.with_clause(with_clause, None)
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
                    self.expr(where.children[1], Ctx(scope, clause="WHERE"))  # type: ignore[arg-type]
                self.returning(node, src)
                self.dml_order_limit(node, scope)
        finally:
            if pushed:
                self.end_with()

    def view_change(self, node: Node, view: Table, kind: str, target: Node) -> None:
        """A view changes only through an INSTEAD OF trigger for the change."""
        changed: list[str] = []
        if kind == "update":
            for item in node.children_of_kind("set_item"):
                changed += [
                    unquote(t.text)
                    for t in item.children[:-2]
                    if isinstance(t, Token) and t.kind not in ("LP", "RP", "COMMA")
                ]
        event = kind.upper()
        if any(tr.fires_for(event, changed) for tr in self.catalog.triggers_on(view)):
            return
        tokens = [t for t in target.children if isinstance(t, Token)]
        kinds = [t.kind for t in tokens]
        name_tok = tokens[kinds.index("AS") - 1] if "AS" in kinds else tokens[-1]
        self.report(RULES["modify-view"], name_tok, f"cannot modify {view.name} because it is a view")

    def dml_order_limit(self, node: Node, scope: Scope) -> None:
        order = node.child_kind("order_by_clause")
        if order is not None:
            for term in order.children_of_kind("ordering_term"):
                self.expr(term.children[0], Ctx(scope, clause="ORDER BY"))
        limit = node.child_kind("limit_clause")
        if limit is not None:
            for e in limit.nodes():
                self.expr(e, Ctx(Scope([]), clause="LIMIT"))

    def returning(self, node: Node, src: Source) -> None:
        ret = node.child_kind("returning_clause")
        if ret is None:
            return
        scope = Scope([src])
        for rc in ret.children_of_kind("result_column"):
            if isinstance(rc.children[0], Token):
                self.star(rc, scope)
                continue
            self.expr(rc.children[0], Ctx(scope, clause="RETURNING"))

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
            self.target_column(src, col_tok, f"table {src.name} has no column named {unquote(col_tok.text)}")
        expected: int | None = len(columns) if has_list else None
        if expected is None and table is not None and table.columns_known:
            expected = len([c for c in table.columns if not c.hidden and not c.generated])
        source = next((c for c in node.children if isinstance(c, Node) and c.kind in _QUERY_KINDS), None)
        if source is not None:
            shape = self.query(source, None)
            width = shape.width
            rows = _values_rows(source)
            if rows is not None:
                widths = [len(r.nodes()) for r in rows]
                width = widths[0] if widths else None
            if (
                expected is not None
                and width is not None
                and width != expected
                and not (rows is not None and len(set(widths)) > 1)
            ):
                if has_list:
                    message = f"{width} values for {expected} columns"
                else:
                    message = f"table {src.name} has {expected} columns but {width} values were supplied"
                self.report(RULES["insert-column-count"], source, message)
        for upsert in node.children_of_kind("upsert_clause"):
            self.upsert(upsert, table, src)
        self.returning(node, src)

    def upsert(self, node: Node, table: Table | None, src: Source) -> None:
        scope = Scope([src])
        saved = self.upsert_target, self.in_upsert
        self.upsert_target, self.in_upsert = table, True
        try:
            for child in node.children:
                if isinstance(child, Node):
                    if child.kind == "ordering_term":
                        self.expr(child.children[0], Ctx(Scope([src]), clause="ON CONFLICT"))
                    elif child.kind == "set_item":
                        self.set_item(child, src, scope)
                    elif child.kind == "where_clause":
                        self.expr(child.children[1], Ctx(scope, clause="WHERE"))  # type: ignore[arg-type]
        finally:
            self.upsert_target, self.in_upsert = saved

    def target_column(self, src: Source, tok: Token, message: str) -> None:
        """A column of the changed table named by an INSERT's column list or
        an UPDATE's SET."""
        name = unquote(tok.text)
        if src.columns is None:
            return
        column = src.column(name)
        if column is not None:
            self.refer(tok, src.column_target(column))
        elif not (normalize(name) in ROWID_NAMES and src.rowid):
            suggestion = closest(name, [c.name for c in src.columns])
            self.report(
                RULES["unknown-column"],
                tok,
                message,
                help=f"did you mean '{suggestion}'?" if suggestion else None,
                replacement=suggestion,
            )

    def set_item(self, item: Node, src: Source, scope: Scope) -> None:
        for tok in item.children[:-2]:
            if isinstance(tok, Token) and tok.kind not in ("LP", "RP", "COMMA"):
                self.target_column(src, tok, f"no such column: {unquote(tok.text)}")
        value = item.children[-1]
        assert isinstance(value, Node)
        ctx = Ctx(scope, clause="SET")
        self.expr(value, ctx)
        names = [
            t for t in item.children[:-2] if isinstance(t, Token) and t.kind not in ("LP", "RP", "COMMA")
        ]
        if len(names) > 1:
            w = self.width(value, scope)
            if w != len(names):
                self.report(RULES["row-value-size"], item, f"{len(names)} columns assigned {w} values")
        else:
            self.scalar_context(value, ctx)

    def update(self, node: Node, table: Table | None, src: Source) -> None:
        scope = Scope([src])
        from_clause = node.child_kind("from_clause")
        if from_clause is not None:
            self.from_items(from_clause.children[1:], scope, None)
        for item in node.children_of_kind("set_item"):
            self.set_item(item, src, scope)
        where = node.child_kind("where_clause")
        if where is not None:
            self.expr(where.children[1], Ctx(scope, clause="WHERE"))  # type: ignore[arg-type]
        self.returning(node, src)
        self.dml_order_limit(node, scope)


# -- helpers ---------------------------------------------------------------------

_EMPTY = Node([Token("SEMI", "", 0, 1, 1)])
_TERM_KINDS = frozenset(cls.kind for cls in FROM_TERMS)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _strip_collate(node: Node | Token) -> Node | Token:
    while isinstance(node, Node) and node.kind in ("collate_expr", "paren_expr"):
        node = node.children[0] if node.kind == "collate_expr" else node.children[1]
    return node


def _alias_of(rc: Node) -> Token | None:
    children = rc.children
    if len(children) == 3 and isinstance(children[2], Token):
        return children[2]
    if len(children) == 2 and isinstance(children[1], Token):
        return children[1]
    return None


def _term_alias(node: Node) -> Token | None:
    """The alias token of a FROM term (after AS, or a bare name)."""
    children = node.children
    if node.kind == "table_ref":
        start = 1
    elif node.kind == "subquery":
        start = 3
    else:
        start = _rp_index(children) + 1
    for c in children[start:]:
        if isinstance(c, Node):
            return None
        if c.kind != "AS":
            return c
    return None


def _rp_index(children: Sequence[Node | Token]) -> int:
    depth = 0
    for i, c in enumerate(children):
        if isinstance(c, Token):
            if c.kind == "LP":
                depth += 1
            elif c.kind == "RP":
                depth -= 1
                if depth == 0:
                    return i
    return len(children) - 1


def _first_part(query: Node) -> Node:
    return next(c for c in query.children if isinstance(c, Node) and c.kind in ("select_core", "values"))


def _first_core(query: Node) -> Node:
    if query.kind == "select":
        return _first_part(query)
    return query


def _values_rows(query: Node) -> list[Node] | None:
    core = query if query.kind != "select" else None
    if core is None:
        parts = [c for c in query.children if isinstance(c, Node) and c.kind in ("select_core", "values")]
        if len(parts) != 1:
            return None
        core = parts[0]
    if core.kind != "values":
        return None
    return core.children_of_kind("value_row")


def _from_names(core: Node) -> list[Token]:
    """The unqualified table names in a select_core's own FROM clause
    (parenthesized joins included, subqueries not)."""
    from_clause = core.child_kind("from_clause")
    out: list[Token] = []
    stack: list[Node] = [from_clause] if from_clause is not None else []
    while stack:
        n = stack.pop()
        for c in n.children:
            if not isinstance(c, Node):
                continue
            if c.kind == "table_ref":
                qn = c.children[0]
                if isinstance(qn, Node) and len(qn.children) == 1 and isinstance(qn.children[0], Token):
                    out.append(qn.children[0])
            elif c.kind == "join_group":
                stack.append(c)
    return sorted(out, key=lambda t: t.start)


def _calls(expr: Node) -> Iterator[FunctionCall]:
    """The function calls of an expression, not those of its subqueries."""
    stack: list[Node] = [expr]
    while stack:
        n = stack.pop()
        if isinstance(n, FunctionCall):
            yield n
        stack.extend(c for c in reversed(n.children) if isinstance(c, Node) and c.kind not in _QUERY_KINDS)


def _first_aggregate(expr: Node) -> str | None:
    """The name of the first aggregate call in ``expr`` (None: none)."""
    for call in _calls(expr):
        name = unquote(call.name.text)
        nargs = 0 if call.star else len(call.args)
        if call.over is None and any(
            f.kind == "aggregate" and builtins.accepts(f, nargs) for f in builtins.lookup(name)
        ):
            return name
    return None


def _has_window(expr: Node) -> bool:
    return any(call.over is not None for call in _calls(expr))


def _token(child: Node | Token) -> Token:
    assert isinstance(child, Token), child
    return child


def iter_tokens(items: Iterable[Node | Token]) -> list[Token]:
    return [t for t in items if isinstance(t, Token)]
