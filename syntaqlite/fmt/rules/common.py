"""Small helpers shared by the rule families."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ...syntax.cst import Node
from ...syntax.tokens import Token
from ..context import Rule
from ..doc import Doc

Registry = dict[type[Node], Rule]

R = TypeVar("R", bound=Callable[..., Doc])
T = TypeVar("T", bound="Node | Token")


class RuleDecorator:
    """``@rule(NodeClass, ...)``: registers a function as the format rule of
    those node classes in its family's table."""

    def __init__(self, table: Registry) -> None:
        self.table = table

    def __call__(self, *classes: type[Node]) -> Callable[[R], R]:
        def register(fn: R) -> R:
            for cls in classes:
                self.table[cls] = fn
            return fn

        return register


def registry() -> tuple[Registry, RuleDecorator]:
    """A family's rule table (by node class) and its ``@rule`` decorator."""
    table: Registry = {}
    return table, RuleDecorator(table)


def is_token(item: object, *kinds: str) -> bool:
    return isinstance(item, Token) and item.kind in kinds


def present(*items: T | None) -> list[T]:
    """The fields given, but for the absent ones, in the order given."""
    return [item for item in items if item is not None]


def interleave(items: Sequence[Node | Token], separators: Sequence[Node | Token]) -> list[Node | Token]:
    """A list field and its separators field (``columns`` and
    ``columns_separators``, ``cores`` and ``operators``) back in source
    order: ``a , b , c``."""
    if not separators:
        return list(items)
    out: list[Node | Token] = [items[0]]
    for sep, item in zip(separators, items[1:]):
        out.append(sep)
        out.append(item)
    return out


def between(node: Node, first: Node | Token, last: Node | Token | None = None) -> list[Node | Token]:
    """The children of ``node`` after ``first`` and before ``last`` (fields
    of it; no ``last``: to the end), in source order: a list whose
    separators are optional (table constraints, table options)."""
    out: list[Node | Token] = []
    inside = False
    for child in node.children:
        if child is last:
            break
        if inside:
            out.append(child)
        elif child is first:
            inside = True
    return out
