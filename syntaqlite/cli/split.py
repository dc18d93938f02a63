"""One large file formatted by worker processes, piece by piece.

The text is cut where :func:`~syntaqlite.syntax.stream.parse_stream` cuts it
(:func:`~syntaqlite.syntax.stream.split_stream`: whole statements, about 64 kB
each); each piece's text goes to a worker process, which parses, formats and
verifies it alone and sends back its formatted body
(:class:`~syntaqlite.fmt.format.PieceBody`).  This process keeps what crosses
the pieces, in order, as :class:`~syntaqlite.fmt.format.StreamFormatter` does
in one process: whether a ``-- fmt: off`` region is open where a piece starts
(from the cut's tokens), the blank line before a piece (``join``) and the
syntax errors, piece after piece.  A piece a worker does not finish alone is
done here, by the same code as in one process: a piece without a statement
(what it prints depends on the pieces before it), one that ends in an
unterminated block comment, one whose output fails verification (the error
message is then this process's) or that raised.  The output is therefore the
same, byte for byte, as formatting the file in one process.  A piece of one
long statement (a dump's INSERT of many rows) is parsed, formatted and
verified here, from the tokens of the cut (:data:`LONG`); the worker
processes start with the first piece they get, so a text of such pieces
only is formatted without any.

Only for ``semicolons = true`` (the default): with ``false`` the last
statement of the whole text is printed differently, which a piece cannot
know alone; such a file is formatted in one process.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from ..diagnostics import Diagnostic
from ..fmt import FormatOptions
from ..fmt.format import StreamFormatter, _open_comment, fmt_off_regions, piece_body
from ..fmt.verify import difference
from ..syntax.memory import gc_paused
from ..syntax.parser import ParseResult, parse
from ..syntax.stream import PIECE_SIZE, Piece, Split, split_stream
from ..syntax.target import Target
from ..syntax.tokens import Token
from .workers import detach_worker

IN_FLIGHT = 3  # pieces given out per worker at a time: memory for a few pieces, not the file

_worker_options: FormatOptions | None = None
_worker_target: Target | None = None


def _init(options: FormatOptions, target: Target, parent: int) -> None:
    """A worker (see :func:`~.workers.detach_worker`)."""
    global _worker_options, _worker_target
    _worker_options, _worker_target = options, target
    detach_worker(parent)


Reply = tuple[str, Any]
"""("ok", PieceBody), ("errors", [Diagnostic]) of the piece, or ("here", None):
the piece is to be done in the parent, as in one process."""


def format_piece(text: str, off_at_start: bool) -> Reply:
    """In a worker: the piece parsed, formatted and verified."""
    options, target = _worker_options, _worker_target
    assert options is not None and target is not None
    try:
        return _reply(parse(text, target), off_at_start, options, target)
    except Exception:  # noqa: BLE001 - done again in the parent, which reports it
        return "here", None


def _reply(result: ParseResult, off_at_start: bool, options: FormatOptions, target: Target) -> Reply:
    if result.errors:
        return "errors", result.errors
    if not result.statements or _open_comment(result.tokens) is not None:
        return "here", None
    regions, _open = fmt_off_regions(result.tokens, len(result.source), off_at_start)
    body = piece_body(result, options, regions, False, True)
    if body.text is None or difference(result, body.text, target) is not None:
        return "here", None
    return "ok", body


LONG = 4
"""A piece this many times the piece size (one long statement, such as a
dump's INSERT of many rows) is formatted in this process, from the tokens
the cut made (a worker would lex it again, and hold a second copy of its
tree), while the workers go on with the pieces before it."""


def format_split(
    source: str,
    options: FormatOptions,
    target: Target,
    workers: int,
    formatter: StreamFormatter,
    emit: Callable[[Piece | None, str], None],
    shifted: Callable[[Diagnostic, int], Diagnostic],
    size: int = PIECE_SIZE,
) -> list[Diagnostic]:
    """Format ``source`` with ``workers`` processes, through ``formatter``
    (whose :meth:`~StreamFormatter.finish` is left to the caller): each
    part of the output goes to ``emit`` (with its piece when this process
    formatted it, to be verified; None when it was verified on its own).
    Returns the syntax errors (none of the text is emitted after the first)."""
    assert options.semicolons
    errors: list[Diagnostic] = []
    # each piece given out: its split (without its tokens), whether a
    # region is open at its start and at its end, its last token, its reply
    pending: deque[tuple[Split, bool, bool, list[Token], Future[Reply] | Reply]] = deque()
    off = False
    pool: ProcessPoolExecutor | None = None

    def give_out(split: Split) -> None:
        nonlocal off, pool
        at_start = off
        tokens = split.tokens
        if tokens is None:  # the short last piece: done here, in order
            pending.append((split, at_start, at_start, [], ("here", None)))
            return
        _regions, off = fmt_off_regions(tokens, len(split.text), at_start)
        reply: Future[Reply] | Reply
        if len(split.text) >= LONG * size:
            piece = split.parse(target)
            try:
                reply = _reply(piece.result, at_start, options, target)
            except Exception:  # noqa: BLE001 - done again, in order, by the one-process code
                reply = "here", None
        else:
            if pool is None:
                pool = ProcessPoolExecutor(
                    max_workers=workers, initializer=_init, initargs=(options, target, os.getpid())
                )
            reply = pool.submit(format_piece, split.text, at_start)
        split.tokens = None  # lexed again if it is done here after all
        pending.append((split, at_start, off, tokens[-1:], reply))

    def here(split: Split) -> None:
        """The piece formatted in this process, as without workers."""
        piece = split.parse(target)
        if piece.result.errors:
            errors.extend(shifted(d, split.offset) for d in piece.result.errors)
        elif not errors:
            for done, part in formatter.feed(piece):
                emit(done, part)

    splits = split_stream(source, target, size=size)
    try:
        while True:
            while len(pending) < workers * IN_FLIGHT:
                # The collector stays off from the piece's first character
                # lexed until what this process made of it is freed (see
                # check_stream): a collection in between walks every token.
                with gc_paused():
                    split = next(splits, None)
                    if split is not None:
                        give_out(split)
                if split is None:
                    break
            if not pending:
                break
            split, at_start, off_after, last, future = pending.popleft()
            kind, value = future.result() if isinstance(future, Future) else future
            if kind == "errors":
                errors.extend(shifted(d, split.offset) for d in value)
            elif errors:
                continue
            elif kind == "ok":
                assert formatter.fmt_off == at_start
                before, text = formatter.place(value, last, off_after)
                for done, part in before:
                    emit(done, part)
                emit(None, text)
            else:
                with gc_paused():
                    here(split)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return errors


__all__ = ["format_piece", "format_split"]
