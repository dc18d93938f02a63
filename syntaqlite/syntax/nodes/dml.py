"""Conveniences of INSERT/UPDATE/DELETE nodes beyond their schema fields
(see ``grammar/nodes.ungram``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tokens import Token


class InsertStmtMixin:
    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def lp_token(self) -> Token | None: ...

    @property
    def has_column_list(self) -> bool:
        return self.lp_token is not None


class TargetTableMixin:
    """The table an INSERT, UPDATE or DELETE changes: ``[schema.]name
    [AS alias]``."""

    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def parts(self) -> list[Token]: ...

    @property
    def name(self) -> Token:
        return self.parts[-1]

    @property
    def schema(self) -> Token | None:
        parts = self.parts
        return parts[0] if len(parts) == 2 else None


class UpsertClauseMixin:
    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def update_token(self) -> Token | None: ...

    @property
    def do_update(self) -> bool:
        return self.update_token is not None
