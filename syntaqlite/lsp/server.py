"""Creates the language server and registers the features; nothing else."""

from __future__ import annotations

from lsprotocol import types

from .. import __version__
from .features import registrations
from .protocol import SyntaqliteProtocol, SyntaqliteServer
from .semantics import Semantics
from .session import Session
from .settings import EditorSettings
from .validation import ValidatorSemantics


def default_semantics() -> Semantics:
    """The semantic model the features consult: the validator's."""
    return ValidatorSemantics()


def create_server(
    semantics: Semantics | None = None, editor: EditorSettings | None = None
) -> SyntaqliteServer:
    server = SyntaqliteServer(
        "syntaqlite",
        __version__,
        text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        protocol_cls=SyntaqliteProtocol,
    )
    server.session = Session(server, semantics if semantics is not None else default_semantics())
    if editor is not None:
        server.session.defaults = server.session.editor = editor
    for register in registrations():
        register(server)
    return server
