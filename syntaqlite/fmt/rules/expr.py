"""Expressions."""

from __future__ import annotations

from typing import Final

from ...syntax.nodes import (
    BinaryExpr,
    CaseExpr,
    CastExpr,
    ExistsExpr,
    Expr,
    FilterClause,
    FunctionCall,
    InExpr,
    OverClause,
    ParenExpr,
    RaiseExpr,
    RowValue,
    SubqueryExpr,
    TypeName,
    UnaryExpr,
    WhenClause,
)
from ...syntax.tokens import Token
from ..context import Formatter
from ..doc import LINE, SOFTLINE, Doc, Group, Nest, group, join, nest
from ..verify import generated_always
from .common import interleave, present, registry
from .select import window_in_parentheses

RULES, rule = registry()

# Binary operators by precedence level (parse.y's %left lines).
_LEVEL: Final = {
    "OR": 1,
    "AND": 2,
    "EQ": 4,
    "NE": 4,
    "GT": 5,
    "LE": 5,
    "LT": 5,
    "GE": 5,
    "BITAND": 7,
    "BITOR": 7,
    "LSHIFT": 7,
    "RSHIFT": 7,
    "PLUS": 8,
    "MINUS": 8,
    "STAR": 9,
    "SLASH": 9,
    "REM": 9,
    "CONCAT": 10,
    "PTR": 10,
}


def _chain(node: BinaryExpr) -> tuple[list[Expr], list[Token]]:
    """The operands and operators of a left-deep chain of binary operators of
    one precedence level (iteratively: chains can be very long)."""
    level = _LEVEL[node.op.kind]
    operands: list[Expr] = []
    ops: list[Token] = []
    cur = node
    while True:
        left = cur.left
        operands.append(cur.right)
        ops.append(cur.op)
        if isinstance(left, BinaryExpr) and _LEVEL[left.op.kind] == level:
            cur = left
            continue
        operands.append(left)
        break
    operands.reverse()
    ops.reverse()
    return operands, ops


@rule(BinaryExpr)
def fmt_binary(f: Formatter, node: BinaryExpr) -> Doc:
    """``a AND b AND c`` breaks before each operator; AND/OR chains at the
    enclosing indentation, other operators with continuation lines indented."""
    operands, ops = _chain(node)
    rest: list[Doc] = []
    for op, operand in zip(ops, operands[1:]):
        rest.extend([LINE, f.tok(op), " ", f.fmt(operand)])
    first = f.fmt(operands[0])
    if ops[0].kind in ("AND", "OR"):
        return Group([first, *rest])
    if len(ops) == 1 and isinstance(operands[1], SubqueryExpr):
        # ``left >= (`` stays on one line, the subquery indented below, as IN does.
        return [first, " ", rest[1], " ", rest[3]]
    return group(first, Nest(1, rest))


@rule(UnaryExpr)
def fmt_unary(f: Formatter, node: UnaryExpr) -> Doc:
    op, operand = node.op, node.operand
    parts: list[Doc] = [f.tok(op)]
    # "- -x" must not become "--x", a comment.
    if op.kind == "MINUS" and operand.first_token.kind == "MINUS":
        parts.append(" ")
    parts.append(f.fmt(operand))
    return parts


@rule(ParenExpr)
def fmt_paren(f: Formatter, node: ParenExpr) -> Doc:
    return f.enclosed(node.lp_token, node.expr, node.rp_token)


@rule(RowValue)
def fmt_row_value(f: Formatter, node: RowValue) -> Doc:
    return f.parenthesized(node.lp_token, interleave(node.items, node.items_separators), node.rp_token)


@rule(SubqueryExpr)
def fmt_subquery_expr(f: Formatter, node: SubqueryExpr) -> Doc:
    return f.enclosed(node.lp_token, node.query, node.rp_token)


@rule(ExistsExpr)
def fmt_exists(f: Formatter, node: ExistsExpr) -> Doc:
    return [f.tok(node.exists_token), " ", f.enclosed(node.lp_token, node.query, node.rp_token)]


@rule(InExpr)
def fmt_in(f: Formatter, node: InExpr) -> Doc:
    lp, rp = node.lp_token, node.rp_token
    if lp is None or rp is None:  # IN table
        return f.spaced(node.children)
    head = present(node.left, node.not_token, node.in_token)
    table = node.table
    if table is not None:  # IN table-function(args): the name sits before the parenthesis.
        return [
            f.spaced([*head, table]),
            f.parenthesized(lp, interleave(node.args, node.args_separators), rp),
        ]
    query = node.query
    if query is not None:
        body: Doc = f.enclosed(lp, query, rp)
    else:
        body = f.parenthesized(lp, interleave(node.values, node.values_separators), rp)
    return [f.spaced(head), " ", body]


