"""Token-level helpers shared by the features: they work on statements that
do not parse (yet), which is most of what an editor sees while typing."""

from __future__ import annotations

from collections.abc import Sequence

from ..syntax.names import normalize
from ..syntax.tokens import COMMENT, KEYWORD_KINDS, Token

NAME_KINDS = frozenset({"ID"}) | KEYWORD_KINDS
"""Kinds of tokens that can spell a name: identifiers (quoted or not) and
keywords (many fall back to names)."""

OPERATOR_KINDS = frozenset(
    {
        "PLUS",
        "MINUS",
        "STAR",
        "SLASH",
        "REM",
        "CONCAT",
        "PTR",
        "BITAND",
        "BITOR",
        "BITNOT",
        "LSHIFT",
        "RSHIFT",
        "EQ",
        "NE",
        "LT",
        "LE",
        "GT",
        "GE",
    }
)


def significant(tokens: Sequence[Token]) -> list[Token]:
    """The tokens without comments."""
    return [t for t in tokens if t.kind != COMMENT]


def is_name(tok: Token) -> bool:
    return tok.kind in NAME_KINDS


def is_identifier(tok: Token) -> bool:
    """A plain or quoted identifier (not a keyword spelling)."""
    return tok.kind == "ID"


def name_key(tok: Token) -> str:
    """The token's name as SQLite compares names (unquoted, case-folded)."""
    return normalize(tok.text)


def is_bare_word(text: str) -> bool:
    """Text an unquoted identifier could be made of (what completion
    replaces)."""
    return bool(text) and all(c.isalnum() or c in "_$" or ord(c) >= 0x80 for c in text)


def token_index_at(tokens: Sequence[Token], offset: int) -> int | None:
    """Index of the token that contains ``offset`` (start <= offset < end)."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(tokens) and tokens[lo].start <= offset < tokens[lo].end:
        return lo
    return None


def word_index_at(tokens: Sequence[Token], offset: int) -> int | None:
    """Index of the token under the cursor at ``offset``: the token that
    contains it, or a name that ends exactly there (the cursor just after a
    word)."""
    i = token_index_at(tokens, offset)
    if (i is None or not is_name(tokens[i])) and offset > 0:
        j = token_index_at(tokens, offset - 1)
        if j is not None and is_name(tokens[j]) and tokens[j].end == offset:
            return j
    return i
