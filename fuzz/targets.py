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
        assert err.message and 0 <= err.start <= err.end <= len(text) + 1


def fmt_idempotent(text: str, width: int = 80) -> None:
    """Formatting a formatted text changes nothing (for text that parses)."""
    from syntaqlite.fmt import FormatOptions, format_result

    result = parse(text)
    if result.errors:
        return
    options = FormatOptions(line_width=width)
    once = format_result(result, options)
    again = parse(once)
    assert not again.errors, (once, again.errors[0].message)
    assert format_result(again, options) == once, once


def fmt_valid(text: str, width: int = 80) -> None:
    """Formatting keeps every token and comment, and SQLite still accepts
    what it accepted."""
    from syntaqlite.fmt import FormatOptions, format_result
    from syntaqlite.fmt.verify import difference
    from syntaqlite_dev.oracle import judge

    result = parse(text)
    if result.errors:
        return
    out = format_result(result, FormatOptions(line_width=width))
    problem = difference(result, out)
    assert problem is None, (out, problem)
    if len(result.statements) == 1 and judge(text).kind == "ok":
        verdict = judge(out)
        assert verdict.kind != "syntax", (out, verdict.message)
