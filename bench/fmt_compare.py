"""SQL formatters measured side by side, on the same statements and width.

    python bench/fmt_compare.py --out /tmp/fmt-compare.md
    python bench/fmt_compare.py --tools syntaqlite,prettier --corpus 0

The statements: bench/data/app_statements.sql (an application's schema and
queries, with comments in every position; SQLite runs the file as a whole)
and a fixed random sample of the real-statement corpus (../shared/corpus,
or tests/data/corpus-sample.jsonl.gz where it is absent).

The tools, each at the same line width, keywords upper case:

* ``syntaqlite`` — this project, in process;
* ``prettier`` — prettier with prettier-plugin-sql-cst (``--parser sqlite``),
  installed with npm into ``CACHE/prettier`` (skipped when npm is missing);
* ``sqlfluff`` — ``sqlfluff format``'s rules (capitalisation, layout and the
  safe conventions), dialect ``sqlite``;
* ``sqlglot`` — ``transpile(read="sqlite", write="sqlite", pretty=True)``;
* ``peer`` — the syntaqlite package on PyPI (Rust/C; it has this project's
  import and command name), only ever in its own venv ``CACHE/peer-venv``.

sqlfluff and sqlglot are used from this interpreter when it can import them,
otherwise from ``CACHE/tools-venv``.  The tools other than this project run
in a worker process each (bench/fmt_compare_worker.py, .mjs) that formats
one statement per request: a crash or an error on one statement is counted
for that statement, and a statement that takes longer than ``--timeout``
seconds is counted as a timeout (the worker is restarted).

For each tool and statement it measures:

* formatted: the tool returned text (else failed: error, crash or timeout);
* lines over the width, and among them those that have a break point
  (more than one token on the line; a lone long string or comment has none);
* idempotent: formatting the output again gives the output;
* tokens kept: the same tokens by this project's tokenizer, but for
  whitespace, keyword case, comments and semicolons at the end;
* comments kept: the same comments (their text without ``--``/``/* */``
  markers and surrounding blanks) in the same order, each between the same
  two tokens as before (``b INT -- note`` before ``)`` must not end up after
  the ``)``);
* accepted by SQLite (apsw): application statements are prepared after the
  statements before them ran, so every error counts; corpus statements may
  not get a syntax error where the input had none;
* time: seconds spent formatting (inside the worker for other tools), and
  the ratio to this project's.

``--out`` writes a Markdown document with the figures and every
application statement with each tool's output, to read.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import apsw  # noqa: E402

from syntaqlite import __version__ as OUR_VERSION  # noqa: E402
from syntaqlite.fmt import FormatOptions, format_sql  # noqa: E402
from syntaqlite.syntax.lexer import tokenize  # noqa: E402
from syntaqlite.syntax.parser import parse  # noqa: E402
from syntaqlite.syntax.tokens import KEYWORD_KINDS, Token  # noqa: E402
from syntaqlite.text import Lines  # noqa: E402
from syntaqlite_dev.oracle import judge  # noqa: E402

APP_STATEMENTS = ROOT / "bench" / "data" / "app_statements.sql"
CORPUS = ROOT.parent / "shared" / "corpus" / "sqlite-upstream.jsonl.gz"
SAMPLE = ROOT / "tests" / "data" / "corpus-sample.jsonl.gz"
WORKER_PY = ROOT / "bench" / "fmt_compare_worker.py"
WORKER_JS = ROOT / "bench" / "fmt_compare_worker.mjs"
DEFAULT_CACHE = Path.home() / ".cache" / "syntaqlite-bench"

# Pinned so that figures from different days compare.
PRETTIER = ("prettier@3.6.2", "prettier-plugin-sql-cst@0.22.1")
SQLFLUFF = "sqlfluff==4.5.0"
SQLGLOT = "sqlglot==30.31.0"
PEER = "syntaqlite==0.13.5"

# `sqlfluff format`'s rule selection (sqlfluff/cli/commands.py).
SQLFLUFF_CONFIG = """\
[sqlfluff]
dialect = sqlite
rules = capitalisation,layout,ambiguous.union,convention.not_equal,convention.coalesce,convention.select_trailing_comma,convention.is_null,jinja.padding,structure.distinct

