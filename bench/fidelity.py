"""Agreement of syntaqlite's parser with SQLite on the labelled corpus.

    python bench/fidelity.py                       # both files, SQLite 3.54.1 labels
    python bench/fidelity.py --sample 2000 --show 20
    python bench/fidelity.py --sqlite-version 3.40.1 --sqlite-cflag SQLITE_ENABLE_UPDATE_DELETE_LIMIT

For each file prints statements, agreement, false accepts (syntaqlite accepts,
SQLite rejects), false rejects (the reverse) and crashes, then the
disagreements grouped by first keyword.  Exits 1 when a threshold of issue 2
is missed (real statements: false rejects <= 0.1%, no crash; mutants: false
accepts <= 0.5%, false rejects <= 0.3%).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from syntaqlite import parse  # noqa: E402
from syntaqlite.target import Target, TargetError  # noqa: E402
from syntaqlite_dev.verdicts import classify  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FILES = {
    "real": "sqlite-upstream.jsonl.gz",
    "mutants": "sqlite-mutants.jsonl.gz",
}
# (max false-accept rate, max false-reject rate) per file, in percent.
THRESHOLDS = {"real": (None, 0.1), "mutants": (0.5, 0.3)}


@dataclass
class Report:
    name: str
    total: int = 0
    agree: int = 0
    false_accepts: list[dict[str, str]] = field(default_factory=list)
    false_rejects: list[dict[str, str]] = field(default_factory=list)
    crashes: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def load(name: str, label: str) -> list[dict[str, str]]:
    path = CORPUS / FILES[name]
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get(label) in ("ok", "syntax"):
                rows.append(row)
    return rows


def first_keyword(sql: str) -> str:
    for word in sql.replace("(", " ").split():
        if word[:1].isalpha():
            return word.upper()
    return "?"


def run(name: str, rows: list[dict[str, str]], label: str, target: Target) -> Report:
    report = Report(name)
    start = time.perf_counter()
    for row in rows:
        report.total += 1
        sql = row["sql"]
        try:
            result = parse(sql, target=target)
            ours = "ok" if not result.errors else "syntax"
        except Exception:  # noqa: BLE001 - a crash is what we measure
            report.crashes.append({**row, "trace": traceback.format_exc()})
            continue
        theirs = row[label]
        if ours == "ok" and theirs == "syntax" and classify(row.get("err_" + label[1:]), sql) != "syntax":
            # Labelled when the message counted as the parser's; where it
            # depends on the schema, the parser leaves it to the validator.
            theirs = "ok"
        if ours == theirs:
            report.agree += 1
        elif ours == "ok":
            report.false_accepts.append(row)
        else:
            first = result.errors[0]
            report.false_rejects.append({**row, "ours": first.message})
    report.seconds = time.perf_counter() - start
    return report


def masked(row: dict[str, str], err_key: str) -> bool:
    """SQLite stopped at an error of its parser actions (a reserved name, an
    unknown database, VALUES rows of different lengths ...) before reaching
    the syntax error syntaqlite reports: the label says "ok" only because
    SQLite never saw the rest of the statement."""
    return classify(row.get(err_key), row["sql"]) == "inconclusive"


def pct(n: int, total: int) -> float:
    return 100.0 * n / total if total else 0.0


def print_report(r: Report, label: str, show: int, err_key: str) -> bool:
    fa, fr = len(r.false_accepts), len(r.false_rejects)
    print(f"== {r.name}: {FILES[r.name]} against {label}")
    print(f"  statements      {r.total}")
    print(f"  agreement       {r.agree} ({pct(r.agree, r.total):.3f}%)")
    print(f"  false accepts   {fa} ({pct(fa, r.total):.3f}%)")
    hidden = sum(1 for x in r.false_rejects if masked(x, err_key))
    print(
        f"  false rejects   {fr} ({pct(fr, r.total):.3f}%), {hidden} of them after an earlier SQLite error that stops its parser"
    )
    print(f"  crashes         {len(r.crashes)}")
    print(f"  time            {r.seconds:.2f}s ({r.total / max(r.seconds, 1e-9):.0f} statements/s)")
    groups: dict[str, collections.Counter[str]] = {
        "false accept": collections.Counter(first_keyword(x["sql"]) for x in r.false_accepts),
        "false reject": collections.Counter(first_keyword(x["sql"]) for x in r.false_rejects),
    }
    for what, counter in groups.items():
        if counter:
            print(f"  {what}s by first keyword: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))
    for what, items in (("false accept", r.false_accepts), ("false reject", r.false_rejects)):
        for row in items[:show]:
            detail = f"SQLite: {row.get(err_key)}"
            if what == "false reject":
                detail += f"; syntaqlite: {row.get('ours')}"
            print(f"  - {what}: {row['sql'][:300]!r}\n      ({detail})")
    for row in r.crashes[:show]:
        print(f"  - crash: {row['sql'][:200]!r}\n{row['trace']}")
    ok = not r.crashes
    max_fa, max_fr = THRESHOLDS[r.name]
    if max_fa is not None and pct(fa, r.total) > max_fa:
        ok = False
    if max_fr is not None and pct(fr, r.total) > max_fr:
        ok = False
    print(f"  threshold       {'met' if ok else 'MISSED'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=0, help="random statements per file (0: all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=10, help="disagreements to print per kind")
    ap.add_argument("--file", choices=sorted(FILES), action="append")
    ap.add_argument("--sqlite-version", default="latest")
    ap.add_argument("--sqlite-cflag", action="append", default=[])
    args = ap.parse_args(argv)
    try:
        target = Target.from_options(args.sqlite_version, args.sqlite_cflag)
    except TargetError as exc:
        ap.error(str(exc))
    version = target.version_string
    label = "v3_54_1" if version == "3.54.1" else "v3_" + "_".join(version.split(".")[1:])
    err_key = "err_" + label[1:]
    all_ok = True
    for name in args.file or ["real", "mutants"]:
        rows = load(name, label)
        if not rows:
            print(f"== {name}: no labels for SQLite {version} ({label})")
            continue
        if args.sample:
            rows = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
        report = run(name, rows, label, target)
        all_ok &= print_report(report, label, args.show, err_key)
    return 0 if all_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
