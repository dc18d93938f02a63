"""``syntaqlite check`` on real files, as a user (or CI) runs it."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

SCHEMA = "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_rustc_style_report_and_exit_status(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path / "q.sql", SCHEMA + "SELECT nme FROM users;\nSELECT * FROM userz;\n")
    r = run("check", str(f))
    assert r.code == 1
    assert "error[unknown-column]: no such column: nme" in r.out
    assert f"--> {f}:2:8" in r.out
    assert "2 | SELECT nme FROM users;" in r.out
    assert "  |        ^^^" in r.out
    assert "= help: did you mean 'name'?" in r.out
    assert "error[unknown-table]: no such table: userz" in r.out  # every error, not just the first
    assert "Found 2 errors and 0 warnings in 1 file." in r.err
    assert "\x1b[" not in r.out  # not a terminal: no colour


def test_clean_file_and_warnings_only(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ok = write(tmp_path / "ok.sql", SCHEMA + "SELECT name FROM users;\n")
    r = run("check", str(ok))
    assert r.code == 0 and r.out == "" and "All checks passed (1 file)." in r.err
    # No schema for `events`: a warning, exit 0 unless --strict.
    warn = write(tmp_path / "w.sql", "SELECT kind FROM events;\n")
    r = run("check", str(warn))
    assert r.code == 0 and "warning[unknown-table]: no such table: events" in r.out
    assert run("check", "--strict", str(warn)).code == 1


def test_syntax_errors_reported_with_semantic_ones(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path / "q.sql", SCHEMA + "SELECT name FORM users;\nSELECT nme FROM users;\n")
    r = run("check", "--format", "concise", str(f))
    assert r.code == 1
    lines = r.out.splitlines()
    assert lines[0].startswith(f"{f}:2:") and "error[syntax]" in lines[0]
    assert lines[1] == f"{f}:3:8: error[unknown-column] no such column: nme (did you mean 'name'?)"


def test_expr_and_stdin(run) -> None:  # type: ignore[no-untyped-def]
    r = run("check", "-e", SCHEMA + "SELECT emial FROM users")
    assert r.code == 1 and "<expr>:2:8" in r.out
    r = run("check", "--format", "concise", "-", stdin=SCHEMA + "SELECT upper(name, 1) FROM users;\n")
    assert r.code == 1 and "<stdin>:2:8: error[wrong-arity]" in r.out


def test_json_github_sarif(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path / "q.sql", SCHEMA + "SELECT nme FROM users;\n")
    rows = json.loads(run("check", "--format", "json", str(f)).out)
    assert rows == [
        {
            "path": str(f),
            "code": "unknown-column",
            "severity": "error",
            "message": "no such column: nme",
            "start": len(SCHEMA) + 7,
            "end": len(SCHEMA) + 10,
            "line": 2,
            "column": 8,
            "end_line": 2,
            "end_column": 11,
            "help": "did you mean 'name'?",
            "replacement": "name",
            "fix": {"replacement": "name", "applicability": "unsafe"},
        }
    ]
    gh = run("check", "--format", "github", str(f))
    assert gh.code == 1
    assert gh.out.startswith(
        f"::error file={f},line=2,col=8,endLine=2,endColumn=11,title=syntaqlite unknown-column::"
    )
    sarif = json.loads(run("check", "--format", "sarif", str(f)).out)
    assert sarif["version"] == "2.1.0"
    run0 = sarif["runs"][0]
    assert run0["tool"]["driver"]["name"] == "syntaqlite"
    assert any(rule["id"] == "unknown-column" for rule in run0["tool"]["driver"]["rules"])
    (result,) = run0["results"]
    assert result["ruleId"] == "unknown-column" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 8, 11)


def test_schema_files_globs_and_databases(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "db" / "a.sql", SCHEMA)
    write(tmp_path / "db" / "b.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER);\n")
    q = write(
        tmp_path / "q.sql",
        "SELECT u.name, o.id FROM users AS u JOIN orders AS o ON o.user_id = u.id;\nSELECT o.total FROM orders AS o;\n",
    )
    r = run("check", "--format", "concise", "--schema", str(tmp_path / "db" / "*.sql"), str(q))
    assert r.code == 1 and r.out.splitlines() == [f"{q}:2:10: error[unknown-column] no such column: o.total"]
    # Without the schema, the same file only warns.
    r = run("check", "--format", "concise", str(q))
    assert r.code == 0 and "warning[unknown-table]" in r.out
    # An existing database, opened read-only and left untouched.
    db = tmp_path / "app.db"
    con = sqlite3.connect(db)
    con.executescript(SCHEMA + "CREATE VIEW names AS SELECT name FROM users;")
    con.close()
    before = db.read_bytes()
    db.chmod(0o444)
    try:
        r = run(
            "check",
            "--format",
            "concise",
            "--schema",
            str(db),
            "-e",
            "SELECT name FROM names; SELECT email FROM names;",
        )
    finally:
        db.chmod(0o644)
    assert r.code == 1 and r.out.splitlines() == ["<expr>:1:32: error[unknown-column] no such column: email"]
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("app.db")) == ["app.db"]


def test_a_database_schema_is_read_as_sqlite_reads_it(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """ANALYZE's sqlite_stat1 is in an analyzed database's schema: it may be
    read, not indexed or altered (SQLite's own names are not refused when a
    schema is read from a database)."""
    db = tmp_path / "analyzed.db"
    con = sqlite3.connect(db)
    con.executescript("CREATE TABLE t(a); CREATE INDEX ta ON t(a); INSERT INTO t VALUES (1); ANALYZE;")
    con.close()
    sql = "SELECT tbl, idx, stat FROM sqlite_stat1;\nCREATE INDEX si ON sqlite_stat1(idx);\nALTER TABLE sqlite_stat1 RENAME tbl TO x;"
    r = run("check", "--format", "concise", "--schema", str(db), "-e", sql)
    assert r.code == 1 and r.out.splitlines() == [
        "<expr>:2:20: error[builtin-table] table sqlite_stat1 may not be indexed",
        "<expr>:3:13: error[builtin-table] table sqlite_stat1 may not be altered",
    ]


def test_schema_problems_are_clear_errors(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    q = write(tmp_path / "q.sql", "SELECT 1;\n")
    r = run("check", "--schema", str(tmp_path / "missing.sql"), str(q))
    assert r.code == 2 and "missing.sql: no such schema file" in r.err and "Traceback" not in r.err
    r = run("check", "--schema", str(tmp_path / "nothing*.sql"), str(q))
    assert r.code == 2 and "no file matches" in r.err
    bad = write(tmp_path / "bad.sql", SCHEMA + "CREATE TABLE oops (a,;\n")
    r = run("check", "--schema", str(bad), "-e", "SELECT name FROM users")
    assert r.code == 0 and f"warning: schema {bad}:2:" in r.err and "left out of the schema" in r.err
    notdb = tmp_path / "junk.db"
    notdb.write_bytes(b"\xff\xfe not sql")
    r = run("check", "--schema", str(notdb), str(q))
    assert r.code == 2 and "junk.db: not valid UTF-8 and not a SQLite database" in r.err


def test_configuration_schema_mapping_and_severities(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "schema" / "main.sql", SCHEMA)
    write(tmp_path / "schema" / "reports.sql", "CREATE TABLE daily (day TEXT, total REAL);\n")
    write(
        tmp_path / "syntaqlite.toml",
        'schema = ["schema/main.sql"]\n\n[schemas]\n"reports/**/*.sql" = ["schema/reports.sql"]\n\n[check]\ndouble-quoted-string = "off"\nunknown-function = "warning"\n',
    )
    app = write(
        tmp_path / "app" / "q.sql",
        'SELECT name, "x" FROM users;\nSELECT * FROM daily;\nSELECT frobnicate(1);\n',
    )
    rep = write(tmp_path / "reports" / "2026" / "q.sql", "SELECT day, total, name FROM daily, users;\n")
    r = run("check", "--format", "concise", str(app), str(rep), cwd=tmp_path)
    assert r.out.splitlines() == [
        f"{app}:2:15: error[unknown-table] no such table: daily",
        f"{app}:3:8: warning[unknown-function] no such function: frobnicate (if the application registers"
        " frobnicate(), declare it in configuration: [check.functions] frobnicate = 1)",
    ]
    assert r.code == 1
    r = run("check", "--format", "concise", "--ignore", "unknown-table", str(app), cwd=tmp_path)
    assert r.code == 0 and "unknown-table" not in r.out


def test_directory_discovery_respects_gitignore(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / ".gitignore", "build/\n")
    write(tmp_path / "src" / "a.sql", SCHEMA + "SELECT nme FROM users;\n")
    write(tmp_path / "build" / "b.sql", "SELECT nme FROM users;\n")
    r = run("check", "--format", "concise", str(tmp_path))
    assert r.code == 1
    assert "a.sql:2:8" in r.out and "b.sql" not in r.out


def test_explain(run) -> None:  # type: ignore[no-untyped-def]
    r = run("check", "--explain", "unknown-column")
    assert r.code == 0 and r.out.startswith("unknown-column (error by default)")
    assert "Example:" in r.out and "Use instead:" in r.out
    r = run("check", "--explain", "all")
    assert r.code == 0 and len(r.out.splitlines()) >= 30 and "ambiguous-column" in r.out
    r = run("check", "--explain", "no-such-code")
    assert r.code == 2 and "unknown check 'no-such-code'" in r.err
    assert run("check", "--ignore", "nope", "-e", "SELECT 1").code == 2


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_unreadable_file_is_a_clear_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nope.sql"
    r = run("check", str(missing))
    assert r.code == 2 and "nope.sql" in r.err and "Traceback" not in r.err


def test_schema_file_checked_itself_is_not_its_own_schema(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "syntaqlite.toml", 'schema = ["schema.sql"]\n')
    schema = write(tmp_path / "schema.sql", SCHEMA + "CREATE INDEX users_name ON users (name);\n")
    q = write(tmp_path / "q.sql", "SELECT name FROM users;\n")
    r = run("check", "--format", "concise", str(schema), str(q), cwd=tmp_path)
    assert r.code == 0 and r.out == "", r.out


DECLARING_APP = """\
CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT COLLATE natsort, body TEXT);
CREATE VIRTUAL TABLE vectors USING vec0 (embedding, distance);
SELECT regexp('^a', title), slug(title), slug(title, '-') FROM notes ORDER BY title COLLATE natsort;
SELECT median(id) FROM notes;
SELECT embedding FROM vectors WHERE distance < 0.5;
REINDEX natsort;
"""


def test_declared_functions_collations_and_modules(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What the application registers, declared in configuration, is known;
    undeclared it is reported, with how to declare it."""
    app = write(tmp_path / "app.sql", DECLARING_APP)
    undeclared = run("check", "--format", "concise", str(app), cwd=tmp_path)
    assert undeclared.code == 1
    assert "no such collation sequence: natsort" in undeclared.out
    assert "no such module: vec0" in undeclared.out
    assert "no such function: regexp" in undeclared.out and "[check.functions] regexp = 2" in undeclared.out
    write(
        tmp_path / "syntaqlite.toml",
        "[check]\n"
        'collations = ["natsort"]\n'
        "[check.functions]\n"
        "regexp = 2\n"
        'slug = "1..2"\n'
        'median = { args = 1, kind = "aggregate" }\n'
        "[check.modules]\n"
        'vec0 = ["embedding", "distance"]\n',
    )
    declared = run("check", str(app), cwd=tmp_path)
    assert declared.code == 0, declared.out + declared.err
    # Declared arities and columns are checked.
    wrong = write(tmp_path / "wrong.sql", DECLARING_APP + "SELECT slug(), nearest FROM vectors;\n")
    found = run("check", "--format", "concise", str(wrong), cwd=tmp_path)
    assert found.code == 1
    assert "wrong number of arguments to function slug()" in found.out
    assert "no such column: nearest" in found.out


