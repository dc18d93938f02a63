"""CREATE, DROP and ALTER statements, columns and constraints."""

from __future__ import annotations

from collections.abc import Sequence

from ...syntax.cst import Node
from ...syntax.nodes import (
    AlterTableStmt,
    CheckConstraint,
    ColumnDef,
    ConstraintName,
    CreateIndexStmt,
    CreateTableStmt,
    CreateTriggerStmt,
    CreateViewStmt,
    CreateVirtualTableStmt,
    DefaultConstraint,
    ForeignKeyClause,
    ForeignKeyConstraint,
    GeneratedConstraint,
    PragmaValue,
    PrimaryKeyConstraint,
    Statement,
    TableOption,
    TriggerHeader,
    UniqueConstraint,
)
from ...syntax.tokens import Token
from ..context import Formatter
from ..doc import HARDLINE, LINE, SOFTLINE, Doc, Group, Nest, group, nest
from ..verify import generated_always
from .common import between, interleave, is_token, present, registry
from .select import name_columns

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
        name_columns(f, as_select)  # the table's columns
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
    """``DEFAULT -1``, ``= -2000``: a sign stays on its number;
    ``DEFAULT (expr)`` indents the expression when it breaks."""
    if isinstance(node, DefaultConstraint):
        lp, expr, rp = node.lp_token, node.expr, node.rp_token
        if lp is not None and expr is not None and rp is not None:
            return [f.tok(node.default_token), " ", f.enclosed(lp, expr, rp)]
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
    return Group(parts)


@rule(CreateViewStmt)
def fmt_create_view(f: Formatter, node: CreateViewStmt) -> Doc:
    columns = node.columns
    head: list[Node | Token] = [
        node.create_token,
        *node.temp_tokens,
        node.view_token,
        *node.if_not_exists_tokens,
        node.name,
        *present(columns),
        node.as_token,
    ]
    query = node.query
    if columns is None:
        name_columns(f, query)  # the view's columns
    return group(f.spaced(head), nest(LINE, f.fmt(query)))


@rule(CreateTriggerStmt)
def fmt_create_trigger(f: Formatter, node: CreateTriggerStmt) -> Doc:
    """The header, then ``BEGIN``, one statement per indented line, ``END``."""
    body: list[Doc] = []
    for command, semicolon in zip(node.body, node.semicolons):
        body.extend([HARDLINE, f.fmt(command)])
        body.append(f.tok(semicolon))
    before_end = f.take_leading(node.end_token)  # comments at the body's indentation
    if before_end is not None:
        body.append(before_end)
    return [
        f.tok(node.create_token),
        " ",
        f.fmt(node.header),
        HARDLINE,
        f.tok(node.begin_token),
        Nest(1, body),
        HARDLINE,
        f.tok(node.end_token),
    ]


@rule(TriggerHeader)
def fmt_trigger_header(f: Formatter, node: TriggerHeader) -> Doc:
    """``TRIGGER name``, then ``event ON table FOR EACH ROW`` (one line
    when it fits) and ``WHEN ...`` on indented lines when the header does
    not fit."""
    event = [
        *node.timing_keywords,
        node.event_keyword,
        *present(node.of_token),
        *interleave(node.columns, node.columns_separators),
    ]
    what: list[Doc] = [f.spaced(event), LINE, f.spaced([node.on_token, node.table])]
    for_each_row = node.for_each_row
    if for_each_row:
        what.extend([LINE, f.spaced(for_each_row)])
    rest: list[Doc] = [LINE, Group(what)]
    when_token, when = node.when_token, node.when
    if when_token is not None and when is not None:
        # As WHERE: AND/OR continue indented under WHEN.
        rest.extend([LINE, group(f.tok(when_token), " ", nest(f.fmt(when)))])
    head: list[Node | Token] = [*node.temp_tokens, node.trigger_token, *node.if_not_exists_tokens, node.name]
    return group(f.spaced(head), Nest(1, rest))


@rule(CreateVirtualTableStmt)
def fmt_create_virtual_table(f: Formatter, node: CreateVirtualTableStmt) -> Doc:
    """The module arguments are free-form text the module reads: each is
    copied as written, and the list breaks after its commas when it does
    not fit (SQLite hands each argument over from its first token to its
    last, so the space between arguments is the formatter's)."""
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
    inner: list[Doc] = []
    for item in between(node, lp, rp):
        if isinstance(item, Token):  # a comma
            inner.extend([f.tok(item), LINE])
        else:
            inner.append(f.verbatim_node(item))
    return [f.spaced(head), group(f.tok(lp), nest(SOFTLINE, *inner), SOFTLINE, f.tok(rp))]


def verbatim_spans(statement: Statement) -> list[tuple[int, int]]:
    """Source spans of ``statement`` that are copied exactly as written and
    known before it is formatted (the comments in them are not attached to
    its tokens): the arguments of a virtual-table module, free-form text the
    module reads.  (The result columns copied as written are found as the
    statement is formatted: :func:`name_columns`.)"""
    body = statement.body
    if type(body) is CreateVirtualTableStmt:  # a Cmd: only ever a statement's body
        return [(arg.start, arg.end) for arg in body.arguments]
    return []