[sqlfluff:rules:capitalisation.keywords]
capitalisation_policy = upper
"""

TOOL_NAMES = ("syntaqlite", "prettier", "sqlfluff", "sqlglot", "peer")
TOOL_TITLES = {
    "syntaqlite": "syntaqlite (this project)",
    "prettier": "prettier-plugin-sql-cst",
    "sqlfluff": "sqlfluff",
    "sqlglot": "sqlglot",
    "peer": "syntaqlite (PyPI peer)",
}
_PUNCTUATION = frozenset({"COMMA", "LP", "RP", "SEMI", "DOT"})
_SCHEMA_KINDS = frozenset({"CREATE", "ALTER", "DROP"})


# ---------------------------------------------------------------- statements


@dataclass(frozen=True)
class Statement:
    sql: str
    source: str  # "app" or "corpus"
    setup: tuple[str, ...] = ()  # app statements: the schema statements before it


def split_script(text: str) -> list[str]:
    """The statements of a script, each with the comments before it and the
    comments after its ``;`` on the same line (``SELECT 1; -- why``)."""
    result = parse(text)
    if result.errors:
        first = result.errors[0]
        line, column = Lines(text).position(first.start)
        raise ValueError(f"{line}:{column}: {first.message}")
    tokens = result.tokens
    out: list[str] = []
    begin = 0
    for stmt in result.statements:
        last = list(stmt.tokens())[-1]
        end = last.end
        i = last.index + 1
        while i < len(tokens) and tokens[i].kind == "COMMENT" and "\n" not in text[end : tokens[i].start]:
            end = tokens[i].end
            i += 1
        out.append(text[begin:end].strip())
        begin = end
    return [s for s in out if s]


def app_statements(path: Path = APP_STATEMENTS) -> list[Statement]:
    texts = split_script(path.read_text(encoding="utf-8"))
    if not texts:
        raise ValueError("1:1: no statement in the file")
    # The file's opening comment describes the file, not the first statement.
    if texts[0].startswith("--") and "\n\n" in texts[0]:
        texts[0] = texts[0].split("\n\n", 1)[1].strip()
    out = []
    schema: list[str] = []
    for sql in texts:
        out.append(Statement(sql, "app", tuple(schema)))
        head = next((t for t in tokenize(sql) if t.kind != "COMMENT"), None)
        if head is not None and head.kind in _SCHEMA_KINDS:
            schema.append(sql)
    return out


def corpus_statements(count: int, seed: int = 11) -> list[Statement]:
    if count <= 0:
        return []
    path = CORPUS if CORPUS.exists() else SAMPLE
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    sqls = [r["sql"] for r in rows if r.get("v3_54_1") == "ok" and r.get("set", "real") == "real"]
    picked = random.Random(seed).sample(sqls, min(count, len(sqls)))
    return [Statement(s, "corpus") for s in picked]


# ---------------------------------------------------------------- the tools


@dataclass
class Answer:
    out: str | None
    error: str | None
    seconds: float


class Tool:
    name: str
    version: str = ""

    def format(self, sql: str, width: int) -> Answer:
        raise NotImplementedError

    def close(self) -> None:
        pass


class OurFormatter(Tool):
    """This project's formatter, in process; a statement that runs past the
    timeout is interrupted (SIGALRM, on the main thread only)."""

    name = "syntaqlite"

    def __init__(self, timeout: float) -> None:
        self.version = OUR_VERSION
        self.timeout = timeout

    def format(self, sql: str, width: int) -> Answer:
        start = time.perf_counter()
        try:
            with _deadline(self.timeout):
                out = format_sql(sql, FormatOptions(line_width=width))
        except _Timeout:
            return Answer(None, f"timeout after {self.timeout:g}s", time.perf_counter() - start)
        except Exception as exc:  # noqa: BLE001 - FormatError, FormatterBug or a crash: counted
            return Answer(None, f"{type(exc).__name__}: {exc}", time.perf_counter() - start)
        return Answer(out, None, time.perf_counter() - start)


class _Timeout(Exception):
    pass


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Unavailable(Exception):
    """A tool that cannot run here; the message says why."""


class WorkerTool(Tool):
    """A formatter in a worker process that answers one JSON line per
    statement (bench/fmt_compare_worker.py and .mjs)."""

    def __init__(
        self, name: str, command: list[str], cwd: Path, timeout: float, start_timeout: float = 120.0
    ) -> None:
        self.name = name
        self.command = command
        self.cwd = cwd
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.proc: subprocess.Popen[str] | None = None
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.restarts = 0
        self._start()

    def _start(self) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "NODE_OPTIONS")}
        try:
            self.proc = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                env=env,
                cwd=str(self.cwd),
            )
        except OSError as exc:
            raise Unavailable(f"cannot start {self.command[0]}: {exc}") from exc
        self.lines = queue.Queue()
        threading.Thread(target=self._read, args=(self.proc, self.lines), daemon=True).start()
        hello = self._receive(self.start_timeout)
        if hello is None or not hello.get("ready"):
            self._kill()
            why = (hello or {}).get("error") or "no answer"
            raise Unavailable(f"the worker did not start: {why}")
        self.version = str(hello.get("version", ""))

    @staticmethod
    def _read(proc: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    def _receive(self, timeout: float) -> dict[str, Any] | None:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return None
        if line is None:
            return {"crashed": True}
        try:
            message: dict[str, Any] = json.loads(line)
        except json.JSONDecodeError:
            return {"error": f"unreadable answer {line[:80]!r}"}
        return message

    def _kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def format(self, sql: str, width: int) -> Answer:
        if self.proc is None:
            self.restarts += 1
            self._start()
        assert self.proc is not None and self.proc.stdin is not None
        start = time.perf_counter()
        try:
            self.proc.stdin.write(json.dumps({"sql": sql, "width": width}) + "\n")
            self.proc.stdin.flush()
        except OSError:
            self._kill()
            return Answer(None, "crash: the worker exited", time.perf_counter() - start)
        answer = self._receive(self.timeout)
        if answer is None:
            self._kill()
            return Answer(None, f"timeout after {self.timeout:g}s", self.timeout)
        if answer.get("crashed"):
            self._kill()
            return Answer(None, "crash: the worker exited", time.perf_counter() - start)
        seconds = float(answer.get("seconds", time.perf_counter() - start))
        if "out" in answer:
            return Answer(str(answer["out"]), None, seconds)
        return Answer(None, str(answer.get("error", "no output")), seconds)

    def close(self) -> None:
        if self.proc is not None and self.proc.stdin is not None:
            with contextlib.suppress(OSError):
                self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._kill()


def _run(command: Sequence[str], what: str, timeout: float = 900) -> None:
    print(f"  installing {what} ...", file=sys.stderr, flush=True)
    try:
        proc = subprocess.run(list(command), capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(f"installing {what} failed: {exc}") from exc
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        raise Unavailable(f"installing {what} failed: {lines[-1] if lines else proc.returncode}")


def _venv_python(venv: Path, packages: Sequence[str], probe: str, install: bool) -> Path:
    """The interpreter of ``venv``, created with ``packages`` when needed."""
    python = venv / "bin" / "python"
    check = [str(python), "-I", "-c", probe]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    if not install:
        raise Unavailable(f"not installed in {venv} (and --no-install)")
    if not python.exists():
        _run([sys.executable, "-m", "venv", str(venv)], f"a venv at {venv}")
    _run([str(python), "-m", "pip", "install", "--quiet", *packages], " ".join(packages))
    if subprocess.run(check, capture_output=True).returncode != 0:
        raise Unavailable(f"{' '.join(packages)} does not import after installing it in {venv}")
    return python


def _importable_here(module: str) -> bool:
    proc = subprocess.run([sys.executable, "-I", "-c", f"import {module}"], capture_output=True)
    return proc.returncode == 0


def make_tool(name: str, cache: Path, timeout: float, install: bool) -> Tool:
    """The tool ``name``, installed if need be; raises Unavailable."""
    if name == "syntaqlite":
        return OurFormatter(timeout)
    if name == "prettier":
        node, npm = shutil.which("node"), shutil.which("npm")
        if node is None or npm is None:
            raise Unavailable("npm (or node) is not installed")
        folder = cache / "prettier"
        wanted = [p.rsplit("@", 1) for p in PRETTIER]
        have = all(
            (folder / "node_modules" / pkg / "package.json").exists()
            and json.loads((folder / "node_modules" / pkg / "package.json").read_text()).get("version")
            == version
            for pkg, version in wanted
        )
        if not have:
            if not install:
                raise Unavailable(f"not installed in {folder} (and --no-install)")
            folder.mkdir(parents=True, exist_ok=True)
            if not (folder / "package.json").exists():
                (folder / "package.json").write_text('{"name": "fmt-compare-tools", "private": true}\n')
            _run(
                [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", *PRETTIER],
                " ".join(PRETTIER),
            )
        return WorkerTool(name, [node, str(WORKER_JS), str(folder)], folder, timeout)
    if name in ("sqlfluff", "sqlglot"):
        if _importable_here(name):
            python = Path(sys.executable)
        else:
            python = _venv_python(
                cache / "tools-venv", [SQLFLUFF, SQLGLOT], "import sqlfluff, sqlglot", install
            )
        config = cache / "sqlfluff.cfg"
        cache.mkdir(parents=True, exist_ok=True)
        if name == "sqlfluff":
            config.write_text(SQLFLUFF_CONFIG, encoding="utf-8")
        return WorkerTool(name, [str(python), "-I", str(WORKER_PY), name, str(config)], cache, timeout)
    if name == "peer":
        # Never this interpreter: the peer's package is also called syntaqlite.
        python = _venv_python(
            cache / "peer-venv", [PEER], "import syntaqlite; syntaqlite.Syntaqlite()", install
        )
        return WorkerTool(name, [str(python), "-I", str(WORKER_PY), name], cache, timeout)
    raise Unavailable(f"unknown tool {name!r}; known: {', '.join(TOOL_NAMES)}")


# ---------------------------------------------------------------- the checks


def _key(tok: Token) -> tuple[str, str]:
    return (tok.kind, tok.text.upper() if tok.kind in KEYWORD_KINDS else tok.text)


def _significant(tokens: list[Token]) -> list[Token]:
    out = [t for t in tokens if t.kind != "COMMENT"]
    while out and out[-1].kind == "SEMI":
        out.pop()
    return out


def _name_key(tok: Token) -> tuple[str, str]:
    """Like _key, but an unquoted name in any case (SQLite folds them)."""
    if tok.kind == "ID" and tok.text[:1] not in ('"', "`", "["):
        return ("ID", tok.text.upper())
    return _key(tok)


def token_difference(before: str, after: str, fold_names: bool = False) -> str | None:
    """None when ``after`` has ``before``'s tokens (keyword case, whitespace,
    comments and final semicolons aside; with ``fold_names``, the case of
    unquoted names too); otherwise the first change."""
    key = _name_key if fold_names else _key
    a = [key(t) for t in _significant(tokenize(before))]
    b = [key(t) for t in _significant(tokenize(after))]
    if a == b:
        return None
    k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    was = a[k][1] if k < len(a) else "<end>"
    now = b[k][1] if k < len(b) else "<end>"
    return f"token {k + 1}: {was!r} became {now!r}"


def comment_body(text: str) -> str:
    if text.startswith("--"):
        body = text[2:]
    else:
        body = text[2:-2] if text.endswith("*/") and len(text) >= 4 else text[2:]
    return " ".join(body.split())


def comment_places(text: str) -> list[tuple[str, str, str]]:
    """Each comment's body with the tokens before and after it (commas and
    final semicolons left out: ``a, -- c`` and ``a /* c */,`` annotate the
    same item)."""
    tokens = tokenize(text)
    keep = {id(t) for t in _significant(tokens) if t.kind != "COMMA"}
    out: list[tuple[str, str, str]] = []
    before = "<start>"
    pending: list[str] = []
    for tok in tokens:
        if tok.kind == "COMMENT":
            pending.append(comment_body(tok.text))
        elif id(tok) in keep:
            after = _key(tok)[1]
            out.extend((body, before, after) for body in pending)
            pending = []
            before = after
    out.extend((body, before, "<end>") for body in pending)
    return out


def comment_difference(before: str, after: str) -> str | None:
    a, b = comment_places(before), comment_places(after)
    if a == b:
        return None
    bodies_a, bodies_b = [c[0] for c in a], [c[0] for c in b]
    if sorted(bodies_a) != sorted(bodies_b):
        lost = [x for x in bodies_a if x not in bodies_b]
        added = [x for x in bodies_b if x not in bodies_a]
        if lost:
            return f"comment lost or changed: {lost[0]!r}"
        return f"comment added: {added[0]!r}" if added else "a comment is duplicated or lost"
    if bodies_a != bodies_b:
        return "comments reordered"
    for (body, p1, n1), (_, p2, n2) in zip(a, b):
        if (p1, n1) != (p2, n2):
            return f"comment {body!r} moved: was between {p1!r} and {n1!r}, now between {p2!r} and {n2!r}"
    return None


def long_lines(text: str, width: int) -> tuple[int, int]:
    """Lines of ``text`` longer than ``width``: how many, and how many of them
    have a break point (more than one token but for punctuation)."""
    over = breakable = 0
    for line in text.splitlines():
        if len(line) <= width:
            continue
        over += 1
        words = [t for t in tokenize(line.strip()) if t.kind not in _PUNCTUATION]
        if len(words) > 1:
            breakable += 1
    return over, breakable


class Acceptance:
    """Whether SQLite takes a tool's output where it took the input."""

    def __init__(self) -> None:
        self._connections: dict[tuple[str, ...], apsw.Connection] = {}
        self._verdicts: dict[str, str] = {}

    def _connection(self, setup: tuple[str, ...]) -> apsw.Connection:
        con = self._connections.get(setup)
        if con is None:
            con = apsw.Connection(":memory:")
            for sql in setup:
                con.execute(sql)
            self.close()  # statements come in order: keep one connection
            self._connections = {setup: con}
        return con

    def error(self, stmt: Statement, out: str) -> str | None:
        """None when SQLite accepts ``out`` as it did ``stmt``; else its message."""
        if stmt.source == "app":
            con = self._connection(stmt.setup)
            cur = con.cursor()
            cur.exec_trace = lambda *_args: False
            try:
                cur.execute(out)
            except (apsw.ExecTraceAbort, apsw.BindingsError):
                return None  # prepared (parameters are bound after that)
            except apsw.Error as exc:
                return str(exc)
            return None
        verdict_in = self._verdicts.get(stmt.sql)
        if verdict_in is None:
            verdict_in = self._verdicts[stmt.sql] = judge(stmt.sql).kind
        verdict_out = judge(out)
        if verdict_out.kind == "syntax" or (verdict_in == "ok" and verdict_out.kind != "ok"):
            return verdict_out.message or verdict_out.kind
        return None

    def close(self) -> None:
        for con in self._connections.values():
            con.close()
        self._connections = {}


