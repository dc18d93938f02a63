"""``fmt --python``: the SQL of triple-quoted strings gets formatted, the
rest of the module stays byte for byte; the ``ast`` is the same apart from
those strings (whose SQL keeps its tokens); formatting twice changes
nothing."""

from __future__ import annotations

import ast
import sysconfig
import textwrap
from pathlib import Path

import pytest

from syntaqlite.fmt import FormatOptions
from syntaqlite.python.finder import PythonSyntaxError, find_sql
from syntaqlite.python.fmt import PythonFormatError, format_python, python_difference

MODULE = textwrap.dedent(
    '''\
    import sqlite3

    class Repo:
        FIND = """select id,name from users where id=?"""

        def search(self, con, q):
            cur = con.execute("""
                select u.id, count(*) as n from users u where u.name like ? -- prefix
                group by u.id order by n desc limit 10;
            """, (q,))
            con.execute(r\'\'\'select '\\d' , 1\'\'\')
            con.execute(self.FIND, (q,))
            con.execute("select   1")  # not triple-quoted
            con.execute(f"""select {self.FIND}""")  # dynamic
            con.execute("""selec 1""")  # does not parse
            return cur
    '''
)

EXPECTED = textwrap.dedent(
    '''\
    import sqlite3

    class Repo:
        FIND = """SELECT id, name FROM users WHERE id = ?"""

        def search(self, con, q):
            cur = con.execute("""
                SELECT u.id, count(*) AS n
                FROM users u
                WHERE u.name LIKE ? -- prefix
                GROUP BY u.id
                ORDER BY n DESC
                LIMIT 10;
            """, (q,))
            con.execute(r\'\'\'SELECT '\\d', 1\'\'\')
            con.execute(self.FIND, (q,))
            con.execute("select   1")  # not triple-quoted
            con.execute(f"""select {self.FIND}""")  # dynamic
            con.execute("""selec 1""")  # does not parse
            return cur
    '''
)


def test_formats_only_sql_strings_keeping_quotes_and_indentation() -> None:
    result = format_python(MODULE)
    assert result.text == EXPECTED
    assert result.changed == 3
    assert [s.split(":", 1)[0] for s in result.skipped] == ["15"]
    assert python_difference(MODULE, result.text) is None
    again = format_python(result.text)
    assert again.text == result.text and again.changed == 0


def test_inline_sql_continues_under_its_first_character() -> None:
    code = 'import sqlite3\nx = con.execute("""select a, b, c from some_table where a = 1 and b = 2""")\n'
    result = format_python(code, FormatOptions(line_width=40))
    lines = result.text.splitlines()
    assert lines[1] == 'x = con.execute("""SELECT a, b, c'
    assert lines[2].startswith(" " * len('x = con.execute("""') + "FROM")
    assert format_python(result.text, FormatOptions(line_width=40)).text == result.text
    assert python_difference(code, result.text) is None


def test_difference_catches_changes_outside_sql() -> None:
    before = "import sqlite3\nx = 1\ncon.execute('''select 1''')\n"
    assert (
        python_difference(before, before.replace("x = 1", "x = 2"))
        == "the module changed outside its SQL strings"
    )
    assert "SQL changed" in (python_difference(before, before.replace("select 1", "select 2")) or "")


def test_invalid_python_is_an_error_not_a_traceback() -> None:
    with pytest.raises(PythonFormatError):
        format_python("import sqlite3\ndef f(:\n")


def _modules_with_sql() -> list[Path]:
    roots = [
        Path(sysconfig.get_paths()["purelib"]),
        Path(sysconfig.get_paths()["stdlib"]) / "test" / "test_sqlite3",
    ]
    out = []
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            if "sqlite" not in text and "apsw" not in text:
                continue
            try:
                if find_sql(text).found:
                    out.append(path)
            except PythonSyntaxError:  # not Python 3.11: not ours to format
                continue
    return out


def test_real_modules_keep_their_ast_and_are_idempotent() -> None:
    paths = _modules_with_sql()
    assert len(paths) >= 10
    changed = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        result = format_python(text)
        assert python_difference(text, result.text) is None, path
        ast.parse(result.text)
        assert format_python(result.text).text == result.text, path
        changed += result.changed
    assert changed >= 20
