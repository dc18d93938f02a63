"""How the generated node classes read their fields.

Each node class has a pattern (``_PATTERN``, compiled from its rule in
``grammar/nodes.ungram``) over its children, written one character per child
(``KIND_CODES``); every field is a group of it.  A node matches its pattern
once, when a field is first read, and keeps the match; a field is then the
children in its group's span.  Nodes never change after they are built, so the
match stays true.

Most fields never need the pattern: the generator reads a field at the same
child index in every node of its class directly (``self.children[i]``), and
a field whose kinds no other field of the node can hold with :func:`first` or
:func:`every` (a scan).  ``tests/test_node_schema.py`` checks those reads
against the pattern's on the corpus.

This module is compiled with the core (``syntaqlite._compiled``): every
field read runs it.
"""

from __future__ import annotations

import re
from typing import Any

from ..cst import Node, SchemaMismatch
from ..tokens import Token

_codes: dict[str, str] = {}
_other = "\0"
_patterns: dict[type[Node], re.Pattern[str]] = {}


def install(codes: dict[str, str], other: str) -> None:
    global _other
    _codes.update(codes)
    _other = other


def match(node: Node) -> re.Match[str]:
    m: re.Match[str] | None = getattr(node, "_m", None)
    if m is not None:
        return m
    cls = type(node)
    pattern = _patterns.get(cls)
    if pattern is None:
        pattern = _patterns[cls] = re.compile(cls._PATTERN, re.S)  # type: ignore[attr-defined]
    codes = _codes
    other = _other
    m = pattern.fullmatch("".join([codes.get(c.kind, other) for c in node.children]))
    if m is None:
        kinds = " ".join(c.kind for c in node.children)
        raise SchemaMismatch(f"{cls.__name__}: children `{kinds}` do not fit grammar/nodes.ungram")
    node._m = m
    return m


def one(node: Node, groups: tuple[int, ...]) -> Any:
    m = match(node)
    for g in groups:
        start, end = m.span(g)
        if end > start:
            return node.children[start]
    raise SchemaMismatch(f"{type(node).__name__}: a required field is missing")


def opt(node: Node, groups: tuple[int, ...]) -> Any:
    m = match(node)
    for g in groups:
        start, end = m.span(g)
        if end > start:
            return node.children[start]
    return None


def first(node: Node, kinds: frozenset[str]) -> Any:
    """The first child of one of ``kinds`` (a field no other field shares
    kinds with), or None."""
    for c in node.children:
        if c.kind in kinds:
            return c
    return None


def every(node: Node, kinds: frozenset[str]) -> Any:
    """The children of ``kinds`` (a list field no other field shares kinds
    with)."""
    return [c for c in node.children if c.kind in kinds]


def present(node: Node, groups: tuple[int, ...]) -> bool:
    m = match(node)
    for g in groups:
        start, end = m.span(g)
        if end > start:
            return True
    return False


def many(node: Node, groups: tuple[int, ...], excluded: frozenset[str] | None) -> Any:
    m = match(node)
    out: list[Node | Token] = []
    children = node.children
    for g in groups:
        start, end = m.span(g)
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
        start, end = m.span(g)
        if start >= 0:
            out.extend(c for c in children[start:end] if c.kind in kinds)
    return out
