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
from typing import Any

from ..cst import Node, SchemaMismatch
from ..tokens import Token

_codes: dict[str, str] = {}
_other = "\0"
# per class: its compiled pattern, the local code of each kind, and the
# code of a kind that is not in KIND_CODES
_patterns: dict[type[Node], tuple[re.Pattern[str], dict[str, str], str]] = {}

# Characters a local code may be: below U+0100 and never special in a pattern,
# in a set or next to the syntax the generator writes around codes.
_LOCAL = [c for c in map(chr, range(1, 256)) if c not in "\\()[]{}*+?.|^$-#&~<>=!:,\t\n\v\f\r "]


def install(codes: dict[str, str], other: str) -> None:
    global _other
    _codes.update(codes)
    _other = other


def match(node: Node) -> re.Match[str]:
    m: re.Match[str] | None = getattr(node, "_m", None)
    if m is not None:
        return m
    cls = type(node)
    compiled = _patterns.get(cls)
    if compiled is None:
        compiled = _patterns[cls] = _compile(cls._PATTERN)  # type: ignore[attr-defined]
    pattern, codes, other = compiled
    m = pattern.fullmatch("".join([codes.get(c.kind, other) for c in node.children]))
    if m is None:
        kinds = " ".join(c.kind for c in node.children)
        raise SchemaMismatch(f"{cls.__name__}: children `{kinds}` do not fit grammar/nodes.ungram")
    node._m = m
    return m


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
