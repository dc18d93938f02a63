"""Queries: SELECT cores, compounds, WITH, FROM and joins, and the clauses."""

from __future__ import annotations

from ...syntax.cst import Node
from ...syntax.tokens import Token
from ..context import Formatter
from ..doc import LINE, SOFTLINE, Doc, group, join, nest
from .common import is_token, registry

RULES, rule = registry()


def subquery(f: Formatter, lp: Token, query: Node, rp: Token) -> Doc:
    """``(query)``; broken, the query sits indented between the lines of the
    parentheses."""
    return group(f.tok(lp), nest(SOFTLINE, f.fmt(query)), SOFTLINE, f.tok(rp))


@rule("select")
def fmt_select(f: Formatter, node: Node) -> Doc:
    """WITH, then cores and compound operators, each starting a line."""
    parts: list[Doc] = []
    for child in node.children:
        if parts:
            parts.append(LINE)
        parts.append(f.fmt(child))
    return group(*parts)


@rule("compound_operator")
def fmt_compound_operator(f: Formatter, node: Node) -> Doc:
    return f.spaced(node.children)


@rule("with_clause")
def fmt_with_clause(f: Formatter, node: Node) -> Doc:
    """``WITH [RECURSIVE] a AS (...), b AS (...)``; broken, each further CTE
    starts a line."""
    parts: list[Doc] = []
    for child in node.children:
        if isinstance(child, Token) and child.kind == "COMMA":
            parts.extend([f.tok(child), LINE])
        else:
            if parts and parts[-1] is not LINE:
                parts.append(" ")
            parts.append(f.fmt(child))
    return group(*parts)


@rule("common_table_expression")
def fmt_cte(f: Formatter, node: Node) -> Doc:
    children = node.children
    lp = next(i for i, c in enumerate(children) if is_token(c, "LP"))
    head = f.spaced(children[:lp])
    return [head, " ", subquery(f, children[lp], children[lp + 1], children[lp + 2])]  # type: ignore[arg-type]


@rule("select_core")
def fmt_select_core(f: Formatter, node: Node) -> Doc:
    """``SELECT [DISTINCT] columns`` and each clause, one per line when the
    whole does not fit."""
    children = node.children
    head: list[Doc] = [f.tok(children[0])]  # type: ignore[arg-type]
    i = 1
    if is_token(children[1], "DISTINCT", "ALL"):
        head.extend([" ", f.tok(children[1])])  # type: ignore[arg-type]
        i = 2
    columns: list[Node | Token] = []
    while i < len(children) and (isinstance(children[i], Token) or children[i].kind == "result_column"):  # type: ignore[union-attr]
        columns.append(children[i])
        i += 1
    clauses: list[Doc] = [f.clause(head, f.comma_list(columns))]
    clauses.extend(f.fmt(c) for c in children[i:])
    return group(*join(LINE, clauses))


def named_by_text(node: Node) -> bool:
    """A result column SQLite names after its source text: an expression
    other than a column reference, with no alias."""
    first = node.children[0]
    return len(node.children) == 1 and isinstance(first, Node) and first.kind != "column_ref"


_QUERIES = frozenset({"select", "select_core", "values"})


def _first_core(query: Node) -> Node:
    """The SELECT whose result columns name a query's columns: the first of
    a compound."""
    if query.kind == "select":
        return next(c for c in query.children if isinstance(c, Node) and c.kind in ("select_core", "values"))
    return query


def _has_column_list(node: Node) -> bool:
    return any(isinstance(c, Node) and c.kind == "column_list" for c in node.children)


def text_named_columns(statement: Node) -> list[Node]:
    """Result columns of ``statement`` whose SQLite-given name (their source
    text) can be seen: by the application (the statement's own query,
    RETURNING), by a table or view made from the query, or by an outer query
    (subqueries in FROM, CTEs without a column list).  Inside scalar
    subqueries, EXISTS, IN and INSERT sources the names cannot be seen."""
    cores: list[Node] = []
    body = next((c for c in statement.children if isinstance(c, Node) and c.kind != "explain"), None)
    if body is not None and body.kind in _QUERIES:
        cores.append(_first_core(body))
    for node in statement.walk():
        kind = node.kind
        as_select = kind == "create_table_stmt" and node.has("AS")
        if as_select or (kind == "create_view_stmt" and not _has_column_list(node)):
            query = node.children[-1]
            assert isinstance(query, Node)
            cores.append(_first_core(query))
        elif kind == "subquery":
            query = node.children[1]
            assert isinstance(query, Node)
            cores.append(_first_core(query))
        elif kind == "common_table_expression" and not _has_column_list(node):
            query = next(c for c in node.children if isinstance(c, Node) and c.kind in _QUERIES)
            cores.append(_first_core(query))
        elif kind == "returning_clause":
            cores.append(node)
    return [
        c
        for core in cores
        for c in core.children
        if isinstance(c, Node) and c.kind == "result_column" and named_by_text(c)
    ]


