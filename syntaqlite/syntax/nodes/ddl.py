"""Conveniences of schema-statement nodes beyond their schema fields (see
``grammar/nodes.ungram``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cst import Node
from ..tokens import Token

if TYPE_CHECKING:
    from .generated import ColumnDef


class TriggerHeaderMixin:
    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def event_keyword(self) -> Token: ...

        @property
        def timing_keywords(self) -> list[Token]: ...

    @property
    def event(self) -> str:
        """DELETE, INSERT or UPDATE."""
        return self.event_keyword.kind

    @property
    def timing(self) -> str | None:
        """BEFORE, AFTER, INSTEAD or None."""
        words = self.timing_keywords
        return words[0].kind if words else None


class AlterTableStmtMixin:
    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def verb(self) -> Token: ...

        @property
        def to_token(self) -> Token | None: ...

        @property
        def check(self) -> Node | None: ...

        @property
        def constraint_token(self) -> Token | None: ...

        @property
        def nullability(self) -> list[Token]: ...

        @property
        def column_def(self) -> ColumnDef | None: ...

        @property
        def column_name(self) -> Token | None: ...

    @property
    def action(self) -> str:
        """``rename_table``, ``rename_column``, ``add_column``, ``drop_column``,
        ``drop_constraint``, ``drop_not_null``, ``set_not_null`` or ``add_check``."""
        verb = self.verb.kind
        if verb == "RENAME":
            return "rename_column" if self.column_name is not None else "rename_table"
        if verb == "ADD":
            return "add_column" if self.column_def is not None else "add_check"
        if verb == "DROP":
            return "drop_constraint" if self.constraint_token is not None else "drop_column"
        return "set_not_null" if self.nullability[0].kind == "SET" else "drop_not_null"
