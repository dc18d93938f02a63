"""Identifier text: SQLite's quoting rules."""

from __future__ import annotations

from functools import lru_cache

from .tokens import KEYWORDS

_CLOSE = {'"': '"', "`": "`", "'": "'", "[": "]"}


def unquote(text: str) -> str:
    """The name a token spells: ``"a""b"`` -> ``a"b``, ``[x]`` -> ``x``,
    ``'s'`` -> ``s``; an unquoted word is returned as written."""
    if not text:
        return text
    close = _CLOSE.get(text[0])
    if close is None or len(text) < 2 or text[-1] != close:
        return text
    inner = text[1:-1]
    if close != "]":
        inner = inner.replace(close * 2, close)
    return inner


def is_quoted(text: str) -> bool:
    return bool(text) and text[0] in _CLOSE


def fold_case(name: str) -> str:
    """``name`` case-folded as SQLite compares names: ASCII letters only."""
    return name.lower() if name.isascii() else "".join(c.lower() if c.isascii() else c for c in name)


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """The name a token's text spells, case-folded: for comparing names as
    SQLite does."""
    return fold_case(unquote(text))


def quote(name: str) -> str:
    """``name`` written as SQL: as it is when it is a plain identifier that
    is not a keyword, else double-quoted (hover, rename and completion all
    write names this way)."""
    plain = (
        bool(name)
        and (name[0].isalpha() or name[0] == "_")
        and all(c.isalnum() or c == "_" for c in name)
        and name.upper() not in KEYWORDS
    )
    return name if plain else '"' + name.replace('"', '""') + '"'