@rule("result_column")
def fmt_result_column(f: Formatter, node: Node) -> Doc:
    if node.start in f.verbatim_starts and named_by_text(node):
        return f.verbatim_node(node)
    return f.spaced(node.children)


@rule("ordering_term")
def fmt_spaced(f: Formatter, node: Node) -> Doc:
    return f.spaced(node.children)


@rule("values")
def fmt_values(f: Formatter, node: Node) -> Doc:
    return f.clause(f.tok(node.children[0]), f.comma_list(node.children[1:]))  # type: ignore[arg-type]


@rule("value_row", "column_list", "using_clause")
def fmt_paren_list(f: Formatter, node: Node) -> Doc:
    children = node.children
    lp = next(i for i, c in enumerate(children) if is_token(c, "LP"))
    prefix = f.spaced(children[:lp]) if lp else None
    block = f.parenthesized(children[lp], children[lp + 1 : -1], children[-1])  # type: ignore[arg-type]
    return [prefix, " ", block] if prefix is not None else block


@rule("from_clause")
def fmt_from_clause(f: Formatter, node: Node) -> Doc:
    """``FROM a, b`` then each JOIN at the start of a line whenever the
    statement does not fit on one (the line breaks belong to the enclosing
    statement's group)."""
    return [f.tok(node.children[0]), " ", *_join_sequence(f, node.children[1:])]  # type: ignore[arg-type]


def _join_sequence(f: Formatter, items: list[Node | Token]) -> list[Doc]:
    """Terms and join operators: comma-joined terms form a list that breaks
    on its own; a JOIN starts a line."""
    parts: list[Doc] = []
    run: list[Doc] = []  # the current run of comma-joined terms

    def close_run() -> None:
        if run:
            parts.append(group(run[0], nest(*run[1:])) if len(run) > 1 else run[0])
            run.clear()

    for item in items:
        if isinstance(item, Node) and item.kind == "join_operator":
            if item.has("COMMA"):
                run.extend([f.tok(item.children[0]), LINE])  # type: ignore[arg-type]
            else:
                close_run()
                parts.extend([LINE, _join_operator(f, item), " "])
        else:
            run.append(f.fmt(item))
    close_run()
    return parts


def _join_operator(f: Formatter, node: Node) -> Doc:
    words: list[Doc] = []
    for c in node.children:
        if words:
            words.append(" ")
        # JOIN_KW tokens are keywords here; a quoted "word" stays as written.
        words.append(f.kw(c) if isinstance(c, Token) and c.kind in ("JOIN_KW", "JOIN") else f.fmt(c))
    return words


@rule("join_operator")
def fmt_join_operator(f: Formatter, node: Node) -> Doc:
    return _join_operator(f, node)


@rule("table_ref", "table_function", "subquery", "join_group")
def fmt_term(f: Formatter, node: Node) -> Doc:
    """A FROM term; its ON/USING moves to an indented line when it does not
    fit after the table."""
    children = node.children
    parts: list[Doc] = []
    i = 0
    if node.kind in ("subquery", "join_group"):
        rp = _matching_rp(children, 0)
        if node.kind == "subquery":
            parts.append(subquery(f, children[0], children[1], children[rp]))  # type: ignore[arg-type]
        else:
            inner = _join_sequence(f, children[1:rp])
            parts.append(group(f.tok(children[0]), nest(SOFTLINE, *inner), SOFTLINE, f.tok(children[rp])))  # type: ignore[arg-type]
        i = rp + 1
    elif node.kind == "table_function":
        lp = next(k for k, c in enumerate(children) if is_token(c, "LP"))
        rp = _matching_rp(children, lp)
        parts.append(f.fmt(children[0]))
        parts.append(f.parenthesized(children[lp], children[lp + 1 : rp], children[rp]))  # type: ignore[arg-type]
        i = rp + 1
    constraint = None
    for c in children[i:]:
        if isinstance(c, Node) and c.kind in ("on_clause", "using_clause"):
            constraint = c
            continue
        if parts:
            parts.append(" ")
        parts.append(f.fmt(c))
    if constraint is not None:
        parts.append(group(nest(LINE, f.fmt(constraint))))
    return parts


