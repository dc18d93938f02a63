"""Checking after an edit visits only the edited statements, and finds
what checking the whole text afresh finds."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from syntaqlite.config import Config
from syntaqlite.lsp import documents
from syntaqlite.lsp.documents import Analyzer
from syntaqlite.lsp.validation import ValidatorSemantics
from syntaqlite.syntax.target import Target

BASE = (
    "CREATE TABLE t (a INTEGER, b TEXT);\n"
    "SELECT a, c FROM t;\n"
    "CREATE TABLE u (x);\n"
    "SELECT x FROM u JOIN t ON t.a = u.x;\n"
    "INSERT INTO t (a, b) VALUES (1, 'x');\n"
    "CREATE TABLE t (z);\n"
    "DROP TABLE u;\n"
    "SELECT x FROM u;\n"
    "ALTER TABLE t ADD COLUMN d;\n"
    "SELECT d FROM t;\n"
)
PIECES = [
    "",
    ";",
    " ",
    "\n",
    "x",
    "a",
    "SELECT ",
    "CREATE TABLE v (q);\n",
    "DROP TABLE t;\n",
    "SELECT q FROM v;\n",
    "'",
    "(",
    ")",
]


def key(diagnostics) -> list[tuple[int, int, str, str]]:  # type: ignore[no-untyped-def]
    return [(d.start, d.end, d.code, d.message) for d in diagnostics]


def fresh(text: str) -> list[tuple[int, int, str, str]]:
    analysis = Analyzer("file:///fresh.sql").analyze(text, 1, None, Config(), Target(), "utf-16")
    return key(ValidatorSemantics().diagnostics(analysis))


edit = st.tuples(st.floats(0, 1), st.integers(0, 6), st.sampled_from(PIECES))


@settings(max_examples=60, deadline=None)
@given(st.lists(edit, min_size=1, max_size=10))
def test_random_edits_match_a_fresh_check(edits: list[tuple[float, int, str]]) -> None:
    analyzer = Analyzer("file:///t.sql")
    semantics = ValidatorSemantics()
    text = BASE
    for version, (where, length, insert) in enumerate(edits, 1):
        start = int(where * len(text))
        text = text[:start] + insert + text[start + length :]
        analysis = analyzer.analyze(text, version, None, Config(), Target(), "utf-16")
        assert key(semantics.diagnostics(analysis)) == fresh(text)


def test_an_edit_checks_only_the_edited_statement() -> None:
    statements = [f"SELECT a{i % 7} FROM t WHERE a0 = {i};\n" for i in range(3000)]
    text = "CREATE TABLE t (a0, a1, a2, a3, a4, a5);\n" + "".join(statements)
    analyzer = Analyzer("file:///big.sql")
    semantics = ValidatorSemantics()
    checked = 0
    original = semantics._check_chunk

    def counting(*args):  # type: ignore[no-untyped-def]
        nonlocal checked
        checked += 1
        return original(*args)

    semantics._check_chunk = counting  # type: ignore[method-assign]
    analysis = analyzer.analyze(text, 1, None, Config(), Target(), "utf-16")
    assert len(semantics.diagnostics(analysis)) == 428  # a6 does not exist (i % 7 == 6)
    checked = 0
    rng = random.Random(3)
    for version in range(2, 12):
        at = text.index("WHERE", rng.randrange(len(text) - 100))
        text = text[:at] + "WHERE a6 = 1 AND " + text[at + len("WHERE ") :]
        analysis = analyzer.analyze(text, version, None, Config(), Target(), "utf-16")
        semantics.diagnostics(analysis)
        assert analysis.reused is not None
    assert checked == 10  # one statement an edit
    assert key(semantics.diagnostics(analysis)) == fresh(text)


def test_progressive_first_check_matches_a_fresh_check(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A new document reported statement by statement (as the server does
    for a large one): each prefix is checked reusing the one before, finds
    what checking that prefix afresh finds, and the whole document, checked
    last, only its new statements."""
    monkeypatch.setattr(documents, "PROGRESS_FIRST", 0.0)
    monkeypatch.setattr(documents, "PROGRESS_SHARE", 0.0)
    text = "".join(BASE.replace(";\n", f"; -- {i}\n") for i in range(3)) + "SELECT a FROM t"
    semantics = ValidatorSemantics()
    checked = 0
    original = semantics._check_chunk

    def counting(*args):  # type: ignore[no-untyped-def]
        nonlocal checked
        checked += 1
        return original(*args)

    semantics._check_chunk = counting  # type: ignore[method-assign]
    prefixes: list[str] = []

    def progress(prefix: documents.Analysis) -> None:
        assert prefix.text == text[: len(prefix.text)]
        assert prefix.chunks[-1].text == ""
        if prefixes:
            assert prefix.reused is not None and prefix.reused[0] is prefixes[-1]
        prefixes.append(prefix.text)
        assert key(semantics.diagnostics(prefix)) == fresh(prefix.text)

    analyzer = Analyzer("file:///t.sql")
    analysis = analyzer.analyze(text, 1, None, Config(), Target(), "utf-16", progress=progress)
    assert len(prefixes) == len(analysis.chunks) - 1  # after every statement but the last
    assert analysis.reused is not None and analysis.reused[0] is prefixes[-1]
    assert key(semantics.diagnostics(analysis)) == fresh(text)
    # each chunk once, and each prefix's empty end at most once (not every
    # chunk of every prefix again)
    assert len(analysis.chunks) <= checked <= 2 * len(analysis.chunks)
