"""Expressions: the walk over an expression's nodes, and what each column
name refers to (a FROM source of this query or an enclosing one, new/old,
excluded, a result-column alias, a rowid, TRUE/FALSE, a double-quoted
string), with the did-you-mean candidates of a name that is none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...syntax.cst import Node
from ...syntax.names import normalize, unquote
from ...syntax.nodes import (
    BetweenExpr,
    BinaryExpr,
    CaseExpr,
    CastExpr,
    CollateExpr,
    ColumnRef,
    ExistsExpr,
    Expr,
    FunctionCall,
    InExpr,
    IsExpr,
    LikeExpr,
    Literal,
    NotExpr,
    NullTest,
    ParenExpr,
    RaiseExpr,
    SubqueryExpr,
    UnaryExpr,
    Variable,
)
from .. import rules
from ..catalog import Column, Table
from ..model import Referent
from ..suggest import closest
from .functions import first_aggregate, has_window
from .scope import ROWID_NAMES, Ctx, Scope, Source, pseudo_sources

if TYPE_CHECKING:
    from .resolver import Resolver


class ExprResolver:
    def __init__(self, r: Resolver) -> None:
        self.r = r

    def expr(self, node: Expr, ctx: Ctx) -> None:
        """Resolve every name in an expression (iterative over its operand
        chains, recursive into nested queries)."""
        r = self.r
        rows = r.rows
        collations = r.collations
        # Collations matter in comparisons and calls, but not in CHECK
        # constraints (compiled only by writes).
        collating = collations.active and ctx.clause != "CHECK"
        schema_expr = ctx.self_ref is not None
        kinds = _KINDS
        stack: list[Node] = [node]
        pop = stack.pop
        while stack:
            item = pop()
            kind = kinds.get(type(item))
            if kind is None:
                kind = _kind_of(type(item))
            if kind == _COLUMN:
                assert isinstance(item, ColumnRef)
                if not (schema_expr and self.prohibited(item, ctx, stack)):
                    self.column_ref(item, ctx)
                continue
            if kind == _BINARY:
                assert isinstance(item, BinaryExpr)
                if item.op.kind == "AND" and _folded_and(item, r.state.and_folds):
                    continue
                if collating:
                    collations.operation(item, ctx)
                rows.binary_widths(item, ctx)
            elif kind == _LITERAL:
                assert isinstance(item, Literal)
                if not (schema_expr and self.prohibited(item, ctx, stack)):
                    tok = item.literal_token
                    if tok.text[1:2] in ("x", "X") and tok.kind in ("INTEGER", "QNUMBER"):
                        _hex_literal(r, item, item, negated=False)
                continue
            elif kind == _FUNCTION:
                assert isinstance(item, FunctionCall)
                if collating:
                    collations.operation(item, ctx)
                r.functions.function_call(item, ctx)
                continue
            elif kind == _SUBQUERY:
                assert isinstance(item, (SubqueryExpr, ExistsExpr))
                if schema_expr and self.prohibited(item, ctx, stack):
                    continue
                # Its width is checked where it is used (scalar_context,
                # comparisons, IN).  SQLite reads one row of it (LIMIT 1).
                state = r.state
                saved = state.one_row, state.exists
                state.one_row, state.exists = item.query, isinstance(item, ExistsExpr)
                try:
                    r.queries.query(item.query, ctx.scope)
                finally:
                    state.one_row, state.exists = saved
                continue
            elif kind == _IN:
                assert isinstance(item, InExpr)
                if _discarded(item) or (schema_expr and self.prohibited(item, ctx, stack)):
                    continue
                if collating:
                    collations.operation(item, ctx)
                rows.in_expr(item, ctx)
                continue
            elif kind == _VARIABLE:
                assert isinstance(item, Variable)
                if schema_expr and self.prohibited(item, ctx, stack):
                    continue
                state = r.state
                if state.definition is not None and not state.variable_reported:
                    state.variable_reported = True  # SQLite stops at the first
                    rules.schema_definition.report_variable(r, item, state.definition[0])
                continue
            elif kind == _RAISE:
                assert isinstance(item, RaiseExpr)
                if r.state.trigger is None:
                    rules.raise_outside_trigger.report(r, item)
                if item.message is not None:
                    stack.append(item.message)
                continue
            elif kind == _IS:
                assert isinstance(item, IsExpr)
                if _folded_null_test(item):
                    continue
                if collating:
                    collations.operation(item, ctx)
                # IS and IS NOT DISTINCT FROM are equalities (TK_IS).
                equality = (item.not_token is None) == (item.distinct_token is None)
                rows.same_widths(_operands(item), ctx, equality=equality)
            elif kind == _BETWEEN:
                assert isinstance(item, BetweenExpr)
                if collating:
                    collations.operation(item, ctx)
                rows.same_widths(_operands(item), ctx)
            elif kind == _CASE:
                assert isinstance(item, CaseExpr)
                if collating:
                    collations.operation(item, ctx)
                rows.case_widths(item, ctx)
            elif kind == _ONE_VALUE:
                assert isinstance(item, _ONE_VALUE_OPERANDS)
                if type(item) is NullTest and _folded_null_test(item):
                    continue
                if isinstance(item, LikeExpr) and item.operator.kind == "LIKE_KW":
                    r.functions.operator_call(item, item.operator, 2 if item.escape is None else 3)
                if type(item) is UnaryExpr and item.op.kind == "MINUS":
                    operand = item.operand
                    while isinstance(operand, ParenExpr):
                        operand = operand.expr
                    if isinstance(operand, Literal) and operand.literal_token.text[1:2] in ("x", "X"):
                        _hex_literal(r, item, operand, negated=True)
                        continue  # the literal is judged with its sign
                rows.scalar_operands(_operands(item), ctx)
            # Then every expression below, in order.
            stack.extend([c for c in reversed(item.children) if isinstance(c, Node)])

    def prohibited(self, item: Node, ctx: Ctx, stack: list[Node]) -> bool:
        """Report what an expression kept in the schema may not contain
        (SQLite's sqlite3ResolveNotValid); True: ``item`` is done with."""
        r = self.r
        where = ctx.self_ref
        assert where is not None
        if isinstance(item, (SubqueryExpr, ExistsExpr)):
            rules.prohibited_expression.report(r, item, "subqueries", where)
            return True
        if isinstance(item, InExpr) and (item.query is not None or item.table is not None):
            rules.prohibited_expression.report(r, item, "subqueries", where)
            stack.append(item.left)
            return True
        if isinstance(item, Variable):
            rules.prohibited_expression.report(r, item, "parameters", where)
            return True
        if (
            isinstance(item, Literal)
            and item.literal_token.kind == "CTIME_KW"
            and where != rules.prohibited_expression.CHECK
        ):
            rules.prohibited_expression.report(r, item, "non-deterministic functions", where)
            return True
        if (
            isinstance(item, ColumnRef)
            and len(item.parts) > 1
            and where in (rules.prohibited_expression.INDEX, rules.prohibited_expression.GENERATED)
        ):
            # SQLite reports it, then looks the name up: "no such column"
            # replaces the message when that fails.
            before = r.errors
            self.column_ref(item, ctx)
            if r.errors == before:
                rules.prohibited_expression.report(r, item, 'the "." operator', where)
            return True
        return False

    def column_ref(self, node: ColumnRef, ctx: Ctx) -> None:
        r = self.r
        parts = node.parts
        if ctx.ignore_schema and len(parts) == 3:
            parts = parts[1:]  # as SQLite shows it too
        col_tok = parts[-1]
        table_tok = parts[-2] if len(parts) >= 2 else None
        schema_tok = parts[0] if len(parts) == 3 else None
        self_ref = ctx.self_ref
        if self_ref is not None and self_ref in (
            rules.prohibited_expression.CHECK,
            rules.prohibited_expression.PARTIAL_INDEX,
        ):
            schema_tok = None  # SQLite ignores a database name in these
        probe = r.probe
        if probe is not None and node.start <= probe <= node.end:
            r.in_scope(col_tok, ctx.scope, table_position=False)
        col = unquote(col_tok.text)
        qualifier = normalize(table_tok.text) if table_tok is not None else None
        if (
            schema_tok is not None
            and table_tok is not None
            and r.catalog.database(unquote(schema_tok.text)) is None
        ):
            rules.unknown_column.report_in_unknown_database(
                r, node, unquote(schema_tok.text), unquote(table_tok.text), col
            )
            return
        key = normalize(col)
        scope: Scope | None = ctx.scope
        saw_qualifier = False
        unknown_source = False
        # new/old and excluded are looked at only when no FROM table of a
        # scope has the column (a table may be called "excluded").
        state = r.state
        pseudo = pseudo_sources(state, r.table_referent) if state.trigger or state.in_upsert else []
        while scope is not None:
            matches: list[tuple[Source, Column]] = []
            rowid_sources: list[Source] = []
            real = scope.sources if qualifier is None else scope.named(qualifier)
            for src in real + pseudo if pseudo else real:
                if pseudo and matches and src is pseudo[0]:
                    break
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
                c = src.column_by_key(key)
                if c is not None:
                    if matches and key in src.using:
                        if not src.right_join:
                            continue  # the shared column of a USING/NATURAL join
                        matches = []
                    matches.append((src, c))
                elif key in ROWID_NAMES and src.rowid:
                    rowid_sources.append(src)
            if len(matches) == 1:
                src, c = matches[0]
                r.state.resolved.append((node, src))
                if r.keep_model:
                    if table_tok is not None:
                        r.refer(table_tok, src.alias_referent or src.referent)
                    r.refer(col_tok, src.column_referent(c))
                return
            if len(matches) > 1:
                rules.ambiguous_column.report(r, node, ".".join([unquote(p.text) for p in parts]))
                return
            if rowid_sources:
                if len(rowid_sources) == 1 or qualifier is not None:
                    src = rowid_sources[0]
                    r.state.resolved.append((node, src))
                    if table_tok is not None:
                        r.refer(table_tok, src.alias_referent or src.referent)
                    r.refer(
                        col_tok,
                        Referent(
                            "column",
                            f"rowid:{src.referent.key if src.referent else src.name}",
                            f"{src.name}.rowid INTEGER\nthe rowid of {src.name}",
                        ),
                    )
                    return
                rules.ambiguous_column.report(r, node, col)
                return
            if unknown_source:
                r.state.unresolved += 1
                return  # a table with unknown columns might have it
            if qualifier is None and scope.aliases and key in scope.aliases:
                alias_expr = scope.aliases[key]
                self.alias_use(node, alias_expr, ctx, outer=scope is not ctx.scope)
                return
            scope = scope.parent
        if qualifier is None:
            if col_tok.text[:1] == '"':
                rules.double_quoted_string.report(r, node, col)
                return
            if key in ("true", "false"):
                return
        elif not saw_qualifier:
            assert table_tok is not None
            names = [s.name for s in self.all_sources(ctx.scope) if s.name]
            trigger = r.state.trigger
            rules.unknown_qualifier.report(
                r,
                table_tok,
                ".".join([unquote(p.text) for p in parts]),
                unquote(table_tok.text),
                closest(table_tok.text, names),
                trigger[1] if trigger is not None and qualifier in ("new", "old") else None,
            )
            r.refer(col_tok, None)
            return
        suggestion = closest(col, self.column_candidates(ctx.scope, qualifier))
        rowless: Table | None = None
        if key in ROWID_NAMES and not suggestion:
            rowless = next(
                (
                    s.table
                    for s in self.all_sources(ctx.scope)
                    if s.table is not None
                    and not s.table.has_rowid
                    and (qualifier is None or normalize(s.name or "") == qualifier)
                ),
                None,
            )
        rules.unknown_column.report(
            r,
            col_tok if table_tok is not None else node,
            ".".join([unquote(p.text) for p in parts]),
            suggestion,
            rowless,
        )
        r.refer(col_tok, None)

    def alias_use(self, node: ColumnRef, alias_expr: Expr, ctx: Ctx, *, outer: bool = False) -> None:
        """A result-set alias used in WHERE, GROUP BY, HAVING or ORDER BY."""
        r = self.r
        tok = node.name
        shown = r.source[alias_expr.start : alias_expr.end]
        if r.keep_model:
            r.refer(
                tok,
                Referent(
                    "alias", f"alias-expr:{id(alias_expr)}", f"{shown} AS {unquote(tok.text)}\nresult column"
                ),
            )
        alias = unquote(tok.text)
        if ctx.clause == "ON":
            r.state.on_aliases.append((node, alias_expr))
        if has_window(alias_expr):
            # Not in a subquery either (resolve.c, lookupName: pNC!=pTopNC).
            if not ctx.allow_win or outer:
                rules.misuse_window.report_aliased(r, node, alias, shown)
            return
        agg = first_aggregate(alias_expr)
        if agg is None:
            return
        if ctx.clause == "GROUP BY":
            ctx.saw_agg[0] = True  # reported by the GROUP BY check
        elif not ctx.allow_agg or ctx.clause == "WHERE":
            # In WHERE the copy is never computed, even in an aggregate query.
            rules.misuse_aggregate.report_aliased(r, node, agg, alias, shown)

    def all_sources(self, scope: Scope | None) -> list[Source]:
        """The sources of ``scope`` and the scopes enclosing it, then the
        pseudo-tables."""
        out: list[Source] = []
        while scope is not None:
            out.extend(scope.sources)
            scope = scope.parent
        return out + pseudo_sources(self.r.state, self.r.table_referent)

    def column_candidates(self, scope: Scope, qualifier: str | None) -> tuple[str, ...]:
        """Column names (and aliases) a misspelled name in ``scope`` may have
        meant; cached on the scope while it does not grow."""
        sizes = (len(scope.sources), len(scope.aliases or ()))
        if scope.candidates is None:
            scope.candidates = {}
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


def _hex_literal(r: Resolver, node: Expr, literal: Literal, *, negated: bool) -> None:
    """A hex literal must fit in 64 bits: at most sixteen significant
    digits, and not -0x8000000000000000 (expr.c, codeInteger)."""
    text = literal.literal_token.text
    digits = text[2:].replace("_", "").lstrip("0")
    if len(digits) > 16 or (negated and digits == "8000000000000000"):
        rules.hex_literal.report(r, node, ("-" if negated else "") + text)


_ONE_VALUE_OPERANDS = (UnaryExpr, NotExpr, LikeExpr, NullTest, CollateExpr, CastExpr)
"""Expressions whose operands must each be one value."""

# What :meth:`ExprResolver.expr` does with a node, by its class: one
# dictionary look-up instead of a chain of isinstance tests.  The
# comparisons and calls (binary, IS, BETWEEN, IN, CASE, function) are
# where a collation may be needed.
_OTHER = 0
_COLUMN = 1
_BINARY = 2
_LITERAL = 3
_FUNCTION = 4
_SUBQUERY = 5
_IN = 6
_VARIABLE = 7
_RAISE = 8
_IS = 9
_BETWEEN = 10
_CASE = 11
_ONE_VALUE = 12

_KIND_CLASSES: tuple[tuple[type[Node] | tuple[type[Node], ...], int], ...] = (
    (ColumnRef, _COLUMN),
    (BinaryExpr, _BINARY),
    (Literal, _LITERAL),
    (FunctionCall, _FUNCTION),
    ((SubqueryExpr, ExistsExpr), _SUBQUERY),
    (InExpr, _IN),
    (Variable, _VARIABLE),
    (RaiseExpr, _RAISE),
    (IsExpr, _IS),
    (BetweenExpr, _BETWEEN),
    (CaseExpr, _CASE),
    (_ONE_VALUE_OPERANDS, _ONE_VALUE),
)

_KINDS: dict[type, int] = {}


def _kind_of(cls: type) -> int:
    """What the walk does with a node of class ``cls`` (worked out on its
    first meeting, by ``isinstance``, then remembered in ``_KINDS``)."""
    kind = _OTHER
    for classes, k in _KIND_CLASSES:
        if issubclass(cls, classes):
            kind = k
            break
    _KINDS[cls] = kind
    return kind


def _operands(
    node: BetweenExpr | IsExpr | UnaryExpr | NotExpr | LikeExpr | NullTest | CollateExpr | CastExpr,
) -> list[Expr]:
    """The operands of an expression, in order."""
    if isinstance(node, (BetweenExpr, LikeExpr)):
        return node.operands
    if isinstance(node, IsExpr):
        return [node.left, node.right]
    if isinstance(node, (CollateExpr, CastExpr)):
        return [node.expr]
    return [node.operand]


# What SQLite's parser folds into a constant: the expression it replaces is
# never resolved, so nothing in it is an error.


def _discarded(node: InExpr) -> bool:
    """``x IN ()``, which SQLite's parser turns into FALSE (TRUE with NOT),
    dropping ``x`` unless a function is called in it: nothing in it is
    resolved."""
    if node.values or node.query is not None or node.table is not None:
        return False
    return not _has_function(node.left)


AndFolds = dict[int, tuple[BinaryExpr, bool, bool]]
"""What :func:`_folded_and` found for each AND node of a statement (by id,
with the node): whether SQLite's parser folds it to 0, and whether it calls a
function (EP_HasFunc)."""


def _folded_and(node: BinaryExpr, folds: AndFolds) -> bool:
    """``x AND 0`` or ``0 AND x``: SQLite's parser (sqlite3ExprAnd) replaces
    the whole AND by 0 when an operand is always false and no function is
    called in either (EP_HasFunc).  An AND chain is judged once, from its
    innermost AND out (each level's flags come from the one below), and
    remembered in ``folds``: linear in the chain, as the walk visits every
    level."""
    known = folds.get(id(node))
    if known is not None and known[0] is node:
        return known[1]
    chain: list[BinaryExpr] = []
    item: Expr = node
    while isinstance(item, BinaryExpr) and item.op.kind == "AND" and id(item) not in folds:
        chain.append(item)
        item = _unwrapped(item.left)
    for level in reversed(chain):
        left, right = level.left, level.right
        left_false, left_func = _flags(left, folds)
        right_false, right_func = _flags(right, folds)
        folded = (left_false or right_false) and not (left_func or right_func)
        folds[id(level)] = (level, folded, not folded and (left_func or right_func))
    return folds[id(node)][1]


def _unwrapped(node: Expr) -> Expr:
    while isinstance(node, ParenExpr):
        node = node.expr
    return node


def _flags(node: Expr, folds: AndFolds) -> tuple[bool, bool]:
    """(EP_IsFalse, EP_HasFunc) of an AND's operand; an AND below has been
    judged already (or is judged now, for one written in parentheses on
    the right)."""
    inner = _unwrapped(node)
    if isinstance(inner, BinaryExpr) and inner.op.kind == "AND":
        folded = _folded_and(inner, folds)
        return folded, folds[id(inner)][2]
    return _always_false(inner), _has_function(node)


def _always_false(node: Expr) -> bool:
    """An operand that carries EP_IsFalse when SQLite parses it (but an
    AND, judged by :func:`_folded_and`): the integer literal 0 (however
    written), ``x IN ()`` folded to FALSE, a literal's ISNULL folded to 0."""
    node = _unwrapped(node)
    if isinstance(node, Literal):
        return _is_int_zero(node.literal_token.text) and node.literal_token.kind == "INTEGER"
    if isinstance(node, InExpr):
        return not node.negated and _discarded(node)
    if isinstance(node, (NullTest, IsExpr)):
        return _folded_null_test(node) and _tests_null(node)
    return False


def _is_int_zero(text: str) -> bool:
    """An INTEGER token whose value is 0 (sqlite3GetInt32: decimal or hex)."""
    digits = text[2:] if text[:2] in ("0x", "0X") else text
    return bool(digits) and digits.strip("0") == ""


def _folded_null_test(node: NullTest | IsExpr) -> bool:
    """``lit ISNULL``, ``lit NOT NULL``, ``lit IS [NOT] [DISTINCT FROM] NULL`` with a
    number, string or blob literal (through unary signs): SQLite's parser
    (sqlite3PExprIsNull) folds it to 0 or 1."""
    if isinstance(node, IsExpr):
        right = node.right
        while isinstance(right, ParenExpr):
            right = right.expr
        if not (isinstance(right, Literal) and right.literal_token.kind == "NULL"):
            return False
        operand = node.left
    else:
        operand = node.operand
    while isinstance(operand, (ParenExpr, UnaryExpr)):
        if isinstance(operand, UnaryExpr) and operand.op.kind == "BITNOT":
            return False
        operand = operand.expr if isinstance(operand, ParenExpr) else operand.operand
    return isinstance(operand, Literal) and operand.literal_token.kind in _NOT_NULL_LITERALS


_NOT_NULL_LITERALS = frozenset({"INTEGER", "FLOAT", "STRING", "BLOB", "QNUMBER"})


def _tests_null(node: NullTest | IsExpr) -> bool:
    """ISNULL / IS NULL / IS NOT DISTINCT FROM NULL (folded to 0), not
    NOTNULL / IS NOT NULL / IS DISTINCT FROM NULL (1)."""
    if isinstance(node, IsExpr):
        return (node.not_token is None) == (node.distinct_token is None)
    return node.op[0].kind == "ISNULL"


def _has_function(node: Expr) -> bool:
    """Whether SQLite's parser marks ``node`` EP_HasFunc: a function call
    anywhere in it (LIKE, GLOB, MATCH, REGEXP, ``->`` and CURRENT_TIME are
    calls too), subqueries not looked into."""
    stack: list[Node] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (FunctionCall, LikeExpr)):
            return True
        if isinstance(item, Literal):
            if item.literal_token.kind == "CTIME_KW":
                return True
            continue
        if isinstance(item, BinaryExpr) and item.op.kind == "PTR":
            return True
        if isinstance(item, (SubqueryExpr, ExistsExpr)):
            continue
        if isinstance(item, InExpr) and item.query is not None:
            stack.append(item.left)
            continue
        stack.extend(c for c in item.children if isinstance(c, Node))
    return False
