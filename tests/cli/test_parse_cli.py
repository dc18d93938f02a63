"""``syntaqlite parse`` and ``syntaqlite tokenize`` on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from syntaqlite import __version__


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    r = run("--version")
    assert r.code == 0 and __version__ in r.out


def test_parse_expression(run) -> None:  # type: ignore[no-untyped-def]
    r = run("parse", "-e", "SELECT a FROM t")
    assert r.code == 0
    assert "select_core 1:1-1:16" in r.out
    assert 'ID "t" 1:15' in r.out


def test_parse_file_with_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "q.sql"
    f.write_text("SELECT 1;\nSELECT a FORM t;\n")
    r = run("parse", str(f))
    assert r.code == 1
    assert f"--> {f}:2:15" in r.err
    assert "error[syntax]: syntax error near 't'" in r.err
    assert "^" in r.err


def test_parse_json(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "q.sql"
    f.write_text("SELECT 1 -- one\n")
    r = run("parse", "--json", str(f))
    assert r.code == 0
    data = json.loads(r.out)
    (stmt,) = data["statements"]
    assert stmt["kind"] == "stmt"
    assert stmt["children"][0]["kind"] == "select_core"
    assert data["comments"][0]["text"] == "-- one"
    assert data["errors"] == []


def test_parse_stdin(run) -> None:  # type: ignore[no-untyped-def]
    r = run("parse", stdin="SELECT 1")
    assert r.code == 0 and "select_core" in r.out
    r = run("parse", "-", stdin="SELEC 1")
    assert r.code == 1 and "<stdin>:1:1" in r.err


def test_missing_file_and_bad_utf8(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = run("parse", str(tmp_path / "nope.sql"))
    assert r.code == 2 and "no such file" in r.err and "Traceback" not in r.err
    bad = tmp_path / "bad.sql"
    bad.write_bytes(b"SELECT 1;\nSELECT '\xff';\n")
    r = run("parse", str(bad))
    assert r.code == 2
    assert f"{bad}:2:9: not valid UTF-8" in r.err
    assert "Traceback" not in r.err


def test_directory_is_usage_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = run("parse", str(tmp_path))
    assert r.code == 2 and "Traceback" not in r.err


def test_unknown_option_is_usage_error(run) -> None:  # type: ignore[no-untyped-def]
    r = run("parse", "--frobnicate")
    assert r.code == 2 and "No such option" in r.err


def test_tokenize(run) -> None:  # type: ignore[no-untyped-def]
    r = run("tokenize", "-e", "SELECT a -- c")
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[0] == '1:1\tSELECT\t"SELECT"'
    assert lines[-1] == '1:10\tCOMMENT\t"-- c"'
    r = run("tokenize", "--json", "-e", "'x")
    assert r.code == 1 and json.loads(r.out.splitlines()[0])["kind"] == "ILLEGAL"


def _long_text() -> str:
    """A text of several pieces (parse_stream's 64k characters), with
    comments, blank lines, a syntax error in the middle, CR LF endings in
    part, and a statement spanning lines."""
    parts = []
    for i in range(6_000):
        parts.append(f"SELECT {i}, 'x' AS s -- c{i}\n  FROM t{i % 7};\n")
        if i % 1000 == 250:
            parts.append("/* block\n comment */\nSELEC 1;\n\n")
        if i % 1400 == 0:
            parts.append("SELECT 'crlf';\r\n")
    return "".join(parts) + "-- the end"


def test_the_streamed_dump_is_the_whole_dump(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``parse`` prints a large file piece by piece; the text and the JSON
    are those of the whole file parsed at once."""
    from syntaqlite.diagnostics import render
    from syntaqlite.syntax.dump import dump_text, json_chunks, to_json
    from syntaqlite.syntax.parser import parse

    text = _long_text()
    assert len(text) > 3 * 64_000
    f = tmp_path / "big.sql"
    f.write_bytes(text.encode())
    whole = parse(text)
    assert len(whole.errors) == 6
    errors = "".join(render(e, text, str(f)) + "\n" for e in whole.errors)
    r = run("parse", str(f))
    assert r.code == 1 and r.out == dump_text(whole) and r.err == errors
    r = run("parse", "--json", str(f))
    assert r.code == 1 and r.out == "".join(json_chunks(to_json(whole, str(f)))) + "\n" and r.err == errors
    r = run("parse", "-q", "--json", str(f))
    assert r.code == 1 and r.out == "" and r.err == errors


@pytest.mark.parametrize("as_json", [False, True])
def test_no_collection_walks_a_piece_while_it_is_printed(
    as_json: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tree (or JSON) of each piece is printed with the collector off,
    and the piece freed before it is on: a collection finds few young
    objects, not the 24,000 tokens, the tree and the JSON of a long INSERT."""
    from syntaqlite.cli.files import Source
    from syntaqlite.cli.parse import _stream_dump, _stream_json
    from syntaqlite.syntax.target import DEFAULT_TARGET
    from tests.test_stream import _young_at_collections

    rows = ",\n".join(f"({i}, 'v{i}', NULL)" for i in range(4_000))
    source = Source("t.sql", "SELECT 1;\n" * 3_000 + f"INSERT INTO t VALUES {rows};\nSELECT 2;\n")
    if as_json:
        young = _young_at_collections(lambda: _stream_json(source, DEFAULT_TARGET, False))
        assert (
            json.loads(capsys.readouterr().out)["statements"][3_000]["children"][0]["kind"] == "insert_stmt"
        )
    else:
        young = _young_at_collections(lambda: _stream_dump(source, DEFAULT_TARGET, False, False))
        assert "  insert_stmt 3001:1-" in capsys.readouterr().out
    assert young < 3_000
