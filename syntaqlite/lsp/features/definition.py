"""Go to definition, through the semantic hook (the fallback knows the
tables, views, columns and CTEs the document declares)."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from ..convert import LineIndex
from ..documents import Analysis
from ..protocol import SyntaqliteServer
from ..semantics import Place


def place_location(analysis: Analysis, place: Place) -> types.Location | None:
    """An LSP location for a place in this document or in another file
    (read from disk to count its lines)."""
    if place.path is None:
        return types.Location(uri=analysis.uri, range=analysis.index.range(place.start, place.end))
    try:
        text = Path(place.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    uri = from_fs_path(str(Path(place.path).resolve()))
    if uri is None:
        return None
    return types.Location(
        uri=uri, range=LineIndex(text, analysis.index.encoding).range(place.start, place.end)
    )


def register(server: SyntaqliteServer) -> None:
    session = server.session

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def definition(params: types.DefinitionParams) -> list[types.Location] | None:
        def run(analysis: Analysis) -> list[types.Location] | None:
            offset = analysis.index.offset(params.position)
            places = session.semantics.definition_at(analysis, offset)
            found = [loc for p in places if (loc := place_location(analysis, p)) is not None]
            return found or None

        return await session.request(params.text_document.uri, "definition", run, None)
