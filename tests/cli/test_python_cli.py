"""``syntaqlite check`` on Python files, through the real command."""

from __future__ import annotations

import json
from pathlib import Path

APP = '''\
import sqlite3

SCHEMA = """
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
"""


def init(con: sqlite3.Connection) -> None:
    con.executescript(SCHEMA)


def find(con, uid, name):
    con.execute("SELECT nme FROM users WHERE id = ?", (uid, name))
    con.execute(
        "SELECT name "
        "FROM user\\t"  # a typo, after an escape
        "WHERE id = :id", {"uid": uid})
    return con.execute(f"SELECT * FROM users WHERE name = '{name}'")
'''


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_python_files_in_a_directory(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "app.py", APP)
    write(tmp_path / "plain.py", "print('SELECT * FROM nowhere')\n")  # not SQL: where it goes decides
    r = run("check", ".", "--format", "concise", cwd=tmp_path)
    assert r.code == 1, r.err
    assert r.out.splitlines() == [
        "app.py:13:25: error[unknown-column] no such column: nme (did you mean 'name'?)",
        "app.py:13:55: error[parameter-mismatch] Incorrect number of bindings supplied. "
        "The current statement uses 1, and there are 2 supplied.",
        "app.py:16:15: error[unknown-table] no such table: user (did you mean 'users'?)",
        "app.py:17:27: error[parameter-mismatch] You did not supply a value for binding parameter :id.",
        "app.py:18:60: warning[dynamic-sql] SQL built with an f-string field: the value of `name` becomes "
        "SQL text (pass values as parameters (? or :name) and bind them; never format them into the SQL)",
    ]
    assert "in 1 file." in r.err  # plain.py sends no SQL


def test_python_files_without_sql(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "plain.py", "print('SELECT * FROM nowhere')\n")
    r = run("check", ".", cwd=tmp_path)
    assert r.code == 0 and r.out == ""
    assert "No SQL found: 1 Python file sends none to SQLite." in r.err


def test_rustc_style_points_into_the_python_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path / "app.py", APP)
    r = run("check", str(f))
    assert f"--> {f}:16:15" in r.out
    assert '16 |         "FROM user\\t"  # a typo, after an escape' in r.out
    assert "   |               ^^^^" in r.out


def test_machine_formats(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "app.py", APP)
    rows = json.loads(run("check", "app.py", "--format", "json", cwd=tmp_path).out)
    assert [(d["line"], d["column"], d["code"]) for d in rows][:2] == [
        (13, 25, "unknown-column"),
        (13, 55, "parameter-mismatch"),
    ]
    gh = run("check", "app.py", "--format", "github", cwd=tmp_path).out
    assert (
        "::error file=app.py,line=17,col=27,endLine=17,endColumn=39,title=syntaqlite parameter-mismatch::"
        in gh
    )
    sarif = json.loads(run("check", "app.py", "--format", "sarif", cwd=tmp_path).out)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["parameter-mismatch"]["shortDescription"]["text"].startswith("The parameters a call binds")


def test_configuration(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "app.py", APP)
    write(tmp_path / "q.sql", "SELECT 1;\n")
    r = run("check", "--no-python", ".", cwd=tmp_path)
    assert r.code == 0 and "All checks passed (1 file)." in r.err
    write(tmp_path / "syntaqlite.toml", '[python]\ncheck = false\n\n[check]\ndynamic-sql = "off"\n')
    r = run("check", ".", cwd=tmp_path)
    assert r.code == 0 and "(1 file)" in r.err
    r = run("check", "app.py", "--format", "concise", cwd=tmp_path)  # named: always checked
    assert r.code == 1 and "dynamic-sql" not in r.out
    write(tmp_path / "syntaqlite.toml", "[python]\ncalls = ['not a name']\n")
    r = run("check", "app.py", cwd=tmp_path)
    assert r.code == 2 and "[python] calls: 'not a name' is not a name" in r.err and "Traceback" not in r.err


def test_configured_calls_and_project_schema(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "schema.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT);\n")
    write(tmp_path / "syntaqlite.toml", 'schema = ["schema.sql"]\n[python]\ncalls = ["db.fetch"]\n')
    write(tmp_path / "app.py", "def f(db):\n    return db.fetch('SELECT titel FROM items')\n")
    r = run("check", ".", "--format", "concise", cwd=tmp_path)
    assert r.out == "app.py:2:29: error[unknown-column] no such column: titel (did you mean 'title'?)\n"


def test_ignore_explain_and_stdin(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path / "app.py", APP)
    r = run(
        "check", str(f), "--ignore", "dynamic-sql", "--ignore", "parameter-mismatch", "--format", "concise"
    )
    assert "dynamic-sql" not in r.out and "parameter-mismatch" not in r.out and r.code == 1
    r = run("check", "--explain", "multiple-statements")
    assert r.code == 0 and "Use instead:\n    con.executescript(" in r.out
    r = run("check", "--stdin-filename", "piped.py", "--format", "concise", stdin=APP, cwd=tmp_path)
    assert r.code == 1 and r.out.startswith("piped.py:13:25: error[unknown-column]")


def test_invalid_python_is_a_warning_with_its_place(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "bad.py", "import sqlite3\ndef f(:\n    pass\n")
    r = run("check", "bad.py", cwd=tmp_path)
    assert r.code == 0
    assert "warning: bad.py:2:7: not checked: invalid Python: invalid syntax" in r.err
    assert "Traceback" not in r.err


FMT_APP = '''\
import sqlite3


def find(con, q):
    return con.execute("""
        select id,name from users where name like ? order by id
    """, (q,))
'''


def test_fmt_python(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = write(tmp_path / "app.py", FMT_APP)
    r = run("fmt", "app.py", cwd=tmp_path)
    assert r.code == 2 and "needs --python or [format] python = true" in r.err
    r = run("fmt", "--python", "--check", ".", cwd=tmp_path)
    assert r.code == 1 and "would reformat: app.py" in r.out
    r = run("fmt", "--python", ".", cwd=tmp_path)
    assert r.code == 0, r.err
    assert f.read_text() == FMT_APP.replace(
        "        select id,name from users where name like ? order by id\n",
        "        SELECT id, name FROM users WHERE name LIKE ? ORDER BY id\n",
    )
    write(tmp_path / "syntaqlite.toml", "[format]\npython = true\nkeyword-case = 'lower'\n")
    r = run("fmt", ".", cwd=tmp_path)
    assert r.code == 0 and "1 file reformatted" in r.err
    assert "select id, name from users where name like ? order by id" in f.read_text()
    r = run("fmt", "--stdin-filename", "x.py", stdin=FMT_APP, cwd=tmp_path)
    assert r.code == 0 and "select id, name from users" in r.out
