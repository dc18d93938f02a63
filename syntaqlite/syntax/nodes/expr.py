"""Expressions."""

from __future__ import annotations

from ..cst import Node
from ..tokens import Token
from .base import register


@register
class Literal(Node):
    """A number, string, blob, NULL or CURRENT_DATE/TIME/TIMESTAMP."""

    __slots__ = ()
    kind = "literal"

    @property
    def literal_token(self) -> Token:
        return self.children[0]  # type: ignore[return-value]


@register
class ColumnRef(Node):
    """``name``, ``table.name`` or ``schema.table.name``.  A bare name may
    also be TRUE/FALSE or (double-quoted) a string SQLite falls back to."""

    __slots__ = ()
    kind = "column_ref"

    @property
    def parts(self) -> list[Token]:
        """The names, without the dots (the children are ``name (DOT name)*``)."""
        return self.children[::2]  # type: ignore[return-value]

    @property
    def name(self) -> Token:
        return self.children[-1]  # type: ignore[return-value]

    @property
    def table(self) -> Token | None:
        parts = self.parts
        return parts[-2] if len(parts) >= 2 else None

    @property
    def schema(self) -> Token | None:
        parts = self.parts
        return parts[0] if len(parts) == 3 else None


@register
class Variable(Node):
    """A bound parameter: ``?``, ``?NNN``, ``:name``, ``@name``, ``$name``."""

    __slots__ = ()
    kind = "variable"


@register
class ParenExpr(Node):
    """``(expr)``."""

    __slots__ = ()
    kind = "paren_expr"

    @property
    def expr(self) -> Node:
        return self.children[1]  # type: ignore[return-value]


@register
class RowValue(Node):
    """``(expr, expr, ...)``: a row value (vector) of two or more terms."""

    __slots__ = ()
    kind = "row_value"

    @property
    def items(self) -> list[Node]:
        return self.nodes()


@register
class BinaryExpr(Node):
    """``left op right`` for AND, OR, comparisons, arithmetic, bit
    operators, ``||``, ``->`` and ``->>``."""

    __slots__ = ()
    kind = "binary_expr"

    @property
    def left(self) -> Node:
        return self.children[0]  # type: ignore[return-value]

    @property
    def op(self) -> Token:
        return self.children[1]  # type: ignore[return-value]

    @property
    def right(self) -> Node:
        return self.children[2]  # type: ignore[return-value]


@register
class UnaryExpr(Node):
    """``-expr``, ``+expr`` or ``~expr``."""

    __slots__ = ()
    kind = "unary_expr"

    @property
    def op(self) -> Token:
        return self.children[0]  # type: ignore[return-value]

    @property
    def operand(self) -> Node:
        return self.children[1]  # type: ignore[return-value]


@register
class NotExpr(Node):
    """``NOT expr``."""

    __slots__ = ()
    kind = "not_expr"

    @property
    def operand(self) -> Node:
        return self.children[1]  # type: ignore[return-value]


@register
class LikeExpr(Node):
    """``expr [NOT] LIKE|GLOB|REGEXP|MATCH expr [ESCAPE expr]``."""

    __slots__ = ()
    kind = "like_expr"

    @property
    def negated(self) -> bool:
        return self.has("NOT")

    @property
    def operator(self) -> Token:
        tok = self.token("LIKE_KW", "MATCH")
        assert tok is not None
        return tok

    @property
    def operands(self) -> list[Node]:
        return self.nodes()


@register
class BetweenExpr(Node):
    """``expr [NOT] BETWEEN expr AND expr``."""

    __slots__ = ()
    kind = "between_expr"

    @property
    def negated(self) -> bool:
        return self.has("NOT")

    @property
    def operands(self) -> list[Node]:
        return self.nodes()


@register
class InExpr(Node):
    """``expr [NOT] IN (expr, ...)``, ``... IN (select)`` or
    ``... IN [schema.]table[(args)]``."""

    __slots__ = ()
    kind = "in_expr"

    @property
    def negated(self) -> bool:
        return self.has("NOT")

    @property
    def left(self) -> Node:
        return self.children[0]  # type: ignore[return-value]

    @property
    def right(self) -> list[Node]:
        return self.nodes()[1:]


@register
class IsExpr(Node):
    """``expr IS [NOT] [DISTINCT FROM] expr``."""

    __slots__ = ()
    kind = "is_expr"

    @property
    def left(self) -> Node:
        return self.children[0]  # type: ignore[return-value]

    @property
    def right(self) -> Node:
        return self.children[-1]  # type: ignore[return-value]


@register
class NullTest(Node):
    """``expr ISNULL``, ``expr NOTNULL`` or ``expr NOT NULL``."""

    __slots__ = ()
    kind = "null_test"

    @property
    def operand(self) -> Node:
        return self.children[0]  # type: ignore[return-value]


@register
class CollateExpr(Node):
    """``expr COLLATE name``."""

    __slots__ = ()
    kind = "collate_expr"

    @property
    def expr(self) -> Node:
        return self.children[0]  # type: ignore[return-value]

    @property
    def collation(self) -> Token:
        return self.children[2]  # type: ignore[return-value]


