"""Queries: SELECT, VALUES, compounds, WITH, FROM and the clauses."""

from __future__ import annotations

from ..cst import Node
from ..tokens import Token
from .base import register, token_value


def _alias(node: Node, after: int) -> Token | None:
    """The alias among ``node.children[after:]``: the word after AS, or a
    bare name token."""
    for c in node.children[after:]:
        if isinstance(c, Node):
            break
        if c.kind != "AS":
            return c
    return None


@register
class Select(Node):
    """A compound query or a query with a WITH clause:
    ``[with_clause] core (compound_operator core)*`` where each core is a
    :class:`SelectCore` or :class:`Values`.  A single core without WITH is
    not wrapped: it is the query node itself.  The ORDER BY and LIMIT of a
    compound sit, as in SQLite's grammar, on its last core."""

    __slots__ = ()
    kind = "select"

    @property
    def with_clause(self) -> WithClause | None:
        return self.child(WithClause)

    @property
    def cores(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, (SelectCore, Values))]

    @property
    def operators(self) -> list[CompoundOperator]:
        return self.children_of(CompoundOperator)


@register
class WithClause(Node):
    """``WITH [RECURSIVE] cte, ...``."""

    __slots__ = ()
    kind = "with_clause"

    @property
    def recursive(self) -> bool:
        return self.has("RECURSIVE")

    @property
    def ctes(self) -> list[CommonTableExpression]:
        return self.children_of(CommonTableExpression)


@register
class CommonTableExpression(Node):
    """``name [column_list] AS [[NOT] MATERIALIZED] (select)``."""

    __slots__ = ()
    kind = "common_table_expression"

    @property
    def name(self) -> Token:
        return self.children[0]  # type: ignore[return-value]

    @property
    def columns(self) -> ColumnList | None:
        return self.child(ColumnList)

    @property
    def materialized(self) -> bool | None:
        if not self.has("MATERIALIZED"):
            return None
        return not self.has("NOT")

    @property
    def query(self) -> Node:
        return next(c for c in self.children if isinstance(c, Node) and not isinstance(c, ColumnList))


@register
class CompoundOperator(Node):
    """``UNION``, ``UNION ALL``, ``INTERSECT`` or ``EXCEPT``."""

    __slots__ = ()
    kind = "compound_operator"


@register
class SelectCore(Node):
    """``SELECT [DISTINCT|ALL] result_column, ... [from_clause] [where_clause]
    [group_by_clause] [having_clause] [window_clause] [order_by_clause]
    [limit_clause]``."""

    __slots__ = ()
    kind = "select_core"

    @property
    def distinct(self) -> Token | None:
        return self.token("DISTINCT", "ALL")

    @property
    def columns(self) -> list[ResultColumn]:
        return self.children_of(ResultColumn)

    @property
    def from_clause(self) -> FromClause | None:
        return self.child(FromClause)

    @property
    def where(self) -> WhereClause | None:
        return self.child(WhereClause)

    @property
    def group_by(self) -> GroupByClause | None:
        return self.child(GroupByClause)

    @property
    def having(self) -> HavingClause | None:
        return self.child(HavingClause)

    @property
    def window(self) -> WindowClause | None:
        return self.child(WindowClause)

    @property
    def order_by(self) -> OrderByClause | None:
        return self.child(OrderByClause)

    @property
    def limit(self) -> LimitClause | None:
        return self.child(LimitClause)


@register
class Values(Node):
    """``VALUES value_row, ...``."""

    __slots__ = ()
    kind = "values"

    @property
    def rows(self) -> list[ValueRow]:
        return self.children_of(ValueRow)


@register
class ValueRow(Node):
    """``(expr, ...)`` in VALUES."""

    __slots__ = ()
    kind = "value_row"

    @property
    def values(self) -> list[Node]:
        return self.nodes()


@register
class ResultColumn(Node):
    """``expr [[AS] alias]``, ``*`` or ``table.*``."""

    __slots__ = ()
    kind = "result_column"

    @property
    def expr(self) -> Node | None:
        first = self.children[0]
        return first if isinstance(first, Node) else None

    @property
    def alias(self) -> Token | None:
        return _alias(self, 1) if self.expr is not None else None

    @property
    def star(self) -> bool:
        return self.has("STAR")

    @property
    def table(self) -> Token | None:
        """The table of ``table.*``."""
        if self.has("DOT"):
            return self.children[0]  # type: ignore[return-value]
        return None


@register
class FromClause(Node):
    """``FROM term (join_operator term)*``; terms are table_ref,
    table_function, subquery and join_group nodes."""

    __slots__ = ()
    kind = "from_clause"

    @property
    def terms(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, FROM_TERMS)]

    @property
    def joins(self) -> list[JoinOperator]:
        return self.children_of(JoinOperator)


