"""SQL nested as deep as SQLite accepts is parsed, formatted and checked
like any other statement (the checker runs on a deep-stack thread,
``syntaqlite/syntax/stack.py``); and an exception inside syntaqlite is an
internal error (exit 3), never "All checks passed"."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import apsw
import pytest

import syntaqlite
from syntaqlite.syntax import stack
from syntaqlite.validator.checker import check_text

# Each: SQL that SQLite prepares at its nesting limit, with `nosuch` where a
# column name goes (SQLite reports it as an unknown column).
DEEP = {
    # sqlite3's parser stack: 415 FROM subqueries, 414 around the innermost
    "from": "CREATE TABLE t(a);\nSELECT * FROM "
    + "(SELECT * FROM " * 414
    + "(SELECT nosuch FROM t)"
    + ")" * 414,
    # SQLITE_MAX_EXPR_DEPTH: 1000 parentheses, 999 unary minus, 400 CASEs
    "parentheses": "SELECT " + "(" * 1000 + "nosuch" + ")" * 1000,
    "minus": "SELECT " + "- " * 999 + "nosuch",
    "case": "SELECT " + "CASE WHEN 1 THEN " * 400 + "nosuch" + " END" * 400,
    # 999 CTEs, each reading the one before ("subqueries nested too deep" at 1000)
    "cte": "WITH "
    + ", ".join(
        "c0 AS (SELECT nosuch)" if i == 0 else f"c{i} AS (SELECT * FROM c{i - 1})" for i in range(999)
    )
    + " SELECT * FROM c998",
    # a view over a view ... 998 deep
    "views": "CREATE TABLE t(a);\nCREATE VIEW v0 AS SELECT a FROM t;\n"
    + "".join(f"CREATE VIEW v{i} AS SELECT * FROM v{i - 1};\n" for i in range(1, 998))
    + "SELECT nosuch FROM v997",
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_sqlite_accepts_these(name: str) -> None:
    con = apsw.Connection(":memory:")
    sql = DEEP[name].replace("SELECT nosuch FROM t", "SELECT a FROM t").replace("nosuch", "1")
    for _ in con.execute(sql):
        pass
    with pytest.raises(apsw.SQLError, match="no such column: nosuch"):
        con2 = apsw.Connection(":memory:")
        for _ in con2.execute(DEEP[name]):
            pass


@pytest.mark.parametrize("name", sorted(DEEP))
def test_deep_statements_are_checked_like_any_other(name: str, tmp_path: Path) -> None:
    f = tmp_path / f"{name}.sql"
    f.write_text(DEEP[name] + ";\n")
    r = subprocess.run(
        [sys.executable, "-m", "syntaqlite", "check", "--format", "concise", str(f)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 1 and lines[0].endswith("error[unknown-column] no such column: nosuch"), r.stdout
    assert "internal error" not in r.stderr
    for command in (["fmt", "--check"], ["parse"]):
        r = subprocess.run(
            [sys.executable, "-m", "syntaqlite", *command, str(f)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode in (0, 1) and "error" not in r.stderr, r.stderr


def test_a_sixteenth_of_the_deep_stack_is_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    """The deep thread's stack has a wide margin over what SQLite's limits use."""
    monkeypatch.setattr(stack, "STACK_BYTES", stack.STACK_BYTES // 16)
    for name, sql in DEEP.items():
        result = check_text(sql)
        assert [d.message for d in result.diagnostics] == ["no such column: nosuch"], name
        assert not result.internal_errors


def test_recursion_limit_is_put_back() -> None:
    before = sys.getrecursionlimit()
    check_text(DEEP["cte"])
    assert sys.getrecursionlimit() == before


def test_checking_a_file_starts_one_deep_thread(tmp_path: Path) -> None:
    """A deep thread per checked text, none for a schema of no files (the
    usual ``check`` run: it costs a thread start, about a tenth of a millisecond)."""
    (tmp_path / "a.sql").write_text("CREATE TABLE t(a);\nSELECT a FROM t;\n")
    probe = (
        "import sys, threading\n"
        "started = []\n"
        "start = threading.Thread.start\n"
        "def counting(self):\n"
        "    started.append(self.name)\n"
        "    start(self)\n"
        "threading.Thread.start = counting\n"
        "from syntaqlite.cli import main\n"
        "sys.argv = ['syntaqlite', 'check', 'a.sql']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(started)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert proc.stdout.split("\n")[-2] == "['syntaqlite-deep']", proc.stdout + proc.stderr


def test_no_schema_files_need_no_deep_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    from syntaqlite.validator import schema
    from syntaqlite.validator.catalog import Catalog

    def no_thread(fn: object) -> object:
        raise AssertionError("a deep thread for no files")

    monkeypatch.setattr(schema, "deep_call", no_thread)
    catalog = Catalog()
    assert schema.load_files([], catalog=catalog) is catalog
    assert isinstance(schema.load_files(iter(())), Catalog)


def _run_with_bug(patch: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = (
        textwrap.dedent(patch)
        + "\nimport sys\nfrom syntaqlite.cli import main\nsys.argv = ['syntaqlite', *sys.argv[1:]]\nmain()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


def test_an_internal_error_in_check_exits_3(tmp_path: Path) -> None:
    (tmp_path / "q.sql").write_text("SELECT 1;\nSELECT 2;\n")
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
        r = _run_with_bug(bug, "check", "--format", output, "q.sql", cwd=tmp_path)
        assert r.returncode == 3, r.stderr
        assert "All checks passed" not in r.stderr and "Traceback" not in r.stderr
        assert "error: internal error while checking 1 statement" in r.stderr
        assert "internal-error" in r.stdout and "KeyError" in r.stdout


def test_an_internal_error_in_fmt_exits_3_and_leaves_the_file(tmp_path: Path) -> None:
    f = tmp_path / "q.sql"
    f.write_text("select 1\n")
    bug = """
    from syntaqlite.fmt.format import StreamFormatter
    def boom(*args, **kwargs):
        raise IndexError("a bug")
    StreamFormatter.feed = StreamFormatter.finish = boom  # what fmt formats a text with
    """
    r = _run_with_bug(bug, "fmt", "q.sql", cwd=tmp_path)
    assert r.returncode == 3, r.stderr
    assert "q.sql: internal error while formatting, file left unchanged: IndexError: a bug" in r.stderr
    assert "Traceback" not in r.stderr and f.read_text() == "select 1\n"
    r = _run_with_bug(bug, "fmt", "-", cwd=tmp_path)
    assert r.returncode == 3 and "Traceback" not in r.stderr


def test_an_unexpected_exception_anywhere_is_one_line_and_exit_3(tmp_path: Path) -> None:
    bug = """
    import syntaqlite.cli.parse as p
    def boom(*args, **kwargs):
        raise RuntimeError("a bug")
    p.dump_lines = boom  # what parse prints the tree with
    """
    (tmp_path / "q.sql").write_text("select 1\n")
    r = _run_with_bug(bug, "parse", "q.sql", cwd=tmp_path)
    assert r.returncode == 3, r.stderr
    assert (
        r.stderr.strip()
        == "error: internal error: RuntimeError: a bug (a bug in syntaqlite; please report it)"
    )


def test_an_internal_error_in_a_schema_file_exits_3(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text("CREATE TABLE t(a);\nCREATE TABLE u(b);\n")
    (tmp_path / "q.sql").write_text("SELECT a FROM t;\n")
    bug = """
    from syntaqlite.validator.ddl import DdlChecker
    real = DdlChecker.apply
    def apply(self, body):
        if "u(b)" in self.r.source[body.start:body.end]:
            raise ValueError("a bug")
        return real(self, body)
    DdlChecker.apply = apply
    """
    r = _run_with_bug(bug, "check", "--schema", "schema.sql", "q.sql", cwd=tmp_path)
    assert r.returncode == 3, r.stderr
    assert (
        "error: schema.sql:2:1: internal error while reading this schema statement (ValueError: a bug)"
        in r.stderr
    )
    assert "All checks passed" not in r.stderr and "Traceback" not in r.stderr


def test_parse_json_of_a_deep_tree(tmp_path: Path) -> None:
    """The JSON rendering writes with an explicit stack (``json.dump`` would
    recurse once per level)."""
    import json

    f = tmp_path / "deep.sql"
    f.write_text(DEEP["parentheses"] + ";\n")
    r = subprocess.run(
        [sys.executable, "-m", "syntaqlite", "parse", "--json", str(f)], capture_output=True, timeout=120
    )
    assert r.returncode == 0, r.stderr.decode()[-500:]
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(20_000)  # json.loads recurses too
    try:
        data = json.loads(r.stdout)
    finally:
        sys.setrecursionlimit(before)
    depth, nodes = 0, [data["statements"][0]]
    while nodes:
        nodes = [c for c in nodes[0]["children"] if "kind" in c]
        depth += 1
    assert depth > 1000


def test_a_chain_of_views_is_resolved_once_per_view(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each CREATE VIEW over the view before uses it, and SQLite resolves a
    used view's query again.  A query that resolved cleanly is not resolved
    again while later statements only add objects under new names: the
    chain costs one resolution per view, not one per view per CREATE after
    it (which made 998 nested views take a minute)."""
    from syntaqlite.validator.resolve.resolver import Resolver

    calls = 0
    expand = Resolver._expand_view

    def counting(self: Resolver, view: object, key: tuple[str, str]) -> tuple[str | None, bool]:
        nonlocal calls
        calls += 1
        return expand(self, view, key)  # type: ignore[arg-type]

    monkeypatch.setattr(Resolver, "_expand_view", counting)
    n = 60
    sql = "CREATE TABLE t(a);\nCREATE VIEW v0 AS SELECT a FROM t;\n"
    sql += "".join(f"CREATE VIEW v{i} AS SELECT * FROM v{i - 1};\n" for i in range(1, n))
    sql += f"CREATE TABLE u(b);\nCREATE INDEX ub ON u(b);\nSELECT a FROM v{n - 1};\n"
    assert [d.message for d in syntaqlite.check(sql)] == []
    assert calls <= n

    # A change to a name in use (here a DROP) makes every view's query be
    # resolved again where it is used: the error shows through the chain.
    calls = 0
    broken = sql + "DROP TABLE t;\nCREATE TABLE t(b);\n" + f"SELECT * FROM v{n - 1};\n"
    messages = [d.message for d in syntaqlite.check(broken)]
    con = apsw.Connection(":memory:")
    with pytest.raises(apsw.SQLError) as raised:
        for _ in con.execute(broken):
            pass
    assert messages == [str(raised.value).removeprefix("SQLError: ")]
    assert n <= calls <= 3 * n
