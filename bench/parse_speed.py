"""Parse throughput: syntaqlite against sqlglot on the same statements, in
the same run (ratios, not absolute numbers, are what compare).

    python bench/parse_speed.py                 # every real statement SQLite accepts
    python bench/parse_speed.py --limit 5000 --repeat 3

Prints statements/s and MB/s for each parser and syntaqlite's ratio.  Two
syntaqlite figures: one parse() call per statement (what sqlglot is given)
and the whole corpus as one file (how the CLI and the editor use it).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from syntaqlite import parse  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "sqlite-upstream.jsonl.gz"


def statements(limit: int) -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    sqls = [r["sql"] for r in rows if r["v3_54_1"] == "ok"]
    return sqls[:limit] if limit else sqls


def best_of(repeat: int, fn: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="statements to use (0: all)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per parser; the best counts")
    args = ap.parse_args(argv)

    sqls = statements(args.limit)
    megabytes = sum(len(s.encode()) for s in sqls) / 1e6
    whole_file = ";\n".join(sqls) + ";\n"
    print(f"{len(sqls)} statements, {megabytes:.2f} MB, best of {args.repeat}")

    def ours() -> None:
        for s in sqls:
            parse(s)

    def ours_file() -> None:
        parse(whole_file)

    try:
        import sqlglot
        from sqlglot.errors import ErrorLevel
    except ImportError:
        sqlglot = None

    def theirs() -> None:
        for s in sqls:
            try:
                sqlglot.parse(s, read="sqlite", error_level=ErrorLevel.IGNORE)  # type: ignore[union-attr]
            except Exception:  # noqa: BLE001 - a statement sqlglot cannot read still costs its time
                pass

    results = {"syntaqlite (per statement)": best_of(args.repeat, ours)}
    results["syntaqlite (one file)"] = best_of(args.repeat, ours_file)
    if sqlglot is not None:
        logging.getLogger("sqlglot").setLevel(logging.CRITICAL)
        results[f"sqlglot {sqlglot.__version__} read='sqlite'"] = best_of(args.repeat, theirs)
    for name, seconds in results.items():
        print(f"  {name:38s} {len(sqls) / seconds:9.0f} statements/s  {megabytes / seconds:6.2f} MB/s")
    if sqlglot is not None:
        base = list(results.values())[-1]
        for name in list(results)[:2]:
            print(f"  ratio {name} / sqlglot: {base / results[name]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
