"""Small helpers shared by the rule families."""

from __future__ import annotations

from collections.abc import Callable

from ...syntax.cst import Node
from ...syntax.tokens import Token
from ..context import Rule

Registry = dict[str, Rule]


def registry() -> tuple[Registry, Callable[..., Callable[[Rule], Rule]]]:
    """A family's rule table and its ``@rule("kind", ...)`` decorator."""
    table: Registry = {}

    def rule(*kinds: str) -> Callable[[Rule], Rule]:
        def register(fn: Rule) -> Rule:
            for kind in kinds:
                table[kind] = fn
            return fn

        return register

    return table, rule


def split_keyword_prefix(children: list[Node | Token]) -> tuple[list[Token], list[Node | Token]]:
    """The leading run of keyword tokens and the rest."""
    i = 0
    while i < len(children) and isinstance(children[i], Token):
        i += 1
    return children[:i], children[i:]  # type: ignore[return-value]


def is_token(item: object, *kinds: str) -> bool:
    return isinstance(item, Token) and item.kind in kinds