# ---------------------------------------------------------------- running


@dataclass
class Outcome:
    """One tool on one statement."""

    out: str | None = None
    error: str | None = None
    seconds: float = 0.0
    over: int = 0
    over_breakable: int = 0
    idempotent: bool = False
    second: str | None = None
    tokens: str | None = None  # what changed, None when kept
    names: str | None = None  # the same, but for the case of unquoted names
    comments: str | None = None
    rejected: str | None = None

    @property
    def problems(self) -> list[str]:
        if self.out is None:
            return [f"failed: {self.error}"]
        out = []
        if self.over:
            out.append(f"{self.over} line(s) over the width ({self.over_breakable} with a break point)")
        if not self.idempotent:
            out.append("not idempotent")
        if self.names:
            out.append(f"tokens changed ({self.names})")
        elif self.tokens:
            out.append(f"case of a name changed ({self.tokens})")
        if self.comments:
            out.append(self.comments)
        if self.rejected:
            out.append(f"SQLite rejects the output: {self.rejected}")
        return out


def measure(tool: Tool, stmt: Statement, width: int, acceptance: Acceptance) -> Outcome:
    answer = tool.format(stmt.sql, width)
    result = Outcome(out=answer.out, error=answer.error, seconds=answer.seconds)
    if answer.out is None:
        return result
    out = answer.out
    result.over, result.over_breakable = long_lines(out, width)
    again = tool.format(out, width)
    result.second = again.out
    result.idempotent = again.out == out
    result.tokens = token_difference(stmt.sql, out)
    result.names = result.tokens and token_difference(stmt.sql, out, fold_names=True)
    result.comments = comment_difference(stmt.sql, out)
    result.rejected = acceptance.error(stmt, out)
    return result


