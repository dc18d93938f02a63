"""Chunk results at their place in the document: the one place where spans
relative to a statement chunk become document offsets.

A chunk is parsed and checked alone (see :mod:`.documents`), so what it
yields is relative to its own text: its diagnostics are spans of the chunk,
and a location found in another chunk of the document (a related location,
a definition) is a span of *that* chunk's text, named by the chunk's key
(:attr:`ChunkData.key <syntaqlite.lsp.documents.ChunkData.key>`, which the
validator is given as the piece of the document it checks: see
:class:`syntaqlite.validator.catalog.Where`).  Nothing here knows about
lines: diagnostics and locations carry spans, and offsets become LSP
positions in :mod:`.convert` alone.

Placing adds where the chunks are *now*, so the results of a chunk whose
text did not change are reused however edits elsewhere moved it, or moved
the chunks its related locations are in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import count

from ..diagnostics import Diagnostic, Related

CHUNK_KEY = "\x00chunk#"
"""How a chunk's key starts (never a file's path)."""

_serial = count()


def new_chunk_key() -> str:
    """A key for a new chunk analysis, never given out before."""
    return f"{CHUNK_KEY}{next(_serial)}"


def is_chunk_key(path: str | None) -> bool:
    return path is not None and path.startswith(CHUNK_KEY)


def chunk_starts(chunks: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Where each chunk (by key) starts in the document now, from ``(key,
    start)`` pairs in order (a chunk's text may sit at several places: the
    first counts)."""
    starts: dict[str, int] = {}
    for key, start in chunks:
        starts.setdefault(key, start)
    return starts


def document_span(
    path: str | None, start: int, end: int, by: int, starts: Mapping[str, int]
) -> tuple[str | None, int, int]:
    """A span found while checking the chunk at ``by``, at document offsets:
    ``path`` None (the chunk itself) or a chunk's key become None (the
    document); another file's span is left as it is."""
    if path is None:
        return None, start + by, end + by
    moved = starts.get(path) if is_chunk_key(path) else None
    if moved is None:
        return path, start, end
    return None, start + moved, end + moved


def points_into_chunks(d: Diagnostic) -> bool:
    """Whether ``d`` has a related location in another chunk (placing it
    then depends on where that chunk is)."""
    return any(is_chunk_key(r.path) for r in d.related)


def to_document(d: Diagnostic, by: int, starts: Mapping[str, int] | None = None) -> Diagnostic:
    """A chunk's diagnostic (``by``: where the chunk starts) at document
    offsets, its related locations too (``starts``: where the chunks start
    now, by key, see :func:`chunk_starts`)."""
    if by == 0 and not d.related:
        return d
    related = []
    for r in d.related:
        path, start, end = document_span(r.path, r.start, r.end, by, starts or {})
        related.append(Related(r.message, start, end, path))
    return d.replace(start=d.start + by, end=d.end + by, related=tuple(related))


__all__ = [
    "CHUNK_KEY",
    "chunk_starts",
    "document_span",
    "is_chunk_key",
    "new_chunk_key",
    "points_into_chunks",
    "to_document",
]
