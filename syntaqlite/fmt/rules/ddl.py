"""CREATE, DROP and ALTER statements, columns and constraints."""

from __future__ import annotations

from ...syntax.cst import Node
from ...syntax.tokens import Token
from ..context import Formatter
from ..doc import HARDLINE, LINE, Doc, group, nest
from .common import is_token, registry

RULES, rule = registry()


def _index(children: list[Node | Token], *kinds: str) -> int | None:
    return next((i for i, c in enumerate(children) if is_token(c, *kinds)), None)


@rule("create_table_stmt")
def fmt_create_table(f: Formatter, node: Node) -> Doc:
    """``CREATE TABLE t (`` columns and constraints, one per line when they
    do not fit ``) options``; or ``CREATE TABLE t AS`` a query."""
    children = node.children
    qname = next(i for i, c in enumerate(children) if isinstance(c, Node) and c.kind == "qualified_name")
    head = f.spaced(children[: qname + 1])
    after = children[qname + 1 :]
    if is_token(after[0], "AS"):
        return group(head, " ", f.tok(after[0]), nest(LINE, f.fmt(after[1])))  # type: ignore[arg-type]
    rp = max(i for i, c in enumerate(after) if is_token(c, "RP"))
    block = f.parenthesized(after[0], after[1:rp], after[rp])  # type: ignore[arg-type]
    options = after[rp + 1 :]
    if not options:
        return [head, " ", block]
    return [head, " ", block, " ", f.spaced(options)]


@rule("default_constraint", "pragma_value")
def fmt_signed(f: Formatter, node: Node) -> Doc:
    """``DEFAULT -1``, ``= -2000``: a sign stays on its number."""
    parts: list[Doc] = []
    children = node.children
    for i, c in enumerate(children):
        if i and not is_token(children[i - 1], "PLUS", "MINUS", "LP") and not is_token(c, "RP"):
            parts.append(" ")
        parts.append(f.fmt(c))
    return parts


@rule("create_index_stmt")
def fmt_create_index(f: Formatter, node: Node) -> Doc:
    """``CREATE INDEX name``, ``ON table (columns)``, ``WHERE ...``: each
    part on its own line when the whole does not fit."""
    children = node.children
    on = _index(children, "ON")
    lp = _index(children, "LP")
    assert on is not None and lp is not None
    rp = max(i for i, c in enumerate(children) if is_token(c, "RP"))
    on_part = [
        f.spaced(children[on:lp]),
        " ",
        f.parenthesized(children[lp], children[lp + 1 : rp], children[rp]),
    ]  # type: ignore[arg-type]
    parts: list[Doc] = [f.spaced(children[:on]), LINE, on_part]
    for c in children[rp + 1 :]:
        parts.extend([LINE, f.fmt(c)])
    return group(*parts)


@rule("create_view_stmt")
def fmt_create_view(f: Formatter, node: Node) -> Doc:
    children = node.children
    as_at = max(i for i, c in enumerate(children) if is_token(c, "AS"))
    return group(f.spaced(children[: as_at + 1]), nest(LINE, f.fmt(children[as_at + 1])))


@rule("create_trigger_stmt")
def fmt_create_trigger(f: Formatter, node: Node) -> Doc:
    """The header, then ``BEGIN``, one statement per indented line, ``END``."""
    children = node.children
    create, header, begin = children[0], children[1], children[2]
    body: list[Doc] = []
    for c in children[3:-1]:
        if is_token(c, "SEMI"):
            body.append(f.tok(c))  # type: ignore[arg-type]
        else:
            body.extend([HARDLINE, f.fmt(c)])
    return [
        f.tok(create),
        " ",
        f.fmt(header),
        HARDLINE,
        f.tok(begin),
        nest(*body),
        HARDLINE,
        f.tok(children[-1]),
    ]  # type: ignore[arg-type]


@rule("trigger_header")
def fmt_trigger_header(f: Formatter, node: Node) -> Doc:
    """``TRIGGER name``, then the event, ``ON table``, ``FOR EACH ROW`` and
    ``WHEN ...`` on indented lines when the header does not fit."""
    children = node.children
    name = next(i for i, c in enumerate(children) if isinstance(c, Node))
    on = _index(children, "ON")
    assert on is not None
    table = on + 1
    parts: list[Doc] = [f.spaced(children[: name + 1])]
    rest: list[Doc] = []
    if on > name + 1:
        rest.extend([LINE, f.spaced(children[name + 1 : on])])
    rest.extend([LINE, f.spaced(children[on : table + 1])])
    i = table + 1
    if i < len(children) and is_token(children[i], "FOR"):
        rest.extend([LINE, f.spaced(children[i : i + 3])])
        i += 3
    if i < len(children):
        rest.extend([LINE, f.tok(children[i]), " ", f.fmt(children[i + 1])])  # type: ignore[arg-type]
    return group(*parts, nest(*rest))


@rule("create_virtual_table_stmt")
def fmt_create_virtual_table(f: Formatter, node: Node) -> Doc:
    """The module arguments are free-form text the module reads: copied as
    written."""
    children = node.children
    lp = _index(children, "LP")
    if lp is None:
        return f.spaced(children)
    return [f.spaced(children[:lp]), f.verbatim(children[lp], children[-1])]  # type: ignore[arg-type]


def virtual_table_spans(node: Node) -> list[tuple[int, int]]:
    """Source spans the formatter copies verbatim in this statement."""
    lp = _index(node.children, "LP")
    if node.kind != "create_virtual_table_stmt" or lp is None:
        return []
    return [(node.children[lp].start, node.children[-1].end)]


@rule("foreign_key_clause", "foreign_key_constraint")
def fmt_foreign_key(f: Formatter, node: Node) -> Doc:
    """Column lists in a foreign key never break: they are short, and a
    broken one reads badly in the middle of a column definition."""
    parts: list[Doc] = []
    prev: Node | Token | None = None
    for c in node.children:
        if prev is not None and not is_token(prev, "LP") and not is_token(c, "RP", "COMMA"):
            parts.append(" ")
        parts.append(f.spaced(c.children) if isinstance(c, Node) and c.kind == "column_list" else f.fmt(c))
        prev = c
    return parts