@dataclass
class Totals:
    statements: int = 0
    formatted: int = 0
    timeouts: int = 0
    over_statements: int = 0
    over_lines: int = 0
    over_breakable: int = 0
    idempotent: int = 0
    tokens: int = 0
    names: int = 0
    with_comments: int = 0
    formatted_with_comments: int = 0
    comments: int = 0
    accepted: int = 0
    seconds: float = 0.0
    failures: dict[str, int] = field(default_factory=dict)

    def add(self, stmt: Statement, o: Outcome) -> None:
        self.statements += 1
        has_comments = any(t.kind == "COMMENT" for t in tokenize(stmt.sql))
        self.with_comments += has_comments
        self.seconds += o.seconds
        if o.out is None:
            kind = (o.error or "").split(":", 1)[0]
            self.timeouts += kind.startswith("timeout")
            self.failures[kind] = self.failures.get(kind, 0) + 1
            return
        self.formatted += 1
        self.formatted_with_comments += has_comments
        self.over_statements += o.over > 0
        self.over_lines += o.over
        self.over_breakable += o.over_breakable
        self.idempotent += o.idempotent
        self.tokens += o.tokens is None
        self.names += o.names is None
        self.comments += has_comments and o.comments is None
        self.accepted += o.rejected is None


@dataclass
class Report:
    width: int
    statements: dict[str, list[Statement]]  # by source
    versions: dict[str, str]
    skipped: dict[str, str]
    outcomes: dict[str, dict[str, list[Outcome]]]  # source -> tool -> per statement
    totals: dict[str, dict[str, Totals]]  # source -> tool -> totals


