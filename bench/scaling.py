"""How parse, check and format time grows with the length of lists and chains.

    python bench/scaling.py                     # sizes doubling up to 100,000 items
    python bench/scaling.py --max 20000         # a quick run
    python bench/scaling.py --shape in-list --stage parse -v
    python bench/scaling.py --sqlite-version 3.30.0     # the grammar actions of an older release
    python bench/scaling.py --server            # through the language server

For each shape (an IN list, VALUES rows, a function's arguments, an
``a + b + ...`` chain, CASE arms, a JOIN chain, result columns, CREATE TABLE
columns) it builds one statement of n items for n doubling up to ``--max``,
times ``syntaqlite.parse``, ``syntaqlite.check`` (against a small schema) and
``syntaqlite.format_sql`` on it (the best of ``--repeat`` runs, in CPU time
of this process, which other work on the machine disturbs less than wall
time), and prints the growth exponent of each stage: the slope of log(time)
against log(n) over the top ``--fit`` doublings.  1.0 is linear, 2.0 quadratic; the target is at
most 1.15.  A stage whose next size would take longer than ``--give-up``
seconds (if its time kept growing as over the last doubling) is not run at
larger sizes: its exponent, marked ``*``, comes from the sizes it did run
at.

With ``--server`` the same documents go through the language server
(``python -m syntaqlite lsp``, one process for the whole run, driven over
stdio as an editor drives it, against a project whose schema is the small
one): the stages are ``diagnostics`` (from ``didOpen`` to the document's
``publishDiagnostics``: parsing and checking), ``fmt`` (a
``textDocument/formatting`` request) and ``complete`` (a completion request
just before the statement's final semicolon).  The time is the CPU time the
server process spent (all its threads, from ``/proc``; wall time where there
is no ``/proc``) from sending until the answer is in, after waiting for the
server to be idle.  Each run opens the text under a new URI with a comment
of its own at the top, so that nothing is reused from an earlier run, and
closes it afterwards.
"""

from __future__ import annotations

import argparse
import functools
import gc
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import syntaqlite  # noqa: E402
from syntaqlite.syntax.target import Target  # noqa: E402

SCHEMA = "CREATE TABLE t(a INTEGER, b TEXT);"


def _in_list(n: int) -> str:
    return "SELECT a FROM t WHERE a IN (" + ", ".join(str(i) for i in range(n)) + ");"


def _values_rows(n: int) -> str:
    return "INSERT INTO t(a, b) VALUES " + ", ".join(f"({i}, 'v{i}')" for i in range(n)) + ";"


def _function_args(n: int) -> str:
    return "SELECT coalesce(" + ", ".join("a" if i % 2 else str(i) for i in range(n)) + ") FROM t;"


def _plus_chain(n: int) -> str:
    return "SELECT " + " + ".join("a" if i % 2 else "b" for i in range(n)) + " FROM t;"


def _case_arms(n: int) -> str:
    arms = " ".join(f"WHEN {i} THEN 'x{i}'" for i in range(n))
    return f"SELECT CASE a {arms} ELSE b END FROM t;"


def _join_chain(n: int) -> str:
    joins = " ".join(f"JOIN t AS t{i} ON t{i}.a = t{i - 1}.a" for i in range(1, n))
    return f"SELECT t0.b FROM t AS t0 {joins};"


def _result_columns(n: int) -> str:
    return "SELECT " + ", ".join(f"a AS c{i}" for i in range(n)) + " FROM t;"


def _table_columns(n: int) -> str:
    return "CREATE TABLE x(" + ", ".join(f"c{i} INTEGER" for i in range(n)) + ");"


SHAPES: dict[str, Callable[[int], str]] = {
    "in-list": _in_list,
    "values-rows": _values_rows,
    "function-args": _function_args,
    "plus-chain": _plus_chain,
    "case-arms": _case_arms,
    "join-chain": _join_chain,
    "result-columns": _result_columns,
    "table-columns": _table_columns,
}


def _parse(text: str, target: Target) -> object:
    return syntaqlite.parse(text, target=target)


