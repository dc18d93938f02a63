"""Does the validator agree with SQLite's own test suite?  SQLite is the oracle.

    python bench/sqlite_suite_agreement.py --suite path/to/sqlite-src-3530400/test
    python bench/sqlite_suite_agreement.py --git-mirror REPO --git-prefix PATH/test --limit 200 --show 3

The suite is the ``test/`` directory of a pristine SQLite source tree (for
example ``sqlite-src-3530400.zip`` from https://sqlite.org/download.html,
unpacked: ``sqlite-src-3530400/test``), given with ``--suite DIR``; or the
same directory read straight out of a git repository holding such a tree
(``--git-mirror`` a git directory, bare or not, ``--git-prefix`` the tree's
``test`` path inside it; the files of HEAD are read).

For each ``*.test`` file, in file order, a small Tcl tokenizer finds, in
source order, the literal SQL of ``execsql``, ``catchsql``, ``db eval``,
``do_execsql_test NAME SQL RESULT`` and ``do_catchsql_test NAME SQL RESULT``
(braced words verbatim; double-quoted words only without ``$var``/``[cmd]``
substitution; other words skip the command).  It looks inside every braced
word that is not SQL (``do_test`` bodies, ``ifcapable``, ``foreach``...) and
inside ``[...]``, but never inside a ``proc``.  ``reset_db``, a
``forcedelete``/``delete_file`` of ``test.db`` and ``sqlite3 db :memory:``
start a fresh database; ``db close`` followed by ``sqlite3 db test.db``
keeps it (as the file would).  Commands addressed to another handle
(``db2 eval``, ``execsql SQL db2``, ``-db db2``) are skipped.

Each body is replayed, statement by statement (split with
``apsw.complete``), on an in-memory apsw connection, stopping at the first
error as Tcl's ``db eval`` does.  A statement SQLite refuses while preparing
it is a semantic error unless :func:`syntaqlite_dev.verdicts.classify` calls
the message a syntax error (those are counted, not judged); an error while
running it (a constraint, a bad binding...) is counted and not judged.
``$name`` parameters are bound to NULL.  Every judged statement is checked
by syntaqlite alone, against a catalog built from the statements SQLite ran
before it in the same database:

* agree-error: SQLite refused it, syntaqlite reports an error;
* missed: SQLite refused it, syntaqlite reports no error;
* false-alarm: SQLite prepared it, syntaqlite reports an error (warnings
  and infos don't count);
* agree-ok: SQLite prepared it, syntaqlite reports no error.

Missed statements and false alarms are grouped in families made from
SQLite's message (names and numbers stripped).  For ``do_catchsql_test`` and
``catchsql`` bodies in ``do_test``s, the expected result is compared with
what SQLite said (a cross-check of the replay: a mismatch means the replay
diverged from the test, e.g. a Tcl-defined function or a skipped setup).

Limitations: Tcl is not run, so loops run once, variables are unknown
(bodies built with them are skipped), Tcl-registered functions, collations
and modules are missing, and test-harness state (faults, other handles,
files written by other processes) is not reproduced.  SQLite checks a
trigger's body when it fires, not when it is created, so errors there show
as false alarms of the CREATE TRIGGER or as errors of a later statement.
"""

from __future__ import annotations

import argparse
import bisect
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import apsw  # noqa: E402
from apsw_replay import CREATES_DEFERRED, error_message, first_use, table_columns  # noqa: E402

from syntaqlite.syntax.target import KNOWN_CFLAGS, Target  # noqa: E402
from syntaqlite.validator.catalog import Catalog, Column  # noqa: E402
from syntaqlite.validator.checker import check_text  # noqa: E402
from syntaqlite.validator.declared import Declarations, parse_declarations  # noqa: E402
from syntaqlite.validator.schema import load_sql  # noqa: E402
from syntaqlite_dev.verdicts import classify  # noqa: E402

# --------------------------------------------------------------------- Tcl


class TclError(Exception):
    pass