def run(
    tools: list[Tool],
    statements: list[Statement],
    width: int = 80,
    progress: Callable[[str], None] | None = None,
) -> tuple[dict[str, dict[str, list[Outcome]]], dict[str, dict[str, Totals]]]:
    """Every tool on every statement; outcomes and totals by source, tool."""
    outcomes: dict[str, dict[str, list[Outcome]]] = {}
    totals: dict[str, dict[str, Totals]] = {}
    for tool in tools:
        acceptance = Acceptance()
        try:
            for n, stmt in enumerate(statements, 1):
                o = measure(tool, stmt, width, acceptance)
                outcomes.setdefault(stmt.source, {}).setdefault(tool.name, []).append(o)
                totals.setdefault(stmt.source, {}).setdefault(tool.name, Totals()).add(stmt, o)
                if progress and n % 50 == 0:
                    progress(f"  {tool.name}: {n}/{len(statements)}")
        finally:
            acceptance.close()
    return outcomes, totals


# ---------------------------------------------------------------- printing


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100.0 * n / d:.1f}%)" if d else "-"


def table(totals: dict[str, Totals], width: int) -> list[str]:
    """The figures of one statement set as a Markdown table."""
    tools = list(totals)
    ours = totals.get("syntaqlite")
    rows: list[tuple[str, Callable[[Totals], str]]] = [
        ("formatted", lambda t: _pct(t.formatted, t.statements)),
        ("failed (of which timeouts)", lambda t: f"{t.statements - t.formatted} ({t.timeouts})"),
        (f"statements with a line over {width}", lambda t: _pct(t.over_statements, t.formatted)),
        (f"lines over {width} (with a break point)", lambda t: f"{t.over_lines} ({t.over_breakable})"),
        ("idempotent", lambda t: _pct(t.idempotent, t.formatted)),
        ("tokens kept", lambda t: _pct(t.tokens, t.formatted)),
        ("tokens kept but for the case of names", lambda t: _pct(t.names, t.formatted)),
        ("comments kept in place", lambda t: _pct(t.comments, t.formatted_with_comments)),
        ("accepted by SQLite", lambda t: _pct(t.accepted, t.formatted)),
        ("format time (s)", lambda t: f"{t.seconds:.3f}"),
        (
            "time / this project's",
            lambda t: f"{t.seconds / ours.seconds:.2f}x" if ours is not None and ours.seconds > 0 else "-",
        ),
    ]
    out = ["| | " + " | ".join(TOOL_TITLES.get(t, t) for t in tools) + " |"]
    out.append("|---|" + "---|" * len(tools))
    for label, cell in rows:
        out.append(f"| {label} | " + " | ".join(cell(totals[t]) for t in tools) + " |")
    return out


