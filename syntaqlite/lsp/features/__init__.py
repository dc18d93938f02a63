"""One module per LSP feature; each has ``register(server)``."""

from __future__ import annotations

from collections.abc import Callable

from ..protocol import SyntaqliteServer
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

FEATURES: tuple[Callable[[SyntaqliteServer], None], ...] = (
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
