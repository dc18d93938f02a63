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


def _token_json(tok: Token, at: _Place | None = None) -> dict[str, Any]:
    line, column = (tok.line, tok.column) if at is None else at.position(tok.line, tok.column)
    offset = 0 if at is None else at.offset
    return {
        "token": tok.kind,
        "text": tok.text,
        "start": tok.start + offset,
        "end": tok.end + offset,
        "line": line,
        "column": column,
    }


class _Place:
    """Where a piece of a larger text starts: positions in the piece moved
    to positions in the larger text."""

    __slots__ = ("column", "line", "offset")

    def __init__(self, offset: int, line: int, column: int) -> None:
        self.offset = offset
        self.line = line - 1
        self.column = column - 1  # on the piece's first line only

    def position(self, line: int, column: int) -> tuple[int, int]:
        return line + self.line, column + self.column if line == 1 else column


def to_json(
    result: ParseResult, path: str | None = None, *, offset: int = 0, line: int = 1, column: int = 1
) -> dict[str, Any]:
    """The tree as plain data: nodes are ``{"kind", "start", "end", "line",
    "column", "end_line", "end_column", "children"}``, tokens
    ``{"token", "text", "start", "end", "line", "column"}``.  ``offset``,
    ``line`` and ``column``: where ``result.source`` starts in a larger text
    (a piece of :func:`syntaqlite.syntax.stream.parse_stream`), so that
    positions are those of the larger text (but for the errors': they are
    placed in ``result.source``)."""
    at = _Place(offset, line, column) if (offset, line, column) != (0, 1, 1) else None

    def shell(node: Node) -> dict[str, Any]:
        first_line, first_column = node.line, node.column
        last_line, last_column = node.end_line, node.end_column
        if at is not None:
            first_line, first_column = at.position(first_line, first_column)
            last_line, last_column = at.position(last_line, last_column)
        return {
            "kind": node.kind,
            "start": node.start + offset,
            "end": node.end + offset,
            "line": first_line,
            "column": first_column,
            "end_line": last_line,
            "end_column": last_column,
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
    _fix_order(statements, at)
    return {
        "path": path,
        "statements": statements,
        "comments": [_token_json(t, at) for t in result.tokens if t.kind == "COMMENT"],
        "errors": [e.to_dict(result.source) for e in result.errors],
    }


def _fix_order(items: list[dict[str, Any]], at: _Place | None = None) -> None:
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
                ordered.append(_token_json(child, at))
        data["children"] = ordered


_END = object()


def json_chunks(value: Any, indent: int = 2, depth: int = 0) -> Iterator[str]:
    """``value`` as JSON text, in pieces: what ``json.dumps(value,
    indent=indent, ensure_ascii=False)`` writes, but with an explicit stack
    (the json module recurses once per level, and a tree can be thousands
    of levels deep).  ``depth``: the value is written inside that many
    levels of a larger document (its lines indented as there)."""
    pad = " " * indent

    def start(item: Any, depth: int) -> tuple[str, list[Any] | None]:
        if isinstance(item, dict):
            return ("{}", None) if not item else ("{", [iter(item.items()), True, depth + 1, True])
        if isinstance(item, (list, tuple)):
            return ("[]", None) if not item else ("[", [iter(item), False, depth + 1, True])
        return json.dumps(item, ensure_ascii=False), None

    text, frame = start(value, depth)
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
