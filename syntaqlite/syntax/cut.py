"""Where :mod:`.stream` cuts a window of tokens into pieces (compiled with
the core: it looks at every token of a large text once)."""

from __future__ import annotations

from .parser import _COMPLETE, _COMPLETE_CLASS, _WORDLIKE
from .tokens import COMMENT, Token

# sqlite3_complete's transitions, one row of classes a state, flat: a
# compiled module indexes a tuple of tuples of fixed length by boxing the row
_WIDTH = len(_COMPLETE[0])
_NEXT: tuple[int, ...] = tuple(to for row in _COMPLETE for to in row)


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
    start = scan[0]
    state = scan[1]
    best = 0
    n = len(tokens)
    # (locals: a compiled module reads another module's names from a dict)
    machine = _NEXT
    width = _WIDTH
    classes = _COMPLETE_CLASS
    wordlike = _WORDLIKE
    for i in range(start, n):
        if i == again:
            scan[0] = i
            scan[1] = state
        tok = tokens[i]
        kind = tok.kind
        if kind == COMMENT:
            continue
        word = tok.text.upper() if kind in wordlike else kind
        state = machine[state * width + classes.get(word, 1)]
        if state != 1:
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
    return best