_MEASURES = (
    "Tokens are compared with syntaqlite's tokenizer, ignoring whitespace, keyword case,",
    "comments and semicolons at the end (`<>` to `!=`, `TEMP` to `TEMPORARY`, a name's case",
    "or added parentheses count as changes; the next row forgives the case of unquoted",
    "names).  A comment is kept in place when the same comments (text without `--` or",
    "`/* */`) come in the same order, each between the same two tokens, commas aside.",
    "A line over the width has a break point when it holds more than one token besides",
    "punctuation.  Application statements are prepared by SQLite (apsw) on the schema",
    "made by the statements before them; a corpus statement's output may not get a",
    "syntax error.  Times are the formatting calls only (in each tool's own process).",
)


def _fence(text: str) -> str:
    ticks = 3
    while "`" * ticks in text:
        ticks += 1
    return "`" * ticks


def _block(text: str) -> list[str]:
    fence = _fence(text)
    return [fence + "sql", text.rstrip("\n"), fence]


def document(report: Report, corpus_examples: int = 40) -> str:
    lines = [
        "# SQL formatters side by side",
        "",
        f"Written by `python bench/fmt_compare.py` at line width {report.width}.",
        "",
        "Tools: " + "; ".join(f"{TOOL_TITLES.get(t, t)} {v}" for t, v in report.versions.items()) + ".",
    ]
    for name, why in report.skipped.items():
        lines.append(f"Skipped {TOOL_TITLES.get(name, name)}: {why}.")
    lines += ["", *_MEASURES, ""]
    titles = {"app": "Application statements", "corpus": "Corpus sample"}
    for source, totals in report.totals.items():
        count = len(report.statements.get(source, []))
        with_comments = next(iter(totals.values())).with_comments if totals else 0
        lines += [f"## {titles.get(source, source)}: figures", ""]
        lines.append(f"{count} statements, {with_comments} of them with comments.")
        lines += ["", *table(totals, report.width), ""]
    app = report.statements.get("app", [])
    if app:
        lines += ["## Application statements, each tool's output", ""]
        for i, stmt in enumerate(app):
            lines += _statement_section(report, "app", i, stmt)
    corpus = report.statements.get("corpus", [])
    if corpus and corpus_examples:
        per_tool = report.outcomes.get("corpus", {}).values()
        troubled = [i for i in range(len(corpus)) if any(outs[i].problems for outs in per_tool)]
        # Broken statements before long lines and renamed case.
        troubled.sort(key=lambda i: -max(_severity(outs[i]) for outs in per_tool))
        lines += [
            "## Corpus statements where a tool broke a property",
            "",
            f"{len(troubled)} of {len(corpus)}; {min(len(troubled), corpus_examples)} of them,"
            " those where a tool changed the SQL first:",
            "",
        ]
        for i in troubled[:corpus_examples]:
            lines += _statement_section(report, "corpus", i, corpus[i])
    return "\n".join(lines) + "\n"


