"""The built-in function table, checked against SQLite itself.

apsw's bundled SQLite (the newest release) is the oracle for what exists,
with which arities and kinds, and with which result columns; Python's
``sqlite3`` (an older release, 3.40.1 here) checks the ``since`` versions:
whatever it has must be dated no later than its version, whatever it lacks
later than that, and the arity ``arity_at`` gives for its version must be the
one it enforces.  Statements are only prepared, never run.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

import apsw
import pytest

from syntaqlite.validator import builtins as B
from syntaqlite.validator.builtins import Function


def parse_version(text: str) -> B.Version:
    major, minor, patch = (int(p) for p in text.split("."))
    return (major, minor, patch)


NEW = apsw.Connection(":memory:")
NEW.execute(
    "CREATE TABLE t(a INTEGER PRIMARY KEY, b INTEGER REFERENCES t(a));"
    "CREATE INDEX i ON t(b);"
    "INSERT INTO t VALUES (1, 1);"
)
NEW_VERSION = parse_version(apsw.sqlite_lib_version())

OLD = sqlite3.connect(":memory:")
OLD_VERSION = parse_version(sqlite3.sqlite_version)

# Built-in rows of PRAGMA function_list that are deliberately not in the table.
EXCLUDED = {
    # The JSON operators X -> P and X ->> P are registered as functions named
    # "->" and "->>"; they cannot be called by name.
    "->": "operator",
    "->>": "operator",
    # Registered as zero-argument functions, but in SQL they are keywords:
    # "SELECT current_date()" is a syntax error.
    "current_date": "keyword",
    "current_time": "keyword",
    "current_timestamp": "keyword",
}


def options(conn: object) -> frozenset[str]:
    rows = conn.execute("PRAGMA compile_options")  # type: ignore[attr-defined]
    return frozenset("SQLITE_" + str(r[0]).split("=")[0] for r in rows)


NEW_OPTIONS = options(NEW)
OLD_OPTIONS = options(OLD)


def built_in(fn: Function, opts: frozenset[str]) -> bool:
    return fn.requires is None or fn.requires in opts


def prepare_new(sql: str) -> str | None:
    """Prepare ``sql`` in apsw without stepping it; the error text or None."""
    cur = NEW.cursor()
    cur.exec_trace = lambda *_: False
    try:
        cur.execute(sql)
    except apsw.ExecTraceAbort:
        return None
    except apsw.Error as e:
        return str(e)
    return None


def prepare_old(sql: str) -> str | None:
    """Compile ``sql`` in Python's sqlite3 (EXPLAIN never runs it)."""
    try:
        OLD.execute("EXPLAIN " + sql).fetchall()
    except sqlite3.Error as e:
        return str(e)
    return None


def call(fn: Function, n: int, *, over: bool | None = None) -> str:
    """A statement that uses ``fn`` with ``n`` arguments in its proper place."""
    if fn.table_valued:
        return f"SELECT * FROM {fn.name}({', '.join(['NULL'] * n)})"
    args = ", ".join(["x"] + ["0.5"] * (n - 1)) if n else ""
    if over is None:
        over = fn.kind == "window"
    return f"SELECT {fn.name}({args}){' OVER ()' if over else ''} FROM (SELECT 1 AS x)"


def counts(lo: int, hi: int | None) -> range:
    return range(lo, (lo + 3 if hi is None else hi) + 1)


def other_kind_accepts(fn: Function, n: int, version: B.Version | None = None) -> bool:
    for other in B.lookup(fn.name):
        if other is fn or other.table_valued != fn.table_valued:
            continue
        bounds = (other.min_args, other.max_args) if version is None else B.arity_at(other, version)
        if bounds is not None and n >= bounds[0] and (bounds[1] is None or n <= bounds[1]):
            return True
    return False


def arity_error(fn: Function, hi: int | None) -> str:
    if fn.table_valued:
        return f"too many arguments on {fn.name}() - max {hi}"
    return f"wrong number of arguments to function {fn.name}()"


NEW_FUNCTIONS = [f for f in B.FUNCTIONS if built_in(f, NEW_OPTIONS)]
OLD_FUNCTIONS = [f for f in B.FUNCTIONS if built_in(f, OLD_OPTIONS)]


def fid(fn: Function) -> str:
    return f"{fn.name}:{fn.kind}"


# ---- the table itself ---------------------------------------------------


