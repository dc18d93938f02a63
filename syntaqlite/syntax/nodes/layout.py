"""How the generated node classes read their fields.

Each node class has a pattern (``_PATTERN``, compiled from its rule in
``grammar/nodes.ungram``) over its children, written one character per child
(``KIND_CODES``); every field is a group of it.  A node matches its pattern
once, when such a field is first read, and keeps the groups' spans (in the
last of the node's slots, below); a field is then the children in its
group's span.  The spans depend only on the children's kinds: those of each
shape met are kept by class, so a shape seen before runs no regex.  Nodes never change after they are built, so the
match stays true.

Most fields never need the pattern.  The generator reads a field at the same
child index in every node of its class directly (``self.children[i]``), and
a field whose kinds no other field of the node can hold from the node's
*slots*: one pass over the children (:func:`slots`, at the first such read)
files each child under its field by kind (the class's ``_SLOTS``: kind ->
slot, ``~slot`` for a list), and every later read of any such field of the
node is an index (``(self._p or _l.slots(self))[k]``, no call once filled).
``tests/test_node_schema.py`` checks those reads against the pattern's on the
corpus.

A pattern is compiled over an alphabet of its own: the codes it names are
renamed to characters below U+0100 (``_compile``), so that ``re`` builds
its sets of kinds as 256-bit maps.  A set of codes from ``KIND_CODES``
(U+0100 onwards) would make it fill and fold a 65,536-entry map instead,
which took about 0.3 ms for each class whose pattern a process uses.

This module is compiled with the core (``syntaqlite._compiled``): every
field read runs it.
"""

from __future__ import annotations

import re
from typing import Any, Final, cast

from ..cst import Node, SchemaMismatch
from ..tokens import Token

Spans = tuple[tuple[int, int], ...]
"""Each group's (start, end) in the children, (-1, -1) where it took
none; index 0 is the whole match."""

_codes: dict[str, str] = {}
_other = "\0"
# per class: its compiled pattern, the local code of each kind, and the
# code of a kind that is not in KIND_CODES
_patterns: dict[type[Node], tuple[re.Pattern[str], dict[str, str], str]] = {}

# Characters a local code may be: below U+0100 and never special in a pattern,
# in a set or next to the syntax the generator writes around codes.
_LOCAL = [c for c in map(chr, range(1, 256)) if c not in "\\()[]{}*+?.|^$-#&~<>=!:,\t\n\v\f\r "]

# The group spans of each shape (the children's kind codes) met, by class:
# the spans depend on the shape alone, and few shapes recur (an INSERT with
# a column list and VALUES ...), so most nodes run no regex.  A class's
# table is emptied when it reaches _SHAPES_KEPT shapes (lists of many
# lengths are as many shapes).
_shapes: dict[type[Node], dict[str, Spans]] = {}
_SHAPES_KEPT: Final = 512


def install(codes: dict[str, str], other: str) -> None:
    global _other
    _codes.update(codes)
    _other = other


def match(node: Node) -> Spans:
    """How ``node``'s children fit its class's pattern: each group's span
    (kept in the last slot of the node's slots)."""
    filled = node._p or slots(node)
    kept: Spans | None = filled[-1]
    if kept is not None:
        return kept
    cls = type(node)
    codes = _codes
    other = _other
    shape = "".join([codes.get(c.kind, other) for c in node.children])
    known = _shapes.get(cls)
    if known is None:
        known = _shapes[cls] = {}
    spans = known.get(shape)
    if spans is None:
        compiled = _patterns.get(cls)
        if compiled is None:
            compiled = _patterns[cls] = _compile(cls._PATTERN)  # type: ignore[attr-defined]
        pattern, local, unnamed = compiled
        m = pattern.fullmatch("".join([local.get(c.kind, unnamed) for c in node.children]))
        if m is None:
            kinds = " ".join(c.kind for c in node.children)
            raise SchemaMismatch(f"{cls.__name__}: children `{kinds}` do not fit grammar/nodes.ungram")
        spans = m.regs
        if len(known) >= _SHAPES_KEPT:
            known.clear()
        known[shape] = spans
    filled[-1] = spans
    return spans


