"""Stable text and JSON renderings of a syntax tree.

The text form is what ``syntaqlite parse`` prints and what the parser golden
files hold: one line per node (kind and span) or token (kind, text and
position), children indented by two spaces::

    select_core 1:1-1:16
      SELECT "SELECT" 1:1
      result_column 1:8-1:9
        column_ref 1:8-1:9
          ID "a" 1:8
      ...

Comments are listed where they occur, as ``COMMENT`` tokens.  Both
renderings walk the tree with an explicit stack, so any depth works.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..text import Lines
from .cst import Node
from .parser import ParseResult
from .tokens import Token


def dump_text(result: ParseResult, *, comments: bool = True) -> str:
    lines = list(dump_lines(result, comments=comments))
    index = Lines(result.source)
    for err in result.errors:
        line, column = index.position(err.start)
        lines.append(error_line(line, column, err.message))
    return "\n".join(lines) + "\n"


def error_line(line: int, column: int, message: str) -> str:
    """The line of :func:`dump_text` for a syntax error (they come last)."""
    return f"error {line}:{column}: {message}"


def dump_lines(
    result: ParseResult, *, comments: bool = True, line: int = 1, column: int = 1
) -> Iterator[str]:
    """The lines of :func:`dump_text` for the tree and comments of
    ``result`` (without the errors), one by one.  ``line`` and ``column``:
    where ``result.source`` starts in a larger text (a piece of
    :func:`syntaqlite.syntax.stream.parse_stream`), so that positions are
    those of the larger text."""
    comment_tokens = [t for t in result.tokens if t.kind == "COMMENT"] if comments else []
    next_comment = 0
    dline = line - 1
    dcolumn = column - 1  # on the source's first line only

    def at(ln: int, col: int) -> str:
        return f"{ln + dline}:{col + dcolumn if ln == 1 else col}"

    stack: list[tuple[Node | Token, int]] = [(c, 0) for c in reversed(result.root.children)]
    while True:
        item: Node | Token | None = None
        depth = 0
        if stack:
            item, depth = stack.pop()
        before = item.start if item is not None else len(result.source) + 1
        while next_comment < len(comment_tokens) and comment_tokens[next_comment].start < before:
            c = comment_tokens[next_comment]
            yield "  " * depth + f"COMMENT {json.dumps(c.text)} {at(c.line, c.column)}"
            next_comment += 1
        if item is None:
            return
        pad = "  " * depth
        if isinstance(item, Node):
            yield f"{pad}{item.kind} {at(item.line, item.column)}-{at(item.end_line, item.end_column)}"
            stack.extend((c, depth + 1) for c in reversed(item.children))
        else:
            yield f"{pad}{item.kind} {json.dumps(item.text)} {at(item.line, item.column)}"


def _token_json(tok: Token) -> dict[str, Any]:
    return {
        "token": tok.kind,
        "text": tok.text,
        "start": tok.start,
        "end": tok.end,
        "line": tok.line,
        "column": tok.column,
    }


def to_json(result: ParseResult, path: str | None = None) -> dict[str, Any]:
    """The tree as plain data: nodes are ``{"kind", "start", "end", "line",
    "column", "end_line", "end_column", "children"}``, tokens
    ``{"token", "text", "start", "end", "line", "column"}``."""

    def shell(node: Node) -> dict[str, Any]:
        return {
            "kind": node.kind,
            "start": node.start,
            "end": node.end,
            "line": node.line,
            "column": node.column,
            "end_line": node.end_line,
            "end_column": node.end_column,
            "children": [],
        }

    statements: list[dict[str, Any]] = []
    stack: list[tuple[Node, list[dict[str, Any]]]] = []
    for top in reversed(result.root.children):
        if isinstance(top, Node):
            stack.append((top, statements))
    # Build parents before children; children lists are filled in order.
    order: list[tuple[Node, list[dict[str, Any]]]] = []
    while stack:
        node, out = stack.pop()
        order.append((node, out))
        data = shell(node)
        out.append(data)
        for child in reversed(node.children):
            if isinstance(child, Node):
                stack.append((child, data["children"]))
        # Tokens and nodes must stay in source order: rebuild below.
        data["_node"] = node
    _fix_order(statements)
    return {
        "path": path,
        "statements": statements,
        "comments": [_token_json(t) for t in result.tokens if t.kind == "COMMENT"],
        "errors": [e.to_dict(result.source) for e in result.errors],
    }


def _fix_order(items: list[dict[str, Any]]) -> None:
    """Interleave tokens with child nodes in source order (iteratively)."""
    stack = list(items)
    while stack:
        data = stack.pop()
        node: Node = data.pop("_node")
        kids = iter(data["children"])
        ordered: list[dict[str, Any]] = []
        for child in node.children:
            if isinstance(child, Node):
                sub = next(kids)
                ordered.append(sub)
                stack.append(sub)
            else:
                ordered.append(_token_json(child))
        data["children"] = ordered


_END = object()


def json_chunks(value: Any, indent: int = 2) -> Iterator[str]:
    """``value`` as JSON text, in pieces: what ``json.dumps(value,
    indent=indent, ensure_ascii=False)`` writes, but with an explicit stack
    (the json module recurses once per level, and a tree can be thousands
    of levels deep)."""
    pad = " " * indent

    def start(item: Any, depth: int) -> tuple[str, list[Any] | None]:
        if isinstance(item, dict):
            return ("{}", None) if not item else ("{", [iter(item.items()), True, depth + 1, True])
        if isinstance(item, (list, tuple)):
            return ("[]", None) if not item else ("[", [iter(item), False, depth + 1, True])
        return json.dumps(item, ensure_ascii=False), None

    text, frame = start(value, 0)
    yield text
    stack = [frame] if frame is not None else []
    while stack:
        top = stack[-1]
        entries, is_dict, depth, first = top
        entry: Any = next(entries, _END)
        if entry is _END:
            stack.pop()
            yield "\n" + pad * (depth - 1) + ("}" if is_dict else "]")
            continue
        top[3] = False
        prefix = ("\n" if first else ",\n") + pad * depth
        if is_dict:
            key, entry = entry
            prefix += json.dumps(key, ensure_ascii=False) + ": "
        text, frame = start(entry, depth)
        yield prefix + text
        if frame is not None:
            stack.append(frame)
