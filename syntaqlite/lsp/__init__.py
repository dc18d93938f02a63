"""The language server, ``syntaqlite lsp``: pygls 2 over stdio.

* :mod:`.server` creates the server and registers the features;
* :mod:`.protocol` adapts pygls (position encoding, text sync, bad params);
* :mod:`.session` holds the state: documents, configuration, the analysis
  thread and the diagnostics pipeline;
* :mod:`.documents` keeps each document's statement chunks and re-parses
  only what an edit changed;
* :mod:`.convert` is the one place where offsets become LSP positions;
* :mod:`.fast` is the front door: it reads and frames every message,
  answers ``initialize``, the first ``didOpen`` and the requests editors
  send at once about it (completion, hover, semantic tokens, folding,
  symbols)
  while pygls loads, then hands the server that work and, through
  :mod:`.run`, each message not answered;
* :mod:`.client` reads what the client can take from its capabilities;
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
    closes stdin).  ``editor``: settings the editor's own override key by
    key (the command line's ``--sqlite-version`` and ``--sqlite-cflag``)."""
    from .fast import serve as front_door

    front_door(editor)
