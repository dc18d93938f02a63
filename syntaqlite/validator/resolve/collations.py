"""Collating sequences: a COLLATE name must be one SQLite has (BINARY,
NOCASE, RTRIM) or one the configuration declares, where SQLite needs it.

SQLite looks a collation up only when it needs it, so ``SELECT a COLLATE x``
prepares while ``... ORDER BY a COLLATE x`` does not.  Where it needs one:
a column definition, an index's or a PRIMARY KEY/UNIQUE constraint's column,
an ORDER BY, GROUP BY or PARTITION BY term, a comparison, a DISTINCT
aggregate's argument and the arguments of min(), max() and nullif(), the
result columns of a query read as a table (``table_columns``) and of a
compound that removes duplicates or sorts (``QueryResolver.compound_collations``).  Which
COLLATE of an expression counts follows ``sqlite3ExprCollSeq``: the
outermost COLLATE, looked for through parentheses, CAST, unary plus and the
operands that contain one (left first), never inside a subquery; in a
comparison, the left side's if it has one, else the right side's
(``sqlite3BinaryCompareCollSeq``).

Nothing is looked at in a statement without the word COLLATE.
"""

from __future__ import annotations

import re
from bisect import bisect_left
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
    OnClause,
    ParenExpr,
    Query,
    RowValue,
    Select,
    SelectCore,
    SubqueryExpr,
    UnaryExpr,
    Values,
    WhereClause,
)
from ...syntax.tokens import Token
from .. import rules
from ..declared import BUILTIN_COLLATIONS
from ..suggest import closest
from .scope import ROWID_NAMES, Ctx, Scope

if TYPE_CHECKING:
    from .resolver import Resolver

_COLLATE = re.compile("collate", re.IGNORECASE)
_COMPARISONS = frozenset({"LT", "GT", "GE", "LE", "EQ", "NE"})
_NEEDS_COLLATION = frozenset({"min", "max", "nullif"})
"""Functions SQLite registers with SQLITE_FUNC_NEEDCOLL."""


