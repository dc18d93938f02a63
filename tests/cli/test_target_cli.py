"""--sqlite-version and --sqlite-cflag on every command, and the same keys
in configuration; the Python API's sqlite_version and sqlite_cflags."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

import syntaqlite
from syntaqlite.syntax.target import TargetError

RETURNING = "DELETE FROM t RETURNING *;\n"


def test_parse_for_an_older_release(run) -> None:  # type: ignore[no-untyped-def]
    r = run("parse", "--sqlite-version", "3.30.0", "-e", RETURNING)
    assert r.code == 1
    assert "error[syntax]: RETURNING requires SQLite 3.35.0 or later; checking for 3.30.0" in r.err
    assert " --> <expr>:1:15" in r.err and "^^^^^^^^^" in r.err
    assert "Traceback" not in r.err
    r = run("parse", "--sqlite-version", "3.35.0", "-q", "-e", RETURNING)
    assert (r.code, r.err) == (0, "")


def test_bad_version_and_option_are_usage_errors(run) -> None:  # type: ignore[no-untyped-def]
    for command in ("parse", "tokenize", "check", "fmt", "lsp"):
        r = run(command, "--sqlite-version", "3.99.0", stdin="SELECT 1\n")
        assert r.code == 2, (command, r.err)
        assert "unknown SQLite version '3.99.0'" in r.err and "3.53.0-3.53.4" in r.err, command
        assert "Traceback" not in r.err
    r = run("parse", "--sqlite-cflag", "SQLITE_OMIT_EVERYTHING", "-e", "SELECT 1")
    assert r.code == 2
    assert "unknown compile-time option SQLITE_OMIT_EVERYTHING" in r.err
    assert "SQLITE_ENABLE_UPDATE_DELETE_LIMIT" in r.err and "Traceback" not in r.err


def test_cflags_on_parse_and_tokenize(run) -> None:  # type: ignore[no-untyped-def]
    trigger = "CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; END"
    r = run("parse", "-q", "--sqlite-cflag", "SQLITE_OMIT_TRIGGER", "-e", trigger)
    assert r.code == 1
    assert "CREATE TRIGGER is not available: SQLite built with SQLITE_OMIT_TRIGGER" in r.err
    r = run("tokenize", "--sqlite-version", "3.37.2", "-e", "SELECT a->b")
    assert r.code == 0
    assert [line.split("\t")[1] for line in r.out.splitlines()] == ["SELECT", "ID", "MINUS", "GT", "ID"]


def test_configuration_keys(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "syntaqlite.toml").write_text('sqlite-version = "3.30.0"\n')
    f = tmp_path / "q.sql"
    f.write_text(RETURNING)
    r = run("parse", "-q", str(f))
    assert r.code == 1 and "checking for 3.30.0" in r.err
    r = run("parse", "-q", "-e", RETURNING, cwd=tmp_path)
    assert r.code == 1 and "checking for 3.30.0" in r.err
    # the command line wins, key by key
    r = run("parse", "-q", "--sqlite-version", "latest", str(f))
    assert (r.code, r.err) == (0, "")
    # pyproject.toml's [tool.syntaqlite]
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[tool.syntaqlite]\nsqlite-cflags = ["SQLITE_OMIT_RETURNING"]\n')
    g = sub / "q.sql"
    g.write_text(RETURNING)
    r = run("parse", "-q", str(g))
    assert r.code == 1 and "SQLITE_OMIT_RETURNING" in r.err
    r = run("check", str(g))
    assert r.code == 1 and "RETURNING is not available" in r.out
    # a bad key is a usage error that names the file
    (sub / "pyproject.toml").write_text('[tool.syntaqlite]\nsqlite-version = "3.99.1"\n')
    r = run("parse", "-q", str(g))
    assert r.code == 2 and "pyproject.toml" in r.err and "unknown SQLite version" in r.err


def test_check_and_functions(run) -> None:  # type: ignore[no-untyped-def]
    r = run("check", "--sqlite-version", "3.40.1", "-e", "SELECT sin(1)")
    assert r.code == 1
    assert "sin() needs SQLite built with SQLITE_ENABLE_MATH_FUNCTIONS" in r.out
    r = run(
        "check",
        "--sqlite-version",
        "3.40.1",
        "--sqlite-cflag",
        "SQLITE_ENABLE_MATH_FUNCTIONS",
        "-e",
        "SELECT sin(1)",
    )
    assert r.code == 0, r.out


def test_fmt_keeps_a_file_the_target_cannot_parse(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "q.sql"
    f.write_text("delete from t returning *;\n")
    r = run("fmt", "--sqlite-version", "3.34.1", str(f))
    assert r.code == 2 and "RETURNING requires SQLite 3.35.0" in r.err
    assert f.read_text() == "delete from t returning *;\n"
    r = run("fmt", "--sqlite-version", "3.35.0", str(f))
    assert r.code == 0 and f.read_text() == "DELETE FROM t RETURNING *;\n"


def _frame(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


@pytest.mark.parametrize("args", [("--sqlite-version", "3.30.0"), ()])
def test_lsp_takes_the_target(tmp_path: Path, args: tuple[str, ...]) -> None:
    pytest.importorskip("pygls")
    uri = (tmp_path / "x.sql").as_uri()
    messages = [
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "capabilities": {}},
        },
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": RETURNING}},
        },
    ]
    proc = subprocess.Popen(
        [sys.executable, "-m", "syntaqlite", "lsp", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b"".join(_frame(m) for m in messages))
    proc.stdin.flush()
    out = b""
    deadline = time.monotonic() + 60
    while b"publishDiagnostics" not in out and time.monotonic() < deadline:
        chunk = proc.stdout.read1(65536)
        if not chunk:
            break
        out += chunk
    proc.stdin.write(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None}))
    proc.stdin.write(_frame({"jsonrpc": "2.0", "method": "exit", "params": None}))
    proc.stdin.close()
    proc.wait(60)
    assert b"publishDiagnostics" in out
    expected = b"RETURNING requires SQLite 3.35.0 or later; checking for 3.30.0"
    assert (expected in out) is bool(args)


# ---- the Python API ----------------------------------------------------------------


def test_api() -> None:
    result = syntaqlite.parse(RETURNING, sqlite_version="3.32.0", sqlite_cflags=[])
    assert [e.message for e in result.errors] == [
        "RETURNING requires SQLite 3.35.0 or later; checking for 3.32.0"
    ]
    assert syntaqlite.parse(RETURNING).ok
    assert syntaqlite.parse("DELETE FROM t LIMIT 1", sqlite_cflags=["SQLITE_ENABLE_UPDATE_DELETE_LIMIT"]).ok
    with pytest.raises(syntaqlite.FormatError) as info:
        syntaqlite.format_sql(RETURNING, sqlite_version="3.34.1")
    assert "RETURNING" in info.value.diagnostics[0].message
    assert syntaqlite.format_sql("delete from t returning *", sqlite_version="3.35.0") == RETURNING
    codes = [d.code for d in syntaqlite.check("SELECT sin(1)", sqlite_version="3.40.1")]
    assert codes == ["unknown-function"]
    with pytest.raises(TargetError):
        syntaqlite.parse("SELECT 1", sqlite_version="3.9.9")
    with pytest.raises(ValueError, match="unknown compile-time option"):
        syntaqlite.check("SELECT 1", sqlite_cflags=["SQLITE_NOPE"])
