"""The statements of one parsed text, each formatted: the per-statement
work of :mod:`syntaqlite.fmt.format`, in a module compiled with the core
(``syntaqlite._compiled``), which ``format`` (with its exception classes)
cannot be."""

from __future__ import annotations

import sys
from typing import Final

from ..syntax.cst import Node
from ..syntax.nodes import Statement
from ..syntax.nodes.layout import first_token, last_token
from ..syntax.parser import ParseResult
from ..syntax.tokens import Token
from .comments import Comments, attach, count_outside, may_have_comments
from .context import Formatter
from .doc import Doc
from .options import FormatOptions
from .printer import print_doc
from .rules import RULES, verbatim_spans
from .rules.select import name_columns

_RECURSION: Final = 20_000


class Chunks:
    """What :func:`format_chunks` made of a text."""

    __slots__ = ("chunks", "emitted", "expected")

    def __init__(self, chunks: list[tuple[str, int, int]], emitted: int, expected: int) -> None:
        self.chunks = chunks
        """Each statement, stray semicolon's comments and the dangling
        comments at the end, formatted: (text, start, end in the source),
        in order."""
        self.emitted = emitted
        """The comments printed."""
        self.expected = expected
        """The comments the text has outside the spans copied verbatim (all
        must be printed)."""


def format_chunks(
    result: ParseResult,
    options: FormatOptions,
    regions: list[tuple[int, int]],
    last: bool,
    printed_before: bool,
) -> Chunks:
    """``result``'s statements formatted (``regions``: its ``-- fmt: off``
    regions; ``last``: the text's last statement is the last of the whole
    text, the one ``semicolons = false`` leaves without its semicolon;
    ``printed_before``: text before it printed something)."""
    items = result.root.children  # statements and stray semicolons, in source order
    verbatim: set[int] = set()
    spans: list[tuple[int, int]] = []
    last_statement = -1
    for i, item in enumerate(items):
        if isinstance(item, Statement):
            last_statement = i
            if regions and any(item.start < b and item.end > a for a, b in regions):
                verbatim.add(i)
                spans.append((item.start, item.end))
            else:
                spans.extend(verbatim_spans(item))
    comments = attach(result, spans)
    extents = [extent(comments, item) for item in items]  # before the docs take the comments
    f = Formatter(result.source, options, comments, RULES)

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, _RECURSION))
    try:
        chunks: list[tuple[str, int, int]] = []  # text, start, end in the source
        for i, item in enumerate(items):
            if isinstance(item, Statement):
                doc = statement_doc(
                    f,
                    item,
                    i in verbatim,
                    options.semicolons or not last or i != last_statement,
                )
            else:  # a stray semicolon: drop it, keep its comments
                assert isinstance(item, Token)
                doc = f._with_comments(item, "", item)
            text = print_doc(doc, options.line_width, options.indent, options.keyword_case)
            if text.strip():
                start, end = extents[i]
                chunks.append((text, start, end))
        tail = comments.dangling
        if tail:
            f.emitted_comments += len(tail)
            lines: list[str] = []
            for k, placed in enumerate(tail):
                if placed.blank_before and (k or chunks or printed_before):
                    lines.append("")
                lines.append(placed.token.text)
            chunks.append(("\n".join(lines), tail[0].token.start, tail[-1].token.end))
    finally:
        sys.setrecursionlimit(old_limit)
    expected = count_outside(result.tokens, spans) if may_have_comments(result.source) else 0
    return Chunks(chunks, f.emitted_comments, expected)


def extent(comments: Comments, item: Node | Token) -> tuple[int, int]:
    """Where an item starts and ends in the source, its own comments
    included (for the blank lines between statements)."""
    first = first_token(item)
    last = last_token(item)
    leading = comments.leading.get(first.index) if comments.leading else None
    trailing = comments.trailing.get(last.index) if comments.trailing else None
    start = leading[0].token.start if leading else first.start
    end = trailing[-1].end if trailing else last.end
    return start, end


def statement_doc(f: Formatter, stmt: Statement, verbatim: bool, keep_semicolon: bool) -> Doc:
    """The doc of one statement (``verbatim``: copied as written)."""
    semi = stmt.semicolon
    # A semicolon the formatter adds goes before the comments that end the
    # statement: after them it could land inside an unterminated
    # ``/* ...`` (or read as part of a ``--`` comment).
    after: list[Doc] = []
    if semi is None and keep_semicolon:
        after = [";", *f.trailing_doc(last_token(stmt))] if f.comments.trailing else [";"]
    if verbatim:
        return [f.verbatim(first_token(stmt), last_token(stmt)), *after]
    leading = f.take_leading(first_token(stmt)) if f.comments.leading else None
    parts: list[Doc] = [leading] if leading is not None else []
    explain = stmt.explain
    if explain is not None:
        parts.extend([f.fmt(explain), " "])
    body = stmt.body
    name_columns(f, body)  # the application sees a query's column names
    parts.append(f.fmt(body))
    if semi is not None:
        parts.append(f.tok(semi) if keep_semicolon else f._with_comments(semi, "", semi))
    parts.extend(after)
    return parts
