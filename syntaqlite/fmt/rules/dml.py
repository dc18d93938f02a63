"""INSERT, UPDATE, DELETE, upserts."""

from __future__ import annotations

from collections.abc import Sequence

from ...syntax.cst import Node
from ...syntax.nodes import DeleteStmt, InsertStmt, SetItem, UpdateStmt, UpsertClause
from ...syntax.tokens import Token
from ..context import Formatter
from ..doc import LINE, Doc, Group, Nest, join
from .common import interleave, present, registry

RULES, rule = registry()


def _words_and_list(
    f: Formatter,
    before: Sequence[Node | Token],
    lp: Token | None,
    inner: Sequence[Node | Token],
    rp: Token | None,
    after: Sequence[Node | Token] = (),
) -> Doc:
    """Words separated by spaces, with a parenthesized column list (when
    ``lp`` and ``rp`` are given) as a block among them."""
    if lp is None or rp is None:
        return f.spaced([*before, *after])
    block = f.parenthesized(lp, inner, rp)
    return [f.spaced(before), " ", block, " " if after else "", f.spaced(after)]


def _statement(
    f: Formatter, with_clause: Node | None, heads: list[Doc], clauses: Sequence[Node | None]
) -> Doc:
    """``[WITH ...]``, the statement's leading parts, then the clauses
    present, each starting a line when the statement does not fit."""
    docs: list[Doc] = [] if with_clause is None else [f.fmt(with_clause)]
    docs.extend(heads)
    docs.extend(f.fmt(clause) for clause in clauses if clause is not None)
    return Group(join(LINE, docs))


@rule(InsertStmt)
def fmt_insert(f: Formatter, node: InsertStmt) -> Doc:
    """``INSERT INTO t (columns)``, then the source (or ``DEFAULT VALUES``),
    the upserts and RETURNING."""
    before = present(
        node.insert_token, node.or_token, node.conflict, node.replace, node.into_token, node.table
    )
    columns = interleave(node.columns, node.columns_separators)
    default_values = present(node.default_token, node.values_token)
    head = _words_and_list(f, before, node.lp_token, columns, node.rp_token, default_values)
    return _statement(f, node.with_clause, [head], [node.source, *node.upserts, node.returning])


@rule(UpdateStmt)
def fmt_update(f: Formatter, node: UpdateStmt) -> Doc:
    """``UPDATE t``, ``SET a = 1, b = 2`` (broken, one assignment per
    indented line), then the other clauses."""
    head = f.spaced(present(node.update_token, node.or_token, node.conflict, node.table, node.indexed_by))
    assignments = interleave(node.assignments, node.assignments_separators)
    set_clause = f.clause(f.tok(node.set_token), f.comma_list(assignments))
    clauses = [node.from_clause, node.where, node.returning, node.order_by, node.limit]
    return _statement(f, node.with_clause, [head, set_clause], clauses)


@rule(DeleteStmt)
def fmt_delete(f: Formatter, node: DeleteStmt) -> Doc:
    head = f.spaced(present(node.delete_token, node.from_token, node.table, node.indexed_by))
    return _statement(f, node.with_clause, [head], [node.where, node.returning, node.order_by, node.limit])


@rule(SetItem)
def fmt_set_item(f: Formatter, node: SetItem) -> Doc:
    """``a = 1`` or ``(a, b) = (1, 2)``: the column list breaks like any
    other list."""
    lp, rp = node.lp_token, node.rp_token
    if lp is None or rp is None:
        target: Doc = f.spaced(node.columns)
    else:
        target = f.parenthesized(lp, interleave(node.columns, node.columns_separators), rp)
    return [target, " ", f.tok(node.eq_token), " ", f.fmt(node.value)]


@rule(UpsertClause)
def fmt_upsert(f: Formatter, node: UpsertClause) -> Doc:
    """``ON CONFLICT (target) DO NOTHING``, or ``... DO UPDATE`` with its SET
    and WHERE on indented lines when it does not fit."""
    target = interleave(node.target, node.target_separators)
    head: list[Doc] = [
        _words_and_list(f, [node.on_token, node.conflict_token], node.lp_token, target, node.rp_token)
    ]
    target_where = node.target_where
    if target_where is not None:
        head.extend([" ", f.fmt(target_where)])
    nothing = node.nothing_token
    if nothing is not None:
        return Group([*head, " ", f.spaced([node.do_token, nothing])])
    update, set_token = node.update_token, node.set_token
    assert update is not None and set_token is not None
    assignments = interleave(node.assignments, node.assignments_separators)
    rest: list[Doc] = [LINE, f.clause(f.tok(set_token), f.comma_list(assignments))]
    where = node.where
    if where is not None:
        rest.extend([LINE, f.fmt(where)])
    return Group([*head, " ", f.spaced([node.do_token, update]), Nest(1, rest)])