@register
class CastExpr(Node):
    """``CAST(expr AS [type_name])``."""

    __slots__ = ()
    kind = "cast_expr"

    @property
    def expr(self) -> Node:
        return self.children[2]  # type: ignore[return-value]

    @property
    def type_name(self) -> TypeName | None:
        return self.child(TypeName)


@register
class TypeName(Node):
    """A declared type: one or more words, optionally ``(n)`` or ``(n, m)``."""

    __slots__ = ()
    kind = "type_name"

    @property
    def words(self) -> list[Token]:
        out = []
        for c in self.children:
            if isinstance(c, Token) and c.kind == "LP":
                break
            if isinstance(c, Token):
                out.append(c)
        return out


@register
class FunctionCall(Node):
    """``name([DISTINCT|ALL] expr, ... [function_order_by])`` or
    ``name(*)``, optionally followed by within_group, filter_clause and
    over_clause."""

    __slots__ = ()
    kind = "function_call"

    @property
    def name(self) -> Token:
        return self.children[0]  # type: ignore[return-value]

    @property
    def star(self) -> bool:
        return len(self.children) > 2 and getattr(self.children[2], "kind", None) == "STAR"

    @property
    def distinct(self) -> bool:
        return self.has("DISTINCT")

    @property
    def args(self) -> list[Node]:
        out: list[Node] = []
        for c in self.children[2:]:
            if isinstance(c, Token) and c.kind == "RP":
                break
            if isinstance(c, Node) and not isinstance(c, FunctionOrderBy):
                out.append(c)
        return out

    @property
    def order_by(self) -> FunctionOrderBy | None:
        return self.child(FunctionOrderBy)

    @property
    def filter(self) -> FilterClause | None:
        return self.child(FilterClause)

    @property
    def over(self) -> OverClause | None:
        return self.child(OverClause)

    @property
    def within_group(self) -> WithinGroup | None:
        return self.child(WithinGroup)


@register
class FunctionOrderBy(Node):
    """``ORDER BY ordering_term, ...`` inside an aggregate call."""

    __slots__ = ()
    kind = "function_order_by"


@register
class WithinGroup(Node):
    """``WITHIN GROUP (ORDER BY expr)`` (SQLITE_ENABLE_ORDERED_SET_AGGREGATES)."""

    __slots__ = ()
    kind = "within_group"


@register
class FilterClause(Node):
    """``FILTER (WHERE expr)``."""

    __slots__ = ()
    kind = "filter_clause"

    @property
    def expr(self) -> Node:
        return self.children[3]  # type: ignore[return-value]


@register
class OverClause(Node):
    """``OVER (window)`` or ``OVER window_name``."""

    __slots__ = ()
    kind = "over_clause"

    @property
    def window_name(self) -> Token | None:
        last = self.children[-1]
        return last if isinstance(last, Token) and last.kind != "RP" else None


@register
class CaseExpr(Node):
    """``CASE [expr] when_clause ... [ELSE expr] END``."""

    __slots__ = ()
    kind = "case_expr"

    @property
    def operand(self) -> Node | None:
        second = self.children[1]
        return second if isinstance(second, Node) and not isinstance(second, WhenClause) else None

    @property
    def whens(self) -> list[WhenClause]:
        return self.children_of(WhenClause)

    @property
    def else_(self) -> Node | None:
        for i, c in enumerate(self.children):
            if isinstance(c, Token) and c.kind == "ELSE":
                return self.children[i + 1]  # type: ignore[return-value]
        return None


@register
class WhenClause(Node):
    """``WHEN expr THEN expr``."""

    __slots__ = ()
    kind = "when_clause"

    @property
    def condition(self) -> Node:
        return self.children[1]  # type: ignore[return-value]

    @property
    def result(self) -> Node:
        return self.children[3]  # type: ignore[return-value]


@register
class ExistsExpr(Node):
    """``EXISTS (select)``."""

    __slots__ = ()
    kind = "exists_expr"

    @property
    def query(self) -> Node:
        return self.children[2]  # type: ignore[return-value]


@register
class SubqueryExpr(Node):
    """``(select)`` used as a value."""

    __slots__ = ()
    kind = "subquery_expr"

    @property
    def query(self) -> Node:
        return self.children[1]  # type: ignore[return-value]


@register
class RaiseExpr(Node):
    """``RAISE(IGNORE)`` or ``RAISE(ROLLBACK|ABORT|FAIL, expr)``."""

    __slots__ = ()
    kind = "raise_expr"


__all__ = [
    "BetweenExpr",
    "BinaryExpr",
    "CaseExpr",
    "CastExpr",
    "CollateExpr",
    "ColumnRef",
    "ExistsExpr",
    "FilterClause",
    "FunctionCall",
    "FunctionOrderBy",
    "InExpr",
    "IsExpr",
    "LikeExpr",
    "Literal",
    "NotExpr",
    "NullTest",
    "OverClause",
    "ParenExpr",
    "RaiseExpr",
    "RowValue",
    "SubqueryExpr",
    "TypeName",
    "UnaryExpr",
    "Variable",
    "WhenClause",
    "WithinGroup",
]