@dataclass
class Word:
    text: str  # the word's value when literal, else its raw source
    kind: str  # "brace", "quote" (literal), "bare" (literal) or "subst" (has $ or [..])
    brackets: list[tuple[int, str]] = field(default_factory=list)  # [..] scripts inside, with offsets
    pos: int = 0  # offset of the word's content in the script


_SPACE = " \t\r\f\v"


def _skip_bracket(src: str, i: int) -> int:
    """``src[i]`` is ``[``: return the index after its matching ``]``."""
    depth = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        elif c == "{":
            i = _skip_brace(src, i)
            continue
        elif c == '"':
            j = src.find('"', i + 1)
            while j != -1 and src[j - 1] == "\\":
                j = src.find('"', j + 1)
            if j == -1:
                raise TclError("unclosed quote in bracket")
            i = j + 1
            continue
        i += 1
    raise TclError("unclosed bracket")


def _skip_brace(src: str, i: int) -> int:
    """``src[i]`` is ``{``: return the index after its matching ``}``."""
    depth = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise TclError("unclosed brace")


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "$": "$", "[": "[", "]": "]", "{": "{"}
_ESCAPES["}"] = "}"


def _unescape(raw: str) -> str:
    out = []
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt == "\n":
                j = i + 2
                while j < len(raw) and raw[j] in " \t":
                    j += 1
                out.append(" ")
                i = j
                continue
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _scan_plain(src: str, i: int, stop: str) -> tuple[int, bool, list[tuple[int, str]]]:
    """Scan a bare or quoted word's characters until one of ``stop``: the end
    index, whether it has substitutions, and its [..] scripts."""
    n = len(src)
    subst = False
    brackets: list[tuple[int, str]] = []
    while i < n and src[i] not in stop:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "$":
            subst = True
        elif c == "[":
            j = _skip_bracket(src, i)
            brackets.append((i + 1, src[i + 1 : j - 1]))
            subst = True
            i = j
            continue
        i += 1
    return i, subst, brackets


def tcl_commands(src: str) -> list[list[Word]]:
    """Split a Tcl script into commands of words (comments dropped)."""
    commands: list[list[Word]] = []
    n = len(src)
    i = 0
    while i < n:
        # Start of a command: skip blank space, separators, comments.
        while i < n and (src[i] in _SPACE or src[i] in "\n;"):
            i += 1
        if i >= n:
            break
        if src[i] == "#":
            while i < n and src[i] != "\n":
                if src[i] == "\\":
                    i += 1
                i += 1
            continue
        words: list[Word] = []
        while i < n and src[i] not in "\n;":
            c = src[i]
            if c in _SPACE:
                i += 1
                continue
            if c == "\\" and i + 1 < n and src[i + 1] == "\n":
                i += 2
                continue
            if c == "{":
                if src.startswith("{*}", i) and i + 3 < n and src[i + 3] not in _SPACE + "\n;":
                    i += 3  # argument expansion: treat the rest as the word
                    continue
                j = _skip_brace(src, i)
                if j < n and src[j] not in _SPACE + "\n;":
                    raise TclError("extra characters after close-brace")
                body = src[i + 1 : j - 1]
                if "\\\n" in body:
                    body = re.sub(r"\\\n[ \t]*", " ", body)
                words.append(Word(body, "brace", pos=i + 1))
                i = j
            elif c == '"':
                j, subst, brackets = _scan_plain(src, i + 1, '"')
                if j >= n:
                    raise TclError("unclosed quote")
                raw = src[i + 1 : j]
                kind = "subst" if subst else "quote"
                words.append(Word(raw if subst else _unescape(raw), kind, brackets, i + 1))
                i = j + 1
            else:
                j, subst, brackets = _scan_plain(src, i, _SPACE + "\n;")
                raw = src[i:j]
                kind = "subst" if subst else "bare"
                words.append(Word(raw if subst else _unescape(raw), kind, brackets, i))
                i = j
        if words:
            commands.append(words)
    return commands


def tcl_list(text: str) -> list[str] | None:
    """A Tcl list's elements, or None if it can't be read as one."""
    try:
        cmds = tcl_commands(text.replace("\n", " ").replace(";", "\x00"))
    except TclError:
        return None
    if not cmds:
        return []
    return [w.text.replace("\x00", ";") for w in cmds[0]]