def test_table_shape() -> None:
    seen: set[tuple[str, str]] = set()
    for fn in B.FUNCTIONS:
        key = (fn.name, fn.kind)
        assert key not in seen, key
        seen.add(key)
        assert fn.name == fn.name.lower(), fn
        assert fn.kind in B.KINDS, fn
        assert fn.table_valued == (fn.kind == "table"), fn
        assert fn.min_args >= 0 and (fn.max_args is None or fn.min_args <= fn.max_args), fn
        assert B.ANCIENT <= fn.since <= NEW_VERSION, fn
        assert fn.signature.startswith(fn.name + "("), fn
        assert fn.summary and "\n" not in fn.summary, fn
        assert fn.requires is None or fn.requires.startswith("SQLITE_"), fn
        if fn.table_valued:
            assert fn.min_args == 0 and fn.max_args == len(fn.hidden_columns), fn
            assert fn.columns, fn
        else:
            assert not fn.hidden_columns and not fn.columns, fn
    for (name, kind), steps in B.ARITY_HISTORY.items():
        (fn,) = [f for f in B.lookup(name) if f.kind == kind]
        assert steps[0][0] == fn.since, name
        assert [s[0] for s in steps] == sorted({s[0] for s in steps}), name
        assert steps[-1][1:] == (fn.min_args, fn.max_args), name
    assert B.USUALLY_ENABLED <= NEW_OPTIONS


def test_lookup_accepts_and_arity_text() -> None:
    assert [f.kind for f in B.lookup("MAX")] == ["scalar", "aggregate"]
    assert B.lookup("no_such_function") == []
    (substr,) = B.lookup("Substr")
    assert [n for n in range(6) if B.accepts(substr, n)] == [2, 3]
    (count,) = B.lookup("count")
    assert B.accepts(count, 0) and B.accepts(count, 1) and not B.accepts(count, 2)
    (char,) = B.lookup("char")
    assert B.accepts(char, 0) and B.accepts(char, 500)
    assert B.arity_text(B.lookup("substr")) == "2 or 3 arguments"
    assert B.arity_text(B.lookup("max")) == "at least 1 argument"
    assert B.arity_text(B.lookup("coalesce")) == "at least 2 arguments"
    assert B.arity_text(B.lookup("char")) == "any number of arguments"
    assert B.arity_text(B.lookup("random")) == "no arguments"
    assert B.arity_text(B.lookup("abs")) == "exactly 1 argument"
    assert B.arity_text(B.lookup("replace")) == "exactly 3 arguments"
    assert B.arity_text(B.lookup("lag")) == "1 to 3 arguments"
    assert B.arity_text(B.lookup("count")) == "0 or 1 arguments"
    two_or_five = [
        B.Function("f", 2, 2, "scalar", B.ANCIENT, "f()", "."),
        B.Function("f", 5, None, "scalar", B.ANCIENT, "f()", "."),
    ]
    assert B.arity_text(two_or_five) == "2 or at least 5 arguments"
    with pytest.raises(ValueError):
        B.arity_text([])
    (iif,) = B.lookup("iif")
    assert B.arity_at(iif, (3, 31, 0)) is None
    assert B.arity_at(iif, (3, 40, 1)) == (3, 3)
    assert B.arity_at(iif, (3, 48, 0)) == (2, 3)
    assert B.arity_at(iif, (3, 54, 1)) == (2, None)


# ---- against the newest SQLite (apsw) ------------------------------------


@pytest.mark.parametrize("fn", NEW_FUNCTIONS, ids=fid)
def test_every_allowed_count_prepares(fn: Function) -> None:
    for n in counts(fn.min_args, fn.max_args):
        assert prepare_new(call(fn, n)) is None, (fn.name, n, prepare_new(call(fn, n)))


@pytest.mark.parametrize("fn", NEW_FUNCTIONS, ids=fid)
def test_counts_outside_the_range_fail(fn: Function) -> None:
    for m in (fn.min_args - 1, None if fn.max_args is None else fn.max_args + 1):
        if m is None or m < 0 or other_kind_accepts(fn, m):
            continue
        assert prepare_new(call(fn, m)) == arity_error(fn, fn.max_args), (fn.name, m)


@pytest.mark.parametrize("fn", [f for f in NEW_FUNCTIONS if not f.table_valued], ids=fid)
def test_kind(fn: Function) -> None:
    n = fn.min_args
    where = f"SELECT 1 FROM (SELECT 1 AS x) WHERE {call(fn, n).split(' ', 1)[1].split(' FROM ')[0]}"
    if fn.kind == "window":
        assert prepare_new(call(fn, n, over=False)) == f"misuse of window function {fn.name}()"
    elif fn.kind == "aggregate":
        assert prepare_new(call(fn, n, over=True)) is None
        assert prepare_new(call(fn, n) + " GROUP BY x") is None
        assert prepare_new(where) == f"misuse of aggregate function {fn.name}()"
    else:
        assert prepare_new(where) is None
        if not other_kind_accepts(fn, n):
            assert prepare_new(call(fn, n, over=True)) == f"{fn.name}() may not be used as a window function"


def decode_narg(narg: int) -> tuple[int, int | None]:
    """PRAGMA function_list's narg: -1 any, -3 at least 1, -4 at least 2."""
    return (narg, narg) if narg >= 0 else ({-1: 0, -3: 1, -4: 2}[narg], None)


