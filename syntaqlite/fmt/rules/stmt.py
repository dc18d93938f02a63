"""Other statements: PRAGMA and friends print as their words, spaced."""

from __future__ import annotations

from ...syntax.cst import Node
from ..context import Formatter
from ..doc import Doc
from .common import is_token, registry

RULES, rule = registry()


@rule("pragma_stmt")
def fmt_pragma(f: Formatter, node: Node) -> Doc:
    """``PRAGMA name``, ``PRAGMA name = value``, ``PRAGMA name(value)``."""
    children = node.children
    lp = next((i for i, c in enumerate(children) if is_token(c, "LP")), None)
    if lp is None:
        return f.spaced(children)
    return [f.spaced(children[:lp]), f.spaced(children[lp:])]
