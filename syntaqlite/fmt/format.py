"""Format a whole text: statements, the blank lines between them, comments
that end the file, ``-- fmt: off`` regions.

    text -> parse -> comments attached -> per statement: rules -> doc -> printer

A text with syntax errors is not formatted: :class:`FormatError` carries the
parse diagnostics.  Statements inside a ``-- fmt: off`` ... ``-- fmt: on``
region (or after a ``-- fmt: off`` with no ``on``) are copied as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TextIO

from .._record import Record
from ..diagnostics import Diagnostic
from ..syntax.memory import gc_paused
from ..syntax.parser import ParseResult, parse
from ..syntax.stream import Piece, parse_stream
from ..syntax.target import DEFAULT_TARGET, Target
from ..syntax.tokens import Token
from ..text import Lines
from .chunks import format_chunks, statement_doc
from .comments import attach, may_have_comments
from .context import Formatter
from .doc import Doc
from .options import FormatOptions
from .rules import RULES, verbatim_spans

_FMT_OFF = re.compile(r"(?:--|/\*)\s*fmt:\s*off\b", re.I)
_FMT_ON = re.compile(r"(?:--|/\*)\s*fmt:\s*on\b", re.I)


class FormatError(Exception):
    """The text does not parse; ``diagnostics`` says where and why."""

    def __init__(self, diagnostics: list[Diagnostic], text: str) -> None:
        first = diagnostics[0]
        line, column = Lines(text).position(first.start)
        super().__init__(f"{line}:{column}: {first.message}")
        self.diagnostics = diagnostics


class FormatterBug(RuntimeError):
    """The formatter would have lost or changed something: nothing is
    written.  Please report the input."""


def format_sql(text: str, options: FormatOptions | None = None, target: Target = DEFAULT_TARGET) -> str:
    """Format SQL text.  Raises :class:`FormatError` when it does not parse."""
    result = parse(text, target)
    if result.errors:
        raise FormatError(result.errors, text)
    return format_result(result, options or FormatOptions())


def _fmt_off_regions(result: ParseResult, off_at_start: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """The ``-- fmt: off`` regions of ``result`` (``off_at_start``: one is
    open where its text starts, a piece of a larger text), and whether one is
    still open at its end."""
    if not off_at_start and not may_have_comments(result.source):
        return [], False
    return fmt_off_regions(result.tokens, len(result.source), off_at_start)


def fmt_off_regions(
    tokens: list[Token], size: int, off_at_start: bool = False
) -> tuple[list[tuple[int, int]], bool]:
    """:func:`_fmt_off_regions` of a text of ``size`` characters lexed to ``tokens``."""
    regions: list[tuple[int, int]] = []
    start: int | None = 0 if off_at_start else None
    for tok in tokens:
        if tok.kind != "COMMENT":
            continue
        if start is None and _FMT_OFF.match(tok.text):
            start = tok.start
        elif start is not None and _FMT_ON.match(tok.text):
            regions.append((start, tok.start))
            start = None
    if start is not None:
        regions.append((start, size + 1))
    return regions, start is not None


def format_result(result: ParseResult, options: FormatOptions) -> str:
    """Format an already parsed text (it must have no errors)."""
    assert not result.errors
    # Documents hold no reference cycles: collections would only walk them.
    with gc_paused():
        return _format_result(result, options)


def _format_result(result: ParseResult, options: FormatOptions) -> str:
    regions, _open = _fmt_off_regions(result)
    chunks = _format_chunks(result, options, regions, last=True)
    out: list[str] = []
    prev_end: int | None = None
    for text, start, end in chunks:
        if prev_end is not None:
            gap = result.source.count("\n", prev_end, start)
            out.append("\n\n" if gap >= 2 else "\n")
        out.append(text)
        prev_end = end
    return _end_in_open_comment(result.tokens, "".join(out) + "\n" if out else "")


def _open_comment(tokens: list[Token]) -> str | None:
    """The text of the block comment the text (of ``tokens``) ends in, if it
    is unterminated."""
    last = tokens[-1] if tokens else None
    if last is None or last.kind != "COMMENT" or not last.text.startswith("/*"):
        return None
    return last.text if len(last.text) < 4 or not last.text.endswith("*/") else None


def _end_in_open_comment(tokens: list[Token], out: str) -> str:
    """``out`` ending exactly as the text does when that is an unterminated
    block comment: it runs to the end, so nothing may follow it (the last
    statement's semicolon goes before it, no newline after it)."""
    comment = _open_comment(tokens)
    if comment is None:
        return out
    core = comment.rstrip(" \t\n\r\f\v")
    at = out.rfind(core)
    if at < 0:
        return out
    head, tail = out[:at], out[at + len(core) :]
    if ";" in tail:
        kept = head.rstrip(" \n")
        head = kept + ";" + head[len(kept) :]
    return head + comment


def _format_chunks(
    result: ParseResult,
    options: FormatOptions,
    regions: list[tuple[int, int]],
    last: bool,
    printed_before: bool = False,
) -> list[tuple[str, int, int]]:
    """Each statement, stray semicolon's comments and the dangling comments
    at the end, formatted: (text, start, end in the source), in order.
    ``last``: the text's last statement is the last of the whole text (the
    one ``semicolons = false`` leaves without its semicolon);
    ``printed_before``: text before it printed something."""
    done = format_chunks(result, options, regions, last, printed_before)
    if done.emitted != done.expected:
        raise FormatterBug(f"formatting would print {done.emitted} comments of {done.expected}")
    return done.chunks


class StreamFormatter:
    """Formats a text piece by piece (:func:`syntaqlite.syntax.stream.parse_stream`),
    in bounded memory: :meth:`feed` each piece (parsed without errors), in
    order, then :meth:`finish`; each returns the formatted text of the pieces
    it could finish, with the piece each part comes from.  The parts joined
    are what :func:`format_result` makes of the whole text.

    A piece is held until the next piece with a statement arrives (whether
    its last statement is the text's last decides its semicolon)."""

    def __init__(self, options: FormatOptions) -> None:
        self.options = options
        self._off = False  # a ``-- fmt: off`` region is open
        self._pending: list[tuple[Piece, list[tuple[int, int]]]] = []
        self._newlines: int | None = None  # since the last chunk printed (None: none yet)

    def feed(self, piece: Piece) -> list[tuple[Piece, str]]:
        assert not piece.result.errors
        regions, self._off = _fmt_off_regions(piece.result, self._off)
        out: list[tuple[Piece, str]] = []
        if piece.result.statements:
            out = self._flush(last=False)
        self._pending.append((piece, regions))
        return out

    def finish(self) -> list[tuple[Piece, str]]:
        return self._flush(last=True)

    @property
    def fmt_off(self) -> bool:
        """A ``-- fmt: off`` region is open after the pieces fed."""
        return self._off

    def place(
        self, body: PieceBody, tokens: list[Token], fmt_off: bool
    ) -> tuple[list[tuple[Piece, str]], str]:
        """A piece with a statement formatted elsewhere (:func:`piece_body`
        with ``last`` false: for ``semicolons = true`` only), instead of
        :meth:`feed`: the parts of the pieces fed before it, and its own
        text; ``tokens``: its tokens, ``fmt_off``: a region is open after it."""
        assert self.options.semicolons
        before = self._flush(last=False)
        text = self.join(body, tokens)
        self._off = fmt_off
        return before, text

    def _flush(self, last: bool) -> list[tuple[Piece, str]]:
        out = [(piece, self._format(piece, regions, last)) for piece, regions in self._pending]
        self._pending = []
        return out

    def _format(self, piece: Piece, regions: list[tuple[int, int]], last: bool) -> str:
        body = piece_body(piece.result, self.options, regions, last, self._newlines is not None)
        return self.join(body, piece.result.tokens)

    def join(self, body: PieceBody, tokens: list[Token]) -> str:
        """The text of a formatted piece (of ``tokens``) in the output: a
        blank line before it when the text had one there."""
        if body.text is None:
            if self._newlines is not None:
                self._newlines += body.newlines
            return ""
        blank = self._newlines is not None and self._newlines + body.lead >= 2
        self._newlines = body.tail
        return _end_in_open_comment(tokens, "\n" + body.text if blank else body.text)


class PieceBody(Record):
    """A piece formatted, before it is placed in the output (what does not
    depend on the pieces before it)."""

    __slots__ = ("text", "lead", "tail", "newlines")

    text: str | None
    """Its chunks with the line breaks between them and a last one (None:
    nothing to print)."""
    lead: int
    """Line breaks in the piece's text before its first chunk."""
    tail: int
    """Line breaks after its last chunk."""
    newlines: int
    """Line breaks in the piece's text."""

    def __init__(self, text: str | None, lead: int, tail: int, newlines: int) -> None:
        self.text = text
        self.lead = lead
        self.tail = tail
        self.newlines = newlines


def piece_body(
    result: ParseResult,
    options: FormatOptions,
    regions: list[tuple[int, int]],
    last: bool,
    printed_before: bool,
) -> PieceBody:
    """A piece of a larger text formatted (``regions``: its ``-- fmt: off``
    regions; ``last``: it holds the text's last statement; ``printed_before``:
    something was printed before it)."""
    with gc_paused():
        chunks = _format_chunks(result, options, regions, last, printed_before)
    source = result.source
    if not chunks:
        return PieceBody(None, 0, 0, source.count("\n"))
    out: list[str] = []
    prev_end: int | None = None
    for text, start, end in chunks:
        if prev_end is not None:
            gap = source.count("\n", prev_end, start)
            out.append("\n\n" if gap >= 2 else "\n")
        out.append(text)
        prev_end = end
    out.append("\n")
    assert prev_end is not None
    return PieceBody("".join(out), source.count("\n", 0, chunks[0][1]), source.count("\n", prev_end), 0)


def format_stream(
    source: str | TextIO, options: FormatOptions | None = None, target: Target = DEFAULT_TARGET
) -> Iterator[str]:
    """Format ``source`` (text, or a text file read as it goes) statement by
    statement, in bounded memory: the formatted text in parts, in order.
    Raises :class:`FormatError` (for the first piece with syntax errors, its
    diagnostics at offsets of the whole text) when it does not parse."""
    formatter = StreamFormatter(options or FormatOptions())
    for piece in parse_stream(source, target):
        if piece.result.errors:
            error = FormatError(piece.result.errors, piece.text)
            line, rest = str(error).split(":", 1)
            error.args = (f"{int(line) + piece.line - 1}:{rest}",)
            error.diagnostics = [
                d.replace(start=d.start + piece.offset, end=d.end + piece.offset) for d in piece.result.errors
            ]
            raise error
        for _piece, text in formatter.feed(piece):
            yield text
    for _piece, text in formatter.finish():
        yield text


def statement_docs(result: ParseResult, options: FormatOptions) -> list[Doc]:
    """The doc of each statement (for ``--print-doc``)."""
    stmts = result.statements
    spans = [span for s in stmts for span in verbatim_spans(s)]
    comments = attach(result, spans)
    f = Formatter(result.source, options, comments, RULES)
    return [statement_doc(f, s, False, True) for s in stmts]
