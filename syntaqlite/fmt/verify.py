"""Check that formatting changed nothing but layout.

Two texts are equivalent for the formatter when they parse to the same
statements whose tokens are the same, in the same order, except for
whitespace, the case of keywords and the semicolons that end statements,
and when they hold the same comments in the same order.
"""

from __future__ import annotations

from ..syntax.parser import ParseResult, parse
from ..syntax.target import DEFAULT_TARGET, Target
from ..syntax.tokens import KEYWORD_KINDS, Token
from ..text import Lines


def _key(tok: Token) -> tuple[str, str]:
    return (tok.kind, tok.text.upper() if tok.kind in KEYWORD_KINDS else tok.text)


def _statement_keys(result: ParseResult) -> list[list[tuple[str, str]]]:
    out = []
    for stmt in result.statements:
        toks = list(stmt.tokens())
        if toks and toks[-1].kind == "SEMI" and toks[-1] is stmt.semicolon:
            toks.pop()
        out.append([_key(t) for t in toks])
    return out


def difference(before: ParseResult, after_text: str, target: Target = DEFAULT_TARGET) -> str | None:
    """None when ``after_text`` is ``before``'s text reformatted without any
    change of meaning or comments; otherwise what differs."""
    after = parse(after_text, target)
    if after.errors:
        first = after.errors[0]
        line, column = Lines(after_text).position(first.start)
        return f"the output does not parse: {line}:{column}: {first.message}"
    a, b = _statement_keys(before), _statement_keys(after)
    if len(a) != len(b):
        return f"{len(a)} statements became {len(b)}"
    for n, (x, y) in enumerate(zip(a, b), 1):
        if x != y:
            k = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
            seen = x[k][1] if k < len(x) else "<end>"
            now = y[k][1] if k < len(y) else "<end>"
            return f"statement {n}: token {k + 1} changed from {seen!r} to {now!r}"
    ca = [t.text for t in before.tokens if t.kind == "COMMENT"]
    cb = [t.text for t in after.tokens if t.kind == "COMMENT"]
    if ca != cb:
        return f"comments changed: {len(ca)} before, {len(cb)} after"
    return None
