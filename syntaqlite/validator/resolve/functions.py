"""Function calls: which built-in a name means for the target SQLite and
its arity, where aggregates and window functions may be, FILTER and ORDER
BY on non-aggregates, and windows (OVER, named windows)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...syntax.cst import Node
from ...syntax.names import normalize, unquote
from ...syntax.nodes import (
    CastExpr,
    CollateExpr,
    ColumnRef,
    ExistsExpr,
    Expr,
    FilterClause,
    FrameBound,
    FrameSpec,
    FunctionCall,
    FunctionOrderBy,
    InExpr,
    Literal,
    OrderingTerm,
    OverClause,
    ParenExpr,
    Query,
    RaiseExpr,
    SubqueryExpr,
    Window,
    WindowDefinition,
)
from ...syntax.tokens import Token
from .. import builtins, rules
from ..catalog import location_of
from ..declared import DECLARED_SINCE
from ..model import Referent
from ..suggest import closest
from ..vtab_modules import MODULE_FUNCTIONS
from .scope import Ctx, Scope

NON_DETERMINISTIC = builtins.NON_DETERMINISTIC

if TYPE_CHECKING:
    from .resolver import Resolver


_Choices = tuple[
    list[builtins.Function],
    list[builtins.Function],
    builtins.Function | None,
    builtins.Function | None,
    builtins.Function | None,
]
"""A call's candidate functions: see :meth:`FunctionResolver.choices`."""


