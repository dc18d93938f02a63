"""Parse throughput: syntaqlite against sqlglot on the same statements, in
the same run (ratios, not absolute numbers, are what compare).

    python bench/parse_speed.py                 # every real statement SQLite accepts
    python bench/parse_speed.py --limit 5000 --repeat 3
    python bench/parse_speed.py --peer-python /tmp/peer-venv/bin/python
    python bench/parse_speed.py --root DIR      # DIR from python -m syntaqlite_dev.compile DIR

Prints statements/s and MB/s for each parser and syntaqlite's ratios.  Two
syntaqlite figures: one parse() call per statement (what sqlglot is given)
and the whole corpus as one file (how the CLI and the editor use it).  With
``--peer-python`` (bench/peer.py) the original syntaqlite (Rust/C, PyPI
``syntaqlite``) is timed the same two ways through its Python API, in its
own environment.  The first line says whether ours runs pure or compiled
(``SYNTAQLITE_PURE=1`` forces pure).
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
if "--root" in sys.argv[:-1]:  # the package from elsewhere (a compiled copy); before importing it
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--root") + 1]).resolve()))

from bench.peer import PeerError, default_python, describe_missing, implementation, time_peer  # noqa: E402
from syntaqlite import parse  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "sqlite-upstream.jsonl.gz"


SAMPLE = ROOT / "tests" / "data" / "corpus-sample.jsonl.gz"


def statements(limit: int, corpus: Path = CORPUS) -> list[str]:
    """The statements SQLite accepts, from the shared corpus (or the
    committed sample of it when the corpus is not beside this checkout)."""
    path = corpus if corpus.exists() else SAMPLE
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    sqls = [r["sql"] for r in rows if r.get("v3_54_1") == "ok" and r.get("set", "real") == "real"]
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
    ap.add_argument("--peer-python", default=default_python(), help="Python of a venv with PyPI syntaqlite")
    ap.add_argument("--root", type=Path, help="directory holding the syntaqlite package to time")
    ap.add_argument(
        "--corpus", type=Path, default=CORPUS, help="a corpus .jsonl.gz (default: the shared one)"
    )
    args = ap.parse_args(argv)

    sqls = statements(args.limit, args.corpus)
    megabytes = sum(len(s.encode()) for s in sqls) / 1e6
    whole_file = ";\n".join(sqls) + ";\n"
    print(f"syntaqlite: {implementation()} ({Path(sys.modules['syntaqlite'].__file__ or '').parent})")
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
    peer_names: list[str] = []
    if args.peer_python:
        try:
            peer = time_peer(args.peer_python, sqls, ["parse", "parse_file"], args.repeat)
        except PeerError as exc:
            print(f"  {exc}")
        else:
            times = peer["times"]
            assert isinstance(times, dict)
            peer_names = [
                f"peer syntaqlite {peer['version']} (per statement)",
                f"peer syntaqlite {peer['version']} (one file)",
            ]
            results[peer_names[0]] = times["parse"]
            results[peer_names[1]] = times["parse_file"]
    else:
        print(f"  {describe_missing()}")
    for name, seconds in results.items():
        print(f"  {name:38s} {len(sqls) / seconds:9.0f} statements/s  {megabytes / seconds:6.2f} MB/s")
    ours_names = ["syntaqlite (per statement)", "syntaqlite (one file)"]
    glot = next((n for n in results if n.startswith("sqlglot")), None)
    if glot is not None:
        for name in ours_names:
            print(f"  ratio {name} / sqlglot: {results[glot] / results[name]:.2f}x")
    for name, peer_name in zip(ours_names, peer_names):
        print(f"  ratio {name} / peer (same way): {results[peer_name] / results[name]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
