"""Queries: SELECT cores, compounds, VALUES and WITH clauses (CTEs are
resolved lazily, at first use, as SQLite expands them), and what a query
returns (its shape: column names and count)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...syntax.cst import Node
from ...syntax.names import normalize, unquote
from ...syntax.nodes import (
    CollateExpr,
    ColumnRef,
    ExistsExpr,
    Expr,
    JoinGroup,
    Literal,
    OnClause,
    OneSelect,
    ParenExpr,
    Query,
    ResultColumn,
    Select,
    SelectCore,
    SubqueryExpr,
    TableRef,
    UnaryExpr,
    Values,
    Variable,
    WindowDefinition,
    WithClause,
)
from ...syntax.tokens import Token
from .. import rules
from ..catalog import Column, Location, column_names_of, location_of
from ..model import Level, Referent
from .functions import row_constant
from .scope import ROWID_NAMES, Core, Cte, Ctx, ResultItem, Scope, Shape, Source

if TYPE_CHECKING:
    from ...syntax.nodes import FromTerm
    from .resolver import Resolver


class QueryResolver:
    def __init__(self, r: Resolver) -> None:
        self.r = r

    # -- WITH -------------------------------------------------------------------

    def with_clause(self, node: WithClause, scope: Scope | None) -> None:
        """Declare the CTEs of a WITH clause, in a new frame that
        ``end_with`` pops."""
        r = self.r
        frame: dict[str, Cte] = {}
        r.state.ctes.append(frame)
        for cte in node.ctes:
            name_tok = cte.name
            name = unquote(name_tok.text)
            r.cte_counter += 1
            referent = Referent(
                "cte",
                f"cte:{r.cte_counter}:{normalize(name)}",
                f"{name}\ncommon table expression",
                location_of(name_tok, r.where),
            )
            r.define(name_tok, referent)
            r.state.cte_names.append(name_tok.start)
            if normalize(name) in frame:
                rules.already_exists.report_duplicate_cte(r, name_tok, name)
                continue
            frame[normalize(name)] = Cte(name, cte, None, referent, scope, len(r.state.ctes))

    def end_with(self) -> None:
        """Pop the innermost WITH frame.  CTEs nobody used are resolved for
        the semantic model (hover, go to definition) but, as in SQLite, their
        errors are not reported."""
        r = self.r
        frame = r.state.ctes[-1]
        pending = [cte for cte in frame.values() if cte.state == "pending"]
        if pending:
            r.muted += 1
            try:
                for cte in pending:
                    self.resolve_cte(cte)
            finally:
                r.muted -= 1
        r.state.ctes.pop()

    def resolve_cte(self, entry: Cte) -> None:
        """Resolve a CTE's body, with SQLite's rules for recursion: a
        compound joined by UNION [ALL] whose last terms name the CTE in their
        FROM is recursive; any other reference to it is an error."""
        state = self.r.state
        entry.state = "busy"
        saved = state.ctes
        state.ctes = saved[: entry.depth]
        node = entry.node
        column_list = node.columns
        query = node.query
        listed = [unquote(c.name.text) for c in column_list.names] if column_list is not None else None
        try:
            split = self.recursive_split(entry, query)

            def on_split(first: Shape) -> None:
                entry.shape = Shape(column_names_of(listed) if listed is not None else first.names)
                entry.recursing = True

            shape = self.query(query, entry.outer, split=split, on_split=on_split)
            self.r.collations.table_columns(query)
            width = shape.width
            if listed is not None:
                if width is not None and width != len(listed):
                    assert column_list is not None
                    rules.cte_column_count.report_cte(
                        self.r, node.name, column_list, entry.name, width, len(listed)
                    )
                entry.shape = Shape(column_names_of(listed))
            else:
                entry.shape = Shape(column_names_of(shape.names) if shape.names is not None else None)
            if self.r.keep_model:
                self.cte_columns(entry, shape)
        finally:
            state.ctes = saved
            entry.state = "done"

    def cte_columns(self, entry: Cte, body: Shape) -> None:
        """For the semantic model: the CTE's columns with where each is
        defined (its name in the column list, else its result column) and
        the declared type its body gives it, and its description with them."""
        r = self.r
        assert entry.shape is not None
        names = entry.shape.names
        if names is None:
            return
        found = body.columns if body.columns is not None and len(body.columns) == len(names) else None
        column_list = entry.node.columns
        listed = column_list.names if column_list is not None else None
        columns: list[Column] = []
        for i, name in enumerate(names):
            inner = found[i] if found is not None else None
            type_ = inner.type if inner is not None else None
            place: Location | None = entry.referent.location
            if listed is not None and i < len(listed):
                place = location_of(listed[i].name, r.where)
            elif inner is not None and inner.location is not None:
                place = inner.location
            columns.append(Column(name, type_, location=place))
        entry.shape.columns = columns
        described = ", ".join(c.name + (f" {c.type}" if c.type else "") for c in columns)
        r.model.details[entry.referent.key] = f"{entry.name}({described})\ncommon table expression"

    def recursive_split(self, entry: Cte, query: Query) -> int | None:
        """The index of the first recursive term of the CTE's body (None:
        not recursive): the trailing terms joined by the last operator, when
        that is UNION or UNION ALL, that name the CTE in their own FROM."""
        if not isinstance(query, Select):
            return None
        parts = query.cores
        ops = [" ".join(t.text.upper() for t in op.words) for op in query.operators]
        if not ops or ops[-1] not in ("UNION", "UNION ALL"):
            return None
        key = normalize(entry.name)
        direct: set[int] = set()
        split = None
        for i in range(len(parts) - 1, 0, -1):
            if ops[i - 1] != ops[-1]:
                break
            refs = [t for t in from_names(parts[i]) if normalize(t.text) == key]
            if not refs:
                break
            if len(refs) > 1:
                rules.circular_cte.report_multiple(self.r, refs[1], entry.name)
            direct.update(t.start for t in refs)
            split = i
        entry.direct = frozenset(direct)
        return split

    # -- queries ----------------------------------------------------------------

    def query(
        self,
        node: Query,
        outer: Scope | None,
        *,
        split: int | None = None,
        on_split: Callable[[Shape], None] | None = None,
    ) -> Shape:
        """Resolve a query (a compound or WITH query, a SELECT core or a
        VALUES); its shape.  ``on_split(shape of the first term)`` is called
        before term number ``split`` (a recursive CTE's first recursive term)."""
        if isinstance(node, SelectCore):
            return self.select_core(node, outer)
        if isinstance(node, Values):
            return self.values(node, outer)
        pushed = False
        with_clause = node.with_clause
        if with_clause is not None:
            self.with_clause(with_clause, outer)
            pushed = True
        try:
            parts = node.cores
            ops = node.operators
            shapes: list[Shape] = []
            # The result columns of each SELECT are kept for a compound's ORDER BY.
            last_core = parts[-1] if parts else None
            ordered = len(parts) > 1 and isinstance(last_core, SelectCore) and last_core.order_by is not None
            # A compound's collations are its SELECTs' result columns'.
            keep = ordered or (len(parts) > 1 and self.r.collations.active)
            for i, part in enumerate(parts):
                if i == split and on_split is not None:
                    on_split(shapes[0])
                last = i == len(parts) - 1 and len(parts) > 1
                if isinstance(part, Values):
                    shapes.append(self.values(part, outer, compound_inner=i < len(parts) - 1, keep=keep))
                else:
                    shapes.append(self.select_core(part, outer, compound_last=last, keep=keep))
                if split is not None and i >= split:
                    self.recursive_term(part, shapes[-1], last=i == len(parts) - 1)
            first_width = shapes[0].width if shapes else None
            for i in range(1, len(shapes)):
                w = shapes[i].width
                if first_width is not None and w is not None and w != first_width:
                    rules.compound_column_count.report(self.r, ops[i - 1])
            result = shapes[0]
            if len(parts) > 1 and self.r.collations.active and isinstance(node, Select):
                self.compound_collations(node, shapes)
            if len(parts) > 1 and self.r.state.discarded is not node:
                if self.r.probe is not None:
                    self.probe_compound_order_by(parts[-1], result.names)
                final = parts[-1]
                state = self.r.state
                if (
                    isinstance(final, SelectCore)
                    and final.order_by is not None
                    and not (state.exists and state.one_row is node)
                ):
                    # The sort is coded (an EXISTS drops it): its collations are looked up.
                    for term in final.order_by.terms:
                        self.r.collations.term(term.expr)
                self.compound_order_by(final, [shape.core for shape in shapes], first_width)
            return result
        finally:
            if pushed:
                self.end_with()

    def compound_collations(self, node: Select, shapes: list[Shape]) -> None:
        """The collations a compound looks up where it is coded (select.c,
        multiSelectCollSeq): a column's is that of the left-most SELECT whose
        result column has one (a COLLATE, or a column).  Removing duplicates
        (UNION, INTERSECT, EXCEPT) needs every column's, over the SELECTs up
        to the last such operator; a sort (ORDER BY) needs the sorted
        columns', over all of them.  SQLite codes UNION as UNION ALL when at
        most one row is read (LIMIT 1, a scalar subquery, EXISTS) and there is
        no INTERSECT, EXCEPT or ORDER BY."""
        state = self.r.state
        parts = node.cores
        final = parts[-1]
        order = final.order_by if isinstance(final, SelectCore) else None
        one_row = state.one_row is node
        if order is not None and (state.discarded is node or (state.exists and one_row)):
            order = None  # dropped unread
        width = shapes[0].width
        if width is None:
            return
        kinds = [[t.kind for t in op.words] for op in node.operators]
        distinct = [i + 1 for i, words in enumerate(kinds) if "ALL" not in words]
        limit = final.limit if isinstance(final, SelectCore) else None
        limit_one = (
            (len(limit.exprs) == 1 and int_value(limit.exprs[0]) == 1) if limit is not None else one_row
        )
        if order is None and limit_one and all(words[0] == "UNION" for words in kinds):
            distinct = []
        if distinct:
            for i in range(width):
                self.compound_column_collation(parts, shapes, i, distinct[-1])
        if order is None:
            return
        first = shapes[0].core
        for term in order.terms:
            if self.r.collations.explicit(term.expr) is not None:
                continue  # looked up as the term's own
            plain = strip_collate(term.expr)
            number = int_value(plain)
            sorted_column: int | None = None
            if number is not None:
                sorted_column = number - 1 if 1 <= number <= width else None
            elif isinstance(plain, ColumnRef) and len(plain.parts) == 1 and first is not None:
                name = normalize(plain.name.text)
                sorted_column = next((i for i, item in enumerate(first.items) if item.name == name), None)
            if sorted_column is not None:
                self.compound_column_collation(parts, shapes, sorted_column, len(parts) - 1)

    def compound_column_collation(
        self, parts: list[OneSelect], shapes: list[Shape], column: int, last: int
    ) -> None:
        """Look up the collation of a compound's ``column`` as SQLite does
        (multiSelectCollSeq over the SELECTs ``0..last``); nothing is said
        when what decides it is not known."""
        collations = self.r.collations
        width = shapes[0].width
        for part, shape in zip(parts[: last + 1], shapes, strict=False):
            decider: Token | ColumnRef | None
            if isinstance(part, Values):
                rows = part.rows
                if any(len(row.values) != width for row in rows):
                    return
                decider = collations.decider(rows[0].values[column])
                if decider is None and any(
                    collations.decider(row.values[column]) is not None for row in rows[1:]
                ):
                    return  # the later rows count only when not read as a co-routine
            else:
                core = shape.core
                if core is None or len(core.items) != width:
                    return
                expr = core.items[column].expr
                if expr is None:
                    return  # a column of a * (a column has a collation)
                decider = collations.decider(expr)
            if isinstance(decider, Token):
                collations.name(decider)
                return
            if decider is not None and not (shape.core is not None and self.is_rowid(decider, shape.core)):
                return  # a column: its own collation, or BINARY (a rowid has none)

    def is_rowid(self, ref: ColumnRef, core: Core) -> bool:
        """Whether ``ref`` is, for certain, the rowid of a table of
        ``core``'s FROM clause (a rowid name or its INTEGER PRIMARY KEY)."""
        found = self.lookup_in_core(ref, core)
        if not isinstance(found, tuple) or not found:
            return False
        if found[0] == "rowid":
            return True
        if found[0] != "column":
            return False
        src = next((s for s in core.scope.sources if id(s) == found[1]), None)
        table = src.table if src is not None else None
        return (
            table is not None
            and table.kind == "table"
            and table.rowid_column is not None
            and table.rowid_column == found[2]
        )

    def recursive_term(self, part: OneSelect, shape: Shape, *, last: bool) -> None:
        """A recursive CTE's recursive terms compute no aggregates, and the
        last has no window functions (select.c, generateWithRecursiveQuery)."""
        if last and shape.windowed:
            rules.misuse_window.report_recursive(self.r, part)
        elif shape.aggregate:
            rules.misuse_aggregate.report_recursive(self.r, part)

    def probe_compound_order_by(self, last: OneSelect, names: list[str] | None) -> None:
        """For the model's probe: a compound's ORDER BY names its result
        columns (no FROM clause is in scope there)."""
        order = last.order_by if isinstance(last, SelectCore) else None
        probe = self.r.probe
        if order is None or probe is None:
            return
        for term in order.terms:
            plain = strip_collate(term.expr)
            if isinstance(plain, ColumnRef) and plain.name.start <= probe <= plain.name.end:
                level = Level([], tuple(names) if names is not None else None)
                self.r.record_in_scope(plain.name, [level], table_position=False)

    def compound_order_by(self, last: OneSelect, cores: list[Core | None], width: int | None) -> None:
        """ORDER BY of a compound, as SQLite's resolveCompoundOrderBy: a
        column number must be in range; any other term must match a result
        column of one of the SELECTs, tried from the leftmost: by its AS name
        (or a ``*`` column's name), or as the same expression, resolved in
        that SELECT's own FROM clause (a term that does not resolve there
        matches nothing there)."""
        order = last.order_by if isinstance(last, SelectCore) else None
        if order is None:
            return
        plains = [strip_collate(term.expr) for term in order.terms]
        numbers = [int_value(plain) for plain in plains]
        for n, (plain, value) in enumerate(zip(plains, numbers, strict=True), 1):
            if value is not None and width is not None and not 1 <= value <= width:
                rules.order_by_term.report_out_of_range(self.r, plain, n, "ORDER", width)
                return
        for n, (term, plain, value) in enumerate(zip(order.terms, plains, numbers, strict=True), 1):
            if value is None and not self.matches_compound_column(plain, cores):
                rules.order_by_term.report_no_match(self.r, term, n)
                return

    def matches_compound_column(self, plain: Expr, cores: list[Core | None]) -> bool:
        """Whether an ORDER BY term of a compound matches a result column of
        one of its SELECTs (True also when that cannot be known)."""
        name = normalize(plain.name.text) if isinstance(plain, ColumnRef) and len(plain.parts) == 1 else None
        for core in cores:
            if core is None:
                return True
            if name is not None and any(item.name == name for item in core.items):
                return True
            key = self.expr_key(plain, core, aliases=True)
            if key is UNKNOWN:
                return True
            if key is None:
                continue
            for item in core.items:
                if item.source is not None and item.column is not None:
                    item_key: object = (column_key(item.source, item.column),)
                elif item.expr is not None:
                    # A COLLATE on top makes no difference (sqlite3ExprCompare < 2).
                    item_key = self.expr_key(strip_collate(item.expr), core, aliases=False)
                else:
                    continue
                if item_key is UNKNOWN or item_key == key:
                    return True
        return False

    def expr_key(self, expr: Expr, core: Core, *, aliases: bool) -> object:
        """What ``expr`` is, as SQLite's sqlite3ExprCompare sees it after
        resolving its names in ``core``'s FROM clause: a tuple equal for
        expressions SQLite finds the same; None when it does not resolve
        there (or can equal nothing: a subquery, a parameter); UNKNOWN when
        that cannot be told (a table of unknown columns)."""
        out: list[object] = []
        stack: list[Node | Token | None] = [expr]
        while stack:
            item = stack.pop()
            if item is None:
                out.append(None)  # the end of a node's children
                continue
            if isinstance(item, Token):
                out.append(token_key(item))
                continue
            if isinstance(item, ParenExpr):
                stack.append(item.expr)
                continue
            if isinstance(item, (SubqueryExpr, ExistsExpr, Variable, Select, SelectCore, Values)):
                return None
            if isinstance(item, ColumnRef):
                found = self.lookup_in_core(item, core)
                if found is UNKNOWN or found is None:
                    return found
                if isinstance(found, tuple):
                    if found[0] in ("STRING", "TRUEFALSE"):
                        out.extend((Literal, found, None))  # as the literal it stands for
                    else:
                        out.append(found)
                    continue
                if not aliases:
                    return None
                assert isinstance(found, ResultItem) and found.expr is not None
                inner = self.expr_key(found.expr, core, aliases=False)
                if inner is None or inner is UNKNOWN:
                    return inner
                out.append(inner)
                continue
            out.append(type(item))
            stack.append(None)
            stack.extend(reversed(item.children))
        return tuple(out)

    def lookup_in_core(self, ref: ColumnRef, core: Core) -> object:
        """What a column name means in a compound's SELECT, resolved (as
        SQLite resolves an ORDER BY term there) in its own FROM clause, then
        among its aliases: a column key, an alias's expression, a string or
        TRUE/FALSE (a name that is none), the alias's result item, None (an error: no such column,
        ambiguous), UNKNOWN."""
        parts = ref.parts
        col = normalize(parts[-1].text)
        qualifier = normalize(parts[-2].text) if len(parts) >= 2 else None
        schema = normalize(parts[0].text) if len(parts) == 3 else None
        matches: list[tuple[Source, Column]] = []
        rowid: list[Source] = []
        for src in core.scope.sources:
            if qualifier is None and src.qualifier_only:
                continue
            if qualifier is not None and (src.name is None or normalize(src.name) != qualifier):
                continue
            if schema is not None and (src.schema is None or normalize(src.schema) != schema):
                continue
            if src.columns is None:
                return UNKNOWN
            c = src.column(col)
            if c is not None:
                if matches and col in src.using:
                    if not src.right_join:
                        continue
                    matches = []
                matches.append((src, c))
            elif col in ROWID_NAMES and src.rowid:
                rowid.append(src)
        if len(matches) == 1:
            return column_key(*matches[0])
        if matches:
            return None
        if rowid:
            return ("rowid", id(rowid[0])) if len(rowid) == 1 or qualifier is not None else None
        if qualifier is not None:
            state = self.r.state
            if qualifier in ("new", "old", "excluded") and (state.trigger is not None or state.in_upsert):
                return UNKNOWN
            return None
        for item in core.items:
            if item.name == col and item.expr is not None:
                return item
        text = parts[-1].text
        if text[:1] == '"':
            return ("STRING", unquote(text))
        if col in ("true", "false"):
            return ("TRUEFALSE", col)
        return None

    def values(
        self, node: Values, outer: Scope | None, *, compound_inner: bool = False, keep: bool = False
    ) -> Shape:
        """A VALUES clause: each row is a SELECT of its own (with aggregates
        and window functions), except the one row of an INSERT's VALUES,
        which is a plain list of values; ``keep``: with its values
        (``Shape.core``, for a compound's ORDER BY)."""
        r = self.r
        width: int | None = None
        expr = r.exprs.expr
        single_insert = r.state.insert_values is node and len(node.rows) == 1
        scopes: list[Scope] = []
        for row in node.rows:
            items = row.values
            scope = Scope([], outer, phase="" if single_insert else "result")
            scopes.append(scope)
            ctx = Ctx(scope, allow_agg=not single_insert, allow_win=not single_insert, clause="VALUES")
            for item in items:
                expr(item, ctx)
                self.r.rows.scalar_context(item, ctx)
            if width is None:
                width = len(items)
            elif len(items) != width:
                rules.values_row_length.report(r, row)
        if self.one_row(node):
            # SQLite reads the first row only; of an EXISTS, no value at all.
            coded = [] if r.state.exists else scopes[:1]
        else:
            coded = scopes
        if any(scope.owned for scope in coded) and not compound_inner:
            self.values_aggregates(node, scopes, coded)
        names = [f"column{i + 1}" for i in range(width or 0)]
        if not keep:
            return Shape(names)
        values = [ResultItem(None, item) for row in node.rows for item in row.values]
        return Shape(names, core=Core(Scope([]), values))

    def discarded(self, node: OneSelect) -> bool:
        """Whether ``node`` is the whole query of a trigger step's SELECT,
        whose ORDER BY and DISTINCT SQLite drops unread (select.c,
        IgnorableDistinct)."""
        discarded = self.r.state.discarded
        return discarded is node or (isinstance(discarded, Select) and discarded.cores == [node])

    def one_row(self, node: OneSelect) -> bool:
        """Whether ``node`` is the whole query of the scalar subquery or
        EXISTS being resolved (SQLite reads one row of it)."""
        one_row = self.r.state.one_row
        return one_row is node or (isinstance(one_row, Select) and one_row.cores == [node])

    def values_aggregates(self, node: Values, scopes: list[Scope], coded: list[Scope]) -> None:
        """Aggregates in a VALUES of several rows.  SQLite makes its rows a
        UNION ALL of one-row SELECTs, or codes runs of constant rows as a
        co-routine (insert.c, sqlite3MultiValues).  When no co-routine was
        started and no row has a window function, the compound is coded as
        constant rows (select.c, multiSelectValues), where no aggregate is
        computed: `misuse of aggregate: f()`."""
        r = self.r
        rows = node.rows
        if len(rows) == 1:
            self.r.functions.report_unanalyzed(scopes[0], True)
            return
        if r.state.trigger is not None or any(s.window_calls for s in scopes):
            return  # a trigger's body is coded when it fires (not judged here)
        for i in range(1, len(rows)):
            # A view's body is read from the schema without co-routines.
            with_before = r.state.schema_body or any(offset < rows[i].start for offset in r.state.cte_names)
            if (
                not with_before
                and row_constant(rows[i].values)
                and row_constant(rows[i - 1].values, affinity_free=True)
            ):
                return  # a co-routine: every row is a SELECT of its own
        for scope in coded:
            self.r.functions.report_unanalyzed(scope, False)

    def select_core(
        self, node: SelectCore, outer: Scope | None, *, compound_last: bool = False, keep: bool = False
    ) -> Shape:
        """A SELECT core's shape; ``keep``: with its result columns (``Shape.core``,
        for a compound's ORDER BY)."""
        r = self.r
        from_clause = node.from_clause
        result_columns = node.columns
        scope = Scope([], outer, phase="FROM")
        if from_clause is not None:
            terms, joins = from_clause.terms, from_clause.joins
            if joins and any(isinstance(t.constraint, OnClause) for t in terms):
                # ON clauses are resolved like WHERE: the result-column aliases
                # are visible there (but not in the result columns themselves).
                scope.aliases = {}
                for rc in result_columns:
                    if rc.alias is not None and rc.expr is not None:
                        scope.aliases.setdefault(normalize(rc.alias.text), rc.expr)
            r.from_clause.from_items(terms, joins, scope, outer)
            scope.aliases = None
        window_clause = node.window
        definitions = window_clause.definitions if window_clause is not None else []
        if definitions:
            named_windows: dict[str, WindowDefinition] = {}
            for wd in definitions:
                name_tok = wd.name
                named_windows[normalize(name_tok.text)] = wd
                r.define(name_tok, r.functions.window_referent(wd))
            scope.windows = named_windows
        # Result columns: aggregates and window functions allowed.
        scope.phase = "result"
        owned_before = len(scope.owned)
        aggregated_columns: set[int] = set()  # result columns with aggregates of this query
        windowed_columns: dict[int, int] = {}  # result column -> its first window call
        group = node.group_by
        grouped = group is not None
        result_ctx = Ctx(scope, allow_agg=True, allow_win=True, clause="result")
        # EXISTS computes neither its result columns nor its ORDER BY.
        exists = r.state.exists and self.one_row(node)
        r.state.uncoded += exists
        names: list[str] | None = []
        columns: list[Column] | None = []
        aliases: dict[str, Expr] = {}
        distinct_tok = node.distinct
        # No rows kept, no duplicates removed: neither EXISTS nor a trigger
        # step's SELECT looks up the collations of DISTINCT.
        discarded = self.discarded(node)
        distinct = (
            distinct_tok is not None and distinct_tok.kind == "DISTINCT" and not exists and not discarded
        )
        order = node.order_by if not discarded else None
        items: list[ResultItem] | None = [] if keep or order is not None else None
        keep_model = r.keep_model
        resolve_expr, scalar_context = r.exprs.expr, r.rows.scalar_context
        for rc in result_columns:
            expr = rc.expr
            if expr is None:  # * or t.*
                expanded = self.star(rc, scope)
                if expanded is None or names is None:
                    names = None
                    columns = None
                    items = None
                else:
                    names.extend(c.name for _, c in expanded)
                    assert columns is not None
                    columns.extend(c for _, c in expanded)
                    if items is not None:
                        items.extend(ResultItem(c.key, None, src, c) for src, c in expanded)
                continue
            if distinct:
                r.collations.term(expr)
            if grouped:
                owned = len(scope.owned)
                windows = len(scope.window_calls)
            resolve_expr(expr, result_ctx)
            scalar_context(expr, result_ctx)
            if grouped and names is not None:
                # What GROUP BY N would copy: this column's aggregates, windows.
                if len(scope.owned) > owned:
                    aggregated_columns.add(len(names))
                if len(scope.window_calls) > windows:
                    windowed_columns[len(names)] = windows
            alias = rc.alias
            if alias is not None:
                aliases.setdefault(normalize(alias.text), expr)
            if items is not None:
                items.append(ResultItem(normalize(alias.text) if alias is not None else None, expr))
            if alias is not None and keep_model:
                r.define(
                    alias,
                    Referent(
                        "alias",
                        f"alias-expr:{id(expr)}",  # the key of its uses (``alias_use``)
                        f"{r.source[expr.start : expr.end]} AS {unquote(alias.text)}\nresult column",
                        location_of(alias, r.where),
                    ),
                )
            if names is not None:
                name = unquote(alias.text) if alias is not None else self.result_name(expr)
                names.append(name)
                assert columns is not None
                if keep_model:
                    place = location_of(alias or expr, r.where)
                    columns.append(Column(name, self.declared_type(expr), location=place))
                else:
                    columns.append(Column(name))
        r.state.uncoded -= exists
        aggregate = (
            group is not None or len(scope.owned) > owned_before or (scope.unsure and result_ctx.saw_agg[0])
        )
        scope.aggregate = aggregate
        scope.aliases = aliases
        having = node.having
        if having is not None:
            if not aggregate:
                rules.having_without_group.report(r, having.having_token)
            # In a non-aggregate query the HAVING clause itself is the error:
            # its aggregates are not misused on top of it.
            scope.phase = "HAVING"
            r.state.uncoded += not aggregate
            try:
                r.exprs.expr(having.expr, Ctx(scope, allow_agg=True, clause="HAVING"))
            finally:
                r.state.uncoded -= not aggregate
        where = node.where
        if where is not None:
            scope.phase = "WHERE"
            wctx = Ctx(scope, allow_agg=aggregate, clause="WHERE")
            r.exprs.expr(where.expr, wctx)
            r.rows.scalar_context(where.expr, wctx)
        count = len(names) if names is not None else None
        if order is not None and not compound_last:
            scope.phase = "ORDER BY"
            exprs = [term.expr for term in order.terms]
            # An aggregate query of one row (no GROUP BY, no window function)
            # never sorts: SQLite drops its ORDER BY unread.
            dropped = (aggregate and group is None and not scope.window_calls) or exists
            r.state.uncoded += dropped
            try:
                self.order_or_group(
                    exprs,
                    scope,
                    count,
                    "ORDER",
                    allow_agg=True,
                    allow_win=True,
                    items=items,
                    sorts=not exists,
                )
            finally:
                r.state.uncoded -= dropped
        if group is not None:
            scope.phase = "GROUP BY"
            self.order_or_group(
                group.exprs,
                scope,
                count,
                "GROUP",
                allow_agg=False,
                allow_win=False,
                aggregated=aggregated_columns,
                windowed=windowed_columns,
            )
        if definitions:
            scope.phase = "WINDOW"
            r.functions.definitions(definitions, scope)
        limit = node.limit
        if limit is not None:
            for e in limit.exprs:
                limit_ctx = Ctx(Scope([]), clause="LIMIT")
                r.exprs.expr(e, limit_ctx)
                r.rows.scalar_context(e, limit_ctx)
        if scope.owned:
            r.functions.report_unanalyzed(scope, aggregate)
        return Shape(
            column_names_of(names) if names is not None else None,
            columns,
            aggregate=aggregate,
            windowed=bool(scope.window_calls),
            core=Core(scope, items) if items is not None else None,
        )

    def declared_type(self, expr: Expr) -> str | None:
        """The declared type of a result column that is a table's column
        (resolved just now), as ``sqlite3_column_decltype`` gives it."""
        if not isinstance(expr, ColumnRef):
            return None
        resolved = self.r.state.resolved
        if not resolved or resolved[-1][0] is not expr:
            return None
        column = resolved[-1][1].column(expr.name.text)
        return column.type if column is not None else None

    def result_name(self, expr: Expr) -> str:
        """SQLite's name for an unaliased result column: the column's name
        for a column reference, else the expression's source text."""
        if isinstance(expr, ColumnRef):
            return unquote(expr.name.text)
        return self.r.source[expr.start : expr.end]

    def order_or_group(
        self,
        exprs: list[Expr],
        scope: Scope,
        count: int | None,
        which: str,
        *,
        allow_agg: bool,
        allow_win: bool,
        aggregated: set[int] | None = None,
        windowed: dict[int, int] | None = None,
        items: list[ResultItem] | None = None,
        sorts: bool = True,
    ) -> None:
        """ORDER BY / GROUP BY terms (``exprs``): result-column numbers,
        aliases, or expressions resolved in the query's scope (aliases usable).
        As SQLite's resolveOrderGroupBy, an ORDER BY term that is a result
        column's AS name (or the name of a column ``*`` gave) is that column,
        before any table's column of the same name.  ``sorts``: False for an
        EXISTS, whose ORDER BY is resolved but never coded (no collation is
        looked up)."""
        for n, expr in enumerate(exprs, 1):
            if sorts:
                self.r.collations.term(expr)
            plain = strip_collate(expr)
            if items is not None and isinstance(plain, ColumnRef) and len(plain.parts) == 1:
                key = normalize(plain.name.text)
                item = next((item for item in items if item.name == key), None)
                if item is not None:
                    self.order_by_name(plain, item, scope)
                    continue
            value = int_value(plain)
            if value is not None:
                if count is not None and not 1 <= value <= count:
                    rules.order_by_term.report_out_of_range(self.r, plain, n, which, count)
                elif count is not None:
                    # GROUP BY 2 stands for the second result column.
                    column = value - 1
                    if aggregated and column in aggregated:
                        rules.misuse_aggregate.report_in_group_by(self.r, expr)
                    elif windowed and column in windowed:
                        # The copy is resolved again where windows are not allowed.
                        call, name_tok, name = scope.window_calls[windowed[column]]
                        rules.misuse_window.report_misused(self.r, call, name_tok, name, "GROUP BY")
                continue
            # Aggregates are allowed when SQLite resolves ORDER BY (it says
            # `misuse of aggregate: f()` later, in a query that computes
            # none); an aggregate in GROUP BY gets SQLite's own message.
            ctx = Ctx(scope, allow_agg=True, allow_win=allow_win, clause=f"{which} BY")
            owned = len(scope.owned)
            self.r.exprs.expr(expr, ctx)
            self.r.rows.scalar_context(expr, ctx)
            if which == "GROUP" and (ctx.saw_agg[0] or len(scope.owned) > owned):
                rules.misuse_aggregate.report_in_group_by(self.r, expr)

    def order_by_name(self, ref: ColumnRef, item: ResultItem, scope: Scope) -> None:
        """An ORDER BY term naming a result column: what its alias or
        ``*`` column means."""
        r = self.r
        if item.expr is not None:
            r.exprs.alias_use(ref, item.expr, Ctx(scope, allow_agg=True, allow_win=True, clause="ORDER BY"))
        elif item.source is not None and item.column is not None:
            r.refer(ref.name, item.source.column_referent(item.column))

    def star_ambiguity(self, rc: ResultColumn, expanded: list[tuple[Source, Column]], scope: Scope) -> None:
        """With more than one FROM item, SQLite expands ``*`` into
        ``schema.name.column`` references (selectExpander), which are
        ambiguous when two items have the same name in the same schema
        (``FROM t, t``), unless a USING or NATURAL join made the column one."""
        if len(scope.sources) < 2:
            return
        groups: dict[tuple[str, str], list[Source]] = {}
        for s in scope.sources:
            # (The tables inside an aliased parenthesized join count: its
            # columns expand as schema.table.column too.)
            if s.name is not None:
                groups.setdefault((normalize(s.schema or "*"), normalize(s.name)), []).append(s)
        if all(len(group) < 2 for group in groups.values()):
            return
        for src, c in expanded:
            if src.name is None:
                continue
            group = groups.get((normalize(src.schema or "*"), normalize(src.name)), [])
            if len(group) < 2:
                continue
            if any(s.columns is None for s in group):
                return
            having = [s for s in group if s.column(c.name) is not None]
            if any(c.key not in s.using for s in having[1:]):
                shown = f"{src.schema or '*'}.{src.name}.{c.name}"
                rules.ambiguous_column.report(self.r, rc, shown)
                return

    def star(self, rc: ResultColumn, scope: Scope) -> list[tuple[Source, Column]] | None:
        """The columns ``*`` or ``t.*`` stands for (None: unknown)."""
        qualifier = rc.table
        if qualifier is None:
            if not scope.sources:
                rules.no_tables.report(self.r, rc)
                return []
            out: list[tuple[Source, Column]] = []
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
                    out.append((src, c))
                seen_using |= {c.key for c in src.columns}
            self.star_ambiguity(rc, out, scope)
            return out
        key = normalize(qualifier.text)
        for src in scope.sources:
            if src.name is not None and normalize(src.name) == key and not src.qualifier_only:
                self.r.refer(qualifier, src.referent)
                if src.columns is None:
                    return None
                expanded = [(src, c) for c in src.columns if not c.hidden]
                self.star_ambiguity(rc, expanded, scope)
                return expanded
        rules.unknown_table.report_qualifier(self.r, qualifier, unquote(qualifier.text))
        return None


UNKNOWN = object()
"""What an expression is, when that cannot be told (a table of unknown columns)."""

_VALUE_TOKENS = frozenset({"ID", "STRING", "FLOAT", "BLOB", "QNUMBER", "INTEGER", "VARIABLE"})


def token_key(tok: Token) -> object:
    """A token as sqlite3ExprCompare compares it: an operator or keyword by
    its kind (``=`` is ``==``), a name case-folded, a number by its value."""
    kind = tok.kind
    if kind not in _VALUE_TOKENS:
        return kind
    if kind in ("INTEGER", "QNUMBER"):
        value = int32_literal(tok.text)
        if value is not None:
            return ("INTEGER", value)
    if kind == "ID":
        return (kind, normalize(tok.text))
    if kind == "STRING":
        return (kind, unquote(tok.text))
    return (kind, tok.text)


def column_key(src: Source, col: Column) -> tuple[object, ...]:
    """A column of a FROM source (the INTEGER PRIMARY KEY is the rowid)."""
    if col.primary_key and src.rowid and (col.type or "").upper() == "INTEGER":
        return ("rowid", id(src))
    return ("column", id(src), col.key)


def int32_literal(text: str) -> int | None:
    """The value of an integer literal SQLite holds as a 32-bit integer
    (sqlite3GetInt32: decimal, or hexadecimal up to 0x7fffffff; digit
    separators removed), else None."""
    digits = text.replace("_", "")
    try:
        value = int(digits[2:], 16) if digits[:2].lower() == "0x" else int(digits, 10)
    except ValueError:
        return None
    return value if value <= 0x7FFFFFFF else None


def int_value(expr: Expr) -> int | None:
    """The value of a term that is an integer to SQLite (sqlite3ExprIsInteger:
    a 32-bit integer literal, with unary + and - before it), else None."""
    sign = 1
    while True:
        if isinstance(expr, ParenExpr):
            expr = expr.expr
        elif isinstance(expr, UnaryExpr) and expr.op.kind in ("PLUS", "MINUS"):
            if expr.op.kind == "MINUS":
                sign = -sign
            expr = expr.operand
        else:
            break
    if isinstance(expr, Literal) and expr.literal_token.kind in ("INTEGER", "QNUMBER"):
        value = int32_literal(expr.literal_token.text)
        return None if value is None else sign * value
    return None


def strip_collate(expr: Expr) -> Expr:
    """``expr`` without the COLLATE clauses and parentheses around it."""
    while isinstance(expr, (CollateExpr, ParenExpr)):
        expr = expr.expr
    return expr


def from_names(core: OneSelect) -> list[Token]:
    """The unqualified table names in a SELECT core's own FROM clause
    (parenthesized joins included, subqueries not)."""
    from_clause = core.from_clause if isinstance(core, SelectCore) else None
    out: list[Token] = []
    stack: list[list[FromTerm]] = [from_clause.terms] if from_clause is not None else []
    while stack:
        for term in stack.pop():
            if isinstance(term, TableRef):
                parts = term.name.parts
                if len(parts) == 1:
                    out.append(parts[0])
            elif isinstance(term, JoinGroup):
                stack.append(term.terms)
    return sorted(out, key=lambda t: t.start)
