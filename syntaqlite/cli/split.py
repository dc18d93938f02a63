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
same, byte for byte, as formatting the file in one process.  A text of one
piece (one long statement, such as a dump's INSERT of many rows) is done
here without workers.

Only for ``semicolons = true`` (the default): with ``false`` the last
statement of the whole text is printed differently, which a piece cannot
know alone; such a file is formatted in one process.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain
from typing import Any

from ..diagnostics import Diagnostic
from ..fmt import FormatOptions
from ..fmt.format import StreamFormatter, _open_comment, fmt_off_regions, piece_body
from ..fmt.verify import difference
from ..syntax.parser import parse
from ..syntax.stream import PIECE_SIZE, Piece, Split, split_stream
from ..syntax.target import Target

IN_FLIGHT = 3  # pieces given out per worker at a time: memory for a few pieces, not the file

_worker_options: FormatOptions | None = None
_worker_target: Target | None = None


def _init(options: FormatOptions, target: Target, parent: int) -> None:
    """A worker: Ctrl-C is the parent's business (it finishes the file, or
    exits at once on a second Ctrl-C); when the parent is gone, however it
    ended, the worker ends too (within :data:`ORPHAN_CHECK` seconds)."""
    global _worker_options, _worker_target
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_options, _worker_target = options, target
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


ORPHAN_CHECK = 0.2  # seconds


def _end_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK)
    os._exit(1)


Reply = tuple[str, Any]
"""("ok", PieceBody), ("errors", [Diagnostic]) of the piece, or ("here", None):
the piece is to be done in the parent."""


def format_piece(text: str, off_at_start: bool) -> Reply:
    """In a worker: the piece parsed, formatted and verified."""
    options, target = _worker_options, _worker_target
    assert options is not None and target is not None
    try:
        result = parse(text, target)
        if result.errors:
            return "errors", result.errors
        if not result.statements or _open_comment(result.tokens) is not None:
            return "here", None
        regions, _open = fmt_off_regions(result.tokens, len(text), off_at_start)
        body = piece_body(result, options, regions, False, True)
        if body.text is None or difference(result, body.text, target) is not None:
            return "here", None
        return "ok", body
    except Exception:  # noqa: BLE001 - done again in the parent, which reports it
        return "here", None


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
    formatted it, to be verified; None when a worker verified it).  Returns
    the syntax errors (none of the text is emitted after the first)."""
    assert options.semicolons
    errors: list[Diagnostic] = []

    def here(split: Split) -> None:
        """The piece formatted in this process, as without workers."""
        piece = split.parse(target)
        if piece.result.errors:
            errors.extend(shifted(d, split.offset) for d in piece.result.errors)
        elif not errors:
            for done, part in formatter.feed(piece):
                emit(done, part)

    splits = split_stream(source, target, size=size)
    first, second = next(splits, None), next(splits, None)
    if second is None:  # one piece (one long statement): nothing to share
        if first is not None:
            here(first)
        return errors
    pending: deque[tuple[Split, bool, bool, Future[Reply] | None]] = deque()
    off = False
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init, initargs=(options, target, os.getpid())
    ) as pool:

        def give_out(split: Split) -> None:
            nonlocal off
            at_start = off
            future: Future[Reply] | None = None
            if split.tokens is not None:
                _regions, off = fmt_off_regions(split.tokens, len(split.text), at_start)
                future = pool.submit(format_piece, split.text, at_start)
            pending.append((split, at_start, off, future))

        queue = chain((first, second), splits)
        while True:
            while len(pending) < workers * IN_FLIGHT:
                split = next(queue, None)
                if split is None:
                    break
                give_out(split)
            if not pending:
                break
            split, at_start, off_after, future = pending.popleft()
            reply: Reply = future.result() if future is not None else ("here", None)
            kind, value = reply
            if kind == "errors":
                errors.extend(shifted(d, split.offset) for d in value)
            elif errors:
                continue
            elif kind == "ok":
                assert formatter.fmt_off == at_start and split.tokens is not None
                before, text = formatter.place(value, split.tokens, off_after)
                for done, part in before:
                    emit(done, part)
                emit(None, text)
            else:
                here(split)
    return errors


__all__ = ["format_piece", "format_split"]