class CollationChecker:
    def __init__(self, r: Resolver) -> None:
        self.r = r
        self.active = False
        self._has: dict[int, bool] = {}
        self._reported: set[int] = set()  # COLLATE names reported in this statement
        self._conjuncts: set[int] = set()  # the AND-ed terms of the statement's WHERE and ON clauses
        self._source: str | None = None
        self._words: list[int] = []  # where the word COLLATE is in the source

    def begin_statement(self, source: str, stmt: Node | None) -> None:
        """Called before each statement (None: the whole ``source``): the
        checks run only where the word COLLATE appears."""
        if self._source is not source:  # where the word is, found once per text
            self._source = source
            self._words = [m.start() for m in _COLLATE.finditer(source)]
        if stmt is None:
            self.active = bool(self._words)
        elif self._words:
            start = stmt.start
            i = bisect_left(self._words, start)
            self.active = i < len(self._words) and self._words[i] < stmt.end
        else:
            self.active = False
        if self.active or self._has:
            self._has = {}
            self._reported = set()
            self._conjuncts = _conjuncts(stmt) if self.active and stmt is not None else set()

    def name(self, tok: Token) -> None:
        """A collation name SQLite looks up (e.g. a column's COLLATE)."""
        name = unquote(tok.text)
        declared = self.r.catalog.declared
        if declared.has_collation(name) or id(tok) in self._reported:
            return
        self._reported.add(id(tok))
        candidates = sorted(BUILTIN_COLLATIONS | declared.collations)
        suggestion = closest(name, candidates)
        rules.unknown_collation.report(self.r, tok, name, suggestion.upper() if suggestion else None)

    def term(self, expr: Expr) -> None:
        """An ORDER BY, GROUP BY, PARTITION BY or index term."""
        if self.active:
            tok = self.explicit(expr)
            if tok is not None:
                self.name(tok)

    def operation(self, node: Node, ctx: Ctx) -> None:
        """A comparison, or a call of a function that needs a collation."""
        if not self.active:
            return
        if isinstance(node, BinaryExpr):
            if node.op.kind in _COMPARISONS:
                self._compare(
                    node.left, node.right, ctx, node.op.kind != "NE" and id(node) in self._conjuncts
                )
        elif isinstance(node, IsExpr):
            right = node.right
            # x IS NULL is no comparison.
            if not (isinstance(right, Literal) and right.literal_token.kind == "NULL"):
                self._compare(node.left, right, ctx, node.not_token is None and id(node) in self._conjuncts)
        elif isinstance(node, BetweenExpr):
            seekable = not node.negated and id(node) in self._conjuncts
            self._compare(node.operand, node.low, ctx, seekable)
            self._compare(node.operand, node.high, ctx, seekable)
        elif isinstance(node, InExpr):
            self._compare(node.left, None, ctx, False)
        elif isinstance(node, CaseExpr):
            if node.operand is not None:
                for when in node.whens:
                    self._compare(node.operand, when.condition, ctx, False)
        elif isinstance(node, FunctionCall):
            distinct = node.quantifier is not None and node.quantifier.kind == "DISTINCT"
            if distinct or unquote(node.name.text).lower() in _NEEDS_COLLATION:
                for arg in node.args:
                    self.term(arg)

    def _compare(self, left: Expr, right: Expr | None, ctx: Ctx, seekable: bool) -> None:
        """``left`` compared with ``right``; ``seekable``: by an operator a
        rowid lookup can use (=, <, <=, >, >=, IS, BETWEEN), as one of the
        AND-ed terms of a WHERE or ON clause."""
        lrow, rrow = _unparen(left), _unparen(right) if right is not None else None
        if isinstance(lrow, RowValue):
            # Row values compare element by element, each pair with its own
            # collation; against a subquery or a list, the left element's.
            if isinstance(rrow, RowValue) and len(rrow.items) == len(lrow.items):
                for a, b in zip(lrow.items, rrow.items, strict=True):
                    self._compare(a, b, ctx, seekable)
            else:
                for a in lrow.items:
                    self._compare(a, None, ctx, seekable)
            return
        if isinstance(rrow, RowValue):
            return  # compared with a subquery's columns (not followed)
        side = left if self.has(left) else right
        if side is None:
            return
        if seekable and right is not None and self._rowid(left, ctx.scope) and not _mentions_column(right):
            # A rowid compared with a constant may become a rowid lookup:
            # then SQLite never codes the comparison nor looks its
            # collation up.
            return
        self.term(side)

    def _rowid(self, expr: Expr, scope: Scope | None) -> bool:
        """Whether ``expr`` may be a rowid: a rowid or INTEGER PRIMARY KEY
        column of a table, or any column of a view or subquery (which SQLite
        may flatten onto a table's rowid) or of a virtual table (its module
        plans the lookup)."""
        p: Node = expr
        while isinstance(p, (CollateExpr, ParenExpr)):
            p = p.expr
        if not isinstance(p, ColumnRef):
            return False
        name = normalize(p.parts[-1].text)
        while scope is not None:
            for src in scope.sources:
                column = src.column(name) if src.columns is not None else None
                if column is None and not (src.rowid and name in ROWID_NAMES):
                    continue
                table = src.table
                if column is None or table is None or table.kind in ("virtual", "view"):
                    return True  # maybe flattened onto a rowid, or planned by a module
                if table is not None and table.without_rowid:
                    return False
                return column.primary_key and (column.type or "").upper() == "INTEGER"
            scope = scope.parent
        return False

    def explicit(self, expr: Expr) -> Token | None:
        """The name of the COLLATE that decides ``expr``'s collation, if any."""
        decider = self.decider(expr)
        return decider if isinstance(decider, Token) else None

    def decider(self, expr: Expr) -> Token | ColumnRef | None:
        """What decides ``expr``'s collation (``sqlite3ExprCollSeq``): the
        name of a COLLATE, a column (its declared collation, else BINARY;
        none for a rowid), or nothing (None)."""
        p: Node | None = expr
        while p is not None:
            if isinstance(p, CollateExpr):
                return p.collation
            if isinstance(p, (ParenExpr, CastExpr)):
                p = p.expr
            elif isinstance(p, UnaryExpr) and p.op.kind == "PLUS":
                p = p.operand
            elif isinstance(p, RowValue):
                p = p.items[0] if p.items else None
            elif isinstance(p, ColumnRef):
                return p
            elif not self.has(p):
                return None
            else:
                p = next((c for c in _operands(p) if self.has(c)), None)
        return None

    def table_columns(self, query: Query) -> None:
        """A query SQLite reads as a table (a subquery in FROM, a CTE, a
        view): each column takes the collation of the left-most SELECT's
        result column, looked up then (select.c, sqlite3SubqueryColumnTypes).
        Of a VALUES, only the first row counts (later rows are a co-routine's,
        or come after it in the compound)."""
        if not self.active:
            return
        first: Node = query.cores[0] if isinstance(query, Select) else query
        if isinstance(first, SelectCore):
            for rc in first.columns:
                if rc.expr is not None:
                    self.term(rc.expr)
        elif isinstance(first, Values) and first.rows:
            for value in first.rows[0].values:
                self.term(value)

    def has(self, node: Node) -> bool:
        """Whether a COLLATE is in ``node`` outside nested queries (SQLite's
        EP_Collate), memoized for the statement."""
        found = self._has.get(id(node))
        if found is not None:
            return found
        # Post-order without recursion: children first.
        stack: list[tuple[Node, bool]] = [(node, False)]
        while stack:
            item, expanded = stack.pop()
            if id(item) in self._has:
                continue
            if isinstance(item, CollateExpr):
                self._has[id(item)] = True
                continue
            if isinstance(item, (SubqueryExpr, ExistsExpr)):
                self._has[id(item)] = False
                continue
            kids = _operands(item)
            if expanded:
                self._has[id(item)] = any(self._has.get(id(k), False) for k in kids)
            else:
                stack.append((item, True))
                stack.extend((k, False) for k in kids if id(k) not in self._has)
        return self._has[id(node)]