# ------------------------------------------------------------- extraction


@dataclass
class Body:
    sql: str
    line: int
    expect_error: str | None = None  # the message a catchsql test expects
    expect_ok: bool = False  # a catchsql test expecting success


LineOf = Callable[[int], int]

RESET = Body("", 0)  # marker: start a fresh database


@dataclass
class Register:
    """``db func NAME ...`` / ``db function NAME ?-argcount N? ...`` /
    ``db collate NAME ...``: the test registers a function or collation."""

    kind: str  # "function" or "collation"
    name: str
    nargs: int = -1
    deterministic: bool = False


_SQL_FLAGS = ("-db", "-repeat", "-prep", "-cache")

STATIC_EXTENSION_FUNCTIONS: dict[str, tuple[tuple[str, int], ...]] = {
    # ``load_static_extension db NAME``: the SQL functions of ext/misc/NAME.c
    # (virtual-table modules are not replayed).
    "regexp": (("regexp", 2), ("regexpi", 2)),
    "ieee754": (
        ("ieee754", 1),
        ("ieee754", 2),
        ("ieee754_mantissa", 1),
        ("ieee754_exponent", 1),
        ("ieee754_to_blob", 1),
        ("ieee754_from_blob", 1),
        ("ieee754_inc", 2),
    ),
    "decimal": tuple(
        (name, n)
        for name, n in (
            ("decimal", 1),
            ("decimal_exp", 1),
            ("decimal_cmp", 2),
            ("decimal_add", 2),
            ("decimal_sub", 2),
            ("decimal_mul", 2),
            ("decimal_pow2", 1),
        )
    ),
    "eval": (("eval", 1), ("eval", 2)),
    "totype": (("tointeger", 1), ("toreal", 1)),
}


def _expectation(body: Body, result: Word | None) -> None:
    if result is None or result.kind == "subst":
        return
    items = tcl_list(result.text)
    if not items or items[0] not in ("0", "1"):
        return
    if items[0] == "1" and len(items) >= 2:
        body.expect_error = items[1]
    elif items[0] == "0":
        body.expect_ok = True


def extract(
    src: str, line0: int = 1, out: list[Body | Register] | None = None, depth: int = 0
) -> list[Body | Register]:
    """The SQL bodies (and fresh-database markers) of a Tcl script, in order."""
    out = [] if out is None else out
    if depth > 30:
        return out
    try:
        commands = tcl_commands(src)
    except TclError:
        return out
    newlines = [m.start() for m in re.finditer("\n", src)]

    def line_of(pos: int) -> int:
        return line0 + bisect.bisect_left(newlines, pos)

    for words in commands:
        try:
            _command(words, line_of, out, depth)
        except TclError:
            continue
    return out


def _recurse(
    words: list[Word], skip: set[int], line_of: LineOf, out: list[Body | Register], depth: int
) -> None:
    for k, w in enumerate(words):
        if k in skip:
            continue
        for pos, script in w.brackets:
            extract(script, line_of(pos), out, depth + 1)
        if w.kind == "brace" and k > 0:
            extract(w.text, line_of(w.pos), out, depth + 1)


def _sql_word(w: Word) -> str | None:
    return w.text if w.kind in ("brace", "quote") else None


