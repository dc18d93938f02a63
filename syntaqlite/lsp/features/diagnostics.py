"""Text synchronisation and diagnostics: documents are kept up to date on
``didOpen``/``didChange``/``didClose`` and their diagnostics (syntax errors
and the semantic model's) are published after each change (see
:mod:`syntaqlite.lsp.session` for debouncing and staleness).  The text of an
open schema file counts for the documents that use it, and editing, saving
or closing it checks them again; ``didSave`` of a configuration file reads
the configuration again."""

from __future__ import annotations

from lsprotocol import types

from ..protocol import SyntaqliteServer


def register(server: SyntaqliteServer) -> None:
    session = server.session

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        session.open(params.text_document)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        session.change(params)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        session.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        session.close(params.text_document.uri)