def _operands(node: Node) -> list[Node]:
    """The expressions directly below ``node`` in SQLite's order (LIKE is a
    function of (pattern, subject)); not the queries of IN (SELECT ...)."""
    if isinstance(node, LikeExpr):
        ops: list[Node] = [node.right, node.left]
        if node.escape is not None:
            ops.append(node.escape)
        return ops
    if isinstance(node, InExpr):
        return [node.left, *node.values, *node.args]
    if isinstance(node, FunctionCall):
        return list(node.args)
    return [c for c in node.children if isinstance(c, Node) and not isinstance(c, (SubqueryExpr, ExistsExpr))]


def _mentions_column(expr: Node) -> bool:
    """Whether a column is named in ``expr`` (outside nested queries)."""
    stack = [expr]
    while stack:
        item = stack.pop()
        if isinstance(item, ColumnRef):
            return True
        if not isinstance(item, (SubqueryExpr, ExistsExpr)):
            stack.extend(c for c in item.children if isinstance(c, Node))
    return False


def _conjuncts(stmt: Node) -> set[int]:
    """The ids of the terms AND-ed together in every WHERE and ON clause of
    ``stmt`` (the terms the query planner may use for lookups)."""
    out: set[int] = set()
    for node in stmt.walk():
        if isinstance(node, (WhereClause, OnClause)):
            stack: list[Node] = [node.expr]
            while stack:
                term = stack.pop()
                if isinstance(term, ParenExpr):
                    stack.append(term.expr)
                elif isinstance(term, BinaryExpr) and term.op.kind == "AND":
                    stack.extend((term.left, term.right))
                else:
                    out.add(id(term))
    return out


def _unparen(node: Expr) -> Expr:
    while isinstance(node, ParenExpr):
        node = node.expr
    return node
