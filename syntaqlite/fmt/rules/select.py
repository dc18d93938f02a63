"""Queries: SELECT cores, compounds, WITH, FROM and joins, and the clauses."""

from __future__ import annotations

from collections.abc import Sequence

from ...syntax.cst import Node
from ...syntax.nodes import (
    ColumnList,
    ColumnRef,
    CommonTableExpression,
    FrameSpec,
    FromClause,
    FromTerm,
    FunctionOrderBy,
    GroupByClause,
    HavingClause,
    IndexedBy,
    JoinGroup,
    JoinOperator,
    OnClause,
    OrderByClause,
    ResultColumn,
    ReturningClause,
    Select,
    SelectCore,
    Subquery,
    TableFunction,
    TableRef,
    UsingClause,
    ValueRow,
    Values,
    WhereClause,
    Window,
    WindowClause,
    WindowDefinition,
    WithClause,
)
from ...syntax.tokens import Token
from ..context import Formatter
from ..doc import LINE, SOFTLINE, Doc, Group, Nest, group, join, nest
from .common import interleave, present, registry

RULES, rule = registry()


@rule(Select)
def fmt_select(f: Formatter, node: Select) -> Doc:
    """WITH, then cores and compound operators, each starting a line."""
    items = [*present(node.with_clause), *interleave(node.cores, node.operators)]
    return Group(join(LINE, [f.fmt(item) for item in items]))


@rule(WithClause)
def fmt_with_clause(f: Formatter, node: WithClause) -> Doc:
    """``WITH [RECURSIVE] a AS (...), b AS (...)``; broken, ``WITH`` alone
    on its line and each CTE on indented lines below it."""
    head = f.spaced([node.with_token, *node.recursive_tokens])
    ctes = f.comma_list(interleave(node.ctes, node.ctes_separators))
    return group(head, nest(LINE, *ctes))


@rule(CommonTableExpression)
def fmt_cte(f: Formatter, node: CommonTableExpression) -> Doc:
    columns = node.columns
    head = f.spaced([node.name, *present(columns), node.as_token, *node.materialization])
    if columns is None:
        name_columns(f, node.query)
    return [head, " ", f.enclosed(node.lp_token, node.query, node.rp_token)]


@rule(SelectCore)
def fmt_select_core(f: Formatter, node: SelectCore) -> Doc:
    """``SELECT [DISTINCT] columns`` and each clause, one per line when the
    whole does not fit."""
    head: list[Doc] = [f.tok(node.select_token)]
    distinct = node.distinct
    if distinct is not None:
        head.extend([" ", f.tok(distinct)])
    clauses: list[Doc] = [f.clause(head, f.comma_list(interleave(node.columns, node.columns_separators)))]
    for clause in (
        node.from_clause,
        node.where,
        node.group_by,
        node.having,
        node.window,
        node.order_by,
        node.limit,
    ):
        if clause is not None:
            clauses.append(f.fmt(clause))
    return Group(join(LINE, clauses))


def name_columns(f: Formatter, node: Node) -> None:
    """Before ``node`` (a query, a RETURNING clause) is formatted where the
    names of its result columns can be seen (by the application: the
    statement's own query, RETURNING; by a table or view made from the
    query; by an outer query: subqueries in FROM, CTEs without a column
    list), mark those that SQLite names after their exact source text
    (:func:`named_by_text`: ``SELECT a+b`` yields a column named ``a+b``) to
    be copied as written (unless ``column_names`` is ``reformat``).  Inside
    scalar subqueries, EXISTS, IN and INSERT sources the names cannot be
    seen.  The first SELECT of a compound names its columns (a VALUES has
    no result columns)."""
    if not f.keep_names:
        return
    columns: list[ResultColumn]
    if type(node) is Select:
        core = node.cores[0]
        if type(core) is not SelectCore:
            return
        columns = core.columns
    elif type(node) is SelectCore or type(node) is ReturningClause:
        columns = node.columns
    else:
        return
    for column in columns:
        if named_by_text(column):
            f.verbatim_columns.add(column)


def named_by_text(node: ResultColumn) -> bool:
    """A result column SQLite names after its source text: an expression
    other than a column reference, with no alias."""
    expr = node.expr
    return expr is not None and not isinstance(expr, ColumnRef) and node.alias is None


