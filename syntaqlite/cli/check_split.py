"""One large SQL file checked by worker processes, piece by piece.

The text is cut into pieces of about :data:`~syntaqlite.syntax.stream.PIECE_SIZE`
characters without lexing it here: after a semicolon that only blanks
follow on its line (:data:`_GUESS`).  Whoever lexes a piece (a worker, or
this process) checks that it ends where a statement ends
(:func:`~syntaqlite.syntax.cut.ends_statement`: not in a string, a comment,
a quoted name or a trigger's body); the pieces before it were checked so,
so it starts where one starts.  One that does not is cut again here where
:func:`~syntaqlite.syntax.stream.split_stream` cuts it, and the pieces
given out after it are given out anew from there.

A piece can be checked anywhere the catalog is the one the pieces before
it left, so:

* the workers are forked from this process (each inherits its
  :class:`~syntaqlite.validator.stream.StreamChecker`: the catalog and
  where the pieces start); a worker checks a piece only when checking it
  leaves the catalog as it was (:func:`~syntaqlite.validator.stream.reads_only`:
  queries and DML), and otherwise answers that it is to be done here;
* this process does, in order, every piece a worker did not check, and
  the pieces that name a schema or transaction statement's keyword
  (:data:`_SCHEMA_WORDS`: found in the text, so a word in a string only
  brings a piece here) or that are long (one long statement such as a
  dump's INSERT), after the pieces before it;
* once a piece done here has changed the catalog, the answers of the
  workers forked before it are not used: their pieces are done here, and
  the next pieces go to workers forked anew.

The diagnostics and internal errors come out in the order, and with the
places, ``check_stream`` gives them in one process
(``tests/cli/test_check_split.py``).
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Iterator
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor

from ..syntax.cut import ends_statement
from ..syntax.lexer import tokenize
from ..syntax.memory import gc_paused
from ..syntax.stream import PIECE_SIZE, Split, split_stream
from ..syntax.target import Target
from ..syntax.tokens import LINE_BREAK, Token
from ..validator.stream import StreamChecker, StreamFindings, reads_only
from .workers import detach_worker

IN_FLIGHT = 3  # pieces given out per worker at a time: memory for a few pieces, not the file
LONG = 4
"""A piece this many times the piece size (one long statement) is checked
here, from the tokens the cut made."""

_SCHEMA_WORDS = re.compile(
    r"\b(?:create|drop|alter|attach|detach|analyze|pragma|reindex|vacuum|begin|commit|end|rollback"
    r"|savepoint|release)\b",
    re.IGNORECASE,
)
"""The first words of the statements a worker does not check (those
:func:`reads_only` rejects): a piece that holds one of them is done here
at once, rather than given out and sent back."""

Reply = tuple[str, StreamFindings | None]
"""("ok", the piece's findings); ("here", None): to be done here; ("recut",
None): the piece does not end where a statement ends (to be cut here)."""

_GUESS = re.compile(r";(?=[ \t]*[\r\n])")
"""Where a piece may end: after a semicolon that only blanks follow on its
line (a guess, made without lexing: whoever lexes the piece checks it)."""

_checker: StreamChecker | None = None


def _init(checker: StreamChecker, parent: int) -> None:
    """A worker (forked: ``checker`` is this process's, copied; see
    :func:`~.workers.detach_worker`)."""
    global _checker
    _checker = checker
    detach_worker(parent)


def _lexed(text: str, target: Target, last: bool) -> list[Token] | None:
    """The tokens of a piece that starts where a statement does, or None
    when it does not end where one ends (``last``: it ends the text)."""
    tokens = tokenize(text, target.keywords, target.lex_dialect)
    return tokens if last or ends_statement(tokens, text) else None


def check_piece(text: str, n: int, offset: int, line: int, last: bool) -> Reply:
    """In a worker: the ``n``th piece lexed, checked to end where a
    statement ends, parsed and checked, when that leaves the catalog as it
    was."""
    checker = _checker
    assert checker is not None
    try:
        with gc_paused():
            tokens = _lexed(text, checker.target, last)
            if tokens is None:
                return "recut", None
            piece = Split(offset, line, text, tokens).parse(checker.target)
            if not reads_only(piece):
                return "here", None
            return "ok", checker.check(piece, n)
    except Exception:  # noqa: BLE001 - done again here, which reports it as in one process
        return "here", None


class _Given:
    """A piece given out: where it is, its number and line, the catalog's
    version its worker has, and the worker's answer to come."""

    __slots__ = ("start", "end", "n", "line", "version", "future")

    def __init__(self, start: int, end: int, n: int, line: int, version: int, future: Future[Reply]) -> None:
        self.start = start
        self.end = end
        self.n = n
        self.line = line
        self.version = version
        self.future = future


