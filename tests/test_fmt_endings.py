"""Texts that end inside a comment, and two line comments for one line:
formatting keeps every comment whole (fuzz/fmt_props.py found both)."""

from __future__ import annotations

import pytest

from syntaqlite import format_sql, parse
from syntaqlite.fmt.verify import difference


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT a FROM t ORDER BY a DESC\n/* open\n", "SELECT a FROM t ORDER BY a DESC;\n/* open\n"),
        ("SELECT * FROM aux2 /* open", "SELECT * FROM aux2; /* open"),
        ("SELECT 1;\n/* open  \n  more  ", "SELECT 1;\n/* open  \n  more  "),
    ],
)
def test_an_unterminated_comment_stays_last(text: str, expected: str) -> None:
    """It runs to the end of the text: the last semicolon goes before it and
    nothing (not even a newline) after it."""
    out = format_sql(text)
    assert out == expected
    assert difference(parse(text), out) is None
    assert format_sql(out) == out


def test_two_line_comments_for_one_line_stay_two() -> None:
    text = "CREATE TABLE t5(e PRIMARY KEY, f -- c\n) -- no newline"
    out = format_sql(text)
    assert difference(parse(text), out) is None
    assert [t.text for t in parse(out).tokens if t.kind == "COMMENT"] == ["-- c", "-- no newline"]