def _compile(source: str) -> tuple[re.Pattern[str], dict[str, str], str]:
    """``source`` (a ``_PATTERN``) compiled over its own alphabet: each code it
    names becomes a character of ``_LOCAL``, and every kind it does not name
    one more (the pattern cannot tell those kinds apart: what matched their
    codes, a negated set say, matches that character).  Returns the pattern,
    the local code of each kind and that of a kind not in ``KIND_CODES``."""
    named = sorted({c for c in source if c >= "\u0100"})
    if len(named) >= len(_LOCAL):  # more kinds than local codes: the codes as they are
        return re.compile(source, re.S), _codes, _other
    local = dict(zip(named, _LOCAL))
    unnamed = _LOCAL[len(named)]
    codes = {kind: local.get(code, unnamed) for kind, code in _codes.items()}
    translated = source.translate({ord(code): c for code, c in local.items()})
    return re.compile(translated, re.S), codes, local.get(_other, unnamed)


def one(node: Node, groups: tuple[int, ...]) -> Any:
    m = match(node)
    for g in groups:
        start, end = m[g]
        if end > start:
            return node.children[start]
    raise SchemaMismatch(f"{type(node).__name__}: a required field is missing")


def opt(node: Node, groups: tuple[int, ...]) -> Any:
    m = match(node)
    for g in groups:
        start, end = m[g]
        if end > start:
            return node.children[start]
    return None


def slots(node: Node) -> list[Any]:
    """The children of ``node`` filed under the slots of its class's
    ``_SLOTS`` (kind -> slot; ``~slot``: a list slot): a scalar slot holds
    the first child of its kinds, a list slot all of them (None for none).
    One more slot, last, keeps the match of the class's pattern
    (:func:`match`).  Kept on the node (``_p``)."""
    cls = type(node)
    table = cls._SLOTS
    filled: list[Any] = [None] * (cls._SLOT_COUNT + 1)
    if table:
        for c in node.children:
            k = table.get(c.kind)
            if k is None:
                continue
            if k >= 0:
                if filled[k] is None:
                    filled[k] = c
            else:
                items = filled[~k]
                if items is None:
                    filled[~k] = [c]
                else:
                    items.append(c)
    node._p = filled
    return filled


def present(node: Node, groups: tuple[int, ...]) -> bool:
    m = match(node)
    for g in groups:
        start, end = m[g]
        if end > start:
            return True
    return False


def many(node: Node, groups: tuple[int, ...], excluded: frozenset[str] | None) -> Any:
    m = match(node)
    out: list[Node | Token] = []
    children = node.children
    for g in groups:
        start, end = m[g]
        if start < 0:
            continue
        if excluded is None:
            out.extend(children[start:end])
        else:
            out.extend(c for c in children[start:end] if c.kind not in excluded)
    return out


def sub(node: Node, groups: tuple[int, ...], kinds: frozenset[str]) -> Any:
    m = match(node)
    out: list[Node | Token] = []
    children = node.children
    for g in groups:
        start, end = m[g]
        if start >= 0:
            out.extend(c for c in children[start:end] if c.kind in kinds)
    return out


def first_token(item: Node | Token) -> Token:
    """``item.first_token`` (a token is its own), in compiled code: the
    formatter asks it of most nodes."""
    while type(item) is not Token:
        item = cast(Node, item).children[0]
    return item


def last_token(item: Node | Token) -> Token:
    """``item.last_token`` (a token is its own), in compiled code."""
    while type(item) is not Token:
        item = cast(Node, item).children[-1]
    return item


# How a Slot reads its slot.
FIRST: Final = 0  # a scalar slot: the first child of its kinds, or None
FIRST_OF_LIST: Final = 1  # a list slot's first child, or None
FLAG: Final = 2  # whether the slot holds a child
EVERY: Final = 3  # a list slot's children (a new list)


class Slot:
    """A field read from the node's slots: a descriptor, the generated
    classes' attribute for such a field.  Compiled, a read runs no Python
    frame (a property's getter would)."""

    def __init__(self, k: int, mode: int) -> None:
        self.k = k
        self.mode = mode

    def __get__(self, node: Node | None, owner: object = None) -> Any:
        if node is None:  # looked up on the class
            return self
        filled = node._p or slots(node)
        value = filled[self.k]
        mode = self.mode
        if mode == FIRST:
            return value
        if mode == EVERY:
            return [*value] if value is not None else []
        if mode == FLAG:
            return value is not None
        return value[0] if value is not None else None


class Child:
    """A field at the same child index in every node of its class (from
    the end when negative): a descriptor, as :class:`Slot`."""

    def __init__(self, index: int) -> None:
        self.index = index

    def __get__(self, node: Node | None, owner: object = None) -> Any:
        if node is None:
            return self
        return node.children[self.index]
