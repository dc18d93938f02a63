"""Folding ranges: statements that span lines, parenthesised lists and
subqueries, CASE … END and trigger bodies that span lines, block comments,
and runs of line comments.  The answer is LSP's JSON (no lsprotocol here:
the front door, :mod:`..fast`, answers with it before the server is
loaded)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...syntax.tokens import COMMENT
from ..documents import Analysis, Chunk

if TYPE_CHECKING:
    from lsprotocol import types

    from ..protocol import SyntaqliteServer

_MEMO = "folding"
_REGION, _COMMENT = 0, 1


def chunk_spans(chunk: Chunk) -> list[tuple[int, int, int]]:
    """``(start, end, kind)`` of the foldable spans of a chunk, relative to
    it (``end`` is the start of the closing token)."""
    cached = chunk.data.memo.get(_MEMO)
    if cached is not None:
        return cached  # type: ignore[return-value]
    out: list[tuple[int, int, int]] = []
    for stmt in chunk.statements():
        first, last = stmt.first_token, stmt.last_token
        if last.kind == "SEMI" and last is not first:
            out.append((first.start, last.start, _REGION))
        else:
            out.append((first.start, last.end, _REGION))
    stack: list[tuple[str, int]] = []
    run_start: int | None = None
    run_end = 0
    text = chunk.text
    for tok in chunk.result.tokens:
        kind = tok.kind
        if kind == COMMENT:
            if tok.text.startswith("/*"):
                out.append((tok.start, tok.end, _COMMENT))
            else:
                gap = text[run_end : tok.start]
                if run_start is not None and gap.count("\n") == 1 and not gap.strip():
                    run_end = tok.end
                    continue
                if run_start is not None:
                    out.append((run_start, run_end, _COMMENT))
                run_start, run_end = tok.start, tok.end
            continue
        if kind in ("LP", "CASE", "BEGIN"):
            stack.append((kind, tok.start))
        elif kind == "RP" or kind == "END":
            want = "LP" if kind == "RP" else None
            while stack:
                opener, start = stack.pop()
                if want is None or opener == want:
                    out.append((start, tok.start, _REGION))
                    break
    if run_start is not None:
        out.append((run_start, run_end, _COMMENT))
    chunk.data.memo[_MEMO] = out
    return out


def folding_ranges(analysis: Analysis) -> list[dict[str, Any]]:
    """The document's ``FoldingRange`` list, as JSON."""
    index = analysis.index
    text = analysis.text
    seen: set[tuple[int, int]] = set()
    out: list[dict[str, Any]] = []
    for chunk in analysis.chunks:
        for start, end, kind in chunk_spans(chunk):
            first = index.line_of(start + chunk.start)
            last = index.line_of(end + chunk.start)
            if kind == _REGION:
                # keep a closing token that starts its line visible
                line_start = index.starts[last]
                if not text[line_start : end + chunk.start].strip():
                    last -= 1
            if last <= first or (first, last) in seen:
                continue
            seen.add((first, last))
            folded: dict[str, Any] = {"startLine": first, "endLine": last}
            if kind == _COMMENT:
                folded["kind"] = "comment"  # LSP's FoldingRangeKind.Comment
            out.append(folded)
    return out


def register(server: SyntaqliteServer) -> None:
    from lsprotocol import types

    session = server.session

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    async def folding(params: types.FoldingRangeParams) -> list[dict[str, Any]] | None:
        return await session.request(params.text_document.uri, "folding ranges", folding_ranges, None)
