"""Function calls: which built-in a name means for the target SQLite and
its arity, where aggregates and window functions may be, FILTER and ORDER
BY on non-aggregates, and windows (OVER, named windows)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...syntax.cst import Node
from ...syntax.names import normalize, unquote
from ...syntax.nodes import FunctionCall, OverClause, Query, Window, WindowDefinition
from ...syntax.tokens import Token
from .. import builtins
from ..catalog import location_of
from ..declared import DECLARED_SINCE
from ..model import Referent
from ..rules import (
    misuse_aggregate,
    misuse_window,
    non_aggregate_clause,
    prohibited_expression,
    unknown_function,
    unknown_window,
    wrong_arity,
)
from ..suggest import closest
from ..vtab_modules import MODULE_FUNCTIONS
from .scope import Ctx, Scope

NON_DETERMINISTIC = builtins.NON_DETERMINISTIC

if TYPE_CHECKING:
    from .resolver import Resolver


class FunctionResolver:
    def __init__(self, r: Resolver) -> None:
        self.r = r
        self.function_names: list[str] | None = None  # the functions the target has (did-you-mean)

    def function_call(self, node: FunctionCall, ctx: Ctx) -> None:
        r = self.r
        name_tok = node.name
        name = unquote(name_tok.text)
        args = node.args
        nargs = 0 if node.star else len(args)
        over = node.over
        filter_clause = node.filter
        order_by = node.order_by
        declared = r.catalog.declared.function(name)
        all_fns = [*declared, *builtins.lookup(name)]
        fns = [f for f in all_fns if f.kind != "table" and (f in declared or r.available(f))]
        accepting = [f for f in fns if builtins.accepts(f, nargs) and self._arity_ok(f, nargs)]
        agg = next((f for f in accepting if f.kind == builtins.AGGREGATE), None)
        win = next((f for f in accepting if f.kind == builtins.WINDOW), None)
        scalar = next((f for f in accepting if f.kind == builtins.SCALAR), None)
        is_agg = agg is not None or win is not None
        chosen = agg or win or scalar
        if chosen is not None:
            r.refer(
                name_tok,
                Referent("function", f"function:{normalize(name)}", f"{chosen.signature}\n{chosen.summary}"),
            )
        else:
            r.refer(name_tok, None)
        if (
            ctx.self_ref is not None
            and ctx.self_ref != prohibited_expression.CHECK
            and scalar is not None
            and not is_agg
            and normalize(name) in NON_DETERMINISTIC
        ):
            prohibited_expression.report(r, node, "non-deterministic functions", ctx.self_ref)
        elif scalar is not None and not is_agg and over is not None:
            misuse_window.report_not_window(r, node, name_tok, name)
        elif (
            (agg is not None and over is None and not ctx.allow_agg)
            or (win is not None and over is None)
            or (is_agg and over is not None and not ctx.allow_win)
        ):
            if win is not None or over is not None:
                misuse_window.report_misused(r, node, name_tok, name, ctx.clause)
            else:
                misuse_aggregate.report_misused(r, node, name_tok, name, ctx.clause)
        elif not fns and not all_fns:
            if not self.module_function(name):
                unknown_function.report(r, name_tok, name, nargs, closest(name, self.known_function_names()))
        elif not fns:
            target = r.sqlite
            reasons = [
                builtins.unavailable_reason(f, target.version, target.cflags, usual=target.is_default)
                for f in sorted(all_fns, key=lambda f: f.since)
                if f.kind != "table"
            ]
            why = next((reason for reason in reasons if reason), "is not available")
            unknown_function.report_unavailable(r, name_tok, name, why)
        elif chosen is None:
            wrong_arity.report(r, node, name, builtins.arity_text(f for f in fns if f.kind != "table"), nargs)
        elif not is_agg and filter_clause is not None:
            non_aggregate_clause.report(r, filter_clause, "FILTER", name)
        elif not is_agg and order_by is not None:
            non_aggregate_clause.report(r, order_by, "ORDER BY", name)
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
        expr = r.exprs.expr
        for a in args:
            expr(a, inner)
            r.rows.scalar_context(a, inner)
        if order_by is not None:
            for term in order_by.terms:
                expr(term.expr, inner)
        if filter_clause is not None:
            expr(filter_clause.expr, Ctx(ctx.scope, clause="FILTER", self_ref=ctx.self_ref))
        if over is not None:
            self.over(over, ctx)

    def operator_call(self, node: Node, tok: Token, nargs: int) -> None:
        """``x LIKE y``, ``x GLOB y``, ``x REGEXP y`` (``ESCAPE z``): SQLite
        calls the function the operator names, with ``nargs`` arguments."""
        r = self.r
        name = unquote(tok.text)
        declared = r.catalog.declared.function(name)
        fns = [
            f
            for f in [*declared, *builtins.lookup(name)]
            if f.kind == builtins.SCALAR and (f in declared or r.available(f))
        ]
        if not fns:
            unknown_function.report(r, tok, name, nargs, None)
        elif not any(self._arity_ok(f, nargs) for f in fns):
            wrong_arity.report(r, node, name, builtins.arity_text(fns), nargs)

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
        name = over.window_name
        if name is not None:
            self.window_name(name, ctx.scope)
            return
        window = over.window
        if window is not None:
            self.window(window, Ctx(ctx.scope, allow_agg=ctx.scope.aggregate or ctx.allow_agg, clause="OVER"))

    def window(self, window: Window, ctx: Ctx, defining: WindowDefinition | None = None) -> None:
        expr = self.r.exprs.expr
        if window.base is not None:
            self.window_name(window.base, ctx.scope)
        collations = self.r.collations
        for e in window.partition_by:
            collations.term(e)
            expr(e, ctx)
        order_terms = window.order_by.terms if window.order_by is not None else window.order_terms
        for term in order_terms:
            collations.term(term.expr)
            expr(term.expr, ctx)
        frame = window.frame
        if frame is not None:
            for bound in (frame.start_bound, frame.end_bound):
                if bound is not None and bound.expr is not None:
                    expr(bound.expr, Ctx(Scope([]), clause="frame"))

    def window_name(self, tok: Token, scope: Scope) -> None:
        """A window named in OVER or as a window's base: named windows are
        local to their SELECT."""
        wd = scope.windows.get(normalize(tok.text))
        if wd is not None:
            self.r.refer(tok, self.window_referent(wd))
            return
        suggestion = closest(tok.text, list(scope.windows))
        unknown_window.report(self.r, tok, unquote(tok.text), suggestion)

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
