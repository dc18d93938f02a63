"""Offsets <-> LSP positions in UTF-16, UTF-8 and UTF-32."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from syntaqlite.lsp import blocks, convert
from syntaqlite.lsp.convert import UTF8, UTF16, UTF32, LineIndex, negotiate, units

TEXT = "SELECT 'é';\r\n-- 名前\rSELECT '😀'\nx"


def p(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def test_negotiate() -> None:
    assert negotiate(None) == UTF16
    assert negotiate([]) == UTF16
    assert negotiate(["utf-32", "utf-16"]) == UTF16
    assert negotiate(["utf-16", "utf-8"]) == UTF8


def test_lines_end_at_lf_crlf_and_cr_only() -> None:
    index = LineIndex("a\fb\u2028c\r\nd\re\nf", UTF16)
    assert index.starts == [0, 7, 9, 11]
    assert index.line_end(0) == 5 and index.line_end(1) == 8


def test_positions() -> None:
    for encoding, emoji_units, cjk in ((UTF16, 2, 1), (UTF8, 4, 3), (UTF32, 1, 1)):
        index = LineIndex(TEXT, encoding)
        quote = TEXT.index("'😀") + 1
        assert index.position(quote) == p(2, 8)
        assert index.position(quote + 1) == p(2, 8 + emoji_units)
        assert index.offset(p(2, 8 + emoji_units)) == quote + 1
        assert index.position(TEXT.index("前")) == p(1, 3 + cjk)
        # positions inside a line break, past a line end, past the end
        assert index.position(TEXT.index("\r\n") + 1) == p(0, index.position(TEXT.index("\r\n")).character)
        assert index.offset(p(0, 999)) == TEXT.index("\r\n")
        assert index.offset(p(99, 0)) == len(TEXT)
        assert index.position(len(TEXT) + 5) == p(3, 1)


def test_segments_split_multiline_spans() -> None:
    text = "/* a\r\nbb\ncc */ x"
    index = LineIndex(text, UTF16)
    assert list(index.segments(0, text.index(" x"))) == [(0, 0, 4), (1, 0, 2), (2, 0, 5)]


def test_apply_change() -> None:
    index = LineIndex("SELECT '😀' FORM t", UTF16)
    rng = types.Range(start=p(0, 13), end=p(0, 15))
    assert index.apply_change(rng, "RO") == "SELECT '😀' FROM t"


@given(
    st.text(alphabet=st.sampled_from(list("ab\n\r é名😀")), max_size=40),
    st.sampled_from([UTF8, UTF16, UTF32]),
)
def test_round_trip(text: str, encoding: str) -> None:
    index = LineIndex(text, encoding)
    for offset in range(len(text) + 1):
        position = index.position(offset)
        back = index.offset(position)
        # offsets inside a CRLF pair map to the end of the line's content
        assert (
            back == offset
            or (text[back : offset + 1].startswith("\r") and back == offset - 1)
            or back <= offset
        )
        assert units(text[index.starts[position.line] : back], encoding) == position.character


@settings(max_examples=300, deadline=None)
@given(st.text("ab\n\r", max_size=30), st.integers(0, 30), st.integers(0, 5), st.text("x\n\r", max_size=5))
def test_line_index_after_a_change_is_the_index_of_the_new_text(
    text: str, start: int, length: int, new: str
) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    changed = LineIndex(text).changed(start, end, new)
    fresh = LineIndex(text[:start] + new + text[end:])
    assert changed.text == fresh.text and changed.starts == fresh.starts


@settings(max_examples=200, deadline=None)
@given(
    st.text("ab\né😀", max_size=60),
    st.lists(st.tuples(st.integers(0, 80), st.integers(0, 6), st.text("x\né", max_size=6)), max_size=12),
    st.sampled_from([UTF8, UTF16]),
)
def test_a_large_index_after_edits_is_the_index_of_the_new_text(
    text: str, edits: list[tuple[int, int, str]], encoding: str
) -> None:
    """Line starts kept in blocks (as for a large document; here from two
    lines on, in blocks of two) answer as a fresh index does."""
    saved = convert.LARGE_INDEX, blocks.BLOCK
    convert.LARGE_INDEX, blocks.BLOCK = 1, 2
    try:
        edited_like_a_fresh_index(text, edits, encoding)
    finally:
        convert.LARGE_INDEX, blocks.BLOCK = saved


def edited_like_a_fresh_index(text: str, edits: list[tuple[int, int, str]], encoding: str) -> None:
    index = LineIndex(text, encoding)
    for start, length, new in edits:
        start = min(start, len(text))
        end = min(start + length, len(text))
        text = text[:start] + new + text[end:]
        index = index.changed(start, end, new)
        fresh = LineIndex(text, encoding)
        assert index.text == text and list(index.starts) == fresh.starts
        assert index.line_count == fresh.line_count
        for offset in range(len(text) + 1):
            assert index.line_character(offset) == fresh.line_character(offset)
            assert list(index.segments(offset, offset + 7)) == list(fresh.segments(offset, offset + 7))
        for line in range(fresh.line_count + 1):
            for character in (0, 1, 3):
                assert index.offset_at(line, character) == fresh.offset_at(line, character)