def test_bad_declarations_are_configuration_errors(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "syntaqlite.toml", '[check.functions]\nregexp = "two"\n')
    write(tmp_path / "a.sql", "SELECT 1;\n")
    result = run("check", "a.sql", cwd=tmp_path)
    assert result.code == 2
    assert "syntaqlite.toml: [check] function regexp: arguments must be" in result.err
    assert "Traceback" not in result.err


def test_declared_functions_are_non_deterministic_unless_declared_so(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """As SQLite (and Python's create_function) register them by default: an
    index expression, partial-index WHERE or generated column may call an
    application function only when it is declared deterministic."""
    write(
        tmp_path / "syntaqlite.toml",
        "[check.functions]\nslug = 1\nnorm = { args = 1, deterministic = true }\n",
    )
    write(
        tmp_path / "a.sql",
        "CREATE TABLE t (a, b);\n"
        "CREATE INDEX t_norm ON t (norm(a));\n"
        "CREATE TABLE c (a CHECK (slug(a)));\n"
        "SELECT slug(a) FROM t;\n"
        "CREATE INDEX t_slug ON t (slug(a));\n"
        "CREATE TABLE g (a, b AS (slug(a)));\n",
    )
    result = run("check", "--format", "concise", "a.sql", cwd=tmp_path)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith(
        "a.sql:5:27: error[prohibited-expression] non-deterministic functions prohibited in"
    )
    assert "a.sql:6:26:" in lines[1] and "generated columns" in lines[1]
    assert len([line for line in lines if line.startswith("a.sql:")]) == 2
    write(tmp_path / "syntaqlite.toml", '[check.functions]\nslug = { args = 1, deterministic = "yes" }\n')
    bad = run("check", "a.sql", cwd=tmp_path)
    assert bad.code == 2 and "deterministic must be true or false" in bad.err