@rule(FunctionCall)
def fmt_function_call(f: Formatter, node: FunctionCall) -> Doc:
    """``name(args)``; the arguments go one per line when they do not fit,
    and FILTER/OVER follow the closing parenthesis."""
    args: list[Doc] = []
    quantifier = node.quantifier
    if quantifier is not None:
        args.extend([f.tok(quantifier), " "])
    star = node.star
    if star is not None:
        args.append(f.tok(star))
    else:
        args.extend(f.comma_list(interleave(node.args, node.args_separators)))
        order_by = node.order_by
        if order_by is not None:
            if node.args:
                args.append(" ")
            args.append(f.fmt(order_by))
    call: Doc
    if not args:  # f(): nothing to break
        call = [f.tok(node.name), f.empty_parentheses(node.lp_token, node.rp_token)]
    else:
        call = group(
            f.tok(node.name), f.tok(node.lp_token), nest(SOFTLINE, *args), SOFTLINE, f.tok(node.rp_token)
        )
    tail = present(node.within_group, node.filter, node.over)
    if not tail:
        return call
    parts: list[Doc] = [call]
    for t in tail:
        parts.extend([" ", f.fmt(t)])
    return parts


@rule(CastExpr)
def fmt_cast(f: Formatter, node: CastExpr) -> Doc:
    """``CAST(x AS type)``: no space before the parenthesis; broken, the
    expression and ``AS type`` on indented lines."""
    inner: list[Doc] = [f.fmt(node.expr), LINE, f.tok(node.as_token)]
    type_name = node.type_name
    if type_name is not None:
        inner.extend([" ", f.fmt(type_name)])
    return group(
        f.tok(node.cast_token), f.tok(node.lp_token), nest(SOFTLINE, *inner), SOFTLINE, f.tok(node.rp_token)
    )


@rule(RaiseExpr)
def fmt_raise(f: Formatter, node: RaiseExpr) -> Doc:
    """``RAISE(ABORT, 'message')``: no space before the parenthesis; broken,
    the action and the message on indented lines."""
    inner: list[Doc] = [f.fmt(w) for w in present(node.ignore_token, node.action)]
    comma, message = node.comma_token, node.message
    if comma is not None and message is not None:
        inner.extend([f.tok(comma), LINE, f.fmt(message)])
    return group(
        f.tok(node.raise_token), f.tok(node.lp_token), nest(SOFTLINE, *inner), SOFTLINE, f.tok(node.rp_token)
    )


@rule(TypeName)
def fmt_type_name(f: Formatter, node: TypeName) -> Doc:
    """``VARCHAR(10)``: no space before the parenthesis."""
    keywords = generated_always(node)  # GENERATED ALWAYS of a generated column
    words = join(" ", [f.kw(w) if w in keywords else f.tok(w) for w in node.words])
    lp = node.lp_token
    if lp is None:
        return words
    rp = node.rp_token
    assert rp is not None
    size: list[Doc] = [f.spaced(node.size)]
    comma = node.comma_token
    if comma is not None:
        size.extend([f.tok(comma), LINE, f.spaced(node.second_size)])
    return [words, group(f.tok(lp), nest(SOFTLINE, *size), SOFTLINE, f.tok(rp))]


@rule(CaseExpr)
def fmt_case(f: Formatter, node: CaseExpr) -> Doc:
    """``CASE [x] WHEN ... THEN ... ELSE ... END``: one WHEN per line when it
    does not fit."""
    head: list[Doc] = [f.tok(node.case_token)]
    operand = node.operand
    if operand is not None:
        head.extend([" ", f.fmt(operand)])
    body: list[Doc] = [nest(LINE, f.fmt(when)) for when in node.whens]
    else_token, else_ = node.else_token, node.else_
    if else_token is not None and else_ is not None:
        body.append(nest(LINE, f.tok(else_token), " ", f.fmt(else_)))
    return Group([*head, *body, LINE, f.tok(node.end_token)])


@rule(WhenClause)
def fmt_when(f: Formatter, node: WhenClause) -> Doc:
    return group(
        f.tok(node.when_token),
        " ",
        f.fmt(node.condition),
        nest(LINE, f.tok(node.then_token), " ", f.fmt(node.result)),
    )


@rule(FilterClause)
def fmt_filter(f: Formatter, node: FilterClause) -> Doc:
    """``FILTER (WHERE expr)``; broken, ``WHERE expr`` sits indented
    between the parentheses."""
    body = [f.tok(node.where_token), " ", nest(f.fmt(node.expr))]
    return [
        f.tok(node.filter_token),
        " ",
        group(f.tok(node.lp_token), nest(SOFTLINE, *body), SOFTLINE, f.tok(node.rp_token)),
    ]


@rule(OverClause)
def fmt_over(f: Formatter, node: OverClause) -> Doc:
    """``OVER name`` or ``OVER (window)``."""
    lp, rp = node.lp_token, node.rp_token
    if lp is None or rp is None:
        return f.spaced(node.children)
    return [f.tok(node.over_token), " ", window_in_parentheses(f, lp, node.window, rp)]
