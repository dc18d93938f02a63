"""INSERT, UPDATE, DELETE and their clauses."""

from __future__ import annotations

from ..cst import Node
from ..tokens import Token
from .base import register
from .select import FromClause, OrderByClause, WhereClause, WithClause


class _Dml(Node):
    __slots__ = ()

    @property
    def with_clause(self) -> WithClause | None:
        return self.child(WithClause)

    @property
    def table(self) -> TargetTable:
        t = self.child(TargetTable)
        assert t is not None
        return t

    @property
    def returning(self) -> ReturningClause | None:
        return self.child(ReturningClause)


@register
class InsertStmt(_Dml):
    """``[with_clause] INSERT [OR conflict]|REPLACE INTO target_table
    [(name, ...)] select|DEFAULT VALUES [upsert_clause ...] [returning_clause]``."""

    __slots__ = ()
    kind = "insert_stmt"

    @property
    def columns(self) -> list[Token]:
        """The names in the column list, if any."""
        out: list[Token] = []
        inside = False
        for c in self.children:
            if isinstance(c, Token):
                if c.kind == "LP":
                    inside = True
                elif c.kind == "RP":
                    break
                elif inside and c.kind != "COMMA":
                    out.append(c)
            elif inside:
                break
        return out

    @property
    def has_column_list(self) -> bool:
        return any(isinstance(c, Token) and c.kind == "LP" for c in self.children)

    @property
    def source(self) -> Node | None:
        """The query or VALUES that supplies the rows (None for DEFAULT VALUES)."""
        for c in self.children:
            if isinstance(c, Node) and not isinstance(
                c, (WithClause, TargetTable, UpsertClause, ReturningClause)
            ):
                return c
        return None

    @property
    def upserts(self) -> list[UpsertClause]:
        return self.children_of(UpsertClause)


@register
class UpdateStmt(_Dml):
    """``[with_clause] UPDATE [OR conflict] target_table [indexed_by] SET
    set_item, ... [from_clause] [where_clause] [returning_clause]
    [order_by_clause] [limit_clause]``."""

    __slots__ = ()
    kind = "update_stmt"

    @property
    def assignments(self) -> list[SetItem]:
        return self.children_of(SetItem)

    @property
    def from_clause(self) -> FromClause | None:
        return self.child(FromClause)

    @property
    def where(self) -> WhereClause | None:
        return self.child(WhereClause)

    @property
    def order_by(self) -> OrderByClause | None:
        return self.child(OrderByClause)


@register
class DeleteStmt(_Dml):
    """``[with_clause] DELETE FROM target_table [indexed_by] [where_clause]
    [returning_clause] [order_by_clause] [limit_clause]``."""

    __slots__ = ()
    kind = "delete_stmt"

    @property
    def where(self) -> WhereClause | None:
        return self.child(WhereClause)


@register
class TargetTable(Node):
    """The table an INSERT, UPDATE or DELETE changes: ``[schema.]name
    [AS alias]``."""

    __slots__ = ()
    kind = "target_table"

    @property
    def name(self) -> Token:
        if self.has("AS"):
            return self.children[-3]  # type: ignore[return-value]
        return self.children[-1]  # type: ignore[return-value]

    @property
    def schema(self) -> Token | None:
        if len(self.children) >= 3 and getattr(self.children[1], "kind", None) == "DOT":
            return self.children[0]  # type: ignore[return-value]
        return None

    @property
    def alias(self) -> Token | None:
        return self.children[-1] if self.has("AS") else None  # type: ignore[return-value]


@register
class SetItem(Node):
    """``name = expr`` or ``(name, ...) = expr`` in UPDATE and upserts."""

    __slots__ = ()
    kind = "set_item"

    @property
    def columns(self) -> list[Token]:
        return [c for c in self.children[:-2] if isinstance(c, Token) and c.kind not in ("LP", "RP", "COMMA")]

    @property
    def value(self) -> Node:
        return self.children[-1]  # type: ignore[return-value]


@register
class UpsertClause(Node):
    """``ON CONFLICT [(ordering_term, ...) [where_clause]] DO NOTHING`` or
    ``... DO UPDATE SET set_item, ... [where_clause]``."""

    __slots__ = ()
    kind = "upsert_clause"

    @property
    def do_update(self) -> bool:
        return self.has("UPDATE")


@register
class ReturningClause(Node):
    """``RETURNING result_column, ...``."""

    __slots__ = ()
    kind = "returning_clause"


__all__ = [
    "DeleteStmt",
    "InsertStmt",
    "ReturningClause",
    "SetItem",
    "TargetTable",
    "UpdateStmt",
    "UpsertClause",
]
