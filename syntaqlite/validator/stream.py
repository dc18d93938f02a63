"""Checking a large text statement by statement, in bounded memory.

The text is parsed piece by piece (:func:`syntaqlite.syntax.stream.parse_stream`)
and each piece is checked against the catalog the pieces before it built,
exactly as :func:`~.checker.check_text` checks statement after statement;
only one piece's tree is alive at a time.  Diagnostics come out at offsets of
the whole text, piece after piece (sorted within a piece).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import TextIO

from .._record import Record
from ..diagnostics import Diagnostic, Related
from ..syntax.memory import gc_paused
from ..syntax.stack import deep_call
from ..syntax.stream import PIECE_SIZE, Piece, parse_stream
from ..syntax.target import DEFAULT_TARGET, Target
from ..text import Lines
from .catalog import Catalog, Where
from .checker import apply_severities, internal_error, run_statement
from .ddl import HANDLERS, DdlChecker
from .model import SemanticModel
from .resolve import Resolver

_PIECE_KEY = "\x00piece#"  # names a piece in a related location (never a file's path)
_LINE = re.compile(r"(\d+):")


class StreamFindings(Record):
    """One piece's findings: diagnostics at offsets of the whole text (an
    exception in the checker is an ``internal-error`` diagnostic on its
    statement, as with ``check_text``), and those internal errors
    (``line:column: message``, lines of the whole text)."""

    __slots__ = ("diagnostics", "internal_errors")

    diagnostics: list[Diagnostic]
    internal_errors: list[str]

    def __init__(self, diagnostics: list[Diagnostic], internal_errors: list[str]) -> None:
        self.diagnostics = diagnostics
        self.internal_errors = internal_errors


class StreamChecker:
    """What checking a text piece by piece carries from one piece to the
    next: the catalog (extended by the schema statements as they come)
    and where each piece starts (a diagnostic's related location may be in
    an earlier piece, which a catalog entry names).  A copy in a forked
    process checks pieces that only read the catalog as this one would
    (``cli/check_split.py``)."""

    __slots__ = ("catalog", "path", "target", "severities", "starts")

    def __init__(
        self,
        catalog: Catalog | None = None,
        path: str | None = None,
        target: Target = DEFAULT_TARGET,
        severities: Mapping[str, str] | None = None,
    ) -> None:
        self.catalog = catalog if catalog is not None else Catalog()
        self.path = path
        self.target = target
        self.severities = severities
        self.starts: dict[str, int] = {}

    def check(self, piece: Piece, n: int) -> StreamFindings:
        """The ``n``th piece (counted from 0) checked against the catalog
        (which it extends), after pieces 0 to ``n - 1``."""
        return _findings(piece, n, self.starts, self.catalog, self.path, self.target, self.severities)


def reads_only(piece: Piece) -> bool:
    """Whether checking ``piece`` leaves the catalog as it was: none of its
    statements is one the schema checker applies (a schema statement, a
    PRAGMA, a transaction's)."""
    return not any(type(stmt.body) in HANDLERS for stmt in piece.result.statements)


def check_stream(
    source: str | TextIO,
    *,
    catalog: Catalog | None = None,
    path: str | None = None,
    target: Target = DEFAULT_TARGET,
    severities: Mapping[str, str] | None = None,
    size: int = PIECE_SIZE,
) -> Iterator[StreamFindings]:
    """Check ``source`` (text, or a text file read as it goes) piece by
    piece; ``catalog`` is extended by its schema statements as it goes."""
    checker = StreamChecker(catalog, path, target, severities)
    pieces = parse_stream(source, target, size=size)
    n = 0
    while True:
        # The collector stays off from the piece's first character lexed to
        # its findings placed, and what the piece made is freed before it
        # comes back on: a collection between them would walk every token
        # and node of the piece (a dump's INSERT: millions), to free nothing.
        with gc_paused():
            piece = next(pieces, None)
            if piece is None:
                return
            findings = checker.check(piece, n)
            del piece
        n += 1
        yield findings


def _findings(
    piece: Piece,
    n: int,
    starts: dict[str, int],
    catalog: Catalog,
    path: str | None,
    target: Target,
    severities: Mapping[str, str] | None,
) -> StreamFindings:
    """The ``n``th piece checked against ``catalog`` (which it extends)."""
    key = f"{_PIECE_KEY}{n}"
    starts[key] = piece.offset
    found: list[Diagnostic] = list(piece.result.errors)
    internal: list[str] = []
    where = Where(path, key, Lines(piece.text))
    resolver = Resolver(
        catalog,
        piece.text,
        path,
        target,
        found.append,
        SemanticModel(),
        keep_model=False,
        where=where,
    )
    ddl = DdlChecker(resolver)
    # the walks follow SQLite's recursion: a deep stack, as check_text
    deep_call(functools.partial(_check_piece, resolver, ddl, piece, found, internal))
    placed = [_place(d, piece.offset, starts) for d in apply_severities(found, severities)]
    shifted = [_shift_line(e, piece.line - 1) for e in internal]
    return StreamFindings(placed, shifted)


def _check_piece(
    resolver: Resolver, ddl: DdlChecker, piece: Piece, found: list[Diagnostic], internal: list[str]
) -> None:
    """Check the piece's statements in order; an exception in the checker
    adds an internal-error diagnostic on its statement."""
    for stmt in piece.result.statements:
        before = len(internal)
        run_statement(resolver, ddl, stmt, internal)
        if len(internal) > before:
            found.append(internal_error(stmt, internal[-1]))


def _shift_line(message: str, by: int) -> str:
    """``line:column: ...`` with ``by`` added to the line."""
    m = _LINE.match(message)
    return f"{int(m.group(1)) + by}:{message[m.end() :]}" if m else message


def _place(d: Diagnostic, offset: int, starts: Mapping[str, int]) -> Diagnostic:
    """``d`` (found in the piece at ``offset``) at offsets of the whole text;
    a related location in a piece (named by its key) too."""
    related = []
    for r in d.related:
        if r.path is None:
            related.append(Related(r.message, r.start + offset, r.end + offset))
        elif r.path.startswith(_PIECE_KEY):
            base = starts[r.path]
            related.append(Related(r.message, r.start + base, r.end + base))
        else:
            related.append(r)
    return d.replace(start=d.start + offset, end=d.end + offset, related=tuple(related))


__all__ = ["StreamChecker", "StreamFindings", "check_stream", "reads_only"]
