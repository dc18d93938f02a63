"""``syntaqlite check`` on Python files, through the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
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


def test_exclusions_apply_to_python_files(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "gen" / "app.py", APP)
    write(tmp_path / "q.sql", "SELECT 1;\n")
    write(tmp_path / "syntaqlite.toml", 'extend-exclude = ["gen/"]\n')
    r = run("check", ".", cwd=tmp_path)
    assert r.code == 0 and "All checks passed (1 file)." in r.err
    r = run("check", "--force-exclude", "gen/app.py", cwd=tmp_path)
    assert r.code == 0 and "error[" not in r.out
    r = run("check", "gen/app.py", "--format", "concise", cwd=tmp_path)  # named: checked
    assert r.code == 1 and "gen/app.py:13:" in r.out
    # [checks] (the original syntaqlite's table) names the Python checks too.
    write(tmp_path / "syntaqlite.toml", '[checks]\nparameter-mismatch = "allow"\n')
    r = run("check", "gen/app.py", "--format", "concise", cwd=tmp_path)
    assert r.code == 1 and "parameter-mismatch" not in r.out and "dynamic-sql" in r.out


def test_fix_rewrites_sql_files_only(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    py = 'import sqlite3\n\n\ndef f(con):\n    return con.execute("SELECT nme FROM (SELECT 1 AS name)")\n'
    app = write(tmp_path / "app.py", py)
    q = write(tmp_path / "q.sql", "SELECT nme FROM (SELECT 1 AS name);\n")
    r = run("check", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)
    assert q.read_text() == "SELECT name FROM (SELECT 1 AS name);\n"
    assert app.read_text() == py  # the editor's code action, not --fix
    assert r.code == 1 and "Fixed 1 problem." in r.err
    assert "1 fix in Python files not applied: --fix rewrites .sql files only" in r.err
    # stdin: the text passes through unchanged, the diagnostics go to stderr.
    r = run("check", "--fix", "--stdin-filename", "piped.py", "-", stdin=py, cwd=tmp_path)
    assert r.out == py and "unknown-column" in r.err and r.code == 1


def _run_with_bug(bug: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(bug) + "\nfrom syntaqlite.cli import main\nmain()\n"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


def test_an_internal_error_in_python_sql_exits_3(tmp_path: Path) -> None:
    write(
        tmp_path / "app.py",
        'import sqlite3\n\ndef f(con):\n    con.execute("SELECT 1")\n    con.execute("SELECT 2")\n',
    )
    bug = """
    from syntaqlite.validator.resolve.resolver import Resolver
    real = Resolver.statement
    def statement(self, body):
        if "2" in self.source[body.start:body.end]:
            raise KeyError("a bug")
        return real(self, body)
    Resolver.statement = statement
    """
    for output in ("text", "concise", "json"):
        r = _run_with_bug(bug, "check", "--format", output, "app.py", cwd=tmp_path)
        assert r.returncode == 3, r.stderr
        assert "All checks passed" not in r.stderr and "Traceback" not in r.stderr
        assert "error: internal error while checking 1 statement" in r.stderr
        assert "internal-error" in r.stdout and "KeyError" in r.stdout
    r = _run_with_bug(bug, "check", "--format", "concise", "app.py", cwd=tmp_path)
    assert r.stdout.startswith("app.py:5:18: error[internal-error]")
    bug = """
    import syntaqlite.python.check as check
    def boom(*args, **kwargs):
        raise IndexError("a bug")
    check.find_sql = boom
    """
    r = _run_with_bug(bug, "check", "--format", "concise", "app.py", cwd=tmp_path)
    assert r.returncode == 3 and "Traceback" not in r.stderr
    assert "internal error while reading the module (IndexError: a bug)" in r.stdout


def test_fmt_python_exit_codes(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path / "app.py", FMT_APP)
    bad = write(tmp_path / "bad.py", "import sqlite3\ndef f(:\n")
    r = run("fmt", "--python", "--check", ".", cwd=tmp_path)
    assert r.code == 2 and "bad.py" in r.err and "Traceback" not in r.err
    assert "would reformat: app.py" in r.out
    bad.unlink()
    write(tmp_path / "syntaqlite.toml", 'extend-exclude = ["app.py"]\n')
    r = run("fmt", "--python", "--check", ".", cwd=tmp_path)
    assert r.code == 0 and "would reformat" not in r.out


def test_fix_on_stdin_named_by_stdin_filename(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = run("check", "--fix", "--stdin-filename", "x.sql", "-", stdin='SELECT "x" FROM (SELECT 1 AS a);\n')
    assert r.code == 0 and r.out == "SELECT 'x' FROM (SELECT 1 AS a);\n" and "Traceback" not in r.err
    assert not (tmp_path / "x.sql").exists()
    plain = "print('no SQL here')\n"
    r = run("check", "--fix", "--stdin-filename", "x.py", "-", stdin=plain, cwd=tmp_path)
    assert r.code == 0 and r.out == plain
