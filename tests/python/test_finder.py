"""Where SQL is found in a module: because of where a string goes, never
because of what it says; names followed only where certain."""

from __future__ import annotations

import textwrap

from syntaqlite.python.check import ModuleInput, check_modules
from syntaqlite.python.finder import FinderOptions, find_sql


def found(code: str, options: FinderOptions | None = None) -> list[tuple[str, str]]:
    module = find_sql(textwrap.dedent(code), options or FinderOptions())
    return [(e.sink, e.piece.text) for e in module.found]


def test_no_keyword_sniffing() -> None:
    assert found("import sqlite3\nMESSAGE = 'SELECT a FROM t'\nprint(MESSAGE)\n") == []
    # Not a SQLite module: its .execute is someone else's.
    assert found("import psycopg\ncur.execute('SELECT 1')\n") == []
    assert found("import psycopg\ncur.execute('SELECT 1')\n", FinderOptions(assume_sqlite=True)) == [
        ("execute", "SELECT 1")
    ]


def test_sinks() -> None:
    code = """
    import sqlite3, aiosqlite
    import pandas as pd
    from sqlalchemy import text as sql_text
    import sqlalchemy as sa
    con.execute("SELECT 1")
    con.executemany("INSERT INTO t VALUES (?)", rows)
    con.executescript("CREATE TABLE t (a);")
    await db.execute(sql="SELECT 2")
    sql_text("SELECT :x")
    sa.text("SELECT 3")
    pd.read_sql("SELECT 4", con)
    pd.read_sql_query(sql="SELECT 5", con=con)
    other.run("SELECT 6")
    """
    assert found(code) == [
        ("execute", "SELECT 1"),
        ("executemany", "INSERT INTO t VALUES (?)"),
        ("executescript", "CREATE TABLE t (a);"),
        ("execute", "SELECT 2"),
        ("text", "SELECT :x"),
        ("text", "SELECT 3"),
        ("read_sql", "SELECT 4"),
        ("read_sql", "SELECT 5"),
    ]
    assert found(code, FinderOptions(calls=("run",)))[-1] == ("call", "SELECT 6")
    assert found("import x\ndb.query('SELECT 7')\n", FinderOptions(calls=("db.query",))) == [
        ("call", "SELECT 7")
    ]


def test_sqlalchemy_url_marks_a_sqlite_module() -> None:
    code = (
        'from sqlalchemy import create_engine, text\ne = create_engine("sqlite:///x.db")\ntext("SELECT 1")\n'
    )
    assert found(code) == [("text", "SELECT 1")]


def test_marker_comment() -> None:
    code = """
    # syntaqlite: sql
    QUERY = "SELECT a FROM t"

    def f():
        return "SELECT b FROM t"  # syntaqlite: sql
    NOT_SQL = "SELECT c"
    """
    assert found(code) == [("marked", "SELECT a FROM t"), ("marked", "SELECT b FROM t")]


def test_names_followed_where_certain() -> None:
    code = """
    import sqlite3
    SQL = "SELECT 1"
    class Repo:
        FIND = "SELECT 2"
        def find(self):
            self.con.execute(self.FIND)
            self.con.execute(Repo.FIND)
    def f(con, flag, where):
        con.execute(SQL)
        q = "SELECT 3"
        con.execute(q)
        q = "SELECT 4"
        q += " WHERE 1"
        con.execute(q)
        r = "SELECT 5"
        if flag:
            r += " WHERE 1"
        con.execute(r)           # not certain: not found
        con.execute(where)       # a parameter: not found
    """
    assert found(code) == [
        ("execute", "SELECT 2"),
        ("execute", "SELECT 2"),
        ("execute", "SELECT 1"),
        ("execute", "SELECT 3"),
        ("execute", "SELECT 4 WHERE 1"),
    ]


def test_a_module_constant_redefined_in_a_branch_is_not_followed() -> None:
    code = """
    import sqlite3
    if X:
        SQL = "SELECT 1"
    else:
        SQL = "SELECT 2"
    con.execute(SQL)
    """
    assert found(code) == []


def test_dynamic_parts_and_where_they_enter() -> None:
    code = (
        "import sqlite3\ndef f(con, name, ids):\n"
        "    con.execute(f\"SELECT * FROM t WHERE name = '{name}' AND id IN ({','.join('?' * len(ids))})\", ids)\n"
    )
    (result,) = check_modules([ModuleInput("m.py", code)])
    (d,) = [d for d in result.diagnostics if d.code == "dynamic-sql"]  # the placeholder list is not
    assert d.code == "dynamic-sql" and "`name`" in d.message
    assert code[d.start : d.end] == "{name}"


def test_a_skeleton_that_does_not_parse_is_not_checked() -> None:
    code = 'import sqlite3\ndef f(con, table):\n    con.execute(f"SELECT * FROM {table} WHERE")\n'
    (result,) = check_modules([ModuleInput("m.py", code)])
    assert [d.code for d in result.diagnostics] == ["dynamic-sql"]