def _check(text: str, target: Target) -> object:
    return syntaqlite.check(text, schema=SCHEMA, target=target)


def _fmt(text: str, target: Target) -> object:
    return syntaqlite.format_sql(text, target=target)


STAGES: dict[str, Callable[[str, Target], object]] = {"parse": _parse, "check": _check, "fmt": _fmt}


WAIT = 900.0
"""Seconds of wall time to wait for the server's answer (a loaded machine
stretches the wall time of what the CPU time measures)."""


class Server:
    """One language server process; each stage sends a document or a
    request and returns when the answer is in."""

    STAGES = ("diagnostics", "fmt", "complete")

    def __init__(self, root: Path, target: Target) -> None:
        sys.path.insert(0, str(ROOT / "bench"))
        from lsp_latency import Client, position_of

        self.position_of = position_of
        self.root = root
        cflags = ", ".join(f'"{c}"' for c in sorted(target.cflags))
        (root / "schema.sql").write_text(SCHEMA + "\n", encoding="utf-8")
        (root / "syntaqlite.toml").write_text(
            f'schema = ["schema.sql"]\nsqlite-version = "{target.version_string}"\n'
            f"sqlite-cflags = [{cflags}]\n",
            encoding="utf-8",
        )
        self.client = Client([sys.executable, "-m", "syntaqlite", "lsp"], ROOT)
        self.client.initialize(root)
        self.runs = 0
        self.stat = Path(f"/proc/{self.client.proc.pid}/stat")
        self.tick = 1 / os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 0.01

    def clock(self) -> float:
        """The server's CPU time so far (its wall clock where /proc is missing)."""
        try:
            fields = self.stat.read_text().rpartition(")")[2].split()
        except OSError:
            return time.perf_counter()
        return (int(fields[11]) + int(fields[12])) * self.tick  # utime + stime

    def idle(self) -> None:
        """Wait until the server uses no CPU for a while (what it frees after
        the last run is not counted in the next)."""
        last = self.clock()
        for _ in range(500):
            time.sleep(0.05)
            now = self.clock()
            if now == last:
                return
            last = now

    def run(self, stage: str, text: str) -> float:
        """Seconds from sending to the answer for ``stage`` on a fresh
        document holding ``text``."""
        self.runs += 1
        text = f"/* run {self.runs} */ {text}"
        uri = (self.root / f"doc{self.runs}.sql").as_uri()
        doc = {"uri": uri}
        client = self.client
        try:
            self.idle()
            start = self.clock()
            client.notify(
                "textDocument/didOpen",
                {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": text}},
            )
            client.wait(
                lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
                timeout=WAIT,
            )
            if stage == "diagnostics":
                return self.clock() - start
            if stage == "fmt":
                params: dict[str, object] = {
                    "textDocument": doc,
                    "options": {"tabSize": 4, "insertSpaces": True},
                }
                method = "textDocument/formatting"
            else:
                params = {"textDocument": doc, "position": self.position_of(text, text.rindex(";"))}
                method = "textDocument/completion"
            self.idle()
            start = self.clock()
            msg_id = client.request(method, params)
            _, answer = client.wait(lambda m: m.get("id") == msg_id and "method" not in m, timeout=WAIT)
            took = self.clock() - start
            if "error" in answer:
                raise RuntimeError(answer["error"].get("message"))
            if not answer.get("result"):
                raise RuntimeError(f"{method}: an empty answer")
            return took
        finally:
            client.notify("textDocument/didClose", {"textDocument": doc})

    def close(self) -> None:
        self.client.close()


def best_of(
    repeat: int, fn: Callable[[], object], give_up: float, timed: Callable[[], float] | None = None
) -> float:
    """The shortest of ``repeat`` runs of ``fn`` in CPU time (``timed``: a
    function that runs and returns its own time, instead)."""
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        if timed is not None:
            took = timed()
        else:
            start = time.process_time()
            fn()
            took = time.process_time() - start
        best = min(best, took)
        if took > give_up / 4:
            break  # slow enough that one run is a steady measurement
    return best


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-9)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else math.nan


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max", type=int, default=100_000, help="largest number of items (default 100000)")
    ap.add_argument("--steps", type=int, default=6, help="sizes: --max halved this many times minus one")
    ap.add_argument("--fit", type=int, default=3, help="doublings at the top that the exponent is fitted on")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the best counts")
    ap.add_argument(
        "--give-up",
        type=float,
        default=30.0,
        help="seconds: a stage stops before a run predicted to take longer",
    )
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes")
    ap.add_argument(
        "--stage",
        action="append",
        choices=list(dict.fromkeys([*STAGES, *Server.STAGES])),
        help="only these stages (parse, check, fmt; with --server: diagnostics, fmt, complete)",
    )
    ap.add_argument("--sqlite-version", help="the SQLite release to judge against (default: the newest)")
    ap.add_argument("--sqlite-cflag", action="append", default=[], help="a compile-time option (repeatable)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every timing")
    ap.add_argument(
        "--server", action="store_true", help="through the language server: diagnostics, fmt, complete"
    )
    args = ap.parse_args(argv)

    sizes = sorted({max(1, round(args.max / 2**k)) for k in range(args.steps)})
    shapes = args.shape or list(SHAPES)
    limit = sys.getrecursionlimit()
    target = Target.from_options(args.sqlite_version, args.sqlite_cflag)
    allowed = Server.STAGES if args.server else tuple(STAGES)
    wrong = [s for s in args.stage or () if s not in allowed]
    if wrong:
        ap.error(
            f"stage {wrong[0]!r} is not one of {', '.join(allowed)}{' with --server' if args.server else ''}"
        )
    if args.server:
        with tempfile.TemporaryDirectory() as tmp:
            server = Server(Path(tmp), target)
            try:
                return table(args, sizes, shapes, args.stage or list(Server.STAGES), target, limit, server)
            finally:
                server.close()
    return table(args, sizes, shapes, args.stage or list(STAGES), target, limit, None)


