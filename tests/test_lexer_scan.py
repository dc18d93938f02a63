"""The lexer's one scan over a text (``tokenize``): lines and columns,
whitespace that ends a text, tokens scanned by hand, and lexing resumed
from a prefix, on texts made of the corpus's statements."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from syntaqlite.syntax.lexer import LexDialect, lexes_as, tokenize
from syntaqlite.syntax.tokens import KEYWORD_KINDS, Token
from syntaqlite.text import Lines

CORPUS = Path("/work/shared/corpus/sqlite-upstream.jsonl.gz")
FALLBACK = [
    "SELECT a, b FROM t WHERE c = 'x;\ny' -- c\n",
    "CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; END",
    "SELECT x'0a', 0x1g, 1_000, 1e5, .5, $a::b(c), :x, @y, #z, ?3, a->>b, a->b /* c\nd */",
    "SELECT [x\n], `y`, \"z\"\"\", 'it''s' FROM t",
]
DIALECTS = [
    None,
    LexDialect(),
    LexDialect(False, False, False, False, False, False, False),
    LexDialect(digit_separators=False),
    LexDialect(bom_is_space=False, tcl_variables=False),
]
ENDINGS = [" ", "\t", "\n", "\x0b", "\x0c", "\r", "\r\n", "\ufeff", ";", "x", "'", "/*"]


def _statements() -> list[str]:
    if not CORPUS.exists():
        return FALLBACK
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        return FALLBACK + [json.loads(line)["sql"] for line in fh][::7]


def _texts(seed: int, count: int) -> list[str]:
    statements = _statements()
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [rng.choice(statements) for _ in range(rng.randint(1, 3))]
        text = rng.choice(["\n", "\r\n", " ", "\n\n\x0c "]).join(parts)
        out.append(text + "".join(rng.choice(ENDINGS) for _ in range(rng.randrange(5))))
    return out


def _key(tok: Token) -> tuple[str, str, int, int, int, int]:
    return (tok.kind, tok.text, tok.start, tok.line, tok.column, tok.index)


@pytest.mark.parametrize("seed", range(3))
def test_tokens_cover_the_text_at_their_lines_and_columns(seed: int) -> None:
    """Every token at its offset, line and column as the one line index
    counts them (``\\n``, ``\\r\\n`` and lone ``\\r``), whitespace between."""
    for n, text in enumerate(_texts(seed, 400)):
        lines = Lines(text)
        tokens = tokenize(text, dialect=DIALECTS[n % len(DIALECTS)])
        pos = 0
        for i, tok in enumerate(tokens):
            assert text[tok.start : tok.end] == tok.text and tok.text and tok.index == i
            assert (tok.line, tok.column) == lines.position(tok.start), (text, tok)
            assert not text[pos : tok.start].strip(" \t\n\x0b\x0c\r\ufeff")
            pos = tok.end
        assert not text[pos:].strip(" \t\n\x0b\x0c\r\ufeff")


def test_whitespace_that_ends_a_text_is_no_token() -> None:
    """A vertical tab continues a run of whitespace (it starts none, as in
    SQLite's tokenizer): after a space it is whitespace, alone a token."""
    for ending in [" \x0b", "\n\x0b\x0b", "\t\x0b \x0b", "\r\n\x0b"]:
        assert [t.text for t in tokenize("SELECT 1" + ending)] == ["SELECT", "1"], repr(ending)
    assert [t.kind for t in tokenize("SELECT 1\x0b")] == ["SELECT", "INTEGER", "ILLEGAL"]
    assert [t.kind for t in tokenize("SELECT 1 \x0b x")] == ["SELECT", "INTEGER", "ID"]


@pytest.mark.parametrize("seed", range(2))
def test_lexing_resumed_from_a_prefix_is_lexing_afresh(seed: int) -> None:
    rng = random.Random(seed)
    for n, text in enumerate(_texts(100 + seed, 300)):
        dialect = DIALECTS[n % len(DIALECTS)]
        prefix = tokenize(text[: rng.randrange(len(text) + 1)], dialect=dialect)
        resumed = tokenize(text, dialect=dialect, resume=prefix)
        assert list(map(_key, resumed)) == list(map(_key, tokenize(text, dialect=dialect)))


def test_tokens_scanned_by_hand_end_where_the_next_scan_starts() -> None:
    """Where a token ends before the pattern's match (an older release's
    operators and numbers, parameters, blobs where they are names), the
    next token starts at its end."""
    old = LexDialect(False, False, False, False, False, False, False)
    text = "SELECT a->>b, 0x1g, 1.5e3, $a::b(c) x'00' 1_0\nFROM t"
    assert [t.text for t in tokenize(text, dialect=old)] == [
        "SELECT", "a", "-", ">>", "b", ",", "0x1g", ",", "1", ".", "5e3", ",",
        "$a", ":", ":b", "(", "c", ")", "x", "'00'", "1_0", "FROM", "t",
    ]  # fmt: skip
    assert [(t.line, t.column) for t in tokenize(text, dialect=old)][-2:] == [(2, 1), (2, 6)]


def _alike(after: list[Token], before: list[Token]) -> bool:
    return len(after) == len(before) and all(
        a.text == b.text
        or (a.kind == b.kind and a.kind in KEYWORD_KINDS and a.text.upper() == b.text.upper())
        for a, b in zip(after, before)
    )


HAND = [
    "SELECT a->>b, a->b, 0x1g, 0x1F, 1.5e3, .5, 1_0, $a::b(c), :x, @y, #z, ?3, x'00', X'0', 'it''s';",
    'select a  ->  b , -1, 1e, 1.e5, [a b], `c`, "d" from t; -- c\n',
    "SELECT 1 \x0b",
    "SELECT 1 \x0b x",
    "SELECT 'open",
    "SELECT 1; /* open",
    "SELECT $a(b c), $(x), x'0g', 0x_1, 1__2, 3.e, \ufeffx",
]


@pytest.mark.parametrize("seed", range(2))
def test_lexes_as_answers_what_the_tokens_answer(seed: int) -> None:
    """``lexes_as`` (the formatter's verification, which makes no token)
    against the tokens ``tokenize`` makes, on texts and their variants
    (case, spacing, tokens glued), in every dialect."""
    rng = random.Random(seed)
    texts = HAND + _texts(200 + seed, 150)
    same = cases = 0
    for n, text in enumerate(texts):
        for dialect in DIALECTS if n < len(HAND) else [DIALECTS[n % len(DIALECTS)]]:
            before = tokenize(text, dialect=dialect)
            at = rng.randrange(len(text) + 1)
            variants = [text, text.upper(), text.lower(), text.replace(" ", "  "), text.replace(" ", "")]
            variants += [text + "\n", text[:at] + rng.choice([" ", "\x0b", ";", "x", "'"]) + text[at:]]
            for after in variants:
                expected = _alike(tokenize(after, dialect=dialect), before)
                assert lexes_as(after, before, dialect=dialect) is expected, (text, after, dialect)
                same += expected
                cases += 1
    assert cases // 5 < same < cases