def _matching_rp(children: list[Node | Token], lp: int) -> int:
    depth = 0
    for j in range(lp, len(children)):
        c = children[j]
        if is_token(c, "LP"):
            depth += 1
        elif is_token(c, "RP"):
            depth -= 1
            if depth == 0:
                return j
    raise ValueError("unbalanced parentheses")


@rule("indexed_by")
def fmt_indexed_by(f: Formatter, node: Node) -> Doc:
    parts: list[Doc] = []
    for i, c in enumerate(node.children):
        if parts:
            parts.append(" ")
        # INDEXED is a keyword here; the index name after BY is a name.
        parts.append(f.kw(c) if i < 2 and isinstance(c, Token) else f.fmt(c))  # type: ignore[arg-type]
    return parts


@rule("on_clause", "where_clause", "having_clause")
def fmt_expr_clause(f: Formatter, node: Node) -> Doc:
    """``WHERE expr``: the expression stays after the keyword; its AND/OR
    chain breaks, indented, when it does not fit."""
    children = node.children
    parts: list[Doc] = [f.tok(children[0]), " ", nest(f.fmt(children[1]))]  # type: ignore[arg-type]
    for extra in children[2:]:  # a RETURNING clause parsed with WHERE
        parts.extend([LINE, f.fmt(extra)])
    return group(*parts)


@rule("group_by_clause", "order_by_clause", "function_order_by")
def fmt_list_clause(f: Formatter, node: Node) -> Doc:
    """``GROUP BY a, b``; broken, one item per indented line."""
    return f.clause(f.spaced(node.children[:2]), f.comma_list(node.children[2:]))


@rule("returning_clause")
def fmt_returning(f: Formatter, node: Node) -> Doc:
    return f.clause(f.tok(node.children[0]), f.comma_list(node.children[1:]))  # type: ignore[arg-type]


@rule("limit_clause")
def fmt_limit(f: Formatter, node: Node) -> Doc:
    return f.spaced(node.children)


@rule("window_clause")
def fmt_window_clause(f: Formatter, node: Node) -> Doc:
    """``WINDOW w AS (...), v AS (...)``: further definitions start lines."""
    return [f.tok(node.children[0]), " ", group(*f.comma_list(node.children[1:]))]  # type: ignore[arg-type]


@rule("window_definition")
def fmt_window_definition(f: Formatter, node: Node) -> Doc:
    children = node.children
    return [f.fmt(children[0]), " ", f.fmt(children[1]), " ", _window_parens(f, children[2:])]


def _window_parens(f: Formatter, items: list[Node | Token]) -> Doc:
    lp, rp = items[0], items[-1]
    inner = items[1:-1]
    if not inner:
        return [f.tok(lp), f.tok(rp)]  # type: ignore[arg-type]
    return group(f.tok(lp), nest(SOFTLINE, *[f.fmt(c) for c in inner]), SOFTLINE, f.tok(rp))  # type: ignore[arg-type]


@rule("window")
def fmt_window(f: Formatter, node: Node) -> Doc:
    """``[base] [PARTITION BY ...] [ORDER BY ...] [frame]``, parts separated
    by line breaks when it does not fit."""
    parts: list[Doc] = []
    children = node.children
    i = 0
    if isinstance(children[0], Token) and children[0].kind not in ("PARTITION", "ORDER"):
        parts.append(f.fmt(children[0]))
        i = 1
    if i < len(children) and is_token(children[i], "PARTITION"):
        j = i + 2
        while j < len(children) and not (
            isinstance(children[j], Node) and children[j].kind in ("order_by_clause", "frame_spec")
        ):  # type: ignore[union-attr]
            j += 1
        parts.append(f.clause(f.spaced(children[i : i + 2]), f.comma_list(children[i + 2 : j])))
        i = j
    if i < len(children) and is_token(children[i], "ORDER"):
        # ORDER BY of a window without PARTITION BY: tokens in the window itself
        j = i + 2
        while j < len(children) and not (isinstance(children[j], Node) and children[j].kind == "frame_spec"):
            j += 1
        parts.append(f.clause(f.spaced(children[i : i + 2]), f.comma_list(children[i + 2 : j])))
        i = j
    parts.extend(f.fmt(c) for c in children[i:])
    return group(*join(LINE, parts))


@rule("frame_spec", "frame_bound", "frame_exclude")
def fmt_frame(f: Formatter, node: Node) -> Doc:
    return f.spaced(node.children)
