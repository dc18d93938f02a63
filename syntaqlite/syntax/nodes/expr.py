"""Conveniences of expression nodes beyond their schema fields (see
``grammar/nodes.ungram``): values derived from several fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cst import Node
from ..tokens import Token

if TYPE_CHECKING:
    from .generated import Expr, QualifiedName


class ColumnRefMixin:
    """``name``, ``table.name`` or ``schema.table.name``.  A bare name may
    also be TRUE/FALSE or (double-quoted) a string SQLite falls back to."""

    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def parts(self) -> list[Token]: ...

    @property
    def name(self) -> Token:
        return self.parts[-1]

    @property
    def table(self) -> Token | None:
        parts = self.parts
        return parts[-2] if len(parts) >= 2 else None

    @property
    def schema(self) -> Token | None:
        parts = self.parts
        return parts[0] if len(parts) == 3 else None


class LikeExprMixin:
    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def not_token(self) -> Token | None: ...

        @property
        def left(self) -> Expr: ...

        @property
        def right(self) -> Expr: ...

        @property
        def escape(self) -> Expr | None: ...

    @property
    def negated(self) -> bool:
        return self.not_token is not None

    @property
    def operands(self) -> list[Expr]:
        """The operand, the pattern and the escape, if any."""
        escape = self.escape
        return [self.left, self.right] if escape is None else [self.left, self.right, escape]


class BetweenExprMixin:
    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def not_token(self) -> Token | None: ...

        @property
        def operand(self) -> Expr: ...

        @property
        def low(self) -> Expr: ...

        @property
        def high(self) -> Expr: ...

    @property
    def negated(self) -> bool:
        return self.not_token is not None

    @property
    def operands(self) -> list[Expr]:
        return [self.operand, self.low, self.high]


class InExprMixin:
    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def not_token(self) -> Token | None: ...

        @property
        def table(self) -> QualifiedName | None: ...

        @property
        def values(self) -> list[Expr]: ...

        @property
        def query(self) -> Node | None: ...

        @property
        def args(self) -> list[Expr]: ...

    @property
    def negated(self) -> bool:
        return self.not_token is not None

    @property
    def right(self) -> list[Node]:
        """Everything right of IN: the values, the query, or the table and
        its arguments."""
        table = self.table
        if table is not None:
            return [table, *self.args]
        query = self.query
        if query is not None:
            return [query]
        return list(self.values)


class FunctionCallMixin:
    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def quantifier(self) -> Token | None: ...

    @property
    def distinct(self) -> bool:
        quantifier = self.quantifier
        return quantifier is not None and quantifier.kind == "DISTINCT"
