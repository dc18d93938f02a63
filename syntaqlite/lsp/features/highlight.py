"""Document highlight: the places in this document the semantic hook gives
as references of the name under the cursor; without them, every identifier
of the same name in the same statement."""

from __future__ import annotations

from lsprotocol import types

from ..documents import Analysis
from ..protocol import SyntaqliteServer
from ..scan import is_identifier, name_key, word_index_at
from ..semantics import Semantics


def highlights(analysis: Analysis, offset: int, semantics: Semantics) -> list[types.DocumentHighlight] | None:
    index = analysis.index
    places = [p for p in semantics.references_at(analysis, offset, True) if p.path is None]
    if places:
        return [
            types.DocumentHighlight(range=index.range(p.start, p.end), kind=types.DocumentHighlightKind.Text)
            for p in places
        ]
    chunk = analysis.chunk_at(offset)
    if chunk is None:
        return None
    toks = chunk.result.tokens
    i = word_index_at(toks, offset - chunk.start)
    if i is None or not is_identifier(toks[i]):
        return None
    key = name_key(toks[i])
    return [
        types.DocumentHighlight(
            range=index.range(t.start + chunk.start, t.end + chunk.start),
            kind=types.DocumentHighlightKind.Text,
        )
        for t in toks
        if is_identifier(t) and name_key(t) == key
    ]


def register(server: SyntaqliteServer) -> None:
    session = server.session

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    async def highlight(params: types.DocumentHighlightParams) -> list[types.DocumentHighlight] | None:
        def run(analysis: Analysis) -> list[types.DocumentHighlight] | None:
            return highlights(analysis, analysis.index.offset(params.position), session.semantics)

        return await session.request(params.text_document.uri, "document highlight", run, None)