def _command(words: list[Word], line_of: LineOf, out: list[Body | Register], depth: int) -> None:
    name = words[0].text if words[0].kind != "subst" else ""
    args = [w.text for w in words]
    if name == "proc":
        return
    if (
        name == "db"
        and len(words) >= 4
        and args[1] in ("func", "function", "collate")
        and words[2].kind != "subst"
    ):
        if args[1] == "collate":
            out.append(Register("collation", args[2]))
        else:
            nargs = -1
            if "-argcount" in args[3:-1]:
                count = args[args.index("-argcount", 3) + 1]
                nargs = int(count) if count.lstrip("-").isdigit() else -1
            out.append(Register("function", args[2], nargs, "-deterministic" in args[3:-1]))
        return
    if name == "load_static_extension" and len(args) >= 3 and args[1] == "db":
        for fn, nargs in STATIC_EXTENSION_FUNCTIONS.get(args[2], ()):
            out.append(Register("function", fn, nargs, True))
        return
    if name == "reset_db" or (
        name == "sqlite3" and len(args) >= 3 and args[1] == "db" and args[2] != "test.db"
    ):
        out.append(RESET)
        return
    if name in ("forcedelete", "delete_file") and any(a in ("test.db", "./test.db") for a in args[1:]):
        out.append(RESET)
        return
    if name in ("execsql", "catchsql") and len(words) >= 2:
        if len(words) >= 3 and args[2] != "db":
            return _recurse(words, set(), line_of, out, depth)
        sql = _sql_word(words[1])
        if sql is not None:
            out.append(Body(sql, line_of(words[1].pos)))
        return _recurse(words, {1}, line_of, out, depth)
    if name == "db" and len(words) >= 3 and args[1] == "eval":
        sql = _sql_word(words[2])
        if sql is not None:
            out.append(Body(sql, line_of(words[2].pos)))
        return _recurse(words, {2}, line_of, out, depth)
    if name in ("do_execsql_test", "do_catchsql_test"):
        rest = words[1:]
        while rest and rest[0].text in _SQL_FLAGS and rest[0].kind == "bare":
            if rest[0].text == "-db" and len(rest) > 1 and rest[1].text != "db":
                return
            rest = rest[2:] if rest[0].text == "-db" else rest[1:]
        if len(rest) >= 2:
            sql = _sql_word(rest[1])
            if sql is not None:
                body = Body(sql, line_of(rest[1].pos))
                if name == "do_catchsql_test":
                    _expectation(body, rest[2] if len(rest) >= 3 else None)
                out.append(body)
        return
    if name == "do_test" and len(words) == 4 and words[2].kind == "brace":
        # do_test NAME { catchsql {SQL} } RESULT: keep the expectation.
        before = len(out)
        extract(words[2].text, line_of(words[2].pos), out, depth + 1)
        inner = [b for b in out[before:] if isinstance(b, Body) and b is not RESET]
        try:
            script = tcl_commands(words[2].text)
        except TclError:
            script = []
        if len(inner) == 1 and len(script) == 1 and script[0][0].text == "catchsql":
            _expectation(inner[0], words[3])
        return _recurse(words, {2}, line_of, out, depth)
    return _recurse(words, set(), line_of, out, depth)


# ----------------------------------------------------------------- replay


def split_sql(sql: str) -> list[str]:
    """The statements of ``sql``, as ``sqlite3_complete`` delimits them."""
    stmts: list[str] = []
    start = 0
    pos = sql.find(";")
    while pos != -1:
        chunk = sql[start : pos + 1]
        if apsw.complete(chunk):
            stmts.append(chunk)
            start = pos + 1
        pos = sql.find(";", pos + 1)
    tail = sql[start:]
    if tail.strip():
        stmts.append(tail)
    return stmts


_QUALIFY = re.compile(r"^(CREATE (?:UNIQUE )?(?:TABLE|INDEX|VIEW|TRIGGER|VIRTUAL TABLE) )", re.I)
"""The head SQLite writes for every object in sqlite_schema; the name follows."""


class _Null(dict):
    def __missing__(self, key: str) -> None:
        return None