@rule(ResultColumn)
def fmt_result_column(f: Formatter, node: ResultColumn) -> Doc:
    if f.verbatim_columns and node in f.verbatim_columns:
        return f.verbatim_node(node)
    return f.spaced(node.children)


@rule(Values)
def fmt_values(f: Formatter, node: Values) -> Doc:
    return f.clause(f.tok(node.values_token), f.comma_list(interleave(node.rows, node.rows_separators)))


@rule(ValueRow)
def fmt_value_row(f: Formatter, node: ValueRow) -> Doc:
    return f.parenthesized(node.lp_token, interleave(node.values, node.values_separators), node.rp_token)


@rule(ColumnList)
def fmt_column_list(f: Formatter, node: ColumnList) -> Doc:
    return f.parenthesized(node.lp_token, interleave(node.names, node.names_separators), node.rp_token)


@rule(UsingClause)
def fmt_using(f: Formatter, node: UsingClause) -> Doc:
    block = f.parenthesized(node.lp_token, interleave(node.names, node.names_separators), node.rp_token)
    return [f.tok(node.using_token), " ", block]


@rule(FromClause)
def fmt_from_clause(f: Formatter, node: FromClause) -> Doc:
    """``FROM a, b`` then each JOIN at the start of a line whenever the
    statement does not fit on one (the line breaks belong to the enclosing
    statement's group)."""
    return [f.tok(node.from_token), " ", *_join_sequence(f, node.terms, node.joins)]


def _join_sequence(f: Formatter, terms: Sequence[FromTerm], joins: Sequence[JoinOperator]) -> list[Doc]:
    """Terms and join operators: comma-joined terms form a list that breaks
    on its own; a JOIN starts a line."""
    parts: list[Doc] = []
    run: list[Doc] = []  # the current run of comma-joined terms

    def close_run() -> None:
        if run:
            parts.append(group(run[0], Nest(1, run[1:])) if len(run) > 1 else run[0])
            run.clear()

    for i, term in enumerate(terms):
        if i:
            operator = joins[i - 1]
            comma = operator.comma
            if comma is not None:
                run.extend([f.tok(comma), LINE])
            else:
                close_run()
                parts.extend([LINE, fmt_join_operator(f, operator), " "])
        run.append(f.fmt(term))
    close_run()
    return parts


@rule(JoinOperator)
def fmt_join_operator(f: Formatter, node: JoinOperator) -> Doc:
    words = [*present(node.comma), *node.keywords, *present(node.join_token)]
    # JOIN_KW tokens are keywords here; a quoted "word" stays as written.
    return join(" ", [f.kw(w) if w.kind in ("JOIN_KW", "JOIN") else f.tok(w) for w in words])


@rule(TableRef, TableFunction, Subquery, JoinGroup)
def fmt_term(f: Formatter, node: FromTerm) -> Doc:
    """A FROM term; its ON/USING moves to an indented line when it does not
    fit after the table."""
    parts: list[Doc] = []
    words: list[Node | Token]
    if isinstance(node, TableRef):
        words = present(node.name, node.as_token, node.alias, node.indexed_by)
    else:
        if isinstance(node, Subquery):
            name_columns(f, node.query)
            parts.append(f.enclosed(node.lp_token, node.query, node.rp_token))
        elif isinstance(node, JoinGroup):
            inner = _join_sequence(f, node.terms, node.joins)
            parts.append(group(f.tok(node.lp_token), nest(SOFTLINE, *inner), SOFTLINE, f.tok(node.rp_token)))
        else:
            args = interleave(node.args, node.args_separators)
            parts.append(f.fmt(node.name))
            parts.append(f.parenthesized(node.lp_token, args, node.rp_token))
        words = present(node.as_token, node.alias)
    for word in words:
        if parts:
            parts.append(" ")
        parts.append(f.fmt(word))
    constraint = node.constraint
    if constraint is not None:
        parts.append(group(nest(LINE, f.fmt(constraint))))
    return parts


@rule(IndexedBy)
def fmt_indexed_by(f: Formatter, node: IndexedBy) -> Doc:
    """``INDEXED BY name`` (INDEXED is a keyword here; the index name after
    BY is a name) or ``NOT INDEXED``."""
    not_token = node.not_token
    if not_token is not None:
        return [f.kw(not_token), " ", f.kw(node.indexed_token)]
    by, index = node.by_token, node.index
    assert by is not None and index is not None
    return [f.kw(node.indexed_token), " ", f.kw(by), " ", f.fmt(index)]