def check_split(
    source: str,
    checker: StreamChecker,
    target: Target,
    workers: int,
    size: int = PIECE_SIZE,
    tally: list[int] | None = None,
) -> Iterator[StreamFindings]:
    """Check ``source`` with ``workers`` forked processes: the findings in
    order, as ``check_stream`` gives them (in other pieces: the same
    diagnostics and internal errors, in the same order, once joined).
    ``tally``, when given, counts the pieces the workers checked, those
    done here and the guesses that were wrong."""
    tally = tally if tally is not None else [0, 0, 0]
    text = source
    length = len(text)
    pending: deque[_Given] = deque()
    version = 0  # counts the pieces done here that changed the catalog
    pool: ProcessPoolExecutor | None = None
    pool_version = -1
    broken = False  # a worker died: the rest is done here

    def lines_in(start: int, end: int) -> int:
        """The line ends between ``start`` and ``end`` (a CR LF split at
        ``end`` counts at its LF, as the lexer of the next piece sees it)."""
        if text.find("\r", start, end) < 0:
            return text.count("\n", start, end)
        part = text[start:end]
        return len(LINE_BREAK.findall(part)) - (part.endswith("\r") and text.startswith("\n", end))

    def guess(start: int) -> int:
        m = _GUESS.search(text, start + max(size - 1, 0))
        return m.start() + 1 if m else length

    def here(start: int, end: int, n: int, line: int) -> int:
        """The piece from ``start`` (where a statement starts) checked
        here; where it ended (``end`` unless that was a wrong guess)."""
        nonlocal version
        tally[1] += 1
        tokens = _lexed(text[start:end], target, end == length)
        if tokens is None:  # cut where parse_stream cuts
            tally[2] += 1
            exact = next(split_stream(text, target, size=size, start=start))
            split = Split(start, line, exact.text, exact.tokens)
        else:
            split = Split(start, line, text[start:end], tokens)
        piece = split.parse(target)
        out.append(checker.check(piece, n))
        if not reads_only(piece):
            version += 1
        return start + len(piece.text)

    def settle() -> tuple[int, int, int] | None:
        """The first piece given out, done; where to go on from (its end,
        line and the next number) when it ended elsewhere than guessed:
        the pieces given out after it are then dropped."""
        nonlocal broken
        given = pending.popleft()
        kind = "here"
        if given.version == version:  # the worker's catalog is this one
            try:
                kind, found = given.future.result()
            except Exception:  # noqa: BLE001 - a worker gone: the piece is done here
                kind, found = "here", None
                broken = True
            if kind == "ok" and found is not None:
                tally[0] += 1
                out.append(found)
                return None
        end = here(given.start, given.end, given.n, given.line)
        if end == given.end:
            return None
        pending.clear()
        return end, given.line + lines_in(given.start, end), given.n + 1

    pos, line, n = 0, 1, 0  # the next piece to give out
    out: list[StreamFindings] = []
    try:
        while pos < length or pending:
            # The collector stays off from a piece's first character lexed
            # until what this process made of it is freed (see check_stream).
            with gc_paused():
                redo = None
                if pos >= length:
                    redo = settle()
                else:
                    end = guess(pos)
                    future: Future[Reply] | None = None
                    if not (broken or end - pos >= LONG * size or _SCHEMA_WORDS.search(text, pos, end)):
                        if pool is None or pool_version != version:
                            if pool is not None:  # its workers' catalog is an old one
                                pool.shutdown(wait=True, cancel_futures=True)
                            pool = ProcessPoolExecutor(
                                max_workers=workers,
                                mp_context=multiprocessing.get_context("fork"),
                                initializer=_init,
                                initargs=(checker, os.getpid()),
                            )
                            pool_version = version
                        try:
                            future = pool.submit(check_piece, text[pos:end], n, pos, line, end == length)
                        except BrokenExecutor:  # a worker died
                            broken = True
                    if future is None:
                        while pending and redo is None:  # the pieces before it first, in order
                            redo = settle()
                        if redo is None:
                            after = here(pos, end, n, line)
                            pos, line, n = after, line + lines_in(pos, after), n + 1
                    else:
                        pending.append(_Given(pos, end, n, line, version, future))
                        pos, line, n = end, line + lines_in(pos, end), n + 1
                        while len(pending) >= workers * IN_FLIGHT and redo is None:
                            redo = settle()
                if redo is not None:
                    pos, line, n = redo
            done, out = out, []
            yield from done
    except BaseException:
        if pool is not None:
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


__all__ = ["check_piece", "check_split"]