class Database:
    """The apsw connection a test file runs on, and syntaqlite's picture of
    it: the catalog (``live``: read back from SQLite's own schema whenever
    a schema version changes, so ROLLBACK, writable_schema edits and shadow
    tables are exact; else built by replaying the statements through
    syntaqlite) and what the test registered (functions, collations)."""

    def __init__(self, deadline: float, live: bool = True) -> None:
        self.con = apsw.Connection(":memory:")
        self.deadline = deadline
        self.live = live
        self.con.set_progress_handler(lambda: time.monotonic() > self.deadline, 1000)
        self.functions: dict[str, object] = {}
        self.deterministic: dict[str, bool] = {}
        self.collations: list[str] = []
        self.catalog = self._fresh_catalog()
        self.versions: tuple[tuple[str, int], ...] = ()

    def _fresh_catalog(self) -> Catalog:
        catalog = Catalog(self.declarations())
        for db in catalog.databases.values():
            db.known = True  # the whole schema is what the replay created: a missing name is missing
        return catalog

    def register(self, reg: Register) -> None:
        """What ``db func`` / ``db collate`` do, in SQLite and as a declaration."""
        try:
            if reg.kind == "function":
                self.con.create_scalar_function(
                    reg.name, lambda *_a: None, reg.nargs, deterministic=reg.deterministic
                )
                known = self.functions.get(reg.name)
                args: object
                if reg.nargs < 0 or known == "any":
                    args = "any"
                elif known is None or known == reg.nargs:
                    args = reg.nargs
                else:
                    counts = known if isinstance(known, list) else [known]
                    args = sorted({*counts, reg.nargs})
                self.functions[reg.name] = args
                self.deterministic[reg.name] = reg.deterministic
            else:
                self.con.create_collation(reg.name, lambda a, b: (a > b) - (a < b))
                self.collations.append(reg.name)
        except (apsw.Error, ValueError, TypeError):
            return
        self.catalog.declared = self.declarations()

    def declarations(self) -> Declarations:
        """What the test registered, declared to syntaqlite."""
        return parse_declarations(
            {
                name: {"args": args, "deterministic": self.deterministic.get(name, False)}
                for name, args in self.functions.items()
            },
            list(self.collations),
        )

    def schema_versions(self) -> tuple[tuple[str, int], ...]:
        out = []
        for (schema,) in self.con.execute("SELECT name FROM pragma_database_list"):
            quoted = '"' + str(schema).replace('"', '""') + '"'
            ((version,),) = self.con.execute(f"PRAGMA {quoted}.schema_version").fetchall()
            out.append((str(schema), int(version)))
        return tuple(out)

    def sync(self) -> None:
        """Live mode: read the schema back from SQLite if it changed, and
        the connection's PRAGMA writable_schema."""
        if not self.live:
            return
        try:
            ((writable,),) = self.con.execute("PRAGMA writable_schema").fetchall()
        except apsw.Error:
            writable = 0
        self.catalog.writable_schema = bool(writable)
        try:
            versions = self.schema_versions()
        except apsw.Error:
            return
        if versions == self.versions:
            return
        self.versions = versions
        catalog = self._fresh_catalog()
        for schema, _version in versions:
            if catalog.database(schema) is None:
                catalog.add_database(schema).known = True
            quoted = '"' + schema.replace('"', '""') + '"'
            try:
                rows = self.con.execute(
                    f"SELECT sql FROM {quoted}.sqlite_schema WHERE sql IS NOT NULL "
                    "ORDER BY type = 'table' DESC, rowid"
                ).fetchall()
            except apsw.Error:
                continue
            for (sql,) in rows:
                text = str(sql)
                if schema != "main":
                    text = _QUALIFY.sub(lambda m, q=quoted: m.group(1) + q + ".", text, count=1)
                load_sql(catalog, text + ";", None, TARGET, stored=True)
            db = catalog.database(schema)
            assert db is not None
            for table in db.tables.values():
                if table.kind == "virtual" and not table.columns_known:
                    name = '"' + table.name.replace('"', '""') + '"'
                    try:
                        info = self.con.execute(f"PRAGMA {quoted}.table_xinfo({name})").fetchall()
                    except apsw.Error:
                        continue
                    table.columns = [Column(r[1], r[2] or None, hidden=bool(r[6])) for r in info]
                    table.columns_known = bool(info)
        catalog.writable_schema = self.catalog.writable_schema
        self.catalog = catalog

    def prepare(self, sql: str, triggers: bool = True) -> str | None:
        """SQLite's error preparing ``sql`` (None: it prepares), with
        triggers enabled or not; nothing runs (the execution tracer stops
        it after the prepare)."""
        if not triggers:
            self.con.config(apsw.SQLITE_DBCONFIG_ENABLE_TRIGGER, 0)
        cur = self.con.cursor()
        cur.exec_trace = lambda *_args: False
        try:
            cur.execute(sql, _Null(), can_cache=False)
            return None
        except apsw.ExecTraceAbort:
            return None
        except apsw.InterruptError:
            raise TimeoutError from None
        except (apsw.Error, TypeError, ValueError) as exc:
            return error_message(exc)
        finally:
            if not triggers:
                self.con.config(apsw.SQLITE_DBCONFIG_ENABLE_TRIGGER, 1)

    def close(self) -> None:
        try:
            self.con.close(True)
        except apsw.Error:
            pass

    def run(self, stmt: str) -> tuple[str, str | None]:
        """("prepare-error" | "runtime-error" | "ok" | "empty", message)."""
        prepared = False

        def tracer(*_args: object) -> bool:
            nonlocal prepared
            prepared = True
            return True

        cur = self.con.cursor()
        cur.exec_trace = tracer
        try:
            for _ in cur.execute(stmt, _Null()):
                pass
        except apsw.InterruptError:
            raise TimeoutError from None
        except apsw.BindingsError as exc:  # a ? parameter given the NULL dict: not SQLite's verdict
            return "runtime-error", error_message(exc)
        except (apsw.Error, TypeError, ValueError, OverflowError, MemoryError) as exc:
            return ("runtime-error" if prepared else "prepare-error"), error_message(exc)
        return ("ok" if prepared else "empty"), None


