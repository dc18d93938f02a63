"""CREATE, DROP and ALTER statements, columns and constraints."""

from __future__ import annotations

from ...syntax.cst import Node
from ...syntax.nodes import (
    ColumnList,
    CreateIndexStmt,
    CreateTableStmt,
    CreateTriggerStmt,
    CreateViewStmt,
    CreateVirtualTableStmt,
    DefaultConstraint,
    ForeignKeyClause,
    ForeignKeyConstraint,
    PragmaValue,
    TriggerHeader,
)
from ...syntax.tokens import Token
from ..context import Formatter
from ..doc import HARDLINE, LINE, Doc, group, nest
from .common import between, interleave, is_token, present, registry

RULES, rule = registry()


@rule(CreateTableStmt)
def fmt_create_table(f: Formatter, node: CreateTableStmt) -> Doc:
    """``CREATE TABLE t (`` columns and constraints, one per line when they
    do not fit ``) options``; or ``CREATE TABLE t AS`` a query."""
    head = f.spaced(
        [node.create_token, *node.temp_tokens, node.table_token, *node.if_not_exists_tokens, node.name]
    )
    as_token, as_select = node.as_token, node.as_select
    if as_token is not None and as_select is not None:
        return group(head, " ", f.tok(as_token), nest(LINE, f.fmt(as_select)))
    lp, rp = node.lp_token, node.rp_token
    assert lp is not None and rp is not None
    # Columns, then constraints whose commas are optional: the children in between.
    block = f.parenthesized(lp, between(node, lp, rp), rp)
    options = between(node, rp)  # the table options and their optional commas
    if not options:
        return [head, " ", block]
    return [head, " ", block, " ", f.spaced(options)]


@rule(DefaultConstraint, PragmaValue)
def fmt_signed(f: Formatter, node: DefaultConstraint | PragmaValue) -> Doc:
    """``DEFAULT -1``, ``= -2000``: a sign stays on its number."""
    parts: list[Doc] = []
    prev: Node | Token | None = None
    for c in node.children:  # the words, in source order
        if prev is not None and not is_token(prev, "PLUS", "MINUS", "LP") and not is_token(c, "RP"):
            parts.append(" ")
        parts.append(f.fmt(c))
        prev = c
    return parts


@rule(CreateIndexStmt)
def fmt_create_index(f: Formatter, node: CreateIndexStmt) -> Doc:
    """``CREATE INDEX name``, ``ON table (columns)``, ``WHERE ...``: each
    part on its own line when the whole does not fit."""
    columns = interleave(node.columns, node.columns_separators)
    on_part = [
        f.spaced([node.on_token, node.table]),
        " ",
        f.parenthesized(node.lp_token, columns, node.rp_token),
    ]
    head: list[Node | Token] = [
        node.create_token,
        *node.unique_tokens,
        node.index_token,
        *node.if_not_exists_tokens,
        node.name,
    ]
    parts: list[Doc] = [f.spaced(head), LINE, on_part]
    where = node.where
    if where is not None:
        parts.extend([LINE, f.fmt(where)])
    return group(*parts)


@rule(CreateViewStmt)
def fmt_create_view(f: Formatter, node: CreateViewStmt) -> Doc:
    head: list[Node | Token] = [
        node.create_token,
        *node.temp_tokens,
        node.view_token,
        *node.if_not_exists_tokens,
        node.name,
        *present(node.columns),
        node.as_token,
    ]
    return group(f.spaced(head), nest(LINE, f.fmt(node.query)))


@rule(CreateTriggerStmt)
def fmt_create_trigger(f: Formatter, node: CreateTriggerStmt) -> Doc:
    """The header, then ``BEGIN``, one statement per indented line, ``END``."""
    body: list[Doc] = []
    for command, semicolon in zip(node.body, node.semicolons):
        body.extend([HARDLINE, f.fmt(command)])
        body.append(f.tok(semicolon))
    return [
        f.tok(node.create_token),
        " ",
        f.fmt(node.header),
        HARDLINE,
        f.tok(node.begin_token),
        nest(*body),
        HARDLINE,
        f.tok(node.end_token),
    ]


@rule(TriggerHeader)
def fmt_trigger_header(f: Formatter, node: TriggerHeader) -> Doc:
    """``TRIGGER name``, then the event, ``ON table``, ``FOR EACH ROW`` and
    ``WHEN ...`` on indented lines when the header does not fit."""
    event = [
        *node.timing_keywords,
        node.event_keyword,
        *present(node.of_token),
        *interleave(node.columns, node.columns_separators),
    ]
    rest: list[Doc] = [LINE, f.spaced(event), LINE, f.spaced([node.on_token, node.table])]
    for_each_row = node.for_each_row
    if for_each_row:
        rest.extend([LINE, f.spaced(for_each_row)])
    when_token, when = node.when_token, node.when
    if when_token is not None and when is not None:
        rest.extend([LINE, f.tok(when_token), " ", f.fmt(when)])
    head: list[Node | Token] = [*node.temp_tokens, node.trigger_token, *node.if_not_exists_tokens, node.name]
    return group(f.spaced(head), nest(*rest))


@rule(CreateVirtualTableStmt)
def fmt_create_virtual_table(f: Formatter, node: CreateVirtualTableStmt) -> Doc:
    """The module arguments are free-form text the module reads: copied as
    written."""
    lp, rp = node.lp_token, node.rp_token
    if lp is None or rp is None:
        return f.spaced(node.children)
    head: list[Node | Token] = [
        node.create_token,
        node.virtual_token,
        node.table_token,
        *node.if_not_exists_tokens,
        node.name,
        node.using_token,
        node.module,
    ]
    return [f.spaced(head), f.verbatim(lp, rp)]


def virtual_table_spans(node: CreateVirtualTableStmt) -> list[tuple[int, int]]:
    """Source spans the formatter copies verbatim in this statement."""
    lp, rp = node.lp_token, node.rp_token
    if lp is None or rp is None:
        return []
    return [(lp.start, rp.end)]


@rule(ForeignKeyClause, ForeignKeyConstraint)
def fmt_foreign_key(f: Formatter, node: ForeignKeyClause | ForeignKeyConstraint) -> Doc:
    """Column lists in a foreign key never break: they are short, and a
    broken one reads badly in the middle of a column definition."""
    parts: list[Doc] = []
    prev: Node | Token | None = None
    for c in node.children:  # the words and column lists, in source order
        if prev is not None and not is_token(prev, "LP") and not is_token(c, "RP", "COMMA"):
            parts.append(" ")
        parts.append(f.spaced(c.children) if isinstance(c, ColumnList) else f.fmt(c))
        prev = c
    return parts
