"""Conveniences of query nodes beyond their schema fields (see
``grammar/nodes.ungram``): values derived from several fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tokens import Token
from .base import token_value


class CommonTableExpressionMixin:
    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def materialization(self) -> list[Token]: ...

    @property
    def materialized(self) -> bool | None:
        """True for AS MATERIALIZED, False for AS NOT MATERIALIZED, None
        when neither is said."""
        words = self.materialization
        if not words:
            return None
        return words[0].kind != "NOT"


class QualifiedNameMixin:
    """``name`` or ``schema.name``."""

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

    @property
    def value(self) -> str:
        return token_value(self.name) or ""


class JoinOperatorMixin:
    """``,`` or ``[NATURAL] [LEFT|RIGHT|FULL [OUTER]|INNER|CROSS] JOIN``."""

    __slots__ = ()

    if TYPE_CHECKING:

        @property
        def comma(self) -> Token | None: ...

        @property
        def keywords(self) -> list[Token]: ...

        @property
        def join_token(self) -> Token | None: ...

    @property
    def is_comma(self) -> bool:
        return self.comma is not None

    @property
    def words(self) -> list[str]:
        """The upper-cased words, JOIN included (empty for a comma)."""
        words = [t.text.upper() for t in self.keywords]
        join = self.join_token
        if join is not None:
            words.append(join.text.upper())
        return words

    @property
    def natural(self) -> bool:
        return "NATURAL" in self.words

    @property
    def outer_left(self) -> bool:
        return bool({"LEFT", "FULL"} & set(self.words))

    @property
    def outer_right(self) -> bool:
        return bool({"RIGHT", "FULL"} & set(self.words))
