"""How parse, check and format time grows with the length of lists and chains.

    python bench/scaling.py                     # sizes doubling up to 100,000 items
    python bench/scaling.py --max 20000         # a quick run
    python bench/scaling.py --shape in-list --stage parse -v
    python bench/scaling.py --sqlite-version 3.30.0     # the grammar actions of an older release

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
"""

from __future__ import annotations

import argparse
import functools
import gc
import math
import sys
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


def best_of(repeat: int, fn: Callable[[], object], give_up: float) -> float:
    best = math.inf
    for _ in range(repeat):
        gc.collect()
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
    ap.add_argument("--stage", action="append", choices=list(STAGES), help="only these stages")
    ap.add_argument("--sqlite-version", help="the SQLite release to judge against (default: the newest)")
    ap.add_argument("--sqlite-cflag", action="append", default=[], help="a compile-time option (repeatable)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every timing")
    args = ap.parse_args(argv)

    sizes = sorted({max(1, round(args.max / 2**k)) for k in range(args.steps)})
    shapes = args.shape or list(SHAPES)
    stages = args.stage or list(STAGES)
    limit = sys.getrecursionlimit()
    target = Target.from_options(args.sqlite_version, args.sqlite_cflag)
    print(f"SQLite {target.version_string} {' '.join(sorted(target.cflags))}".rstrip())
    print(f"sizes {', '.join(map(str, sizes))}; exponent over the top {args.fit} doublings")
    print(f"{'shape':16s}" + "".join(f"{s:>18s}" for s in stages))
    worst = 0.0
    for shape in shapes:
        cells: list[str] = []
        for stage in stages:
            fn = STAGES[stage]
            points: list[tuple[int, float]] = []
            note = ""
            for n in sizes:
                text = SHAPES[shape](n)
                try:
                    took = best_of(args.repeat, functools.partial(fn, text, target), args.give_up)
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
