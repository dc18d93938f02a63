"""One large file checked by worker processes, piece by piece
(cli/check_split.py): the findings are those of ``check_stream`` in one
process, piece after piece, and the exit status and output of ``check``
are the same with workers as without."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from syntaqlite.cli import check_split, workers
from syntaqlite.cli.app import cli
from syntaqlite.syntax.target import DEFAULT_TARGET
from syntaqlite.validator.stream import StreamChecker, StreamFindings, check_stream
from tests.test_stream import STATEMENTS

# statements that only read the catalog (what workers check), some wrong
READS = [
    "SELECT a, b FROM t WHERE a > 1",
    "SELECT nope FROM t",
    "SELECT * FROM missing",
    "INSERT INTO t VALUES (1, 'x')",
    "INSERT INTO t(a, b, c) VALUES (1, 2)",
    "UPDATE t SET b = 'y' WHERE a = 2",
    "DELETE FROM u WHERE x = 1",
    "SELECT x FROM u",
    "WITH w(k) AS (SELECT a FROM t) SELECT k FROM w",
    "SELECT 'a; b' AS s, [c;d] AS e",
    "SELEC 1",
]
# statements that change what the pieces after them are checked against
CHANGES = [
    "CREATE TABLE u(x, y)",
    "DROP TABLE u",
    "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)",
    "ALTER TABLE t ADD COLUMN c",
    "CREATE INDEX i ON t(b)",
    "CREATE VIEW v AS SELECT a FROM t",
    "BEGIN",
    "COMMIT",
    "PRAGMA writable_schema = ON",
    "CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; END",
    "ATTACH 'x.db' AS x",
]


def _text(rng: random.Random, count: int, changes: float) -> str:
    parts = ["CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT);\n"]
    for _ in range(count):
        r = rng.random()
        if r < changes:
            parts.append(rng.choice(CHANGES))
        elif r < changes + 0.02:
            parts.append(rng.choice(STATEMENTS))
        else:
            parts.append(rng.choice(READS))
        parts.append(rng.choice([";\n", "; -- c\n", ";\n\n", ";"]))
    return "".join(parts)


def _joined(found: list[StreamFindings]) -> tuple[list[object], list[str]]:
    """The diagnostics and the internal errors, piece after piece."""
    return [d for f in found for d in f.diagnostics], [e for f in found for e in f.internal_errors]


def _both(text: str, size: int) -> tuple[object, object, list[int]]:
    alone = _joined(list(check_stream(text, size=size)))
    tally = [0, 0, 0]
    split = check_split.check_split(text, StreamChecker(), DEFAULT_TARGET, 2, size=size, tally=tally)
    return alone, _joined(list(split)), tally


@pytest.mark.parametrize("seed", range(3))
def test_pieces_checked_by_workers_are_checked_as_in_one_process(seed: int) -> None:
    rng = random.Random(seed)
    by_workers = here = 0
    for _ in range(5):
        text = _text(rng, rng.randint(50, 500), rng.choice([0.0, 0.0, 0.01, 0.05, 0.2]))
        alone, split, tally = _both(text, rng.choice([200, 700, 1_500]))
        assert split == alone
        by_workers, here = by_workers + tally[0], here + tally[1]
    assert by_workers > 10 and here > 0


@pytest.mark.parametrize("seed", range(2))
def test_schema_statements_a_worker_gets_are_done_here_in_order(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the text's keywords not looked at, every piece goes to a worker:
    those that would change the catalog come back and are done here, and
    the pieces given out before that to workers with the old catalog are
    done here too; the next go to workers forked anew."""
    monkeypatch.setattr(check_split, "_SCHEMA_WORDS", re.compile(r"(?!)"))
    rng = random.Random(10 + seed)
    by_workers = here = 0
    for _ in range(3):
        text = _text(rng, rng.randint(200, 400), 0.01)
        alone, split, tally = _both(text, 300)
        assert split == alone
        by_workers, here = by_workers + tally[0], here + tally[1]
    assert by_workers >= 5 and here > 5


# semicolons at the end of a line that end no statement: a piece cut there
# is a wrong guess, which whoever lexes it finds
MISLEADING = [
    "SELECT 'a;\nb' AS s",
    "SELECT 1 /* c;\n d */",
    "SELECT 2 -- e;\n",
    "SELECT [f;\ng] FROM t",
    "CREATE TRIGGER r2 AFTER INSERT ON t BEGIN\n  INSERT INTO t VALUES (1, 'x');\n  DELETE FROM t;\nEND",
    "SELECT 3; -- h\nSELECT 4",
    "SELECT 5;\r\nSELECT 6",
    "SELECT 7;\rSELECT 8",
]


