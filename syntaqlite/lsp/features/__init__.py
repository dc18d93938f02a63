"""One module per LSP feature; each has ``register(server)``.

The package itself imports nothing: the front door (:mod:`..fast`) uses
the completion and hover modules, which do not need lsprotocol, before the
server (and lsprotocol) is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..protocol import SyntaqliteServer


def registrations() -> tuple[Callable[[SyntaqliteServer], None], ...]:
    """Every feature's ``register``, in the order the server registers them."""
    from . import (
        code_actions,
        completion,
        configuration,
        definition,
        diagnostics,
        folding,
        formatting,
        highlight,
        hover,
        references,
        rename,
        semantic_tokens,
        signature_help,
        symbols,
    )

    return (
        configuration.register,
        diagnostics.register,
        completion.register,
        hover.register,
        signature_help.register,
        symbols.register,
        folding.register,
        semantic_tokens.register,
        formatting.register,
        definition.register,
        references.register,
        highlight.register,
        rename.register,
        code_actions.register,
    )