class FunctionResolver:
    def __init__(self, r: Resolver) -> None:
        self.r = r
        self.function_names: list[str] | None = None  # the functions the target has (did-you-mean)
        # What a name called with n arguments resolves to (see ``choices``),
        # for the declared functions it was worked out with.
        self._choices: dict[tuple[str, int], _Choices] = {}
        self._choices_declared: object = None

    def function_call(self, node: FunctionCall, ctx: Ctx) -> None:
        r = self.r
        name_tok = node.name
        probe = r.probe
        if probe is not None and name_tok.start <= probe <= name_tok.end:
            # A function's name is where an expression goes: what a column
            # name there could be is in scope too.
            r.in_scope(name_tok, ctx.scope, table_position=False)
        name = unquote(name_tok.text)
        args = node.args
        nargs = 0 if node.star else len(args)
        over = node.over
        filter_clause = node.filter
        order_by = node.order_by
        all_fns, fns, agg, win, scalar = self.choices(name, nargs)
        is_agg = agg is not None or win is not None
        chosen = agg or win or scalar
        if r.keep_model:
            referent = (
                Referent("function", f"function:{normalize(name)}", f"{chosen.signature}\n{chosen.summary}")
                if chosen is not None
                else None
            )
            r.refer(name_tok, referent)
        misused = False
        quantifier = node.quantifier if over is not None else None
        if (
            ctx.self_ref is not None
            and ctx.self_ref != rules.prohibited_expression.CHECK
            and scalar is not None
            and not is_agg
            and (not scalar.deterministic or normalize(name) in NON_DETERMINISTIC)
        ):
            rules.prohibited_expression.report(
                r,
                node,
                "non-deterministic functions",
                ctx.self_ref,
                help=None
                if scalar.deterministic
                else f"if the application registers {name}() as deterministic, declare it so: "
                f"[check.functions] {name} = {{ args = {nargs}, deterministic = true }}",
            )
        elif quantifier is not None and quantifier.kind == "DISTINCT":
            # The parser's errors come first.
            rules.window_definition.report_distinct(r, quantifier)
            misused = True
        elif over is not None and order_by is not None and args:
            rules.non_aggregate_clause.report(r, order_by, "ORDER BY", name)
            misused = True
        elif scalar is not None and not is_agg and over is not None:
            rules.misuse_window.report_not_window(r, node, name_tok, name)
        elif (
            (agg is not None and over is None and not ctx.allow_agg)
            or (win is not None and over is None)
            or (is_agg and over is not None and not ctx.allow_win)
        ):
            misused = True
            if win is not None or over is not None:
                rules.misuse_window.report_misused(r, node, name_tok, name, ctx.clause)
            else:
                rules.misuse_aggregate.report_misused(r, node, name_tok, name, ctx.clause)
        elif not fns and not all_fns:
            if not self.module_function(name):
                rules.unknown_function.report(
                    r, name_tok, name, nargs, closest(name, self.known_function_names())
                )
        elif not fns:
            target = r.sqlite
            reasons = [
                builtins.unavailable_reason(f, target.version, target.cflags, usual=target.is_default)
                for f in sorted(all_fns, key=lambda f: f.since)
                if f.kind != "table"
            ]
            why = next((reason for reason in reasons if reason), "is not available")
            rules.unknown_function.report_unavailable(r, name_tok, name, why)
        elif chosen is None:
            rules.wrong_arity.report(
                r, node, name, builtins.arity_text(f for f in fns if f.kind != "table"), nargs
            )
        elif not is_agg and filter_clause is not None:
            rules.non_aggregate_clause.report(r, filter_clause, "FILTER", name)
        elif not is_agg and order_by is not None:
            rules.non_aggregate_clause.report(r, order_by, "ORDER BY", name)
        elif scalar is not None and nargs == 2 and normalize(name) == "likelihood":
            if not _probability(args[1]):
                rules.function_argument.report_probability(r, args[1], name)
        elif agg is not None and over is None and nargs != 1 and node.distinct:
            rules.function_argument.report_distinct(r, node)
        elif win is not None and agg is None and over is not None and filter_clause is not None:
            rules.window_definition.report_filter(r, filter_clause)
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
            self_ref=ctx.self_ref,
        )
        scope = ctx.scope
        if is_agg and over is None and not misused:
            # An aggregate: whose it is depends on what its arguments name.
            state = r.state
            resolved_before = len(state.resolved)
            unresolved_before = state.unresolved
            scope.in_agg_args += 1
            try:
                self.arguments(args, order_by, filter_clause, inner, ctx)
            finally:
                scope.in_agg_args -= 1
            self.attribute(node, name_tok, name, scope, resolved_before, unresolved_before)
        elif is_agg and over is not None:
            # SQLite computes a window function's arguments and window in a
            # subquery of its own (window.c, sqlite3WindowRewrite).
            scope.window_calls.append((node, name_tok, name))
            scope.in_window += 1
            try:
                self.arguments(args, order_by, filter_clause, inner, ctx)
                self.over(over, inner)
            finally:
                scope.in_window -= 1
        else:
            self.arguments(args, order_by, filter_clause, inner, ctx)
            if over is not None:
                self.over(over, ctx)

    def choices(self, name: str, nargs: int) -> _Choices:
        """The functions called ``name`` (declared and built-in), those the
        target has (not table-valued), and the aggregate, window and scalar
        one that accepts ``nargs`` arguments (None: none does)."""
        r = self.r
        declared_functions = r.catalog.declared
        if self._choices_declared is not declared_functions:
            self._choices, self._choices_declared = {}, declared_functions
        found = self._choices.get((name, nargs))
        if found is not None:
            return found
        declared = declared_functions.function(name)
        all_fns = [*declared, *builtins.lookup(name)]
        fns = [f for f in all_fns if f.kind != "table" and (f in declared or r.available(f))]
        accepting = [f for f in fns if builtins.accepts(f, nargs) and self._arity_ok(f, nargs)]
        agg = next((f for f in accepting if f.kind == builtins.AGGREGATE), None)
        win = next((f for f in accepting if f.kind == builtins.WINDOW), None)
        scalar = next((f for f in accepting if f.kind == builtins.SCALAR), None)
        found = self._choices[(name, nargs)] = (all_fns, fns, agg, win, scalar)
        return found

    def arguments(
        self,
        args: list[Expr],
        order_by: FunctionOrderBy | None,
        filter_clause: FilterClause | None,
        inner: Ctx,
        ctx: Ctx,
    ) -> None:
        """A call's arguments, ORDER BY and FILTER."""
        r = self.r
        expr = r.exprs.expr
        for a in args:
            expr(a, inner)
            r.rows.scalar_context(a, inner)
        if order_by is not None:
            for term in order_by.terms:
                expr(term.expr, inner)
        if filter_clause is not None:
            expr(filter_clause.expr, Ctx(ctx.scope, clause="FILTER", self_ref=ctx.self_ref))

    def attribute(
        self, node: FunctionCall, name_tok: Token, name: str, scope: Scope, since: int, unresolved: int
    ) -> None:
        """Record which query an aggregate call belongs to, as SQLite does
        (resolve.c, sqlite3ReferencesSrcList): the innermost query whose FROM
        clause its arguments name, or the innermost one when they name none."""
        state = self.r.state
        owner: Scope | None = None
        chain: list[Scope] = []
        s: Scope | None = scope
        while s is not None:
            chain.append(s)
            s = s.parent
        if state.unresolved != unresolved and len(chain) > 1:
            # An argument of unknown origin: whose aggregate it is is unknown.
            for s in chain:
                s.unsure = True
        else:
            refs = [src for _, src in state.resolved[since:]]
            if refs:
                for s in chain:
                    if any(src is mine for src in refs for mine in s.sources):
                        owner = s
                        break
        if owner is None:
            owner = scope
        if state.uncoded:
            phase = "uncoded"
        elif owner.in_agg_args:
            phase = "nested"
        elif owner is not scope and not owner.in_window and owner.phase in ("result", "ORDER BY"):
            phase = "subquery"  # left outside the aggregate subquery of a window rewrite
        else:
            phase = owner.phase
        if not owner.phase and not owner.unsure:
            # Not a query (UPDATE, DELETE ...): nothing computes aggregates.
            rules.misuse_aggregate.report_unanalyzed(self.r, node, name_tok, name)
        owner.owned.append((node, name_tok, name, phase))

    def report_unanalyzed(self, scope: Scope, aggregate: bool) -> None:
        """The aggregates of a query that SQLite never computes: all of them in
        a query that is not an aggregate one (or is not a query), those of
        its WHERE and ON clauses, those inside another aggregate's arguments,
        and, in a query with window functions, those of a subquery outside
        the window function calls (SQLite's `misuse of aggregate: f()`,
        when it generates code)."""
        if scope.unsure:
            return
        for node, name_tok, name, phase in scope.owned:
            if phase == "uncoded":
                continue
            if (
                not aggregate
                or phase in ("WHERE", "FROM", "nested")
                or (phase == "subquery" and scope.window_calls)
            ):
                rules.misuse_aggregate.report_unanalyzed(self.r, node, name_tok, name)
                return

    def operator_call(self, node: Node, tok: Token, nargs: int) -> None:
        """``x LIKE y``, ``x GLOB y``, ``x REGEXP y`` (``ESCAPE z``): SQLite
        calls the function the operator names, with ``nargs`` arguments."""
        name = unquote(tok.text)
        _all, fns, _agg, _win, scalar = self.choices(name, nargs)
        scalars = [f for f in fns if f.kind == builtins.SCALAR]
        if not scalars:
            rules.unknown_function.report(self.r, tok, name, nargs, None)
        elif scalar is None:
            rules.wrong_arity.report(self.r, node, name, builtins.arity_text(scalars), nargs)

    def module_function(self, name: str) -> bool:
        """Whether ``name`` is a function of a virtual-table module (FTS3/4,
        FTS5, R*Tree) that a virtual table in the catalog shows the build
        has."""
        key = normalize(name)
        modules = {m for m, names in MODULE_FUNCTIONS.items() if key in names}
        if not modules:
            return False
        return any(t.module is not None and t.module.lower() in modules for t in self.r.catalog.all_tables())

    def known_function_names(self) -> list[str]:
        if self.function_names is None:
            declared = self.r.catalog.declared.functions.values()
            self.function_names = [
                f.name for f in builtins.FUNCTIONS if f.kind != "table" and self.r.available(f)
            ] + [f.name for entries in declared for f in entries]
        return self.function_names

    def _arity_ok(self, fn: builtins.Function, nargs: int) -> bool:
        bounds = builtins.arity_at(fn, self.r.sqlite.version) if fn.since != DECLARED_SINCE else None
        if bounds is None:
            return builtins.accepts(fn, nargs)
        lo, hi = bounds
        return nargs >= lo and (hi is None or nargs <= hi)

    # -- windows ----------------------------------------------------------------

    def over(self, over: OverClause, ctx: Ctx) -> None:
        """The window of a window function call, as SQLite builds it when it
        resolves the call (window.c, sqlite3WindowUpdate): a named window's
        definition is resolved here, at its use, in the call's context."""
        name = over.window_name
        if name is not None:
            wd = self.window_name(name, ctx.scope)
            if wd is None:
                return
            self.use_definition(wd, ctx)
            window = wd.window
            if window is not None and _range_offset(window):
                self.range_offset(window, self.order_count(window, ctx.scope, wd), over)
            return
        window = over.window
        if window is None:
            return
        self.window(window, ctx)
        base = window.base
        if base is not None:
            wd = self.window_name(base, ctx.scope)
            if wd is None:
                return
            if self.overrides(window, wd, ctx.scope):
                return
            self.use_definition(wd, ctx)
        if _range_offset(window):
            order = _order_terms(window)
            count = len(order) if order or base is None else self.order_of(base, ctx.scope)
            self.range_offset(window, count, over)

    def window(self, window: Window, ctx: Ctx, *, frame_checked: bool = False) -> None:
        """Resolve a window's PARTITION BY, ORDER BY and frame offsets (an
        offset that is not a constant SQLite replaces by NULL unread)."""
        expr = self.r.exprs.expr
        collations = self.r.collations
        for e in window.partition_by:
            collations.term(e)
            expr(e, ctx)
        for term in _order_terms(window):
            collations.term(term.expr)
            expr(term.expr, ctx)
        frame = window.frame
        if frame is None:
            return
        if not frame_checked:
            self.frame_order(frame)
        for bound in (frame.start_bound, frame.end_bound):
            if bound is not None and bound.expr is not None and _constant(bound.expr, functions=False):
                expr(bound.expr, Ctx(Scope([]), clause="frame"))

    def definitions(self, definitions: list[WindowDefinition], scope: Scope) -> None:
        """A SELECT's WINDOW clause: what SQLite's parser checks (a window
        based on an earlier one of the clause; frames), then, for the model
        only, the windows no call used (SQLite never resolves those)."""
        r = self.r
        for i, wd in enumerate(definitions):
            window = wd.window
            if window is None:
                continue
            if window.frame is not None:
                self.frame_order(window.frame)
            base = window.base
            if i > 0 and base is not None:
                key = normalize(base.text)
                earlier = next((d for d in reversed(definitions[:i]) if normalize(d.name.text) == key), None)
                if earlier is None:
                    suggestion = closest(base.text, [d.name.text for d in definitions[:i]])
                    rules.unknown_window.report(r, base, unquote(base.text), suggestion)
                else:
                    r.refer(base, self.window_referent(earlier))
                    self.overrides(window, earlier, scope)
            if scope.used_windows is None or normalize(wd.name.text) not in scope.used_windows:
                r.muted += 1
                try:
                    self.window(window, Ctx(scope, allow_agg=True, clause="WINDOW"), frame_checked=True)
                finally:
                    r.muted -= 1

    def use_definition(self, wd: WindowDefinition, ctx: Ctx) -> None:
        """Resolve a named window's definition at its first use."""
        key = normalize(wd.name.text)
        scope = ctx.scope
        window = wd.window
        if scope.used_windows is None:
            scope.used_windows = set()
        if key in scope.used_windows or window is None:
            return
        scope.used_windows.add(key)
        self.window(window, Ctx(ctx.scope, allow_agg=ctx.allow_agg, clause=ctx.clause), frame_checked=True)

    def overrides(self, window: Window, base: WindowDefinition, scope: Scope) -> bool:
        """A window based on a named one may add ORDER BY (when the base has
        none) and a frame, nothing else (window.c, sqlite3WindowChain)."""
        base_window = base.window
        base_tok = window.base
        assert base_tok is not None
        what = None
        if window.partition_by:
            what = "PARTITION clause"
        elif base_window is not None and _order_terms(base_window) and _order_terms(window):
            what = "ORDER BY clause"
        elif base_window is not None and base_window.frame is not None:
            what = "frame specification"
        if what is None:
            return False
        rules.window_definition.report_override(self.r, window, what, unquote(base_tok.text))
        return True

    def order_of(self, tok: Token, scope: Scope) -> int:
        wd = scope.window(normalize(tok.text))
        if wd is None or wd.window is None:
            return 0
        return self.order_count(wd.window, scope, wd)

    def order_count(self, window: Window, scope: Scope, wd: WindowDefinition | None) -> int:
        """How many ORDER BY terms a window has, its base's when it has none."""
        seen: set[int] = set()
        while True:
            order = _order_terms(window)
            if order or window.base is None or id(window) in seen:
                return len(order)
            seen.add(id(window))
            base = scope.window(normalize(window.base.text))
            if base is None or base.window is None or base is wd:
                return 0
            window = base.window

    def range_offset(self, window: Window, order_count: int, where: Node) -> None:
        """A RANGE frame with an offset (``_range_offset``) sorts by one term."""
        if order_count != 1:
            rules.window_definition.report_range_offset(self.r, where)

    def frame_order(self, frame: FrameSpec) -> None:
        """A frame may not end before it starts (window.c, sqlite3WindowAlloc)."""
        start = _bound_kind(frame.start_bound)
        end = _bound_kind(frame.end_bound) if frame.end_bound is not None else "CURRENT"
        if (start == "CURRENT" and end == "PRECEDING") or (
            start == "FOLLOWING" and end in ("PRECEDING", "CURRENT")
        ):
            rules.window_definition.report_frame_order(self.r, frame)

    def window_name(self, tok: Token, scope: Scope) -> WindowDefinition | None:
        """A window named in OVER or as a window's base: named windows are
        local to their SELECT."""
        wd = scope.window(normalize(tok.text))
        if wd is not None:
            self.r.refer(tok, self.window_referent(wd))
            return wd
        suggestion = closest(tok.text, list(scope.windows or ()))
        rules.unknown_window.report(self.r, tok, unquote(tok.text), suggestion)
        return None

    def window_referent(self, wd: WindowDefinition) -> Referent:
        """What the name of a named window (its definition) means."""
        name_tok = wd.name
        return Referent(
            "window",
            f"window:{id(wd)}",
            f"WINDOW {unquote(name_tok.text)}\nnamed window",
            location_of(name_tok, self.r.where),
        )


