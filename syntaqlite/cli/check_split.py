"""One large SQL file checked by worker processes, piece by piece.

The text is cut where :func:`~syntaqlite.validator.stream.check_stream`
cuts it (:func:`~syntaqlite.syntax.stream.split_stream`).  A piece can be
checked anywhere the catalog is the one the pieces before it left, so:

* the workers are forked from this process (each inherits its
  :class:`~syntaqlite.validator.stream.StreamChecker`: the catalog and
  where the pieces start); a worker parses and checks a piece only when
  checking it leaves the catalog as it was
  (:func:`~syntaqlite.validator.stream.reads_only`: queries and DML), and
  otherwise answers that it is to be done here;
* this process does, in order, every piece a worker did not check, and
  the pieces that name a schema or transaction statement's keyword
  (:data:`_SCHEMA_WORDS`: found in the text, so a word in a string only
  brings a piece here) or that are long (one long statement such as a
  dump's INSERT: a worker would lex it again), after the pieces before it;
* once a piece done here has changed the catalog, the answers of the
  workers forked before it are not used: their pieces are done here, and
  the next pieces go to workers forked anew.

The findings come out piece after piece, the same, in the same order, as
from ``check_stream`` in one process (``tests/cli/test_check_split.py``).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..syntax.memory import gc_paused
from ..syntax.stream import PIECE_SIZE, Split, split_stream
from ..syntax.target import Target
from ..validator.stream import StreamChecker, StreamFindings, reads_only

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
"""("ok", the piece's findings), or ("here", None): to be done here."""

_checker: StreamChecker | None = None


def _init(checker: StreamChecker, parent: int) -> None:
    """A worker (forked: ``checker`` is this process's, copied): Ctrl-C is
    the parent's business; when the parent is gone, the worker ends too."""
    global _checker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _checker = checker
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


ORPHAN_CHECK = 0.2  # seconds


def _end_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK)
    os._exit(1)


def check_piece(text: str, n: int, offset: int, line: int) -> Reply:
    """In a worker: the ``n``th piece parsed and checked, when that leaves
    the catalog as it was."""
    checker = _checker
    assert checker is not None
    try:
        with gc_paused():
            piece = Split(offset, line, text, None).parse(checker.target)
            if not reads_only(piece):
                return "here", None
            return "ok", checker.check(piece, n)
    except Exception:  # noqa: BLE001 - done again here, which reports it as in one process
        return "here", None


def check_split(
    source: str,
    checker: StreamChecker,
    target: Target,
    workers: int,
    size: int = PIECE_SIZE,
    tally: list[int] | None = None,
) -> Iterator[StreamFindings]:
    """Check ``source`` with ``workers`` forked processes: the findings of
    each piece in order, as ``check_stream`` gives them.  ``tally``, when
    given, counts the pieces the workers checked and those done here."""
    tally = tally if tally is not None else [0, 0]
    # each piece given out: its split (without its tokens), its number, the
    # catalog's version the worker has, and the worker's answer to come
    pending: deque[tuple[Split, int, int, Future[Reply]]] = deque()
    version = 0  # counts the pieces done here that changed the catalog
    pool: ProcessPoolExecutor | None = None
    pool_version = -1

    def here(split: Split, n: int) -> StreamFindings:
        nonlocal version
        tally[1] += 1
        piece = split.parse(target)
        found = checker.check(piece, n)
        if not reads_only(piece):
            version += 1
        return found

    def settle(split: Split, n: int, at: int, future: Future[Reply]) -> StreamFindings:
        if at == version:  # the worker's catalog is this one
            try:
                kind, found = future.result()
            except Exception:  # noqa: BLE001 - a worker gone: the piece is done here
                kind, found = "here", None
            if kind == "ok" and found is not None:
                tally[0] += 1
                return found
        return here(split, n)

    splits = split_stream(source, target, size=size)
    n = 0
    try:
        while True:
            out: list[StreamFindings] = []
            # The collector stays off from a piece's first character lexed
            # until what this process made of it is freed (see check_stream).
            with gc_paused():
                split = next(splits, None)
                if split is None:
                    break
                if split.tokens is None or len(split.text) >= LONG * size or _SCHEMA_WORDS.search(split.text):
                    while pending:  # the pieces before it first, in order
                        out.append(settle(*pending.popleft()))
                    out.append(here(split, n))
                else:
                    split.tokens = None  # lexed again if it is done here after all
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
                    future = pool.submit(check_piece, split.text, n, split.offset, split.line)
                    pending.append((split, n, version, future))
                    while len(pending) >= workers * IN_FLIGHT:
                        out.append(settle(*pending.popleft()))
                del split
            n += 1
            yield from out
        while pending:
            with gc_paused():
                found = settle(*pending.popleft())
            yield found
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