@pytest.mark.parametrize("seed", range(3))
def test_pieces_cut_at_a_wrong_guess_are_cut_again(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces are cut, without lexing, after a semicolon at the end of a
    line; one that ends no statement there (in a string, a comment, a
    quoted name, a trigger's body) is found by whoever lexes it and cut
    again where check_stream cuts, the pieces after it given out anew: the
    same findings, in the same order, and the lines of what follows."""
    rng = random.Random(20 + seed)
    wrong = 0
    for routed in (True, False):
        with monkeypatch.context() as m:
            if not routed:  # every piece to the workers
                m.setattr(check_split, "_SCHEMA_WORDS", re.compile(r"(?!)"))
            for _ in range(3):
                parts = []
                for _ in range(rng.randint(100, 300)):
                    parts.append(rng.choice(MISLEADING) if rng.random() < 0.1 else rng.choice(READS))
                    parts.append(rng.choice([";\n", "; -- c\n", ";\r\n", ";\n\n", "; \n"]))
                text = "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT);\n" + "".join(parts)
                alone, split, tally = _both(text, rng.choice([50, 200, 700]))
                assert split == alone
                wrong += tally[2]
    assert wrong > 5


def test_check_with_workers_prints_and_exits_as_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``check`` of a file of SPLIT_FROM bytes and more, ``-j 2``: the same
    output and exit status as ``-j 1`` (one process)."""
    monkeypatch.setattr(workers, "SPLIT_FROM", 20_000)
    monkeypatch.setattr("syntaqlite.cli.check.SPLIT_FROM", 20_000)
    rng = random.Random(5)
    path = tmp_path / "big.sql"
    path.write_text(_text(rng, 3_000, 0.01), encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(cli, ["check", "--no-cache", "-j", "1", str(path)])
    two = runner.invoke(cli, ["check", "--no-cache", "-v", "-j", "2", str(path)])
    assert one.exit_code == two.exit_code == 1
    assert "checked in pieces by 2 workers" in two.stderr
    assert two.stdout == one.stdout
    assert [
        line for line in two.stderr.splitlines() if not line.startswith("debug:")
    ] == one.stderr.splitlines()


def test_a_file_the_cache_does_not_know_is_read_and_hashed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text read and hashed to ask the results cache is the one
    checked and remembered (a dump's megabytes once, not twice); a second
    run answers from the cache, the same."""
    from syntaqlite.cli import cache, check
    from syntaqlite.validator import stream

    monkeypatch.delenv("SYNTAQLITE_NO_CACHE", raising=False)
    reads: list[str] = []
    hashes: list[int] = []
    checks: list[int] = []
    real_read, real_hash, real_check = check.read_file, cache.fingerprint, stream.check_stream

    def checking(text: str, **kwargs: object) -> object:
        checks.append(len(text))
        return real_check(text, **kwargs)  # type: ignore[arg-type]

    def reading(path: Path, limit: int) -> object:
        reads.append(path.name)
        return real_read(path, limit)

    def hashing(settings: bytes, text: str) -> bytes:
        hashes.append(len(text))
        return real_hash(settings, text)

    monkeypatch.setattr(check, "read_file", reading)
    monkeypatch.setattr(cache, "fingerprint", hashing)
    monkeypatch.setattr(stream, "check_stream", checking)
    path = tmp_path / "a.sql"
    path.write_text("CREATE TABLE t(a);\nSELECT nope FROM t;\n", encoding="utf-8")
    args = ["check", "--cache-dir", str(tmp_path / "cache"), str(path)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 1 and "no such column: nope" in first.stdout
    assert reads == ["a.sql"] and len(hashes) == 1 and len(checks) == 1
    second = CliRunner().invoke(cli, args)
    assert (second.exit_code, second.stdout, second.stderr) == (first.exit_code, first.stdout, first.stderr)
    assert reads == ["a.sql"] * 2 and len(hashes) == 2 and len(checks) == 1  # a hit


def test_a_piece_cut_at_a_guess_starts_on_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every piece's tokens, placed at its line, are on the lines of the
    whole text's tokens (line ends: LF, CR LF, a lone CR), wrong guesses
    and pieces cut again included."""
    from syntaqlite.syntax.lexer import tokenize
    from syntaqlite.syntax.stream import Piece

    monkeypatch.setattr(check_split, "_SCHEMA_WORDS", re.compile(""))  # every piece done here
    rng = random.Random(7)
    parts = []
    for _ in range(400):
        parts.append(rng.choice(MISLEADING) if rng.random() < 0.2 else rng.choice(READS))
        parts.append(rng.choice([";\n", "; -- c\r\n", ";\r\n", ";\r", ";\n\r\n", "; \n"]))
    text = "".join(parts)
    whole = {t.start: t.line for t in tokenize(text)}
    seen: list[tuple[int, int]] = []

    class Watching(StreamChecker):
        __slots__ = ()

        def check(self, piece: Piece, n: int) -> StreamFindings:
            seen.extend((t.start + piece.offset, t.line + piece.line - 1) for t in piece.result.tokens)
            return super().check(piece, n)

    tally = [0, 0, 0]
    list(check_split.check_split(text, Watching(), DEFAULT_TARGET, 2, size=150, tally=tally))
    assert tally[2] > 0 and tally[1] > 20
    assert seen == sorted(whole.items())


def test_a_worker_that_dies_leaves_its_pieces_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process gone (killed, crashed): its piece and the rest are
    checked here, the same."""
    import os

    def dying(text: str, n: int, offset: int, line: int, last: bool) -> check_split.Reply:
        if n >= 3:
            os._exit(9)
        return real(text, n, offset, line, last)

    real = check_split.check_piece
    monkeypatch.setattr(check_split, "check_piece", dying)
    text = _text(random.Random(3), 400, 0.0)
    alone, split, tally = _both(text, 300)
    assert split == alone
    assert tally[1] > 3
