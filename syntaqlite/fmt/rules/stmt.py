"""Other statements: PRAGMA and friends print as their words, spaced."""

from __future__ import annotations

from ...syntax.nodes import PragmaStmt
from ..context import Formatter
from ..doc import SOFTLINE, Doc, group, nest
from .common import registry

RULES, rule = registry()


@rule(PragmaStmt)
def fmt_pragma(f: Formatter, node: PragmaStmt) -> Doc:
    """``PRAGMA name``, ``PRAGMA name = value``, ``PRAGMA name(value)``."""
    lp = node.lp_token
    if lp is None:
        return f.spaced(node.children)
    value, rp = node.value, node.rp_token
    assert value is not None and rp is not None
    parens = group(f.tok(lp), nest(SOFTLINE, f.fmt(value)), SOFTLINE, f.tok(rp))
    return [f.spaced([node.pragma_token, node.name]), parens]