def test_schema_the_code_creates_in_file_order_across_modules() -> None:
    queries = "import sqlite3\ndef q(con):\n    return con.execute('SELECT name FROM users').fetchall()\n"
    schema = "import sqlite3\ndef init(con):\n    con.executescript('CREATE TABLE users (id, name);')\n"
    results = check_modules([ModuleInput("q.py", queries), ModuleInput("s.py", schema)])
    assert [r.diagnostics for r in results] == [[], []]
    (alone,) = check_modules([ModuleInput("q.py", queries)])
    assert [d.message for d in alone.diagnostics] == ["no such table: users"]


def test_invalid_python_is_reported_not_raised() -> None:
    (result,) = check_modules([ModuleInput("bad.py", "import sqlite3\ndef f(:\n")])
    assert result.error is not None and result.error.startswith("2:")


def test_a_table_created_by_two_calls_is_not_a_clash_but_twice_in_one_script_is() -> None:
    code = (
        "import sqlite3\n"
        "def test_a(con):\n    con.execute('CREATE TABLE t (a)')\n"
        "def test_b(con):\n    con.execute('CREATE TABLE t (a, b)')\n"
        "def init(con):\n    con.executescript('CREATE TABLE u (a); CREATE TABLE u (b);')\n"
    )
    (result,) = check_modules([ModuleInput("m.py", code)])
    assert [(d.code, d.message) for d in result.diagnostics] == [("already-exists", "table u already exists")]
    line = code.count("\n", 0, result.diagnostics[0].start) + 1
    assert line == 7


def test_constants_are_folded_not_reported() -> None:
    code = """
    import sqlite3
    TABLE = "cards"
    QUEUE = 2
    def f(con):
        con.execute(f"SELECT id FROM {TABLE} WHERE queue = {QUEUE} AND due > {-1}")
        con.execute("SELECT id FROM %s WHERE queue = %d" % (TABLE, QUEUE))
        con.execute("SELECT id FROM {t} WHERE queue = {}".format(QUEUE, t=TABLE))
    """
    assert [text for _, text in found(code)] == [
        "SELECT id FROM cards WHERE queue = 2 AND due > -1",
        "SELECT id FROM cards WHERE queue = 2",
        "SELECT id FROM cards WHERE queue = 2",
    ]
    module = find_sql(textwrap.dedent(code))
    assert all(not e.piece.holes for e in module.found)


def test_names_bound_by_comprehensions_and_loops_are_unknown() -> None:
    code = """
    import sqlite3
    def f(con, rows):
        sqls = [sql for sql in rows]
        for sql in rows:
            con.execute(sql)
        con.execute([sql for sql in rows][0])
    """
    assert found(code) == []


def test_a_byte_order_mark_keeps_offsets() -> None:
    code = "\ufeffimport sqlite3\ncon.execute('SELECT 1')\n"
    (item,) = find_sql(code).found
    assert code[item.piece.starts[0]] == "S"


def test_constants_imported_from_the_projects_other_modules_are_folded() -> None:
    consts = "QUEUE_REV = 2\nTABLE = 'cards'\nFROM = 'FROM ' + TABLE\n"
    stats = (
        "import sqlite3\n"
        "from pkg.consts import QUEUE_REV\n"
        "from .consts import FROM as FROM_CARDS\n"
        "from pkg.consts import *\n"
        "def f(con, did):\n"
        "    con.execute(f'SELECT id {FROM_CARDS} WHERE queue = {QUEUE_REV} AND did = {did}')\n"
        "    con.execute('SELECT id FROM ' + TABLE)\n"
    )
    results = check_modules([ModuleInput("pkg/consts.py", consts), ModuleInput("pkg/stats.py", stats)])
    texts = [t.piece.text for t in results[1].texts]
    assert texts == ["SELECT id FROM cards WHERE queue = 2 AND did = ?", "SELECT id FROM cards"]
    assert [d.message for d in results[1].diagnostics if d.code == "dynamic-sql"] == [
        "SQL built with an f-string field: the value of `did` becomes SQL text"
    ]


def test_a_fix_is_kept_only_where_it_splices_into_the_literal() -> None:
    code = (
        "import sqlite3\n"
        "def f(con):\n"
        "    con.execute('SELECT \"x\" FROM (SELECT 1 AS a)')\n"
        '    con.execute("SELECT nme FROM (SELECT 1 AS name)")\n'
    )
    (result,) = check_modules([ModuleInput("m.py", code)])
    fixes = {d.code: d.replacement for d in result.diagnostics}
    # 'x' written into a '...' literal would end it: no fix; a rename is plain text.
    assert fixes == {"double-quoted-string": None, "unknown-column": "name"}
    (rename,) = [d for d in result.diagnostics if d.code == "unknown-column"]
    assert code[rename.start : rename.end] == "nme"
