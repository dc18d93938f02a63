"""Formatting throughput: syntaqlite against sqlglot (``pretty=True``) and
sqlfluff (dialect sqlite, on a sample: it is slow), in the same run.

    python bench/fmt_speed.py
    python bench/fmt_speed.py --limit 5000 --sqlfluff-sample 200
    python bench/fmt_speed.py --peer-python /tmp/peer-venv/bin/python
    python bench/fmt_speed.py --root DIR        # DIR from python -m syntaqlite_dev.compile DIR
    python bench/fmt_speed.py --cpu             # CPU time, not wall (a loaded machine)

With ``--peer-python`` (bench/peer.py) the original syntaqlite (Rust/C, PyPI
``syntaqlite``) formats the same statements through its Python API, in its
own environment.  The first line says whether ours runs pure or compiled.
Prints statements/s for each and syntaqlite's ratios, then the cold start of
``syntaqlite fmt`` on a 50-line file (median of several runs, in a fresh
process each time, with and without Python's bytecode cache).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if "--root" in sys.argv[:-1]:  # the package from elsewhere (a compiled copy); before importing it
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--root") + 1]).resolve()))

from bench.peer import PeerError, default_python, describe_missing, implementation, time_peer  # noqa: E402
from syntaqlite.fmt import FormatOptions, format_result  # noqa: E402
from syntaqlite.syntax.parser import parse  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "sqlite-upstream.jsonl.gz"
SAMPLE = ROOT / "tests" / "data" / "corpus-sample.jsonl.gz"


def statements(limit: int, corpus: Path = CORPUS) -> list[str]:
    path = corpus if corpus.exists() else SAMPLE
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    sqls = [r["sql"] for r in rows if r.get("v3_54_1") == "ok" and r.get("set", "real") == "real"]
    sqls = [s for s in sqls if not parse(s).errors]
    return sqls[:limit] if limit else sqls


CLOCK: Callable[[], float] = time.perf_counter  # time.process_time with --cpu


def timed(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    best = float("inf")
    done = 0
    for _ in range(repeat):
        gc.collect()
        start = CLOCK()
        done = fn()
        best = min(best, CLOCK() - start)
    return best, done


def cold_start(runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "fifty.sql"
        f.write_text("".join(f"select a, b, c from t{i} where x = {i} order by a;\n" for i in range(50)))
        out: dict[str, float] = {}
        for label, extra in (
            ("bytecode cache on", {}),
            ("no bytecode cache", {"PYTHONDONTWRITEBYTECODE": "1"}),
        ):
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | extra
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "syntaqlite", "fmt", "--check", str(f)],
                    capture_output=True,
                    env=env,
                    check=False,
                )
                times.append(time.perf_counter() - start)
            out[label] = statistics.median(times)
        return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=10000, help="statements for syntaqlite and sqlglot (0: all)")
    ap.add_argument("--sqlfluff-sample", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--cold-runs", type=int, default=9)
    ap.add_argument("--peer-python", default=default_python(), help="Python of a venv with PyPI syntaqlite")
    ap.add_argument("--root", type=Path, help="directory holding the syntaqlite package to time")
    ap.add_argument(
        "--corpus", type=Path, default=CORPUS, help="a corpus .jsonl.gz (default: the shared one)"
    )
    ap.add_argument(
        "--cpu",
        action="store_true",
        help="time CPU, not wall, here and in the peer (steadier on a loaded machine)",
    )
    args = ap.parse_args(argv)
    global CLOCK
    if args.cpu:
        CLOCK = time.process_time
    print(f"syntaqlite: {implementation()} ({Path(sys.modules['syntaqlite'].__file__ or '').parent})")
    print(f"timing: {'CPU' if args.cpu else 'wall'} time, best of {args.repeat}")
    sqls = statements(args.limit, args.corpus)
    print(f"{len(sqls)} statements that parse")
    options = FormatOptions()

    def ours() -> int:
        for s in sqls:
            format_result(parse(s), options)
        return len(sqls)

    results: dict[str, tuple[float, int]] = {"syntaqlite": timed(ours, args.repeat)}
    try:
        import sqlglot
        from sqlglot.errors import ErrorLevel

        logging.getLogger("sqlglot").setLevel(logging.CRITICAL)

        def glot() -> int:
            for s in sqls:
                try:
                    for tree in sqlglot.parse(s, read="sqlite", error_level=ErrorLevel.IGNORE):
                        if tree is not None:
                            tree.sql(dialect="sqlite", pretty=True)
                except Exception:  # noqa: BLE001 - its failures still cost time
                    pass
            return len(sqls)

        results[f"sqlglot {sqlglot.__version__} (pretty=True)"] = timed(glot, args.repeat)
    except ImportError:
        print("  sqlglot not installed")
    peer_name = None
    if args.peer_python:
        try:
            peer = time_peer(args.peer_python, sqls, ["format"], args.repeat, args.cpu)
        except PeerError as exc:
            print(f"  {exc}")
        else:
            times = peer["times"]
            assert isinstance(times, dict)
            peer_name = f"peer syntaqlite {peer['version']} format_sql"
            results[peer_name] = (times["format"], len(sqls))
    else:
        print(f"  {describe_missing()}")
    sample = sqls[:: max(1, len(sqls) // max(1, args.sqlfluff_sample))][: args.sqlfluff_sample]
    try:
        import sqlfluff

        logging.getLogger("sqlfluff").setLevel(logging.CRITICAL)

        def fluff() -> int:
            for s in sample:
                try:
                    sqlfluff.fix(s, dialect="sqlite")
                except Exception:  # noqa: BLE001
                    pass
            return len(sample)

        def ours_sample() -> int:
            for s in sample:
                format_result(parse(s), options)
            return len(sample)

        results[f"sqlfluff {sqlfluff.__version__} fix (sample)"] = timed(fluff, 1)
        results["syntaqlite (same sample)"] = timed(ours_sample, args.repeat)
    except ImportError:
        print("  sqlfluff not installed")
    rates = {}
    for name, (seconds, n) in results.items():
        rates[name] = n / seconds
        print(f"  {name:42s} {n / seconds:9.0f} statements/s  ({n} in {seconds:.2f}s)")
    glot_name = next((n for n in rates if n.startswith("sqlglot")), None)
    if glot_name:
        print(f"  ratio syntaqlite / sqlglot:  {rates['syntaqlite'] / rates[glot_name]:.2f}x")
    if peer_name:
        print(f"  ratio syntaqlite / peer:     {rates['syntaqlite'] / rates[peer_name]:.2f}x")
    fluff_name = next((n for n in rates if n.startswith("sqlfluff")), None)
    if fluff_name:
        print(f"  ratio syntaqlite / sqlfluff: {rates['syntaqlite (same sample)'] / rates[fluff_name]:.0f}x")
    if args.cold_runs:
        for label, seconds in cold_start(args.cold_runs).items():
            print(f"  cold start, syntaqlite fmt --check on a 50-line file ({label}): {seconds:.3f}s median")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
