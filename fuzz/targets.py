"""Fuzz targets, named by the property they check (see fuzz/README.md)."""

from __future__ import annotations

from syntaqlite import parse


def parse_no_crash(text: str) -> None:
    """Any text: parse returns (never raises) and the tree keeps every token."""
    result = parse(text)
    tree_tokens = list(result.root.tokens())
    significant = [t for t in result.tokens if t.kind != "COMMENT"]
    assert [id(t) for t in tree_tokens] == [id(t) for t in significant]
    for err in result.errors:
        assert err.message and err.line >= 1 and err.column >= 1