# ----------------------------------------------------------------- judging

_NAMED = re.compile(
    r"\b(table|view|index|trigger|column|function|database|module|collation sequence|constraint|"
    r"window|cte|parameter|schema|savepoint|named)\s+(?!has|have|is|may|already|in|of|that|to|without|"
    r"with|must|cannot|can|does|not|or|and|was|were)[\w.\"'`\[\]$:]+",
    re.I,
)


def family(message: str) -> str:
    head = message.split(": ", 1)[0] if ": " in message else message
    head = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\[[^\]]*\]", "X", head)
    head = _NAMED.sub(lambda m: m.group(1) + " X", head)
    head = re.sub(r"\b\d+\b", "N", head)
    return head.strip()[:90]


@dataclass
class Example:
    file: str
    line: int
    sql: str
    sqlite: str
    ours: str


@dataclass
class Tally:
    files: int = 0
    files_timed_out: int = 0
    files_unreadable: int = 0
    bodies: int = 0
    counts: Counter = field(default_factory=Counter)
    missed: dict[str, list[Example]] = field(default_factory=lambda: defaultdict(list))
    false_alarms: dict[str, list[Example]] = field(default_factory=lambda: defaultdict(list))
    expectation_mismatch: list[Example] = field(default_factory=list)


def oracle_target() -> Target:
    """The SQLite syntaqlite judges against: apsw's (its release, and the
    compile-time options of its build that syntaqlite knows, e.g. carray
    and percentile(), which a stock build lacks)."""
    con = apsw.Connection(":memory:")
    options = {"SQLITE_" + str(row[0]).split("=")[0] for row in con.execute("PRAGMA compile_options")}
    return Target.from_options(apsw.sqlite_lib_version(), sorted(options & KNOWN_CFLAGS))


TARGET = oracle_target()


def ours(sql: str, catalog: Catalog) -> tuple[list[str], bool]:
    """syntaqlite's error messages for ``sql`` (``catalog`` is extended) and
    whether it crashed."""
    try:
        result = check_text(sql, catalog=catalog, model=False, target=TARGET)
    except Exception as exc:  # noqa: BLE001 - a crash is a finding, not a stop
        return [f"crash: {type(exc).__name__}: {exc}"], True
    return [d.message for d in result.errors], bool(result.internal_errors)


def judge(
    tally: Tally, name: str, line: int, stmt: str, sqlite_error: str | None, catalog: Catalog, label: str = ""
) -> None:
    """Compare syntaqlite on ``stmt`` with SQLite's verdict (an error
    message, or None: prepared)."""
    short = " ".join(stmt.split())[:160]
    errors, internal = ours(stmt, catalog)
    tally.counts["internal errors"] += internal
    if sqlite_error is not None:
        if errors:
            tally.counts["agree-error"] += 1
        else:
            tally.counts["missed"] += 1
            tally.missed[label + family(sqlite_error)].append(Example(name, line, short, sqlite_error, ""))
    elif errors:
        tally.counts["false-alarm"] += 1
        tally.false_alarms[label + family(errors[0])].append(
            Example(name, line, short, "(prepared)", errors[0])
        )
    else:
        tally.counts["agree-ok"] += 1