def table(
    args: argparse.Namespace,
    sizes: list[int],
    shapes: list[str],
    stages: list[str],
    target: Target,
    limit: int,
    server: Server | None,
) -> int:
    """Time every stage of every shape at every size; print the exponents."""
    print(f"SQLite {target.version_string} {' '.join(sorted(target.cflags))}".rstrip())
    if server is not None:
        print("through the language server (its CPU time from sending to the answer)")
    print(f"sizes {', '.join(map(str, sizes))}; exponent over the top {args.fit} doublings")
    print(f"{'shape':16s}" + "".join(f"{s:>18s}" for s in stages))
    worst = 0.0
    for shape in shapes:
        cells: list[str] = []
        for stage in stages:
            fn = STAGES.get(stage, _parse)
            points: list[tuple[int, float]] = []
            note = ""
            for n in sizes:
                text = SHAPES[shape](n)
                try:
                    timed = functools.partial(server.run, stage, text) if server is not None else None
                    took = best_of(args.repeat, functools.partial(fn, text, target), args.give_up, timed)
                except Exception as exc:  # noqa: BLE001 - reported in the table
                    note = f" ({type(exc).__name__} at {n})"
                    break
                finally:
                    sys.setrecursionlimit(limit)
                points.append((n, took))
                if args.verbose:
                    print(f"  {shape} {stage} n={n}: {took * 1000:.1f} ms", flush=True)
                # the next size, if time keeps growing as it did (at least linearly)
                growth = max(2.0, took / points[-2][1]) if len(points) >= 2 and points[-2][1] > 0 else 2.0
                if took * growth > args.give_up and n != sizes[-1]:
                    note = "*"
                    break
            top = points[-(args.fit + 1) :]
            if len(top) >= 2:
                exp = slope(top)
                worst = max(worst, exp)
                cells.append(f"{exp:5.2f} {top[-1][1]:7.2f}s{note}")
            else:
                cells.append(f"   - {note}")
        print(f"{shape:16s}" + "".join(f"{c:>18s}" for c in cells), flush=True)
    print("(exponent, then seconds at the largest size run)")
    print(f"worst exponent: {worst:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
