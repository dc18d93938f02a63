"""Speed of this checkout against another commit, measured in one run.

    python bench/compare_commits.py                  # against HEAD~1
    python bench/compare_commits.py --base a490161 --limit 3000 --rounds 5

The other commit is checked out into a temporary git worktree.  Each round
runs, for both trees in turn, a fresh interpreter that times parse (one call
per statement, and the corpus as one file), format and check on the same
statements; the best of the rounds counts.  Alternating the trees round by
round keeps a busy machine's noise from favouring either side.  Prints the
times and this checkout's speed as a ratio of the base's (above 1.0: faster).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "sqlite-upstream.jsonl.gz"
SAMPLE = ROOT / "tests" / "data" / "corpus-sample.jsonl.gz"

# Runs inside the tree being measured (its syntaqlite first on sys.path).
PROBE = r"""
import gc, json, sys, time
sqls = json.load(open(sys.argv[1], encoding="utf-8"))
which = sys.argv[2]
import syntaqlite
from syntaqlite.syntax.parser import parse
whole = ";\n".join(sqls) + ";\n"

def timed(fn):
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start

def each_parse():
    for s in sqls:
        parse(s)

def whole_parse():
    parse(whole)

def each_format():
    from syntaqlite.fmt.format import format_sql
    for s in sqls:
        format_sql(s)

def whole_check():
    from syntaqlite.validator.checker import check_text
    check_text(whole)

fn = {"parse": each_parse, "parse-file": whole_parse, "fmt": each_format, "check": whole_check}[which]
fn()  # warm caches
print(json.dumps(timed(fn)))
"""

STAGES = ("parse", "parse-file", "fmt", "check")


def statements(limit: int) -> list[str]:
    path = CORPUS if CORPUS.exists() else SAMPLE
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    sqls = [r["sql"] for r in rows if r.get("v3_54_1") == "ok"]
    return sqls[:limit] if limit else sqls


def run(tree: Path, data: Path, stage: str) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(data), stage],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="HEAD~1", help="the commit to compare with")
    ap.add_argument("--limit", type=int, default=5000, help="statements to use (0: all)")
    ap.add_argument("--rounds", type=int, default=5, help="alternating rounds; the best counts")
    ap.add_argument("--stages", default=",".join(STAGES), help=f"comma-separated, of {', '.join(STAGES)}")
    args = ap.parse_args(argv)
    stages = [s for s in args.stages.split(",") if s]
    sqls = statements(args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        base_tree = Path(tmp) / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "-q", str(base_tree), args.base], cwd=ROOT, check=True
        )
        try:
            data = Path(tmp) / "statements.json"
            data.write_text(json.dumps(sqls), encoding="utf-8")
            best: dict[tuple[str, str], float] = {}
            for _round in range(args.rounds):
                for stage in stages:
                    for name, tree in (("base", base_tree), ("this", ROOT)):
                        t = run(tree, data, stage)
                        key = (name, stage)
                        best[key] = min(best.get(key, float("inf")), t)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT, check=False)
    print(f"{len(sqls)} statements; base {args.base}; best of {args.rounds} alternating rounds")
    print(f"{'stage':<12}{'base s':>10}{'this s':>10}{'speed':>9}")
    for stage in stages:
        b, t = best[("base", stage)], best[("this", stage)]
        print(f"{stage:<12}{b:>10.3f}{t:>10.3f}{b / t:>8.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
