"""Large texts statement by statement, in bounded memory.

:func:`parse_stream` cuts a text (a string, or a text file read as it goes)
into *pieces* of whole statements, about ``size`` characters each (more
when one statement is longer), and parses each piece alone: the parser
starts afresh after every statement, so a piece's tree and diagnostics are
those of the whole text's parse, with offsets relative to the piece
(:attr:`Piece.offset` places them).  Only one piece's tokens and tree are
alive at a time, so memory follows the piece size, not the text's.

A piece ends where ``sqlite3_complete`` would end a statement (a CREATE
TRIGGER body stays whole) *and* at the end of a line: after the semicolon
when the next token is on a later line, or after a ``--`` comment on the
semicolon's line; the whitespace after it starts the next piece.  A
comment therefore stays with the token it belongs to (trailing comments on
their statement's line, others before the next statement, with the blank
lines before them), and formatting the pieces one by one gives what
formatting the whole text gives.  A piece's tokens after its first line are
at the columns they have in the whole text (its first line is the rest of a
line whose statement ended).  A text with no such place is one piece.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TextIO

from .._record import Record
from .cut import cut
from .lexer import settled, tokenize
from .memory import gc_paused
from .parser import ParseResult, _parse
from .target import DEFAULT_TARGET, Target
from .tokens import LINE_BREAK, Token

PIECE_SIZE = 64_000
"""Characters a piece holds, about (a statement longer than that is one piece)."""


class Piece(Record):
    """One piece of a text: whole statements with the comments and
    whitespace around them."""

    __slots__ = ("offset", "line", "result")

    offset: int
    """Where the piece's text starts in the whole text (add it to spans)."""
    line: int
    """The 1-based line it starts on (add ``line - 1`` to token lines)."""
    result: ParseResult
    """The piece's text parsed alone (``result.source`` is that text)."""

    def __init__(self, offset: int, line: int, result: ParseResult) -> None:
        self.offset = offset
        self.line = line
        self.result = result

    @property
    def text(self) -> str:
        return self.result.source


class Split(Record):
    """One piece of a text before it is parsed: its text, where it starts
    and its tokens (the lexer's, before the parser reads some keywords as
    names)."""

    __slots__ = ("offset", "line", "text", "tokens")

    offset: int
    line: int
    text: str
    tokens: list[Token] | None
    """None: not lexed yet (the text's last piece, when it is short)."""

    def __init__(self, offset: int, line: int, text: str, tokens: list[Token] | None) -> None:
        self.offset = offset
        self.line = line
        self.text = text
        self.tokens = tokens

    def parse(self, target: Target = DEFAULT_TARGET) -> Piece:
        """The piece parsed (from its tokens, which become the parse's)."""
        tokens, self.tokens = self.tokens, None
        with gc_paused():
            result = _parse(self.text, target, tokens)
        return Piece(self.offset, self.line, result)


def _pieces(read: Callable[[int], str], target: Target, size: int) -> Iterator[Piece]:
    for split in _splits(read, target, size):
        yield split.parse(target)


def _splits(read: Callable[[int], str], target: Target, size: int) -> Iterator[Split]:
    keywords, dialect = target.keywords, target.lex_dialect
    buffer = ""
    eof = False
    offset = 0
    line = 1
    window = size
    tokens: list[Token] | None = None  # of the window, while it grows
    scan = [0, 0]  # where the cut's scan goes on from, while the window grows
    while True:
        while not eof and len(buffer) < window:
            more = read(max(window - len(buffer), size))
            if not more:
                eof = True
            buffer += more
        if not buffer:
            return
        k = 0
        if not eof or len(buffer) > size:
            chunk = buffer[:window]
            with gc_paused():  # (the tokens held while the window grows: see memory.py)
                tokens = tokenize(chunk, keywords, dialect, resume=tokens)
            # the scan goes on, when the window grows, from two tokens before
            # the first one more text could change (the cut looks two ahead)
            k = cut(tokens, chunk, size, scan, max(0, settled(tokens) - 2))
            if k == 0 and not (eof and len(buffer) <= window):
                # one long statement: look further (linear overall), going on
                # from the tokens of this window (the buffer only grows)
                window *= 2
                continue
        if k == 0:  # the rest, whole
            text = buffer
            buffer = ""
        else:
            assert tokens is not None
            end = tokens[k - 1].end  # the whitespace after goes with the next piece
            text = buffer[:end]
            del tokens[k:]
            buffer = buffer[end:]
            window = size
        scan = [0, 0]
        # the split holds the tokens, not this frame: parsing it takes them,
        # so they go with the piece (a frame holding them kept them alive
        # while the consumer went on, for a collection to walk)
        split, tokens = Split(offset, line, text, tokens), None
        yield split
        offset += len(text)
        if "\r" in text:
            # lone CRs end lines too (as the lexer counts); a CR LF cut in
            # two (a -- comment runs to the LF) is one line end, which the
            # next piece counts at its LF
            line += len(LINE_BREAK.findall(text)) - (text.endswith("\r") and buffer.startswith("\n"))
        else:
            line += text.count("\n")


def split_stream(
    source: str, target: Target = DEFAULT_TARGET, *, size: int = PIECE_SIZE, start: int = 0
) -> Iterator[Split]:
    """The pieces :func:`parse_stream` parses, unparsed: their texts cut
    where it cuts them, with their tokens.  ``start``: the text from there
    (where a statement starts), its offsets and lines counted from there."""
    return _splits(_reader(source, start), target, size)


def _reader(text: str, start: int = 0) -> Callable[[int], str]:
    pos = start

    def read(n: int) -> str:
        nonlocal pos
        part = text[pos : pos + n]
        pos += len(part)
        return part

    return read


def parse_stream(
    source: str | TextIO, target: Target = DEFAULT_TARGET, *, size: int = PIECE_SIZE
) -> Iterator[Piece]:
    """Parse ``source`` (SQL text, or a text file read piece by piece)
    statement by statement: an iterator of :class:`Piece`, each a run of
    whole statements parsed alone, in order, covering the text exactly."""
    if isinstance(source, str):
        return _pieces(_reader(source), target, size)
    return _pieces(source.read, target, size)


__all__ = ["PIECE_SIZE", "Piece", "Split", "parse_stream", "split_stream"]
