"""The tree is lossless: its tokens, the comments and the whitespace between
them rebuild the exact source, for every statement of the corpus."""

from __future__ import annotations

import re

import pytest

from syntaqlite import parse
from syntaqlite.syntax.parser import ParseResult

_WHITESPACE = re.compile(r"(?:[ \t\n\f\r][ \t\n\v\f\r]*|\ufeff)*\Z")


def rebuild(result: ParseResult) -> str:
    """Source text from the tree's tokens plus comments, checking that only
    whitespace lies between them and that every token appears once, in order."""
    tree_tokens = list(result.root.tokens())
    comments = [t for t in result.tokens if t.kind == "COMMENT"]
    merged = sorted(tree_tokens + comments, key=lambda t: t.start)
    assert len({id(t) for t in merged}) == len(merged), "a token appears twice"
    significant = [t for t in result.tokens if t.kind != "COMMENT"]
    assert [id(t) for t in tree_tokens] == [id(t) for t in significant], "tree tokens differ from the input's"
    pieces: list[str] = []
    pos = 0
    for tok in merged:
        gap = result.source[pos : tok.start]
        assert _WHITESPACE.match(gap), f"non-whitespace gap {gap!r} before {tok!r}"
        pieces.append(gap)
        pieces.append(tok.text)
        pos = tok.end
    tail = result.source[pos:]
    assert _WHITESPACE.match(tail), f"non-whitespace tail {tail!r}"
    pieces.append(tail)
    return "".join(pieces)


@pytest.mark.parametrize(
    "sql",
    [
        "",
        "   ",
        ";;",
        "SELECT 1",
        "SELECT 1; SELECT 2;",
        "-- only a comment",
        "/* open comment",
        "SELECT 1 -- trailing",
        "SELEC 1; SELECT 2",
        "SELECT 'unterminated",
        "\ufeffSELECT 1",
        "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2; END; SELECT 3",
    ],
)
def test_small_inputs(sql: str) -> None:
    assert rebuild(parse(sql)) == sql


def test_upstream_corpus(upstream_corpus: list[dict[str, str]]) -> None:
    for row in upstream_corpus:
        sql = row["sql"]
        assert rebuild(parse(sql)) == sql, sql


def test_mutant_corpus(mutant_corpus: list[dict[str, str]]) -> None:
    for row in mutant_corpus[::5]:
        sql = row["sql"]
        assert rebuild(parse(sql)) == sql, sql
