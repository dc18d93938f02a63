"""Find references, through the semantic hook (nothing until the validator
provides them)."""

from __future__ import annotations

from lsprotocol import types

from ..documents import Analysis
from ..protocol import SyntaqliteServer
from .definition import place_location


def register(server: SyntaqliteServer) -> None:
    session = server.session

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    async def references(params: types.ReferenceParams) -> list[types.Location] | None:
        def run(analysis: Analysis) -> list[types.Location] | None:
            offset = analysis.index.offset(params.position)
            places = session.semantics.references_at(analysis, offset, params.context.include_declaration)
            found = [loc for p in places if (loc := place_location(analysis, p)) is not None]
            return found or None

        return await session.request(params.text_document.uri, "references", run, None)
