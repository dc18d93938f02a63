"""The lossless syntax tree: nodes whose leaves are the tokens of the input.

A node's ``children`` are nodes and tokens in source order.  Every
significant token of a statement is a leaf of exactly one node; whitespace and
comments stay in the token list of the :class:`~syntaqlite.syntax.parser.ParseResult`
(each token knows its ``index`` there), so the exact source can always be
rebuilt.  Node kinds are the rule names and aliases of ``grammar/sqlite.lark``;
each kind has a class in :mod:`syntaqlite.syntax.nodes`, generated from the
tree's schema (``grammar/nodes.ungram``), whose fields are how every stage
reads a node.

Spans come from the first and last token, so nodes store nothing but their
children (and, once a field is read, where its fields are among them).
Walks are iterative: a tree may be thousands of levels deep.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ._native import mypyc_attr
from .tokens import Token


@mypyc_attr(native_class=False)
class SchemaMismatch(AssertionError):
    """A node whose children do not fit its class's schema: the grammar and
    ``grammar/nodes.ungram`` disagree (tests/test_node_schema.py prevents it).
    Raised by :mod:`syntaqlite.syntax.nodes.layout`.  A Python class even
    where this module is compiled (mypyc's native classes cannot derive
    from AssertionError)."""


@mypyc_attr(allow_interpreted_subclasses=True)
class Node:
    """A syntax tree node.  Subclasses set ``kind`` and add accessors.

    Compiled with the core (``syntaqlite._compiled``): a node's fields are
    then a native object's, which compiled code reads without a lookup, and
    building one runs no Python frame.  The node classes of
    :mod:`syntaqlite.syntax.nodes` are interpreted subclasses of it."""

    __slots__ = ("children", "_p")
    kind: ClassVar[str] = "node"
    children: list[Node | Token]
    # Where the fields are among the children, filled at the first field
    # read by syntaqlite.syntax.nodes.layout (a node never changes after it
    # is built): the children of the fields read by kind, one slot each, and
    # last how the children fit the class's schema (None until needed).
    _p: list[Any] | None
    _SLOTS: ClassVar[dict[str, int]] = {}
    _SLOT_COUNT: ClassVar[int] = 0

    def __init__(self, children: list[Node | Token]) -> None:
        self.children = children
        self._p = None

    # -- position -----------------------------------------------------------

    @property
    def first_token(self) -> Token:
        node: Node | Token = self
        while isinstance(node, Node):
            node = node.children[0]
        return node

    @property
    def last_token(self) -> Token:
        node: Node | Token = self
        while isinstance(node, Node):
            node = node.children[-1]
        return node

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.first_token.start

    @property
    def end(self) -> int:
        """Offset just past the last character."""
        return self.last_token.end

    @property
    def line(self) -> int:
        return self.first_token.line

    @property
    def column(self) -> int:
        return self.first_token.column

    @property
    def end_line(self) -> int:
        return self.last_token.end_line

    @property
    def end_column(self) -> int:
        return self.last_token.end_column

    def text(self, source: str) -> str:
        """The node's exact source text (comments inside it included)."""
        return source[self.start : self.end]

    # -- navigation ---------------------------------------------------------

    def tokens(self) -> Iterator[Token]:
        """All tokens under this node, in source order."""
        stack: list[Node | Token] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, Node):
                stack.extend(reversed(item.children))
            else:
                yield item

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, parents before children."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(c for c in reversed(node.children) if isinstance(c, Node))

    def keyword_text(self) -> str:
        """The upper-cased text of the direct child tokens, joined by spaces
        (``LEFT OUTER JOIN``, ``UNION ALL`` ...)."""
        return " ".join(c.text.upper() for c in self.children if isinstance(c, Token))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.line}:{self.column})"
