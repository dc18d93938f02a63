"""Expressions."""

from __future__ import annotations

from ...syntax.cst import Node
from ...syntax.tokens import Token
from ..context import Formatter
from ..doc import LINE, SOFTLINE, Doc, group, nest
from .common import is_token, registry
from .select import subquery

RULES, rule = registry()

# Binary operators by precedence level (parse.y's %left lines).
_LEVEL = {
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


def _chain(node: Node) -> tuple[list[Node], list[Token]]:
    """The operands and operators of a left-deep chain of binary operators of
    one precedence level (iteratively: chains can be very long)."""
    level = _LEVEL[node.children[1].kind]  # type: ignore[union-attr]
    operands: list[Node] = []
    ops: list[Token] = []
    cur = node
    while True:
        left, op, right = cur.children
        operands.append(right)  # type: ignore[arg-type]
        ops.append(op)  # type: ignore[arg-type]
        if isinstance(left, Node) and left.kind == "binary_expr" and _LEVEL[left.children[1].kind] == level:  # type: ignore[union-attr]
            cur = left
            continue
        operands.append(left)  # type: ignore[arg-type]
        break
    operands.reverse()
    ops.reverse()
    return operands, ops


@rule("binary_expr")
def fmt_binary(f: Formatter, node: Node) -> Doc:
    """``a AND b AND c`` breaks before each operator; AND/OR chains at the
    enclosing indentation, other operators with continuation lines indented."""
    operands, ops = _chain(node)
    rest: list[Doc] = []
    for op, operand in zip(ops, operands[1:]):
        rest.extend([LINE, f.tok(op), " ", f.fmt(operand)])
    first = f.fmt(operands[0])
    if ops[0].kind in ("AND", "OR"):
        return group(first, *rest)
    return group(first, nest(*rest))


@rule("unary_expr")
def fmt_unary(f: Formatter, node: Node) -> Doc:
    op, operand = node.children
    parts: list[Doc] = [f.fmt(op)]
    # "- -x" must not become "--x", a comment.
    if is_token(op, "MINUS") and operand.first_token.kind == "MINUS":  # type: ignore[union-attr]
        parts.append(" ")
    parts.append(f.fmt(operand))
    return parts


@rule("paren_expr")
def fmt_paren(f: Formatter, node: Node) -> Doc:
    lp, inner, rp = node.children
    return group(f.tok(lp), nest(SOFTLINE, f.fmt(inner)), SOFTLINE, f.tok(rp))  # type: ignore[arg-type]


@rule("row_value")
def fmt_row_value(f: Formatter, node: Node) -> Doc:
    return f.parenthesized(node.children[0], node.children[1:-1], node.children[-1])  # type: ignore[arg-type]


@rule("subquery_expr")
def fmt_subquery_expr(f: Formatter, node: Node) -> Doc:
    lp, query, rp = node.children
    return subquery(f, lp, query, rp)  # type: ignore[arg-type]


@rule("exists_expr")
def fmt_exists(f: Formatter, node: Node) -> Doc:
    kw, lp, query, rp = node.children
    return [f.tok(kw), " ", subquery(f, lp, query, rp)]  # type: ignore[arg-type]


@rule("in_expr")
def fmt_in(f: Formatter, node: Node) -> Doc:
    children = node.children
    lp = next((i for i, c in enumerate(children) if is_token(c, "LP")), None)
    if lp is None:  # IN table
        return f.spaced(children)
    head = f.spaced(children[:lp])
    # IN table-function(args): the name sits before the parenthesis.
    if isinstance(children[lp - 1], Node) and children[lp - 1].kind == "qualified_name":  # type: ignore[union-attr]
        head = f.spaced(children[:lp])
        return [head, f.parenthesized(children[lp], children[lp + 1 : -1], children[-1])]  # type: ignore[arg-type]
    inner = children[lp + 1 : -1]
    if len(inner) == 1 and isinstance(inner[0], Node) and _is_query(inner[0]):
        body: Doc = subquery(f, children[lp], inner[0], children[-1])  # type: ignore[arg-type]
    else:
        body = f.parenthesized(children[lp], inner, children[-1])  # type: ignore[arg-type]
    return [head, " ", body]


def _is_query(node: Node) -> bool:
    return node.kind in ("select", "select_core", "values")


@rule("function_call")
def fmt_function_call(f: Formatter, node: Node) -> Doc:
    """``name(args)``; the arguments go one per line when they do not fit,
    and FILTER/OVER follow the closing parenthesis."""
    children = node.children
    rp = _rp_index(children)
    inner = children[2:rp]
    args: list[Doc] = []
    if inner and is_token(inner[0], "DISTINCT", "ALL"):
        args.extend([f.tok(inner[0]), " "])  # type: ignore[arg-type]
        inner = inner[1:]
    order_by = None
    if inner and isinstance(inner[-1], Node) and inner[-1].kind == "function_order_by":
        order_by = inner[-1]
        inner = inner[:-1]
    args.extend(f.comma_list(inner))
    if order_by is not None:
        if inner:
            args.append(" ")
        args.append(f.fmt(order_by))
    call = group(f.fmt(children[0]), f.tok(children[1]), nest(SOFTLINE, *args), SOFTLINE, f.tok(children[rp]))  # type: ignore[arg-type]
    tail = [f.fmt(c) for c in children[rp + 1 :]]
    if not tail:
        return call
    parts: list[Doc] = [call]
    for t in tail:
        parts.extend([" ", t])
    return parts


def _rp_index(children: list[Node | Token]) -> int:
    depth = 0
    for i, c in enumerate(children):
        if is_token(c, "LP"):
            depth += 1
        elif is_token(c, "RP"):
            depth -= 1
            if depth == 0:
                return i
    raise ValueError("unbalanced parentheses")


@rule("cast_expr", "raise_expr")
def fmt_call_like(f: Formatter, node: Node) -> Doc:
    """``CAST(x AS type)``, ``RAISE(ABORT, 'message')``: no space before the
    parenthesis."""
    children = node.children
    return [f.tok(children[0]), f.spaced(children[1:])]


@rule("type_name")
def fmt_type_name(f: Formatter, node: Node) -> Doc:
    children = node.children
    lp = next((i for i, c in enumerate(children) if is_token(c, "LP")), None)
    if lp is None:
        return f.spaced(children)
    return [f.spaced(children[:lp]), f.spaced(children[lp:])]


@rule("case_expr")
def fmt_case(f: Formatter, node: Node) -> Doc:
    """``CASE [x] WHEN ... THEN ... ELSE ... END``: one WHEN per line when it
    does not fit."""
    children = node.children
    head: list[Doc] = [f.tok(children[0])]  # type: ignore[arg-type]
    body: list[Doc] = []
    i = 1
    if not (isinstance(children[1], Node) and children[1].kind == "when_clause"):
        head.extend([" ", f.fmt(children[1])])
        i = 2
    while i < len(children) - 1:
        c = children[i]
        if is_token(c, "ELSE"):
            body.append(nest(LINE, f.tok(c), " ", f.fmt(children[i + 1])))  # type: ignore[arg-type]
            i += 2
            continue
        body.append(nest(LINE, f.fmt(c)))
        i += 1
    return group(*head, *body, LINE, f.tok(children[-1]))  # type: ignore[arg-type]


@rule("when_clause")
def fmt_when(f: Formatter, node: Node) -> Doc:
    when, cond, then, result = node.children
    return group(f.tok(when), " ", f.fmt(cond), nest(LINE, f.tok(then), " ", f.fmt(result)))  # type: ignore[arg-type]


@rule("over_clause")
def fmt_over(f: Formatter, node: Node) -> Doc:
    children = node.children
    if len(children) == 2:
        return f.spaced(children)
    lp, rp = children[1], children[-1]
    inner = children[2:-1]
    if not inner:
        return [f.tok(children[0]), " ", f.tok(lp), f.tok(rp)]  # type: ignore[arg-type]
    return [f.tok(children[0]), " ", group(f.tok(lp), nest(SOFTLINE, f.fmt(inner[0])), SOFTLINE, f.tok(rp))]  # type: ignore[arg-type]
