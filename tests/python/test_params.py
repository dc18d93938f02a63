"""Parameter checks say what ``sqlite3`` raises: every case is also run
through the real ``sqlite3`` module and the message compared."""

from __future__ import annotations

import sqlite3
import warnings

import pytest

from syntaqlite.python.check import ModuleInput, check_modules

SCHEMA = "CREATE TABLE t (a, b, c);"

CASES: list[tuple[str, str]] = [
    ("SELECT ?, ?", "(1, 2, 3)"),
    ("SELECT ?, ?", "(1, 2)"),
    ("SELECT ?", "()"),
    ("SELECT ?", ""),
    ("SELECT 1", ""),
    ("SELECT ?", "[1, 2]"),
    ("SELECT ?2", "(1,)"),
    ("SELECT ?2, ?1", "(1, 2)"),
    ("SELECT ?1, ?1", "(1,)"),
    ("SELECT ?3, ?", "(1, 2, 3)"),
    ("SELECT ?3, ?", "(1, 2, 3, 4)"),
    ("SELECT :a, :b", "{'a': 1}"),
    ("SELECT :a, :b", "{'a': 1, 'b': 2}"),
    ("SELECT :a, :a", "{'a': 1}"),
    ("SELECT :a, @a, $a", "{'a': 1}"),
    ("SELECT :a, :b", "dict(a=1)"),
    ("SELECT :a, :b", "dict(b=1, a=2, c=3)"),
    ("SELECT ?", "{'a': 1}"),
    ("SELECT :a, ?", "{'a': 1}"),
    ("SELECT ?, :a", "(1, 2)"),
    ("SELECT ?", "'ab'"),
    ("SELECT ?, ?", "'ab'"),
    ("SELECT a FROM t WHERE b = ? -- a comment ?", "(1,)"),
    ("SELECT '?', \"?\" FROM t WHERE a = ?", "(1,)"),
    ("INSERT INTO t VALUES (?, ?, ?)", "(1, 2)"),
    ("SELECT 1; SELECT 2", ""),
    ("SELECT 1; -- only a comment", ""),
    ("SELECT 1;;", ""),
    ("SELECT 1; ;", ""),
    ("; ;SELECT 1", ""),
    ("SELECT 1 /* x */ ;  -- y", ""),
]


def _runtime(sql: str, params: str) -> str | None:
    """What sqlite3 raises (None: nothing)."""
    con = sqlite3.connect(":memory:")
    con.execute(SCHEMA)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            if params:
                con.execute(sql, eval(params))
            else:
                con.execute(sql)
    except (sqlite3.ProgrammingError, DeprecationWarning) as exc:
        return str(exc)
    return None


def _found(sql: str, params: str, method: str = "execute") -> list[str]:
    args = f"{sql!r}, {params}" if params else repr(sql)
    module = (
        f"import sqlite3\ncon = sqlite3.connect(':memory:')\ncon.execute({SCHEMA!r})\ncon.{method}({args})\n"
    )
    (result,) = check_modules([ModuleInput("m.py", module)])
    return [d.message for d in result.diagnostics if d.code in ("parameter-mismatch", "multiple-statements")]


@pytest.mark.parametrize(("sql", "params"), CASES)
def test_same_message_as_sqlite3(sql: str, params: str) -> None:
    expected = _runtime(sql, params)
    found = _found(sql, params)
    if expected is None:
        # A sequence bound to named placeholders: fine in 3.11, a warning
        # in 3.12, an error from 3.14; reported as a warning.
        assert found in ([], [m for m in found if "is a named parameter" in m])
    else:
        assert found == [expected]


def test_named_placeholders_with_a_sequence_is_a_warning() -> None:
    module = "import sqlite3\ncon = sqlite3.connect('x')\ncon.execute('SELECT :a', (1,))\n"
    (result,) = check_modules([ModuleInput("m.py", module)])
    (d,) = result.diagnostics
    assert d.severity.value == "warning"
    assert d.message == (
        "Binding 1 (':a') is a named parameter, but you supplied a sequence which requires "
        "nameless (qmark) placeholders."
    )


def test_executemany_rows() -> None:
    con = sqlite3.connect(":memory:")
    con.execute(SCHEMA)
    rows = [(1, 2), (1, 2, 3)]
    with pytest.raises(sqlite3.ProgrammingError) as raised:
        con.executemany("INSERT INTO t (a, b) VALUES (?, ?)", rows)
    found = _found("INSERT INTO t (a, b) VALUES (?, ?)", repr(rows), "executemany")
    assert found == [str(raised.value)]
    with pytest.raises(sqlite3.ProgrammingError) as raised:
        con.executemany("SELECT ?", [(1,)])
    assert _found("SELECT ?", "[(1,)]", "executemany") == [str(raised.value)]


def test_parameters_through_a_name_bound_to_a_tuple_only() -> None:
    module = (
        "import sqlite3\ndef f(con, x):\n"
        "    p = (x, 1)\n    con.execute('SELECT ?', p)\n"
        "    q = [x]\n    q.append(1)\n    con.execute('SELECT ?', q)\n"
    )
    (result,) = check_modules([ModuleInput("m.py", module)])
    assert [d.message for d in result.diagnostics] == [
        "Incorrect number of bindings supplied. The current statement uses 1, and there are 2 supplied."
    ]


def test_apsw_wording_in_an_apsw_module() -> None:
    module = "import apsw\ncon = apsw.Connection(':memory:')\ncon.execute('SELECT ?, ?', (1, 2, 3))\n"
    (result,) = check_modules([ModuleInput("m.py", module)])
    assert [d.message for d in result.diagnostics] == [
        "Incorrect number of bindings supplied.  The current statement uses 2 and there are 3 supplied.  "
        "Current offset is 0"
    ]
    # apsw runs several statements in one execute.
    module = "import apsw\ncon = apsw.Connection(':memory:')\ncon.execute('SELECT 1; SELECT 2')\n"
    (result,) = check_modules([ModuleInput("m.py", module)])
    assert result.diagnostics == []
