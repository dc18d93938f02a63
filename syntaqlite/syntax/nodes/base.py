"""Small helpers shared by the node families."""

from __future__ import annotations

from ..names import unquote
from ..tokens import Token


def token_value(tok: Token | None) -> str | None:
    """A name token's value: its text unquoted."""
    return unquote(tok.text) if tok is not None else None
