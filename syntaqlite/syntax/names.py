"""Identifier text: SQLite's quoting rules."""

from __future__ import annotations

from functools import lru_cache

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


@lru_cache(maxsize=16384)
def normalize(text: str) -> str:
    """The case-folded name, for comparing names as SQLite does (ASCII
    case-insensitively)."""
    name = unquote(text)
    return name.lower() if name.isascii() else "".join(c.lower() if c.isascii() else c for c in name)