def calls(expr: Node) -> Iterator[FunctionCall]:
    """The function calls of an expression, not those of its subqueries."""
    stack: list[Node] = [expr]
    while stack:
        n = stack.pop()
        if isinstance(n, FunctionCall):
            yield n
        stack.extend(c for c in reversed(n.children) if isinstance(c, Node) and not isinstance(c, Query))


def first_aggregate(expr: Node) -> str | None:
    """The name of the first aggregate call in ``expr`` (None: none)."""
    for call in calls(expr):
        name = unquote(call.name.text)
        nargs = 0 if call.star else len(call.args)
        if call.over is None and any(
            f.kind == "aggregate" and builtins.accepts(f, nargs) for f in builtins.lookup(name)
        ):
            return name
    return None


def has_window(expr: Node) -> bool:
    return any(call.over is not None for call in calls(expr))


def _range_offset(window: Window) -> bool:
    """A RANGE frame with an offset PRECEDING or FOLLOWING."""
    frame = window.frame
    if frame is None or frame.unit.kind != "RANGE":
        return False
    return any(b is not None and b.expr is not None for b in (frame.start_bound, frame.end_bound))


def _order_terms(window: Window) -> list[OrderingTerm]:
    order_by = window.order_by
    return order_by.terms if order_by is not None else window.order_terms