def test_function_list_is_covered_exactly() -> None:
    registered: dict[tuple[str, str], list[tuple[int, int | None]]] = defaultdict(list)
    for name, builtin, typ, narg in NEW.execute(
        "SELECT DISTINCT name, builtin, type, narg FROM pragma_function_list"
    ):
        if not builtin and not B.lookup(name):
            continue  # registered by an extension module (rtree/geopoly)
        if name in EXCLUDED:
            assert not B.lookup(name), name
            continue
        fns = B.lookup(name)
        assert fns, f"{name} missing from the table"
        kinds = {"s": ("scalar",), "w": ("aggregate", "window"), "a": ("aggregate",)}[typ]
        (fn,) = [f for f in fns if f.kind in kinds]
        registered[(fn.name, fn.kind)].append(decode_narg(narg))
    for (name, kind), spans in registered.items():
        (fn,) = [f for f in B.lookup(name) if f.kind == kind]
        lo = min(s[0] for s in spans)
        hi = None if any(s[1] is None for s in spans) else max(s[1] for s in spans if s[1] is not None)
        # one argument more than registered when an exact entry of another kind
        # takes the smallest count (min(X) is the aggregate, min(X, Y) the scalar)
        while other_kind_accepts(fn, lo) and (hi is None or lo < hi):
            lo += 1
        assert (fn.min_args, fn.max_args) == (lo, hi), name
        covered = {n for s in spans for n in counts(s[0], s[1] if s[1] is not None else lo + 3)}
        assert set(counts(fn.min_args, fn.max_args)) <= covered, name
    for fn in NEW_FUNCTIONS:
        if not fn.table_valued:
            assert (fn.name, fn.kind) in registered, f"{fn.name} ({fn.kind}) not in PRAGMA function_list"


def described_columns(sql: str) -> list[str]:
    """Result column names of ``sql``, read after prepare and before the first step."""
    cur = NEW.cursor()
    names: list[str] = []

    def trace(c: apsw.Cursor, *_: object) -> bool:
        names.extend(d[0] for d in c.get_description())
        return False

    cur.exec_trace = trace
    with pytest.raises(apsw.ExecTraceAbort):
        cur.execute(sql)
    return names


@pytest.mark.parametrize("fn", [f for f in NEW_FUNCTIONS if f.table_valued], ids=fid)
def test_table_valued_columns(fn: Function) -> None:
    arg = {
        "pragma_index_info": "'i'",
        "pragma_index_xinfo": "'i'",
        "json_each": "'[1]'",
        "json_tree": "'[1]'",
    }
    args = arg.get(fn.name.replace("jsonb", "json"), "'t'" if "arg" in fn.hidden_columns else "")
    assert described_columns(f"SELECT * FROM {fn.name}({args})") == list(fn.columns)
    rows = list(NEW.execute(f"SELECT name, hidden FROM pragma_table_xinfo('{fn.name}')"))
    assert [n for n, h in rows if not h] == list(fn.columns)
    assert [n for n, h in rows if h] == list(fn.hidden_columns)


def test_since_is_not_newer_than_the_oracle() -> None:
    assert max(f.since for f in NEW_FUNCTIONS) <= NEW_VERSION


# ---- against the older SQLite (Python's sqlite3) -------------------------


def old_registered() -> dict[tuple[str, str], bool]:
    kinds: dict[tuple[str, str], bool] = {}
    for name, typ in OLD.execute("SELECT DISTINCT name, type FROM pragma_function_list"):
        for kind in {"s": ("scalar",), "w": ("aggregate", "window"), "a": ("aggregate",)}[typ]:
            kinds[(name, kind)] = True
    return kinds


OLD_REGISTERED = old_registered()


@pytest.mark.parametrize("fn", OLD_FUNCTIONS, ids=fid)
def test_since_matches_the_older_release(fn: Function) -> None:
    if fn.table_valued:
        error = prepare_old(f"SELECT * FROM {fn.name}")
        assert error is None or error == f"no such table: {fn.name}", error
        present = error is None
    else:
        present = (fn.name, fn.kind) in OLD_REGISTERED
    if present:
        assert fn.since <= OLD_VERSION, f"{fn.name} exists in {sqlite3.sqlite_version} but since={fn.since}"
    else:
        assert fn.since > OLD_VERSION, (
            f"{fn.name} is missing in {sqlite3.sqlite_version} but since={fn.since}"
        )
        return
    bounds = B.arity_at(fn, OLD_VERSION)
    assert bounds is not None
    lo, hi = bounds
    for n in counts(lo, hi):
        assert prepare_old(call(fn, n)) is None, (fn.name, n, prepare_old(call(fn, n)))
    for m in (lo - 1, None if hi is None else hi + 1):
        if m is None or m < 0 or other_kind_accepts(fn, m, OLD_VERSION):
            continue
        assert prepare_old(call(fn, m)) == arity_error(fn, hi), (fn.name, m)
