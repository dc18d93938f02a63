"""The language server, ``syntaqlite lsp``: pygls 2 over stdio.

* :mod:`.server` creates the server and registers the features;
* :mod:`.protocol` adapts pygls (position encoding, text sync, bad params);
* :mod:`.session` holds the state: documents, configuration, the analysis
  thread and the diagnostics pipeline;
* :mod:`.documents` keeps each document's statement chunks and re-parses
  only what an edit changed;
* :mod:`.convert` is the one place where offsets become LSP positions;
* :mod:`.fast` answers ``initialize`` and the first ``didOpen`` before
  pygls is loaded, then hands over to the server;
* :mod:`.semantics` is the hook for the semantic model, with a fallback
  that reads tokens; :mod:`.validation` implements it with the validator,
  statement by statement and incrementally;
* :mod:`.features` has one module per LSP feature.

Only this package imports pygls and lsprotocol.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .settings import EditorSettings


def serve(editor: EditorSettings | None = None) -> None:
    """Run the server on stdin/stdout until the client says ``exit`` (or
    closes stdin), after the fast start (:mod:`.fast`) has answered what it
    could.  ``editor``: settings the editor's own override key by key (the
    command line's ``--sqlite-version`` and ``--sqlite-cflag``)."""
    import logging

    from .fast import fast_start

    streams = fast_start(editor)

    from .protocol import QuietExpectedErrors
    from .server import create_server

    for name in ("pygls", "pygls.protocol.json_rpc"):
        logging.getLogger(name).addFilter(QuietExpectedErrors())
    server = create_server(editor=editor)
    if streams is None:
        server.start_io()
    else:
        server.start_io(*streams)  # type: ignore[arg-type]