def _bound_kind(bound: FrameBound | None) -> str:
    """UNBOUNDED, PRECEDING, FOLLOWING or CURRENT (an offset's direction)."""
    if bound is None or bound.current is not None:
        return "CURRENT"
    if bound.unbounded is not None:
        return "UNBOUNDED"
    direction = bound.direction
    return direction.kind if direction is not None else "CURRENT"


NON_DETERMINISTIC = frozenset(
    {"random", "randomblob", "changes", "total_changes", "last_insert_rowid", "sqlite_offset"}
)
"""Built-in functions SQLite never takes for constants."""


def _constant(expr: Expr, *, functions: bool) -> bool:
    """Whether SQLite takes ``expr`` for a constant (expr.c,
    sqlite3ExprIsConstant): no column, subquery or RAISE; function calls
    only when ``functions`` (a deterministic scalar function; it is given a
    parser then) and all their arguments are constant."""
    stack: list[Node] = [expr]
    while stack:
        n = stack.pop()
        if isinstance(n, ColumnRef):
            if len(n.parts) == 1 and normalize(n.parts[0].text) in ("true", "false"):
                continue
            return False
        if isinstance(n, (SubqueryExpr, ExistsExpr, RaiseExpr, Query)):
            return False
        if isinstance(n, InExpr) and n.query is not None:
            return False
        if isinstance(n, FunctionCall):
            if not functions or n.over is not None or n.filter is not None:
                return False
            name = normalize(unquote(n.name.text))
            nargs = 0 if n.star else len(n.args)
            found = [f for f in builtins.lookup(name) if builtins.accepts(f, nargs)]
            if not found or any(f.kind != builtins.SCALAR for f in found) or name in NON_DETERMINISTIC:
                return False
        stack.extend(c for c in n.children if isinstance(c, Node))
    return True


def _probability(arg: Expr) -> bool:
    """likelihood()'s second argument: a literal real number from 0.0 to 1.0
    (resolve.c, exprProbability)."""
    while isinstance(arg, ParenExpr):
        arg = arg.expr
    if not isinstance(arg, Literal):
        return False
    tok = arg.literal_token
    text = tok.text.replace("_", "") if tok.kind == "QNUMBER" else tok.text
    if tok.kind not in ("FLOAT", "QNUMBER") or text[:2].lower() == "0x":
        return False
    if tok.kind == "QNUMBER" and not any(c in text for c in ".eE"):
        return False
    try:
        return float(text) <= 1.0
    except ValueError:
        return False


def row_constant(items: list[Expr], *, affinity_free: bool = False) -> bool:
    """Whether SQLite may code a VALUES row as a row of a co-routine (insert.c,
    sqlite3MultiValues): every value constant (deterministic functions
    allowed), and with ``affinity_free`` none a CAST."""
    for e in items:
        if not _constant(e, functions=True):
            return False
        if affinity_free:
            while isinstance(e, (ParenExpr, CollateExpr)):
                e = e.expr
            if isinstance(e, CastExpr):
                return False
    return True
