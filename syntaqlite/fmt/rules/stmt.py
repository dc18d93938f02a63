"""Other statements: PRAGMA and friends print as their words, spaced."""

from __future__ import annotations

from ...syntax.nodes import PragmaStmt
from ..context import Formatter
from ..doc import Doc
from .common import present, registry

RULES, rule = registry()


@rule(PragmaStmt)
def fmt_pragma(f: Formatter, node: PragmaStmt) -> Doc:
    """``PRAGMA name``, ``PRAGMA name = value``, ``PRAGMA name(value)``."""
    lp = node.lp_token
    if lp is None:
        return f.spaced(node.children)
    return [f.spaced([node.pragma_token, node.name]), f.spaced(present(lp, node.value, node.rp_token))]