@rule(ColumnDef)
def fmt_column_def(f: Formatter, node: ColumnDef) -> Doc:
    """``name type constraint ...``; when it does not fit, each further
    constraint starts an indented line (a ``CONSTRAINT name`` stays with
    the constraint it names)."""
    type_name = node.type_name
    generated = [] if type_name is None or type_name.lp_token is not None else generated_always(type_name)
    if not generated or not node.constraints:
        head = f.spaced([node.name, *present(type_name)])
        if not node.constraints:
            return head
        return group(head, nest(constraint_lines(f, node.constraints)))
    # SQLite's grammar reads GENERATED ALWAYS as the end of the type name:
    # they start the line of the AS (...) that follows.
    assert type_name is not None
    words = f.spaced([node.name, *type_name.words[:-2]])
    lines = constraint_lines(f, node.constraints)
    first = [lines[0], f.kw(generated[0]), " ", f.kw(generated[1]), " ", lines[1]]
    return group(words, nest(first, *lines[2:]))


def constraint_lines(f: Formatter, constraints: Sequence[Node | Token]) -> list[Doc]:
    """Each constraint after a line break, but a name before what it names."""
    parts: list[Doc] = []
    named = False
    for c in constraints:
        parts.extend([" " if named else LINE, f.fmt(c)])
        named = isinstance(c, ConstraintName)
    return parts


@rule(PrimaryKeyConstraint, UniqueConstraint)
def fmt_key_constraint(f: Formatter, node: PrimaryKeyConstraint | UniqueConstraint) -> Doc:
    """``PRIMARY KEY (a, b)``, ``UNIQUE (a, b) ON CONFLICT ...``: the column
    list breaks like any other."""
    lp, rp = node.lp_token, node.rp_token
    if lp is None or rp is None:
        return f.spaced(node.children)
    if isinstance(node, PrimaryKeyConstraint):
        words = f.spaced([node.primary_token, node.key_token])
    else:
        words = f.tok(node.unique_token)
    parts: list[Doc] = [words, " ", f.parenthesized(lp, between(node, lp, rp), rp)]
    if node.conflict:
        parts.extend([" ", f.spaced(node.conflict)])
    return parts


@rule(CheckConstraint)
def fmt_check(f: Formatter, node: CheckConstraint) -> Doc:
    """``CHECK (expr)``: broken, the expression sits indented between the
    parentheses."""
    parts: list[Doc] = [f.tok(node.check_token), " ", f.enclosed(node.lp_token, node.expr, node.rp_token)]
    if node.conflict:
        parts.extend([" ", f.spaced(node.conflict)])
    return parts


@rule(GeneratedConstraint)
def fmt_generated(f: Formatter, node: GeneratedConstraint) -> Doc:
    """``GENERATED ALWAYS AS (expr) STORED``: the words are keywords here
    (STORED and VIRTUAL are names to the tokenizer)."""
    parts: list[Doc] = []
    for word in present(node.generated_token, node.always_token, node.as_token):
        parts.extend([f.kw(word), " "])
    parts.append(f.enclosed(node.lp_token, node.expr, node.rp_token))
    storage = node.storage
    if storage is not None:
        parts.extend(
            [" ", f.kw(storage) if storage.text.upper() in ("STORED", "VIRTUAL") else f.tok(storage)]
        )
    return parts


@rule(TableOption)
def fmt_table_option(f: Formatter, node: TableOption) -> Doc:
    """``WITHOUT ROWID``, ``STRICT``: keywords, though the tokenizer reads
    ROWID and STRICT as names."""
    name = node.name
    word = f.kw(name) if name.text.upper() in ("ROWID", "STRICT") else f.tok(name)
    without = node.without_token
    return word if without is None else [f.kw(without), " ", word]


@rule(AlterTableStmt)
def fmt_alter_table(f: Formatter, node: AlterTableStmt) -> Doc:
    """``ALTER TABLE name`` then the action, which moves to an indented line
    when the whole does not fit."""
    head = f.spaced([node.alter_token, node.table_token, node.name])
    action = between(node, node.name)
    lp, check, rp = node.lp_token, node.check, node.rp_token
    if lp is not None and check is not None and rp is not None:
        words = f.spaced(action[: action.index(lp)])
        body: Doc = [words, " ", f.enclosed(lp, check, rp)]
        if node.conflict:
            body = [body, " ", f.spaced(node.conflict)]
    else:
        body = f.spaced(action)
    return group(head, nest(LINE, body))


@rule(ForeignKeyClause)
def fmt_foreign_key_clause(f: Formatter, node: ForeignKeyClause) -> Doc:
    """``REFERENCES t (a, b)``, then each ON DELETE/ON UPDATE/MATCH on an
    indented line when it does not fit."""
    head: list[Doc] = [f.tok(node.references_token), " ", f.tok(node.table)]
    columns = node.columns
    if columns is not None:
        head.extend([" ", f.fmt(columns)])
    return Group([*head, Nest(1, [[LINE, f.fmt(a)] for a in node.actions])])


@rule(ForeignKeyConstraint)
def fmt_foreign_key_constraint(f: Formatter, node: ForeignKeyConstraint) -> Doc:
    """``FOREIGN KEY (a) REFERENCES t (b) ...``; when it does not fit,
    REFERENCES, each action and the deferral start indented lines."""
    columns = interleave(node.columns, node.columns_separators)
    head: list[Doc] = [
        f.spaced([node.foreign_token, node.key_token]),
        " ",
        f.parenthesized(node.lp_token, columns, node.rp_token),
    ]
    references: list[Doc] = [f.tok(node.references_token), " ", f.tok(node.table)]
    parent = node.parent_columns
    if parent is not None:
        references.extend([" ", f.fmt(parent)])
    rest: list[Doc] = [references, *(f.fmt(a) for a in [*node.actions, *present(node.defer)])]
    return Group([*head, Nest(1, [[LINE, r] for r in rest])])