def _severity(o: Outcome) -> int:
    if o.out is None or o.rejected or o.names:
        return 3
    if o.comments or not o.idempotent:
        return 2
    return 1 if o.problems else 0


def _statement_section(report: Report, source: str, i: int, stmt: Statement) -> list[str]:
    head = " ".join(stmt.sql.split())
    lines = [f"### {source} {i + 1}: {head[:70]}{'...' if len(head) > 70 else ''}", "", "Input:", ""]
    lines += _block(stmt.sql)
    lines.append("")
    for tool, outs in report.outcomes.get(source, {}).items():
        o = outs[i]
        problems = o.problems
        verdict = "; ".join(problems) if problems else "all properties kept"
        lines += [f"**{TOOL_TITLES.get(tool, tool)}** ({o.seconds * 1000:.1f} ms): {verdict}", ""]
        if o.out is not None:
            lines += _block(o.out)
            if not o.idempotent and o.second is not None:
                lines += ["", "Formatted again:", "", *_block(o.second)]
            lines.append("")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, help="write the side-by-side Markdown document here")
    ap.add_argument("--width", type=int, default=80)
    ap.add_argument(
        "--tools", default=",".join(TOOL_NAMES), help="comma-separated, of " + ", ".join(TOOL_NAMES)
    )
    ap.add_argument("--corpus", type=int, default=300, help="corpus statements to sample (0: none)")
    ap.add_argument("--statements", type=Path, default=APP_STATEMENTS, help="the application statements")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per statement and tool")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the other tools are installed")
    ap.add_argument("--no-install", action="store_true", help="use only tools already installed")
    args = ap.parse_args(argv)

    names = [n.strip() for n in args.tools.split(",") if n.strip()]
    unknown = [n for n in names if n not in TOOL_NAMES]
    if unknown:
        ap.error(f"unknown tool {unknown[0]!r}; known: {', '.join(TOOL_NAMES)}")
    if args.width < 1:
        ap.error("--width must be positive")
    if args.timeout <= 0:
        ap.error("--timeout must be positive")
    try:
        statements = app_statements(args.statements)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: {args.statements}: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:  # a statement that does not parse: line:column: message
        print(f"error: {args.statements}:{exc}", file=sys.stderr)
        return 2
    try:
        statements += corpus_statements(args.corpus)
    except (OSError, EOFError, ValueError, KeyError) as exc:
        print(f"error: the corpus sample: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2

    tools: list[Tool] = []
    skipped: dict[str, str] = {}
    for name in names:
        try:
            tools.append(make_tool(name, args.cache, args.timeout, not args.no_install))
        except Unavailable as exc:
            skipped[name] = str(exc)
            print(f"skipping {TOOL_TITLES[name]}: {exc}", file=sys.stderr)
    if not tools:
        print("error: no tool to run", file=sys.stderr)
        return 2
    try:
        outcomes, totals = run(tools, statements, args.width, lambda s: print(s, file=sys.stderr, flush=True))
    finally:
        for tool in tools:
            tool.close()
    by_source: dict[str, list[Statement]] = {}
    for stmt in statements:
        by_source.setdefault(stmt.source, []).append(stmt)
    report = Report(args.width, by_source, {t.name: t.version for t in tools}, skipped, outcomes, totals)

    for name, why in skipped.items():
        print(f"skipped {TOOL_TITLES[name]}: {why}")
    print("versions: " + "; ".join(f"{TOOL_TITLES[t]} {v}" for t, v in report.versions.items()))
    for source, tool_totals in totals.items():
        print(f"\n{source}: {len(by_source[source])} statements")
        print("\n".join(table(tool_totals, args.width)))
    for tool in tools:
        if isinstance(tool, WorkerTool) and tool.restarts:
            print(f"{tool.name}: worker restarted {tool.restarts} time(s) after a crash or timeout")
    if args.out:
        try:
            args.out.write_text(document(report), encoding="utf-8")
        except OSError as exc:
            print(f"error: {args.out}: {exc}", file=sys.stderr)
            return 2
        print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