class _Term(Node):
    __slots__ = ()

    @property
    def constraint(self) -> Node | None:
        """The ON or USING clause attached to this term."""
        last = self.children[-1]
        return last if isinstance(last, (OnClause, UsingClause)) else None


@register
class TableRef(_Term):
    """``qualified_name [[AS] alias] [indexed_by] [on_clause|using_clause]``."""

    __slots__ = ()
    kind = "table_ref"

    @property
    def name(self) -> QualifiedName:
        return self.children[0]  # type: ignore[return-value]

    @property
    def alias(self) -> Token | None:
        return _alias(self, 1)

    @property
    def indexed_by(self) -> IndexedBy | None:
        return self.child(IndexedBy)


@register
class TableFunction(_Term):
    """``qualified_name (expr, ...) [[AS] alias] [on_clause|using_clause]``."""

    __slots__ = ()
    kind = "table_function"

    @property
    def name(self) -> QualifiedName:
        return self.children[0]  # type: ignore[return-value]

    @property
    def args(self) -> list[Node]:
        out = []
        for c in self.children[1:]:
            if isinstance(c, Token) and c.kind == "RP":
                break
            if isinstance(c, Node):
                out.append(c)
        return out

    @property
    def alias(self) -> Token | None:
        rp = next(i for i, c in enumerate(self.children) if isinstance(c, Token) and c.kind == "RP")
        return _alias(self, rp + 1)


@register
class Subquery(_Term):
    """``(select) [[AS] alias] [on_clause|using_clause]`` in FROM."""

    __slots__ = ()
    kind = "subquery"

    @property
    def query(self) -> Node:
        return self.children[1]  # type: ignore[return-value]

    @property
    def alias(self) -> Token | None:
        return _alias(self, 3)


@register
class JoinGroup(_Term):
    """``(term join_operator term ...) [[AS] alias] [on_clause|using_clause]``:
    a parenthesized join in FROM."""

    __slots__ = ()
    kind = "join_group"

    @property
    def terms(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, FROM_TERMS)]

    @property
    def joins(self) -> list[JoinOperator]:
        return self.children_of(JoinOperator)

    @property
    def alias(self) -> Token | None:
        rp = max(i for i, c in enumerate(self.children) if isinstance(c, Token) and c.kind == "RP")
        return _alias(self, rp + 1)


FROM_TERMS = (TableRef, TableFunction, Subquery, JoinGroup)


@register
class QualifiedName(Node):
    """``name`` or ``schema.name``."""

    __slots__ = ()
    kind = "qualified_name"

    @property
    def name(self) -> Token:
        return self.children[-1]  # type: ignore[return-value]

    @property
    def schema(self) -> Token | None:
        return self.children[0] if len(self.children) == 3 else None  # type: ignore[return-value]

    @property
    def value(self) -> str:
        return token_value(self.name) or ""


@register
class JoinOperator(Node):
    """``,`` or ``[NATURAL] [LEFT|RIGHT|FULL [OUTER]|INNER|CROSS] JOIN``."""

    __slots__ = ()
    kind = "join_operator"

    @property
    def is_comma(self) -> bool:
        return self.has("COMMA")

    @property
    def words(self) -> list[str]:
        return [c.text.upper() for c in self.children if isinstance(c, Token) and c.kind != "COMMA"]

    @property
    def natural(self) -> bool:
        return "NATURAL" in self.words

    @property
    def outer_left(self) -> bool:
        return bool({"LEFT", "FULL"} & set(self.words))

    @property
    def outer_right(self) -> bool:
        return bool({"RIGHT", "FULL"} & set(self.words))


@register
class OnClause(Node):
    """``ON expr``."""

    __slots__ = ()
    kind = "on_clause"

    @property
    def expr(self) -> Node:
        return self.children[1]  # type: ignore[return-value]


@register
class UsingClause(Node):
    """``USING (name, ...)``."""

    __slots__ = ()
    kind = "using_clause"

    @property
    def names(self) -> list[Token]:
        return [c for c in self.children[2:-1] if isinstance(c, Token) and c.kind != "COMMA"]


@register
class IndexedBy(Node):
    """``INDEXED BY name`` or ``NOT INDEXED``."""

    __slots__ = ()
    kind = "indexed_by"

    @property
    def index(self) -> Token | None:
        return self.children[2] if len(self.children) == 3 else None  # type: ignore[return-value]


@register
class WhereClause(Node):
    """``WHERE expr``."""

    __slots__ = ()
    kind = "where_clause"

    @property
    def expr(self) -> Node:
        return self.children[1]  # type: ignore[return-value]


