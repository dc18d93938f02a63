"""INSERT, UPDATE, DELETE, upserts."""

from __future__ import annotations

from ...syntax.cst import Node
from ...syntax.tokens import Token
from ..context import Formatter
from ..doc import LINE, Doc, group, join, nest
from .common import is_token, registry

RULES, rule = registry()

_CLAUSES = frozenset(
    {
        "from_clause",
        "where_clause",
        "returning_clause",
        "order_by_clause",
        "limit_clause",
        "upsert_clause",
        "select",
        "select_core",
        "values",
    }
)


def _head_and_clauses(f: Formatter, children: list[Node | Token]) -> list[Doc]:
    """The statement's leading words up to its first clause, then one doc per
    clause (each starts a line when the statement does not fit)."""
    docs: list[Doc] = []
    head: list[Node | Token] = []
    i = 0
    if isinstance(children[0], Node) and children[0].kind == "with_clause":
        docs.append(f.fmt(children[0]))
        i = 1
    while i < len(children) and not (isinstance(children[i], Node) and children[i].kind in _CLAUSES):  # type: ignore[union-attr]
        if is_token(children[i], "SET"):
            break
        head.append(children[i])
        i += 1
    docs.append(_spaced_with_lists(f, head))
    rest = children[i:]
    j = 0
    while j < len(rest):
        c = rest[j]
        if is_token(c, "SET"):
            k = j + 1
            while k < len(rest) and (isinstance(rest[k], Token) or rest[k].kind == "set_item"):  # type: ignore[union-attr]
                k += 1
            docs.append(f.clause(f.tok(c), f.comma_list(rest[j + 1 : k])))  # type: ignore[arg-type]
            j = k
            continue
        if is_token(c, "DEFAULT"):  # DEFAULT VALUES
            docs.append(f.spaced(rest[j : j + 2]))
            j += 2
            continue
        docs.append(f.fmt(c))
        j += 1
    return docs


def _spaced_with_lists(f: Formatter, items: list[Node | Token]) -> Doc:
    """Words separated by spaces, a parenthesized column list as a block."""
    if any(is_token(c, "LP") for c in items):
        lp = next(i for i, c in enumerate(items) if is_token(c, "LP"))
        rp = max(i for i, c in enumerate(items) if is_token(c, "RP"))
        before = f.spaced(items[:lp])
        block = f.parenthesized(items[lp], items[lp + 1 : rp], items[rp])  # type: ignore[arg-type]
        after = f.spaced(items[rp + 1 :])
        return [before, " ", block, " " if items[rp + 1 :] else "", after]
    return f.spaced(items)


@rule("insert_stmt", "update_stmt", "delete_stmt")
def fmt_dml(f: Formatter, node: Node) -> Doc:
    return group(*join(LINE, _head_and_clauses(f, node.children)))


@rule("upsert_clause")
def fmt_upsert(f: Formatter, node: Node) -> Doc:
    """``ON CONFLICT (target) DO NOTHING``, or ``... DO UPDATE`` with its SET
    and WHERE on indented lines when it does not fit."""
    children = node.children
    do = next(i for i, c in enumerate(children) if is_token(c, "DO"))
    head: list[Doc] = [_spaced_with_lists(f, [c for c in children[:do] if not _is_where(c)])]
    for c in children[:do]:
        if _is_where(c):
            head.extend([" ", f.fmt(c)])
    action = children[do:]
    if is_token(action[1], "NOTHING"):
        return group(*head, " ", f.spaced(action))
    set_at = next(i for i, c in enumerate(action) if is_token(c, "SET"))
    end = set_at + 1
    while end < len(action) and not _is_where(action[end]):
        end += 1
    rest: list[Doc] = [LINE, f.clause(f.tok(action[set_at]), f.comma_list(action[set_at + 1 : end]))]  # type: ignore[arg-type]
    for c in action[end:]:
        rest.extend([LINE, f.fmt(c)])
    return group(*head, " ", f.spaced(action[:set_at]), nest(*rest))


def _is_where(item: Node | Token) -> bool:
    return isinstance(item, Node) and item.kind == "where_clause"


@rule("set_item", "target_table")
def fmt_spaced(f: Formatter, node: Node) -> Doc:
    return f.spaced(node.children)
