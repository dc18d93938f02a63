"""Rename and prepareRename, through the semantic hook: tables and views the
document defines, CTEs and aliases (a name defined in a schema file, or by
SQLite, is not renamed; the client is told so before it asks for a name)."""

from __future__ import annotations

from lsprotocol import types

from ..documents import Analysis
from ..protocol import SyntaqliteServer
from ..semantics import Edit, Place
from ..session import RequestFailed
from .definition import place_location


def workspace_edit(analysis: Analysis, edits: list[Edit]) -> types.WorkspaceEdit:
    changes: dict[str, list[types.TextEdit]] = {}
    for edit in edits:
        loc = place_location(analysis, Place(edit.start, edit.end, edit.path))
        if loc is not None:
            changes.setdefault(loc.uri, []).append(types.TextEdit(range=loc.range, new_text=edit.new_text))
    return types.WorkspaceEdit(changes=changes)


def register(server: SyntaqliteServer) -> None:
    session = server.session

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    async def prepare_rename(params: types.PrepareRenameParams) -> types.Range | None:
        def run(analysis: Analysis) -> types.Range | None:
            offset = analysis.index.offset(params.position)
            place = session.semantics.prepare_rename_at(analysis, offset)
            if place is None:
                return None
            return analysis.index.range(place.start, place.end)

        return await session.request(params.text_document.uri, "prepareRename", run, None)

    @server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
    async def rename(params: types.RenameParams) -> types.WorkspaceEdit | None:
        def run(analysis: Analysis) -> types.WorkspaceEdit | None:
            offset = analysis.index.offset(params.position)
            edits = session.semantics.rename_at(analysis, offset, params.new_name)
            if edits is None:
                raise RequestFailed(
                    "syntaqlite: nothing here can be renamed "
                    "(tables and views this file defines, CTEs and aliases can)"
                )
            return workspace_edit(analysis, list(edits))

        return await session.request(params.text_document.uri, "rename", run, None)