def replay_file(name: str, src: str, tally: Tally, seconds: float, workdir: Path, live: bool = True) -> None:
    deadline = time.monotonic() + seconds
    bodies = extract(src)
    db = Database(deadline, live)
    try:
        for body in bodies:
            if time.monotonic() > deadline:
                raise TimeoutError
            if isinstance(body, Register):
                db.register(body)
                continue
            if body is RESET:
                db.close()
                for path in workdir.iterdir():
                    if path.is_file():
                        path.unlink()
                db = Database(deadline, live)
                continue
            tally.bodies += 1
            first_error: str | None = None
            for stmt in split_sql(body.sql):
                if time.monotonic() > deadline:
                    raise TimeoutError
                db.sync()
                deferred = CREATES_DEFERRED.match(stmt)
                use = (
                    first_use(stmt, lambda table, con=db.con: table_columns(con, table)) if deferred else None
                )
                use_before = db.prepare(use) if use is not None else None
                outcome, message = db.run(stmt)
                if outcome == "empty":
                    continue
                if outcome == "runtime-error":
                    tally.counts["skipped: runtime error"] += 1
                    first_error = message
                    break
                if outcome == "prepare-error":
                    first_error = message
                    assert message is not None
                    if classify(message, stmt) == "syntax":
                        tally.counts["skipped: syntax error"] += 1
                        break
                    if db.prepare(stmt, triggers=False) is None:
                        # The error is in the body of a trigger this statement
                        # fires: judged at that CREATE TRIGGER.
                        tally.counts["skipped: error in a trigger it fires"] += 1
                        break
                    judge(tally, name, body.line, stmt, message, db.catalog.snapshot())
                    break
                snap = db.catalog.snapshot()
                use_error = None
                label = ""
                if use is not None:
                    db.sync()
                    use_error = db.prepare(use)
                    if use_error is not None and use_error == use_before:
                        # The statement that would fire the trigger fails
                        # without it: SQLite never gets to its body, so its
                        # verdict on it is unknown (e.g. the trigger's table
                        # was shaped by Tcl code the replay cannot run).
                        tally.counts["skipped: first use fails without it"] += 1
                        continue
                    if use_error is not None and classify(use_error, use) == "syntax":
                        use_error = None
                    label = "[first use] " if use_error is not None else ""
                judge(tally, name, body.line, stmt, use_error, snap, label)
                if not live:
                    db.catalog = snap
            if body.expect_error is not None or body.expect_ok:
                tally.counts["catchsql expectations"] += 1
                expected = body.expect_error
                if expected != first_error:
                    tally.counts["catchsql expectation mismatches"] += 1
                    tally.expectation_mismatch.append(
                        Example(
                            name, body.line, " ".join(body.sql.split())[:160], str(first_error), str(expected)
                        )
                    )
    except TimeoutError:
        tally.files_timed_out += 1
    finally:
        db.close()


# ------------------------------------------------------------------ sources


