"""The statement cache (unit level): after any edit the chunks are those a
fresh split gives, the diagnostics those of a whole-file parse, and only
statements whose text changed are parsed again."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lsprotocol import types

from syntaqlite.config import Config
from syntaqlite.lsp import documents
from syntaqlite.lsp.convert import LineIndex
from syntaqlite.lsp.documents import (
    Analyzer,
    Document,
    Stale,
    iter_statements,
    split_statements,
    statements_with_tokens,
)
from syntaqlite.syntax.lexer import tokenize
from syntaqlite.syntax.parser import END, parse, statement_end
from syntaqlite.syntax.target import Target
from syntaqlite.syntax.tokens import COMMENT, Token

ROOT = Path(__file__).resolve().parents[2]
BASE = (
    (ROOT / "examples" / "schema.sql").read_text(encoding="utf-8")
    + (ROOT / "examples" / "queries.sql").read_text(encoding="utf-8")
    + "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; UPDATE t SET a = 1; END;\n"
    + "SELECT 'x;y', \"a;b\" /* ; */ -- ;\n;;\nSELECT 2"
)
PIECES = [
    "'",
    '"',
    ";",
    " ",
    "\n",
    "x",
    "SELECT ",
    "END;",
    "/*",
    "*/",
    "--",
    "BEGIN",
    "CASE",
    "(",
    ")",
    "é",
    "😀",
]
PIECES += ["CREATE TRIGGER x AFTER INSERT ON t BEGIN ", "CREATE TEMP TRIGGER y BEFORE DELETE ON t BEGIN "]
TARGET = Target()


def analyze(analyzer: Analyzer, text: str, version: int):  # type: ignore[no-untyped-def]
    return analyzer.analyze(text, version, None, Config(), TARGET, "utf-16")


def diagnostics_key(errors) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(d.start, d.end, d.message) for d in errors]


def check(analyzer: Analyzer, text: str, version: int) -> None:
    before = list(analyzer._chunks)
    analysis = analyze(analyzer, text, version)
    chunks = [c.text for c in analysis.chunks]
    assert list(analysis._starts) == [c.start for c in analysis.chunks]
    assert analysis._broken == [j for j, c in enumerate(analysis.chunks) if c.result.errors]
    assert analyzer._uses == Counter(chunks)
    assert set(analyzer._cache) == set(chunks)
    assert all(analyzer._cache[c.text] is c.data for c in analysis.chunks)
    if analysis.reused is not None:
        _, front, back = analysis.reused
        assert [c.data for c in analysis.chunks[:front]] == [c.data for c in before[:front]]
        assert [id(c.data) for c in analysis.chunks[len(analysis.chunks) - back :]] == [
            id(c.data) for c in before[len(before) - back :]
        ]
    assert "".join(chunks) == text
    assert chunks == split_statements(text, TARGET.keywords)
    for chunk in analysis.chunks:
        assert text.startswith(chunk.text, chunk.start)
    assert diagnostics_key(analysis.syntax_errors) == diagnostics_key(parse(text, TARGET).errors)


edit = st.tuples(st.floats(0, 1), st.integers(0, 8), st.sampled_from(["", *PIECES]))


@settings(max_examples=60, deadline=None)
@given(st.lists(edit, min_size=1, max_size=12))
def test_random_edits_match_a_fresh_analysis(edits: list[tuple[float, int, str]]) -> None:
    analyzer = Analyzer("file:///t.sql")
    text = BASE
    check(analyzer, text, 0)
    for version, (where, length, insert) in enumerate(edits, 1):
        start = int(where * len(text))
        text = text[:start] + insert + text[start + length :]
        check(analyzer, text, version)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(edit, min_size=1, max_size=3), st.booleans()), min_size=1, max_size=10))
def test_edits_through_the_document_match_a_fresh_analysis(
    messages: list[tuple[list[tuple[float, int, str]], bool]],
) -> None:
    """The analyzer starts comparing the texts where the document's edits
    say they differ (:meth:`Document.unchanged`), also across versions it
    did not see (coalesced edits) and messages with several changes."""
    uri = "file:///t.sql"
    doc = Document(uri, BASE, 0, None, "utf-16")
    analyzer = Analyzer(uri)
    analyzer.analyze(doc.text, 0, None, Config(), TARGET, "utf-16", document=doc)
    for version, (changes, seen) in enumerate(messages, 1):
        text = doc.text
        content: list[types.TextDocumentContentChangeEvent] = []
        for where, length, insert in changes:
            index = LineIndex(text, "utf-16")
            start = int(where * len(text))
            end = min(len(text), start + length)
            rng = types.Range(start=index.position(start), end=index.position(end))
            content.append(types.TextDocumentContentChangePartial(range=rng, text=insert))
            text = text[:start] + insert + text[end:]
        doc.apply(content, version)
        assert doc.text == text
        if not seen and version < len(messages):
            continue  # analysed with the next version
        analysis = analyzer.analyze(doc.text, version, None, Config(), TARGET, "utf-16", document=doc)
        assert [c.text for c in analysis.chunks] == split_statements(text, TARGET.keywords)
        assert diagnostics_key(analysis.syntax_errors) == diagnostics_key(parse(text, TARGET).errors)


def test_a_document_knows_what_its_edits_left_unchanged() -> None:
    doc = Document("file:///t.sql", "0123456789", 1, None, "utf-16")
    index = LineIndex("0123456789", "utf-16")
    for version, (start, end, new) in enumerate([(3, 5, "x"), (6, 6, "yy"), (0, 1, "")], 2):
        rng = types.Range(start=index.position(start), end=index.position(end))
        doc.apply([types.TextDocumentContentChangePartial(range=rng, text=new)], version)
        index = LineIndex(doc.text, "utf-16")
    assert doc.text == "12x56yy789"
    assert doc.unchanged(1, 2) == (3, 5) and doc.unchanged(2, 3) == (6, 3)
    assert doc.unchanged(1, 4) == (0, 3) and doc.unchanged(3, 4) == (0, 10)
    assert doc.unchanged(4, 4) is None and doc.unchanged(0, 4) is None
    doc.apply([types.TextDocumentContentChangeWholeDocument(text="new")], 5)
    assert doc.unchanged(4, 5) == (0, 0)


@settings(max_examples=300, deadline=None)
@given(st.text("ab", max_size=40), st.text("ab", max_size=40), st.integers(1, 5))
def test_common_prefix_and_suffix(a: str, b: str, block: int) -> None:
    from syntaqlite.lsp import documents

    saved = documents.BLOCK
    documents.BLOCK = block
    try:
        p = documents.common_prefix(a, b)
        assert a[:p] == b[:p] and (p == min(len(a), len(b)) or a[p] != b[p])
        limit = min(len(a), len(b)) - p
        q = documents.common_suffix(a, b, limit)
        assert q <= limit and a[len(a) - q :] == b[len(b) - q :]
        assert q == limit or a[len(a) - q - 1] != b[len(b) - q - 1]
    finally:
        documents.BLOCK = saved


def test_long_random_session() -> None:
    rng = random.Random(7)
    analyzer = Analyzer("file:///t.sql")
    text = BASE
    for version in range(400):
        start = rng.randrange(len(text) + 1)
        text = text[:start] + rng.choice(PIECES) + text[start + rng.randrange(4) :]
        analysis = analyze(analyzer, text, version)
        assert "".join(c.text for c in analysis.chunks) == text
    check(analyzer, text, 1000)


def test_only_changed_statements_are_parsed_again() -> None:
    statements = [f"SELECT a{i} FROM t{i} WHERE x = {i};\n" for i in range(2000)]
    text = "".join(statements)
    analyzer = Analyzer("file:///big.sql")
    analyze(analyzer, text, 1)
    assert analyzer.parsed == 2000 + 1  # and the empty tail
    # a one-character edit in the middle: one statement parsed again
    at = text.index("x = 1000;")
    text = text[:at] + "y" + text[at + 1 :]
    analysis = analyze(analyzer, text, 2)
    assert analyzer.parsed == 2002
    assert len(analysis.chunks) == 2001
    # break it (a syntax error) and repair it: the repaired statement is still
    # in the cache (the previous generation is kept)
    text = text[:at] + "y =  = 1000" + text[at + len("y = 1000") :]
    assert len(analyze(analyzer, text, 3).syntax_errors) == 1
    text = text[:at] + "y = 1000" + text[at + len("y =  = 1000") :]
    assert analyze(analyzer, text, 4).syntax_errors == []
    assert analyzer.parsed == 2003
    # opening a string literal swallows the rest; closing it restores the old chunks from the cache
    at = text.index("a1500")
    broken = text[:at] + "'" + text[at:]
    assert len(analyze(analyzer, broken, 5).chunks) < 2001
    before = analyzer.parsed
    assert len(analyze(analyzer, text, 6).chunks) == 2001
    assert analyzer.parsed - before <= 2


def test_same_version_is_not_analysed_twice() -> None:
    analyzer = Analyzer("file:///t.sql")
    text = "SELECT 1;"
    first = analyze(analyzer, text, 1)
    assert analyze(analyzer, text, 1) is first


def test_target_change_parses_again() -> None:
    analyzer = Analyzer("file:///t.sql")
    text = "DELETE FROM t LIMIT 1;"
    assert len(analyze(analyzer, text, 1).syntax_errors) == 1
    other = Target.from_options(None, ["SQLITE_ENABLE_UPDATE_DELETE_LIMIT"])
    assert analyzer.analyze(text, 1, None, Config(), other, "utf-16").syntax_errors == []


def test_large_documents_are_analysed_and_edited_statement_by_statement() -> None:
    analyzer = Analyzer("file:///t.sql")
    statements = [f"SELECT {i} FROM t{i};\n" for i in range(40_000)]
    statements[-1] = "SELEC 1;\n"
    text = "".join(statements)
    assert len(text) > 800_000
    analysis = analyze(analyzer, text, 1)
    assert len(analysis.chunks) == 40_001 and len(analysis.syntax_errors) == 1
    parsed = analyzer.parsed
    at = text.index("FROM t20000")
    edited = text[:at] + "FROM " + text[at:]  # SELECT 20000 FROM FROM t20000;
    analysis = analyze(analyzer, edited, 2)
    assert analyzer.parsed == parsed + 1
    assert len(analysis.syntax_errors) == 2


def test_stale_analysis_stops_and_keeps_what_it_parsed() -> None:
    from syntaqlite.lsp.documents import STALE, Stale

    analyzer = Analyzer("file:///t.sql")
    text = "".join(f"SELECT {i};\n" for i in range(1000))
    calls = 0

    def stale() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    token = STALE.set(stale)
    try:
        with pytest.raises(Stale):
            analyze(analyzer, text, 1)
    finally:
        STALE.reset(token)
    parsed = analyzer.parsed
    assert 0 < parsed < 1000
    analyze(analyzer, text, 2)
    assert analyzer.parsed == 1001  # the rest, and the empty tail


def test_split_statements() -> None:
    keywords = TARGET.keywords
    assert split_statements("", keywords) == [""]
    assert split_statements("SELECT 1; SELECT 2", keywords) == ["SELECT 1;", " SELECT 2"]
    assert split_statements("SELECT 1;\n", keywords) == ["SELECT 1;", "\n"]
    assert split_statements(";;", keywords) == [";", ";", ""]
    trigger = "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2; END;"
    assert split_statements(trigger + " SELECT 3;", keywords) == [trigger, " SELECT 3;", ""]
    assert split_statements("SELECT ';'; -- ;\nSELECT 2;", keywords) == [
        "SELECT ';';",
        " -- ;\nSELECT 2;",
        "",
    ]
    assert split_statements("SELECT 'open; SELECT 2;", keywords) == ["SELECT 'open; SELECT 2;"]


def whole_text_split(text: str) -> list[str]:
    """Statement chunks as the tokens of the whole text cut it (what
    :func:`iter_statements` finds a window at a time)."""
    toks = [t for t in tokenize(text, TARGET.keywords) if t.kind != COMMENT]
    toks += [Token("SEMI", "", len(text), 0, 0), Token(END, "", len(text), 0, 0)]  # the input's end
    ends = []
    i = 0
    while toks[i].kind != END:
        e = statement_end(toks, i, i)
        if not toks[e].text:
            break
        ends.append(toks[e].end)
        i = e + 1
    starts = [0, *ends]
    return [text[a:b] for a, b in zip(starts, ends, strict=False)] + [text[starts[-1] :]]


def fields(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [(t.kind, t.text, t.start, t.end, t.line, t.column, t.index) for t in tokens]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, "SELECT 1;", "'a;b'", "x'0a';", "\r", "\r\n", "\t"]), max_size=40),
    st.integers(1, 24),
)
def test_statements_found_a_window_at_a_time_are_the_whole_texts(pieces: list[str], window: int) -> None:
    text = "".join(pieces)
    assert list(iter_statements(text, TARGET.keywords, None, window)) == whole_text_split(text)
    # each with its tokens as tokenizing it alone gives them
    for piece, tokens in statements_with_tokens(text, TARGET.keywords, None, window):
        assert fields(tokens) == fields(tokenize(piece, TARGET.keywords))


def test_a_new_document_is_reported_statement_by_statement(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "PROGRESS_FIRST", 0.0)
    monkeypatch.setattr(documents, "PROGRESS_SHARE", 0.0)
    text = "".join(BASE.replace(";\n", f"; -- {i}\n") for i in range(5))
    reports: list[documents.Analysis] = []
    analyzer = Analyzer("file:///t.sql")

    def progress(prefix: documents.Analysis) -> None:
        reports.append(prefix)
        if len(reports) == 40 and prefix.version == 1:
            raise Stale  # an edit came in

    with pytest.raises(Stale):
        analyzer.analyze(text, 1, None, Config(), TARGET, "utf-16", progress=progress)
    assert analyzer.parsed == len({c.text for c in reports[-1].chunks[:-1]})  # identical ones parsed once
    for prefix in reports:
        assert prefix.text == text[: len(prefix.text)]
        assert [c.text for c in prefix.chunks] == split_statements(prefix.text, TARGET.keywords)
        assert prefix._starts == [c.start for c in prefix.chunks]
        assert prefix.index_of(prefix.chunks[-1]) == len(prefix.chunks) - 1
        assert diagnostics_key(prefix.syntax_errors) == diagnostics_key(parse(prefix.text, TARGET).errors)
    # the next analysis parses only the rest
    reports.clear()
    analysis = analyzer.analyze(text + "SELECT 9;", 2, None, Config(), TARGET, "utf-16", progress=progress)
    assert analyzer.parsed == len({c.text for c in analysis.chunks})
    assert [c.text for c in analysis.chunks] == split_statements(text + "SELECT 9;", TARGET.keywords)
