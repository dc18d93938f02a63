"""The node-class registry and small helpers shared by the families."""

from __future__ import annotations

from typing import TypeVar

from ..cst import Node
from ..names import unquote
from ..tokens import Token

_CLASSES: dict[str, type[Node]] = {}

N = TypeVar("N", bound=type[Node])


def register(cls: N) -> N:
    """Class decorator: make ``cls`` the class of nodes of kind ``cls.kind``."""
    if cls.kind in _CLASSES:
        raise ValueError(f"two classes for node kind {cls.kind!r}")
    _CLASSES[cls.kind] = cls
    return cls


def node_class(kind: str) -> type[Node]:
    return _CLASSES[kind]


def registered_kinds() -> set[str]:
    return set(_CLASSES)


def tokens_of(node: Node) -> list[Token]:
    return [c for c in node.children if isinstance(c, Token)]


def name_tokens(node: Node, *skip: str) -> list[Token]:
    """Direct child tokens that are names (not punctuation, not the given
    keyword kinds)."""
    return [
        c
        for c in node.children
        if isinstance(c, Token) and c.kind not in ("DOT", "COMMA", "LP", "RP") and c.kind not in skip
    ]


def token_value(tok: Token | None) -> str | None:
    return unquote(tok.text) if tok is not None else None