def suite_files(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """(name, text or None if unreadable) for each selected file."""
    if args.git_mirror:
        prefix = args.git_prefix.rstrip("/")
        out = subprocess.run(
            ["git", "-C", args.git_mirror, "ls-tree", "--name-only", "HEAD", prefix + "/"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        names = sorted(p.rsplit("/", 1)[-1] for p in out.split())
        names = [n for n in names if fnmatch.fnmatch(n, args.files)]
        if args.limit:
            names = names[: args.limit]
        files: list[tuple[str, str | None]] = []
        for n in names:
            res = subprocess.run(
                ["git", "-C", args.git_mirror, "show", f"HEAD:{prefix}/{n}"], capture_output=True
            )
            files.append((n, res.stdout.decode("utf-8", "replace") if res.returncode == 0 else None))
        return files
    paths = sorted(Path(args.suite).glob(args.files))
    if args.limit:
        paths = paths[: args.limit]
    return [(p.name, p.read_bytes().decode("utf-8", "replace")) for p in paths]


def report(tally: Tally, show: int, elapsed: float) -> None:
    for title, groups in (("MISSED (SQLite error, syntaqlite silent)", tally.missed),
                          ("FALSE ALARMS (SQLite prepared, syntaqlite error)", tally.false_alarms)):  # fmt: skip
        total = sum(len(v) for v in groups.values())
        print(f"\n== {title}: {total} in {len(groups)} families")
        for fam, examples in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"{len(examples):6d}  {fam}")
            for ex in examples[:show]:
                print(f"          {ex.file}:{ex.line}: {ex.sql}")
                print(f"            sqlite: {ex.sqlite}" + (f"   syntaqlite: {ex.ours}" if ex.ours else ""))
    if show and tally.expectation_mismatch:
        print(f"\n== catchsql expectation mismatches (first {show})")
        for ex in tally.expectation_mismatch[:show]:
            print(f"          {ex.file}:{ex.line}: {ex.sql}")
            print(f"            replay: {ex.sqlite}   test expects: {ex.ours}")
    c = tally.counts
    judged = c["agree-error"] + c["missed"] + c["false-alarm"] + c["agree-ok"]
    print("\n== totals")
    print(
        f"files {tally.files} (unreadable {tally.files_unreadable}, timed out {tally.files_timed_out}), "
        f"SQL bodies {tally.bodies}, judged statements {judged}"
    )
    for key in ("agree-error", "missed", "false-alarm", "agree-ok"):
        print(f"  {key:12s} {c[key]:7d}")
    for key in sorted(k for k in c if k not in ("agree-error", "missed", "false-alarm", "agree-ok")):
        print(f"  {key}: {c[key]}")
    errors = c["agree-error"] + c["missed"]
    oks = c["agree-ok"] + c["false-alarm"]
    if errors:
        print(f"  recall on SQLite's semantic errors: {c['agree-error'] / errors:.1%}")
    if oks:
        print(f"  false-alarm rate on prepared statements: {c['false-alarm'] / oks:.2%}")
    print(f"time {elapsed:.1f}s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--suite", help="a directory of SQLite's *.test files")
    ap.add_argument("--git-mirror", help="a git repository holding the test directory")
    ap.add_argument("--git-prefix", help="the test directory's path in --git-mirror")
    ap.add_argument("--files", default="*.test", help="glob of file names (default *.test)")
    ap.add_argument("--limit", type=int, default=0, help="at most N files")
    ap.add_argument("--show", type=int, default=2, help="examples per family")
    ap.add_argument("--seconds", type=float, default=10.0, help="time bound per file")
    ap.add_argument(
        "--catalog",
        choices=("live", "replay"),
        default="live",
        help="live: the schema read back from SQLite after each change (default); "
        "replay: built by syntaqlite from the statements SQLite ran",
    )
    args = ap.parse_args()
    if not args.suite and not (args.git_mirror and args.git_prefix):
        ap.error("give --suite DIR, or --git-mirror PATH and --git-prefix PREFIX")
    if args.git_mirror:
        args.git_mirror = os.path.abspath(args.git_mirror)
    if args.suite:
        args.suite = os.path.abspath(args.suite)
    started = time.monotonic()
    files = suite_files(args)
    if hasattr(apsw, "hard_heap_limit"):
        apsw.hard_heap_limit(1 << 30)
    tally = Tally()
    workdir = Path(tempfile.mkdtemp(prefix="sqlite-suite-"))
    cwd = os.getcwd()
    os.chdir(workdir)  # ATTACH 'test2.db' and friends write here
    try:
        for name, text in files:
            tally.files += 1
            if text is None:
                tally.files_unreadable += 1
                continue
            replay_file(name, text, tally, args.seconds, workdir, args.catalog == "live")
            for path in workdir.iterdir():
                if path.is_file():
                    path.unlink()
    finally:
        os.chdir(cwd)
        shutil.rmtree(workdir, ignore_errors=True)
    report(tally, args.show, time.monotonic() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
