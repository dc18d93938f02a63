"""Reading the tree where the resolver needs more than a node's kind: the
parts of a compound, the aliases of FROM terms and result columns, the
names of a DML statement's table and SET items."""

from __future__ import annotations

from collections.abc import Sequence

from ...syntax.cst import Node
from ...syntax.nodes import FROM_TERMS
from ...syntax.tokens import Token

EMPTY = Node([Token("SEMI", "", 0, 1, 1)])
"""A node without children, for an optional clause that is absent."""
TERM_KINDS = frozenset(cls.kind for cls in FROM_TERMS)
QUERY_KINDS = frozenset({"select", "select_core", "values"})
PART_KINDS = ("select_core", "values")
"""The parts of a compound (a ``select`` node): SELECT cores and VALUES."""


def token(child: Node | Token) -> Token:
    assert isinstance(child, Token), child
    return child


def strip_collate(node: Node | Token) -> Node | Token:
    while isinstance(node, Node) and node.kind in ("collate_expr", "paren_expr"):
        node = node.children[0] if node.kind == "collate_expr" else node.children[1]
    return node


def query_parts(query: Node) -> list[Node]:
    """The SELECT cores and VALUES of a ``select`` node, in order."""
    return [c for c in query.children if isinstance(c, Node) and c.kind in PART_KINDS]


def first_core(query: Node) -> Node:
    """The first SELECT core (or VALUES) of a query."""
    if query.kind == "select":
        return next(c for c in query.children if isinstance(c, Node) and c.kind in PART_KINDS)
    return query


def values_rows(query: Node) -> list[Node] | None:
    """The rows of a query that is one VALUES (None: it is not)."""
    core = query if query.kind != "select" else None
    if core is None:
        parts = query_parts(query)
        if len(parts) != 1:
            return None
        core = parts[0]
    if core.kind != "values":
        return None
    return core.children_of_kind("value_row")


def result_alias(rc: Node) -> Token | None:
    """The alias of a result column (after AS, or a bare name)."""
    children = rc.children
    if len(children) == 3 and isinstance(children[2], Token):
        return children[2]
    if len(children) == 2 and isinstance(children[1], Token):
        return children[1]
    return None


def term_alias(node: Node) -> Token | None:
    """The alias token of a FROM term (after AS, or a bare name)."""
    children = node.children
    if node.kind == "table_ref":
        start = 1
    elif node.kind == "subquery":
        start = 3
    else:
        start = rp_index(children) + 1
    for c in children[start:]:
        if isinstance(c, Node):
            return None
        if c.kind != "AS":
            return c
    return None


def rp_index(children: Sequence[Node | Token]) -> int:
    """The index of the parenthesis that closes the first one opened."""
    depth = 0
    for i, c in enumerate(children):
        if isinstance(c, Token):
            if c.kind == "LP":
                depth += 1
            elif c.kind == "RP":
                depth -= 1
                if depth == 0:
                    return i
    return len(children) - 1


def from_names(core: Node) -> list[Token]:
    """The unqualified table names in a select_core's own FROM clause
    (parenthesized joins included, subqueries not)."""
    from_clause = core.child_kind("from_clause")
    out: list[Token] = []
    stack: list[Node] = [from_clause] if from_clause is not None else []
    while stack:
        n = stack.pop()
        for c in n.children:
            if not isinstance(c, Node):
                continue
            if c.kind == "table_ref":
                qn = c.children[0]
                if isinstance(qn, Node) and len(qn.children) == 1 and isinstance(qn.children[0], Token):
                    out.append(qn.children[0])
            elif c.kind == "join_group":
                stack.append(c)
    return sorted(out, key=lambda t: t.start)


def target_names(node: Node) -> tuple[Token | None, Token, Token | None]:
    """The schema, name and alias tokens of the table an INSERT, UPDATE or
    DELETE changes (a ``target_table`` node)."""
    tokens = [c for c in node.children if isinstance(c, Token)]
    alias_tok = None
    kinds = [t.kind for t in tokens]
    if "AS" in kinds:
        alias_tok = tokens[-1]
        tokens = tokens[: kinds.index("AS")]
    schema_tok = tokens[0] if len(tokens) == 3 else None
    return schema_tok, tokens[-1], alias_tok


def set_columns(item: Node) -> list[Token]:
    """The column names a SET item assigns (``a = ...``, ``(a, b) = ...``)."""
    return [t for t in item.children[:-2] if isinstance(t, Token) and t.kind not in ("LP", "RP", "COMMA")]
