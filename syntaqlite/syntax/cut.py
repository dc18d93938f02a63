"""Where :mod:`.stream` cuts a window of tokens into pieces (compiled with
the core: it looks at the tokens of a large text once).

The scan follows ``sqlite3_complete``'s state machine token by token, but
inside a statement (and inside a trigger's body) only a semicolon changes
the state: from there it jumps to the next semicolon token, found in the
text with ``str.find`` (a ``;`` inside a string, a comment or a quoted name
is stepped over) and among the tokens by a galloping search, so the
tokens of a long statement (a dump's INSERT of many rows) are not visited
one by one."""

from __future__ import annotations

from typing import Final

from .parser import _COMPLETE, _COMPLETE_CLASS, complete_step
from .tokens import COMMENT, Token

# The states that every class but the semicolon's leaves as they are: in a
# statement, and in a trigger's body.
_UNTIL_SEMI: Final = tuple(
    state
    for state, row in enumerate(_COMPLETE)
    if all(to == state for cls, to in enumerate(row) if cls != _COMPLETE_CLASS["SEMI"])
)
_NEAR = 8
"""Tokens looked at one by one before the search jumps (a short
statement's semicolon is among them)."""


def cut(tokens: list[Token], text: str, size: int, scan: list[int], again: int) -> int:
    """How many of ``tokens`` (the tokens of the window ``text``) make up
    the shortest prefix of it that ends a statement and a line, with a token
    after it (so none of them could change were the window longer), and is
    at least ``size`` long, or else the longest such prefix; 0 when there is
    none.

    ``scan``, ``[index, state]``: where to go on from (``[0, 0]`` for a
    fresh window; when the window grew, its tokens lexed on from those of
    the smaller window, in which there was no cut); set, on the way, to the
    place where the next larger window's scan goes on: ``again``, the index
    of the token two before the first token more text could change (a
    cut's decision looks two tokens ahead), with the state before it, so a
    long statement's tokens are scanned once, not once a window."""
    i = scan[0]
    state = scan[1]
    best = 0
    n = len(tokens)
    while i < n:
        if i == again:
            scan[0] = i
            scan[1] = state
        tok = tokens[i]
        kind = tok.kind
        if kind == COMMENT:
            i += 1
            continue
        state = complete_step(state, tok)
        if state != 1:
            if state in _UNTIL_SEMI:
                j = next_semicolon(tokens, text, i)
                if i < again < j:  # the state before it is this one
                    scan[0] = again
                    scan[1] = state
                i = j
            else:
                i += 1
            continue
        j = i + 1
        if j < n and tokens[j].kind == COMMENT and tokens[j].text.startswith("--"):
            if "\n" in text[tok.end : tokens[j].start]:
                best = j  # the comment starts the next piece
            elif j + 1 < n:
                best = j + 1  # a trailing comment ends this piece
        elif j < n and "\n" in text[tok.end : tokens[j].start]:
            best = j
        if best and tokens[best - 1].end >= size:
            break
        i += 1
    return best


def next_semicolon(tokens: list[Token], text: str, i: int) -> int:
    """The index of the first semicolon token after ``tokens[i]``, or
    ``len(tokens)`` when there is none."""
    n = len(tokens)
    lo = i + 1
    stop = min(lo + _NEAR, n)
    while lo < stop:  # a short statement's end: the next few tokens, one by one
        if tokens[lo].kind == "SEMI":
            return lo
        lo += 1
    if lo >= n:
        return n
    # tokens[lo:] start at or after the text searched (the tokens before
    # lo are not semicolons); a ';' inside a token is searched past
    p = text.find(";", tokens[lo].start)
    while p >= 0:
        # the first token from lo that starts after p (tokens[lo] does
        # not): gallop, then bisect
        step = 1
        hi = lo + 1
        while hi < n and tokens[hi].start <= p:
            lo = hi
            hi += step
            step *= 2
        if hi > n:
            hi = n
        while hi - lo > 1:  # tokens[lo] starts at or before p, tokens[hi] (or the end) after
            mid = (lo + hi) // 2
            if tokens[mid].start <= p:
                lo = mid
            else:
                hi = mid
        if tokens[lo].start == p:
            return lo  # (a token that starts with ';' is a semicolon)
        # the ';' at p is inside tokens[lo] (a string, a comment, a quoted
        # name), which starts before it: not a semicolon
        p = text.find(";", p + 1)
    return n


def ends_statement(tokens: list[Token], text: str) -> bool:
    """Whether the last of ``tokens`` (all the tokens of ``text``, lexed
    from the start of a statement) is a semicolon at the very end of
    ``text`` that ends a statement, as ``sqlite3_complete`` reads it (not
    one inside a trigger's body)."""
    n = len(tokens)
    if n == 0:
        return False
    last = tokens[n - 1]
    if last.kind != "SEMI" or last.end != len(text):
        return False
    state = 0
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.kind == COMMENT:
            i += 1
            continue
        state = complete_step(state, tok)
        i = next_semicolon(tokens, text, i) if state in _UNTIL_SEMI else i + 1
    return state == 1
