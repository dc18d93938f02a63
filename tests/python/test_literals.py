"""The offset map from a literal's value back to its source is exact: for
every literal shape Python has, each character of the value maps to the
source text that wrote it, and the value equals what Python computes."""

from __future__ import annotations

import ast
import itertools

import pytest

from syntaqlite.python.literals import LiteralError, decode_literals, format_holes, percent_holes
from syntaqlite.python.source import PySource

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

LITERALS = [
    '"SELECT 1"',
    "'SELECT 1'",
    "r\"SELECT '\\n' FROM t\"",
    'R"a\\"b"',
    '"""SELECT a\n  FROM t\n"""',
    "'''x\\\ny'''",
    '"a\\tb\\x41\\101\\u00e9\\U0001F600\\N{LATIN SMALL LETTER A}\\q"',
    '("SELECT a "\n  # comment\n  "FROM t "  \'WHERE x\')',
    '"a" \\\n "b"',
    '"é中" "文"',
    'u"abc"',
    '"""a\r\nb"""',
    '"\\\\n"',
]


def _value_and_piece(literal: str) -> tuple[str, object, str]:
    text = f"x = {literal}\n"
    tree = ast.parse(text)
    assign = tree.body[0]
    assert isinstance(assign, ast.Assign)
    node = assign.value
    src = PySource(text)
    start, end = src.span(node)
    return text, decode_literals(text, start, end), ast.literal_eval(node)


@pytest.mark.parametrize("literal", LITERALS)
def test_value_and_map(literal: str) -> None:
    text, piece, value = _value_and_piece(literal)
    assert piece.text == value  # type: ignore[attr-defined]
    for i, ch in enumerate(value):
        s, e = piece.starts[i], piece.ends[i]  # type: ignore[attr-defined]
        written = text[s:e]
        assert s < e
        # Written as is, or an escape / newline spelling of it.
        assert written == ch or written.startswith("\\") or (ch == "\n" and written in ("\r\n", "\r"))


def test_every_escape_maps_to_its_whole_spelling() -> None:
    text, piece, value = _value_and_piece('"a\\x41\\n\\N{DIGIT ONE}b"')
    spans = [text[piece.starts[i] : piece.ends[i]] for i in range(len(value))]  # type: ignore[attr-defined]
    assert spans == ["a", "\\x41", "\\n", "\\N{DIGIT ONE}", "b"]


def test_source_span_of_a_range_across_implicit_concatenation() -> None:
    text, piece, _ = _value_and_piece('("SELECT a "\n  "FROM t")')
    at = piece.text.index("a FROM")  # type: ignore[attr-defined]
    s, e = piece.source_span(at, at + len("a FROM"))  # type: ignore[attr-defined]
    assert text[s:e] == 'a "\n  "FROM'


def test_fstring_fields_are_holes() -> None:
    text = "x = f\"SELECT {a!r:>{w}} FROM t WHERE {{b}} = {d['k']} {x=}\"\n"
    node = ast.parse(text).body[0].value  # type: ignore[attr-defined]
    start, end = PySource(text).span(node)
    piece = decode_literals(text, start, end)
    assert piece.text == "SELECT ? FROM t WHERE {b} = ? ?"
    assert [text[h.start : h.end] for h in piece.holes] == ["{a!r:>{w}}", "{d['k']}", "{x=}"]
    assert [piece.text[h.at] for h in piece.holes] == ["?", "?", "?"]


def test_bytes_are_not_sql() -> None:
    text = 'x = b"SELECT 1"\n'
    with pytest.raises(LiteralError):
        decode_literals(text, 4, len(text) - 1)


def test_percent_and_format_holes() -> None:
    text = 'x = "a %s b %(k)d %% c {} {{d}} {0}"\n'
    piece = decode_literals(text, 4, len(text) - 1)
    pct = percent_holes(piece)
    assert pct.text.startswith("a ? b ? % c")
    assert [text[h.start : h.end] for h in pct.holes] == ["%s", "%(k)d"]
    fmt = format_holes(piece)
    assert fmt.text.endswith("c ? {d} ?")
    assert [text[h.start : h.end] for h in fmt.holes] == ["{}", "{0}"]


def test_generated_literals_agree_with_python() -> None:
    """Every prefix, quote and a mix of awkward contents."""
    contents = ["", "a", "\\\\", "\\'", '\\"', "\\n", "\\\n", "é", "{", "?", "\\x7f", "\\0", "\\777"]
    count = 0
    for prefix, quote in itertools.product(["", "r", "u", "R"], ["'", '"', "'''", '"""']):
        for a, b in itertools.product(contents, repeat=2):
            body = a + b
            if prefix.lower() == "r" and body.endswith("\\\\") is False and body.endswith("\\"):
                continue
            literal = f"{prefix}{quote}{body}{quote}"
            try:
                value = ast.literal_eval(literal)
            except (SyntaxError, ValueError):
                continue
            _, piece, _ = _value_and_piece(literal)
            assert piece.text == value, literal  # type: ignore[attr-defined]
            count += 1
    assert count > 500
