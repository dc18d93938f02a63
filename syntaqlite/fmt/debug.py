"""``syntaqlite fmt --print-doc``: the documents the rules build, as text."""

from __future__ import annotations

from ..syntax.parser import ParseResult
from .doc import Doc, Group, LineSuffix, Nest
from .format import statement_docs
from .options import FormatOptions


def dump_doc(doc: Doc) -> str:
    """An indented rendering of a doc tree (iterative): one line per doc,
    the parts of a concatenation, group, nest or line suffix indented below
    it."""
    lines: list[str] = []
    stack: list[tuple[Doc, int]] = [(doc, 0)]
    while stack:
        d, depth = stack.pop()
        pad = "  " * depth
        if isinstance(d, list):
            if len(d) == 1:
                stack.append((d[0], depth))
                continue
            lines.append(f"{pad}concat")
            stack.extend((x, depth + 1) for x in reversed(d))
        elif isinstance(d, Group):
            lines.append(f"{pad}group{' (broken)' if d.broken else ''}")
            stack.append((d.contents, depth + 1))
        elif isinstance(d, Nest):
            lines.append(f"{pad}nest {d.levels}")
            stack.append((d.contents, depth + 1))
        elif isinstance(d, LineSuffix):
            lines.append(f"{pad}line-suffix")
            stack.append((d.contents, depth + 1))
        else:
            lines.append(f"{pad}{d!r}")
    return "\n".join(lines) + "\n"


def print_docs(result: ParseResult, options: FormatOptions) -> str:
    return "".join(dump_doc(doc) for doc in statement_docs(result, options))