@register
class GroupByClause(Node):
    """``GROUP BY expr, ...``."""

    __slots__ = ()
    kind = "group_by_clause"

    @property
    def exprs(self) -> list[Node]:
        return self.nodes()


@register
class HavingClause(Node):
    """``HAVING expr``."""

    __slots__ = ()
    kind = "having_clause"

    @property
    def expr(self) -> Node:
        return self.children[1]  # type: ignore[return-value]


@register
class OrderByClause(Node):
    """``ORDER BY ordering_term, ...``."""

    __slots__ = ()
    kind = "order_by_clause"

    @property
    def terms(self) -> list[OrderingTerm]:
        return self.children_of(OrderingTerm)


@register
class OrderingTerm(Node):
    """``expr [ASC|DESC] [NULLS FIRST|LAST]``."""

    __slots__ = ()
    kind = "ordering_term"

    @property
    def expr(self) -> Node:
        return self.children[0]  # type: ignore[return-value]

    @property
    def direction(self) -> Token | None:
        return self.token("ASC", "DESC")


@register
class LimitClause(Node):
    """``LIMIT expr [OFFSET expr | , expr]``."""

    __slots__ = ()
    kind = "limit_clause"

    @property
    def exprs(self) -> list[Node]:
        return self.nodes()


@register
class WindowClause(Node):
    """``WINDOW window_definition, ...``."""

    __slots__ = ()
    kind = "window_clause"

    @property
    def definitions(self) -> list[WindowDefinition]:
        return self.children_of(WindowDefinition)


@register
class WindowDefinition(Node):
    """``name AS (window)``."""

    __slots__ = ()
    kind = "window_definition"

    @property
    def name(self) -> Token:
        return self.children[0]  # type: ignore[return-value]

    @property
    def window(self) -> Window | None:
        return self.child(Window)


@register
class Window(Node):
    """A window specification: ``[base] [PARTITION BY expr, ...]
    [order_by_clause] [frame_spec]``."""

    __slots__ = ()
    kind = "window"

    @property
    def base(self) -> Token | None:
        first = self.children[0]
        if isinstance(first, Token) and first.kind not in ("PARTITION", "ORDER"):
            return first
        return None

    @property
    def partition_by(self) -> list[Node]:
        out: list[Node] = []
        if not self.has("PARTITION"):
            return out
        for c in self.children:
            if isinstance(c, (OrderByClause, FrameSpec)):
                break
            if isinstance(c, Node):
                out.append(c)
        return out

    @property
    def order_by(self) -> OrderByClause | None:
        return self.child(OrderByClause)

    @property
    def frame(self) -> FrameSpec | None:
        return self.child(FrameSpec)


@register
class FrameSpec(Node):
    """``RANGE|ROWS|GROUPS frame_bound [frame_exclude]`` or
    ``... BETWEEN frame_bound AND frame_bound [frame_exclude]``."""

    __slots__ = ()
    kind = "frame_spec"


@register
class FrameBound(Node):
    """``UNBOUNDED PRECEDING``, ``expr PRECEDING``, ``CURRENT ROW``,
    ``expr FOLLOWING`` or ``UNBOUNDED FOLLOWING``."""

    __slots__ = ()
    kind = "frame_bound"


@register
class FrameExclude(Node):
    """``EXCLUDE NO OTHERS|CURRENT ROW|GROUP|TIES``."""

    __slots__ = ()
    kind = "frame_exclude"


@register
class ColumnList(Node):
    """``(column_name, ...)``: the column names of a view, CTE or foreign key."""

    __slots__ = ()
    kind = "column_list"

    @property
    def names(self) -> list[ColumnName]:
        return self.children_of(ColumnName)


@register
class ColumnName(Node):
    """One name in a column list (SQLite parses, then rejects, a COLLATE or
    ASC/DESC after it)."""

    __slots__ = ()
    kind = "column_name"

    @property
    def name(self) -> Token:
        return self.children[0]  # type: ignore[return-value]


__all__ = [
    "FROM_TERMS",
    "ColumnList",
    "ColumnName",
    "CommonTableExpression",
    "CompoundOperator",
    "FrameBound",
    "FrameExclude",
    "FrameSpec",
    "FromClause",
    "GroupByClause",
    "HavingClause",
    "IndexedBy",
    "JoinGroup",
    "JoinOperator",
    "LimitClause",
    "OnClause",
    "OrderByClause",
    "OrderingTerm",
    "QualifiedName",
    "ResultColumn",
    "Select",
    "SelectCore",
    "Subquery",
    "TableFunction",
    "TableRef",
    "UsingClause",
    "ValueRow",
    "Values",
    "WhereClause",
    "Window",
    "WindowClause",
    "WindowDefinition",
    "WithClause",
]
