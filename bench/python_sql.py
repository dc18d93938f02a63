"""SQL inside real Python projects: what ``syntaqlite check`` finds and
says, judged against SQLite through Python's own ``sqlite3``.

    python bench/python_sql.py                         # every project whose mirror is here
    python bench/python_sql.py --project beets --show 10
    python bench/python_sql.py --path /some/dir        # any directory of .py files
    python bench/python_sql.py --mirrors DIR           # default /work/.mirror
    python bench/python_sql.py --scaling               # time against module size

Each project's ``.py`` files are read from its bare mirror
(``MIRRORS/owner+name/repo``, the layout the ``fetch`` tool makes; a
missing mirror is reported as skipped) and checked together, as
``syntaqlite check`` does (:func:`syntaqlite.python.check.check_modules`).

Then SQLite judges.  A fresh ``sqlite3`` database gets the project's own
schema: every statement of the texts that create one, in the order they
were checked (a statement SQLite refuses is skipped).  Every statement of
every other constant text is prepared on it (``EXPLAIN`` + the statement:
prepared, never run):

* false alarm: SQLite prepared it, syntaqlite reports an error on it (the
  number that must be zero);
* missed: SQLite refused it for a reason other than syntax, syntaqlite is
  silent;
* schema-dependent: SQLite refused it with ``no such table``/``column``
  and syntaqlite agrees; counted apart (tables made by code that builds
  its SQL at run time, or by another project).

Every ``parameter-mismatch`` and ``multiple-statements`` error is replayed
too: the statement is prepared with parameters of the literal's shape
(``None`` values; a dict with the literal's keys) through ``sqlite3`` and
the message it raises compared with syntaqlite's (real: the same
message).  ``dynamic-sql`` warnings are counted and sampled (``--show``):
whether a dynamic part is a risk is a judgement, not an oracle's.
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import apsw  # noqa: E402
from apsw_replay import error_message  # noqa: E402

from syntaqlite.diagnostics import Diagnostic, Severity  # noqa: E402
from syntaqlite.python.check import CheckedText, ModuleInput, ModuleResult, check_modules  # noqa: E402
from syntaqlite.python.finder import FinderOptions, find_sql  # noqa: E402
from syntaqlite.syntax.nodes import Statement  # noqa: E402
from syntaqlite.syntax.parser import parse  # noqa: E402
from syntaqlite.syntax.target import DEFAULT_TARGET, Target  # noqa: E402
from syntaqlite.text import Lines  # noqa: E402
from syntaqlite.validator.catalog import Catalog  # noqa: E402
from syntaqlite.validator.checker import check_text  # noqa: E402


@dataclass(frozen=True)
class Project:
    name: str
    repo: str
    note: str = ""
    exclude: tuple[str, ...] = ()
    """Path prefixes left out (vendored code, other languages' fixtures)."""
    options: FinderOptions = field(default_factory=FinderOptions)
    schema: tuple[str, ...] = ()
    """SQL files of the repository that make the schema (the configured
    ``schema`` of a real set-up), in order."""


PROJECTS: tuple[Project, ...] = (
    Project("sqlite-utils", "simonw/sqlite-utils", "Python library and CLI over sqlite3"),
    Project("datasette", "simonw/datasette", "web app publishing SQLite databases (sqlite3)"),
    Project(
        "beets",
        "beetbox/beets",
        "music library manager: SQL through its dbcore transactions",
        options=FinderOptions(calls=("tx.query", "tx.mutate", "tx.mutate_many")),
    ),
    Project("calibre", "kovidgoyal/calibre", "e-book manager (apsw and sqlite3)"),
    Project(
        "anki",
        "ankitects/anki",
        "flashcards: the Python parts, SQL through col.db, schema from rslib",
        options=FinderOptions(
            calls=("db.scalar", "db.all", "db.list", "db.first", "db.execute", "db.executemany")
        ),
        schema=(
            "rslib/src/storage/schema11.sql",
            "rslib/src/storage/upgrades/schema14_upgrade.sql",
            "rslib/src/storage/upgrades/schema15_upgrade.sql",
            "rslib/src/storage/upgrades/schema17_upgrade.sql",
            "rslib/src/storage/upgrades/schema18_upgrade.sql",
        ),
    ),
    Project(
        "synapse", "element-hq/synapse", "Matrix server: its sqlite3 modules (engine-neutral SQL elsewhere)"
    ),
)


def read_mirror(
    repo_dir: Path, exclude: tuple[str, ...], only: tuple[str, ...] | None = None
) -> list[tuple[str, str]] | None:
    """The ``.py`` files (or the files ``only``, in that order) at HEAD of
    a bare repository: (path, text)."""
    try:
        names = subprocess.run(
            ["git", "-C", str(repo_dir), "ls-tree", "-r", "--name-only", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    if only is not None:
        names = [n for n in only if n in set(names)]
    else:
        names = [n for n in names if n.endswith(".py") and not n.startswith(exclude)]
    out: list[tuple[str, str]] = []
    proc = subprocess.Popen(
        ["git", "-C", str(repo_dir), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdin is not None and proc.stdout is not None
    for name in names:
        proc.stdin.write(f"HEAD:{name}\n".encode())
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        if len(header) < 3:  # missing from a partial mirror
            continue
        data = proc.stdout.read(int(header[2]))
        proc.stdout.read(1)
        try:
            out.append((name, data.decode("utf-8")))
        except UnicodeDecodeError:
            continue
    proc.stdin.close()
    proc.wait()
    return out


def read_directory(directory: Path) -> list[tuple[str, str]]:
    out = []
    for path in sorted(directory.rglob("*.py")):
        try:
            out.append((str(path.relative_to(directory)), path.read_text(encoding="utf-8")))
        except (UnicodeDecodeError, OSError):
            continue
    return out


# ---------------------------------------------------------------- judging


def statements_of(text: CheckedText) -> list[tuple[str, int, int]]:
    """(SQL, start, end) of each statement that parsed."""
    sql = text.piece.text
    return [
        (sql[s.start : s.end], s.start, s.end) for s in text.parsed.statements if isinstance(s, Statement)
    ]


def prepare_apsw(con: apsw.Connection, sql: str) -> str | None:
    """SQLite's error preparing ``sql`` (None: it prepares); nothing runs
    (the execution tracer stops it), parameters are bound to NULL."""
    bindings: list[None] | None = None
    for _attempt in range(2):
        cur = con.cursor()
        cur.exec_trace = lambda *_args: False
        try:
            cur.execute(sql, bindings, can_cache=False)
            return None
        except apsw.ExecTraceAbort:
            return None
        except apsw.BindingsError:
            bindings = [None] * cur.bindings_count
        except (apsw.Error, TypeError, ValueError, OverflowError) as exc:
            return error_message(exc)
    return None


def prepare(con: sqlite3.Connection, sql: str, params: object = None) -> str | None:
    """The error sqlite3 raises preparing ``sql`` and binding ``params``
    (None: none)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            con.execute("EXPLAIN " + sql, params if params is not None else ())
    except (sqlite3.Error, DeprecationWarning, ValueError, OverflowError) as exc:
        return str(exc)
    return None


@dataclass
class Tally:
    modules: int = 0
    with_sql: int = 0
    calls: int = 0
    texts: int = 0
    dynamic_texts: int = 0
    statements: int = 0
    prepared_ok: int = 0
    refused: int = 0
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    schema_dependent: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    call_errors_real: int = 0
    call_errors_unconfirmed: list[str] = field(default_factory=list)
    samples: list[str] = field(default_factory=list)
    seconds: float = 0.0


def judge(
    files: list[tuple[str, str]],
    options: FinderOptions,
    schema: list[tuple[str, str]] | None = None,
    target: Target = DEFAULT_TARGET,
) -> Tally:
    """Check and judge the files in a scratch directory: the replayed SQL
    may ATTACH files by relative name."""
    here = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="python_sql.") as scratch:
        os.chdir(scratch)
        try:
            return _judge(files, options, schema, target)
        finally:
            os.chdir(here)


def _judge(
    files: list[tuple[str, str]],
    options: FinderOptions,
    schema: list[tuple[str, str]] | None,
    target: Target,
) -> Tally:
    tally = Tally(modules=len(files))
    catalog = Catalog()
    con = sqlite3.connect(":memory:")
    oracle = apsw.Connection(":memory:")
    for _path, text in schema or []:
        check_text(text, catalog=catalog, target=target, model=False)
        for stmt in parse(text).statements:
            sql = text[stmt.start : stmt.end]
            try:
                con.execute(sql)
            except (sqlite3.Error, sqlite3.Warning, ValueError):
                pass
            try:
                oracle.execute(sql)
            except (apsw.Error, TypeError, ValueError):
                pass
    start = time.perf_counter()
    results = check_modules(
        [ModuleInput(path, text, options) for path, text in files], catalog, target=target
    )
    tally.seconds = time.perf_counter() - start
    # The project's own schema, in the order check_modules applied it.
    for result in results:
        for text in result.texts:
            if text.schema and text.checked:
                for sql, _, _ in statements_of(text):
                    try:
                        con.execute(sql)
                    except (sqlite3.Error, sqlite3.Warning, ValueError):
                        pass
                    try:
                        oracle.execute(sql)
                    except (apsw.Error, TypeError, ValueError):
                        pass
    for result in results:
        if result.statements:
            tally.with_sql += 1
        tally.calls += result.statements
        for d in result.diagnostics:
            tally.codes[d.code] += 1
        for text in result.texts:
            tally.texts += 1
            if text.piece.holes:
                tally.dynamic_texts += 1
            if not text.checked or text.schema or text.piece.holes:
                continue
            _judge_text(oracle, result, text, tally)
        _judge_calls(con, result, tally, options)
    return tally


def _where(result: ModuleResult, text: CheckedText, start: int, end: int) -> str:
    s, _ = text.piece.source_span(start, end)
    line, column = Lines(result.text).position(s)
    return f"{result.path}:{line}:{column}"


def _judge_text(con: apsw.Connection, result: ModuleResult, text: CheckedText, tally: Tally) -> None:
    for sql, s, e in statements_of(text):
        tally.statements += 1
        ours = [d for d in text.diagnostics if d.severity is Severity.ERROR and s <= d.start < e]
        error = prepare_apsw(con, sql)
        if error is None:
            tally.prepared_ok += 1
            if ours:
                tally.false_alarms.append(
                    f"{_where(result, text, s, e)}: {ours[0].message}  <<{_short(sql)}>>"
                )
            continue
        tally.refused += 1
        if error.startswith(("no such table", "no such column")) or "syntax error" in error:
            tally.schema_dependent += 1
        elif not ours:
            tally.missed.append(f"{_where(result, text, s, e)}: SQLite: {error}  <<{_short(sql)}>>")


def _judge_calls(con: sqlite3.Connection, result: ModuleResult, tally: Tally, options: FinderOptions) -> None:
    lines = Lines(result.text)
    candidates: list[sqlite3.Connection] | None = None
    for d in result.diagnostics:
        line, column = lines.position(d.start)
        where = f"{result.path}:{line}:{column}"
        if d.code == "dynamic-sql":
            tally.samples.append(f"{where}: {d.message}\n      {_line(result.text, lines, line)}")
        if d.code not in ("parameter-mismatch", "multiple-statements") or d.severity is not Severity.ERROR:
            continue
        if candidates is None:
            candidates = [con, *_module_databases(result)]
        replayed = [_replay_call(c, result, d, options) for c in candidates]
        if d.message in replayed:
            tally.call_errors_real += 1
        else:
            tally.call_errors_unconfirmed.append(f"{where}: ours {d.message!r}, sqlite3 {replayed[0]!r}")


def _module_databases(result: ModuleResult) -> list[sqlite3.Connection]:
    """A database for each schema text of the module alone: a test file's
    tables differ from test to test, and a call runs on one of them."""
    out = []
    for text in result.texts:
        if not text.schema:
            continue
        db = sqlite3.connect(":memory:")
        for sql, _, _ in statements_of(text):
            try:
                db.execute(sql)
            except (sqlite3.Error, sqlite3.Warning, ValueError):
                pass
        out.append(db)
    return out


def _replay_call(
    con: sqlite3.Connection, result: ModuleResult, d: Diagnostic, options: FinderOptions
) -> str | None:
    """Run the call's SQL with parameters of the literal's shape through
    sqlite3 (EXPLAIN: prepared and bound, not run)."""
    module = find_sql(result.text, options)
    for item in module.found:
        if not (item.span[0] <= d.start < item.span[1]):
            continue
        sql = item.piece.text
        if d.code == "multiple-statements":
            try:
                if item.sink == "executemany":
                    con.executemany(sql, [])
                else:
                    con.execute("EXPLAIN " + sql.lstrip().lstrip(";"))
            except (sqlite3.Error, sqlite3.Warning) as exc:
                return str(exc)
            return None
        shapes = [item.params] if item.params_known and item.params is not None else []
        shapes.extend(item.rows or [])
        for shape in shapes:
            if shape.span != (d.start, d.end):
                continue
            params: object
            if shape.kind == "mapping":
                params = dict.fromkeys(shape.names)
            elif shape.kind in ("string", "unsupported"):
                try:
                    params = ast.literal_eval(result.text[shape.span[0] : shape.span[1]])
                except (ValueError, SyntaxError):
                    return None
            else:
                params = (None,) * shape.length
            return prepare(con, sql, params)
    return None


def _line(text: str, lines: Lines, line: int) -> str:
    starts = lines.starts
    end = starts[line] - 1 if line < len(starts) else len(text)
    return text[starts[line - 1] : end].strip()


def _short(sql: str) -> str:
    flat = " ".join(sql.split())
    return flat if len(flat) <= 100 else flat[:97] + "..."


# ---------------------------------------------------------------- report


def report(name: str, note: str, tally: Tally, show: int) -> None:
    print(f"== {name}: {note}")
    print(
        f"   {tally.modules} modules, {tally.with_sql} send SQL: {tally.calls} calls, {tally.texts} distinct texts "
        f"({tally.dynamic_texts} dynamic), checked in {tally.seconds:.2f} s"
    )
    print(
        f"   constant statements judged by SQLite: {tally.statements}: prepared {tally.prepared_ok}, refused "
        f"{tally.refused} ({tally.schema_dependent} schema-dependent or a skeleton)"
    )
    print(f"   false alarms: {len(tally.false_alarms)}   missed: {len(tally.missed)}")
    print(f"   diagnostics: {dict(sorted(tally.codes.items())) or 'none'}")
    total_calls = tally.call_errors_real + len(tally.call_errors_unconfirmed)
    print(
        f"   call errors (parameters, statements) confirmed by sqlite3: {tally.call_errors_real}/{total_calls}"
    )
    for title, items in (
        ("false alarm", tally.false_alarms),
        ("missed", tally.missed),
        ("call error not confirmed", tally.call_errors_unconfirmed),
    ):
        for item in items[: max(show, 5)]:
            print(f"   {title}: {item}")
    if show and tally.samples:
        rng = random.Random(0)
        print(f"   sample of dynamic-sql warnings ({min(show, len(tally.samples))} of {len(tally.samples)}):")
        for item in rng.sample(tally.samples, min(show, len(tally.samples))):
            print(f"     {item}")


def scaling_module(n: int) -> str:
    """A module with ``n`` of each shape the finder follows: a name bound
    again and again in one function, ``+=``, module constants, f-strings,
    literal parameters."""
    lines = [
        "import sqlite3",
        'SCHEMA = "CREATE TABLE t (a, b);"',
        "def init(con):",
        "    con.executescript(SCHEMA)",
    ]
    lines += [f'Q{i} = "SELECT a FROM t WHERE b = ?"' for i in range(n)]
    lines.append("def run(con, x):")
    for i in range(n):
        lines.append('    sql = "SELECT a, b FROM t WHERE a = ?"')
        lines.append(f'    sql += " AND b = {i}"')
        lines.append("    con.execute(sql, (x,))")
        lines.append(f"    con.execute(Q{i}, (x, {i}))")
        lines.append(f'    con.execute(f"SELECT {{x}} FROM t LIMIT {i}")')
    return "\n".join(lines) + "\n"


def scaling() -> int:
    """Seconds for modules of n and 4n shapes: each ratio should stay near 4."""
    from syntaqlite.python.fmt import format_python
    from syntaqlite.python.mask import masked_text

    def timed(fn: object, text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            fn(text)  # type: ignore[operator]
            best = min(best, time.perf_counter() - start)
        return best

    def check(text: str) -> None:
        check_modules([ModuleInput("m.py", text)])

    for name, fn in (("check", check), ("mask", masked_text), ("fmt --python", format_python)):
        small, large = scaling_module(500), scaling_module(2000)
        a, b = timed(fn, small), timed(fn, large)
        print(
            f"{name:>13}: n=500 {a * 1000:7.1f} ms, n=2000 {b * 1000:7.1f} ms, ratio {b / a:.2f} (linear: 4)"
        )

    def script(n: int) -> str:
        body = "INSERT INTO t VALUES (1, 'x\\n');\n" * n
        return f'import sqlite3\ncon.executescript("""{body}""")\n'

    a, b = timed(check, script(5000)), timed(check, script(20000))
    print(
        f"   one script: n=5000 {a * 1000:7.1f} ms, n=20000 {b * 1000:7.1f} ms, ratio {b / a:.2f} (linear: 4)"
    )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--project", action="append", default=[])
    ap.add_argument("--path", type=Path, action="append", default=[], help="a directory of .py files")
    ap.add_argument(
        "--sqlite-cflag",
        action="append",
        default=[],
        help="a compile-time option of apsw's SQLite the code relies on (e.g. SQLITE_ENABLE_DBSTAT_VTAB)",
    )
    ap.add_argument("--scaling", action="store_true", help="time against module size, then exit")
    ap.add_argument("--show", type=int, default=0, help="samples of dynamic-sql warnings to print")
    args = ap.parse_args()
    if args.scaling:
        return scaling()
    target = Target.from_options(None, args.sqlite_cflag) if args.sqlite_cflag else DEFAULT_TARGET
    totals = Tally()
    judged: list[Tally] = []
    for directory in args.path:
        tally = judge(read_directory(directory), FinderOptions(), target=target)
        report(str(directory), "directory", tally, args.show)
        judged.append(tally)
    for project in PROJECTS:
        if args.path and not args.project:
            break
        if args.project and project.name not in args.project:
            continue
        repo_dir = args.mirrors / project.repo.replace("/", "+") / "repo"
        files = read_mirror(repo_dir, project.exclude) if repo_dir.is_dir() else None
        if files is None:
            print(f"== {project.name}: skipped (fetch github:{project.repo} into {repo_dir.parent})")
            continue
        schema = read_mirror(repo_dir, (), project.schema) if project.schema else None
        tally = judge(files, project.options, schema, target)
        report(project.name, project.note, tally, args.show)
        judged.append(tally)
    for t in judged:
        totals.statements += t.statements
        totals.texts += t.texts
        totals.calls += t.calls
        totals.call_errors_real += t.call_errors_real
        totals.false_alarms.extend(t.false_alarms)
        totals.call_errors_unconfirmed.extend(t.call_errors_unconfirmed)
        totals.codes.update(t.codes)
    print(
        f"== total: {totals.calls} calls, {totals.texts} texts, {totals.statements} statements judged; "
        f"false alarms {len(totals.false_alarms)}; call errors confirmed "
        f"{totals.call_errors_real}/{totals.call_errors_real + len(totals.call_errors_unconfirmed)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