def _expr_clause(f: Formatter, keyword: Token, expr: Node) -> Doc:
    """``WHERE expr``: the expression stays after the keyword; its AND/OR
    chain breaks, indented, when it does not fit."""
    return group(f.tok(keyword), " ", nest(f.fmt(expr)))


@rule(OnClause)
def fmt_on(f: Formatter, node: OnClause) -> Doc:
    return _expr_clause(f, node.on_token, node.expr)


@rule(WhereClause)
def fmt_where(f: Formatter, node: WhereClause) -> Doc:
    return _expr_clause(f, node.where_token, node.expr)


@rule(HavingClause)
def fmt_having(f: Formatter, node: HavingClause) -> Doc:
    return _expr_clause(f, node.having_token, node.expr)


def list_clause(
    f: Formatter, first: Token, by: Token, items: Sequence[Node | Token], separators: Sequence[Token]
) -> Doc:
    """``GROUP BY a, b``; broken, one item per indented line."""
    return f.clause(f.spaced([first, by]), f.comma_list(interleave(items, separators)))


@rule(GroupByClause)
def fmt_group_by(f: Formatter, node: GroupByClause) -> Doc:
    return list_clause(f, node.group_token, node.by_token, node.exprs, node.exprs_separators)


@rule(OrderByClause, FunctionOrderBy)
def fmt_order_by(f: Formatter, node: OrderByClause | FunctionOrderBy) -> Doc:
    return list_clause(f, node.order_token, node.by_token, node.terms, node.terms_separators)


@rule(ReturningClause)
def fmt_returning(f: Formatter, node: ReturningClause) -> Doc:
    name_columns(f, node)  # the application sees them
    return f.clause(
        f.tok(node.returning_token), f.comma_list(interleave(node.columns, node.columns_separators))
    )


@rule(WindowClause)
def fmt_window_clause(f: Formatter, node: WindowClause) -> Doc:
    """``WINDOW w AS (...), v AS (...)``: further definitions start lines."""
    definitions = interleave(node.definitions, node.definitions_separators)
    return [f.tok(node.window_token), " ", Group(f.comma_list(definitions))]


@rule(WindowDefinition)
def fmt_window_definition(f: Formatter, node: WindowDefinition) -> Doc:
    parens = window_in_parentheses(f, node.lp_token, node.window, node.rp_token)
    return [f.fmt(node.name), " ", f.tok(node.as_token), " ", parens]


@rule(FrameSpec)
def fmt_frame_spec(f: Formatter, node: FrameSpec) -> Doc:
    """``ROWS BETWEEN ... AND ...``, then ``EXCLUDE ...`` on an indented line
    when it does not fit."""
    exclude = node.exclude
    if exclude is None:
        return f.spaced(node.children)
    return group(f.spaced([c for c in node.children if c is not exclude]), nest(LINE, f.fmt(exclude)))


@rule(Window)
def fmt_window(f: Formatter, node: Window) -> Doc:
    """``[base] [PARTITION BY ...] [ORDER BY ...] [frame]``, parts separated
    by line breaks when it does not fit."""
    return Group(join(LINE, window_parts(f, node)))


def window_in_parentheses(f: Formatter, lp: Token, node: Window | None, rp: Token) -> Doc:
    """``(PARTITION BY a ORDER BY b)``; broken, one part per indented line
    between the parentheses (OVER and WINDOW ... AS alike)."""
    if node is None:
        return f.empty_parentheses(lp, rp)
    return group(f.tok(lp), nest(SOFTLINE, *join(LINE, window_parts(f, node))), SOFTLINE, f.tok(rp))


def window_parts(f: Formatter, node: Window) -> list[Doc]:
    parts: list[Doc] = []
    base = node.base
    if base is not None:
        parts.append(f.fmt(base))
    partition = node.partition_token
    by = node.by_token
    if partition is not None and by is not None:
        parts.append(list_clause(f, partition, by, node.partition_by, node.partition_by_separators))
    order = node.order_token
    if order is not None and by is not None:
        # ORDER BY of a window without PARTITION BY: tokens in the window itself
        parts.append(list_clause(f, order, by, node.order_terms, node.order_terms_separators))
    for clause in (node.order_by, node.frame):
        if clause is not None:
            parts.append(f.fmt(clause))
    return parts
