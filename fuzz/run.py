"""Long fuzzing runs.

    python -m fuzz.run --minutes 30            # differential, both strategies
    python -m fuzz.run --target parse_no_crash --minutes 5
    python -m fuzz.run --target fmt_idempotent --minutes 10   # also fmt_valid
    python -m fuzz.run --target fmt --minutes 60     # the formatter's properties (fuzz/fmt_props.py)
    python -m fuzz.run --target fmt --count 1000000 --seed 1 --jobs 2  # the long run
    python -m fuzz.run --replay                # re-check everything saved

Findings are written to fuzz/failures/*.json (replayed by the test suite).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from fuzz.differential import check, record, replay, saved
from fuzz.fmt_props import campaign
from fuzz.fmt_props import check as fmt_check
from fuzz.fmt_props import inputs as fmt_inputs
from fuzz.grammar_gen import generate, random_chooser
from fuzz.mutate import mutate
from fuzz.targets import fmt_idempotent, fmt_valid, parse_no_crash

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sqlite-upstream.jsonl.gz"


SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus-sample.jsonl.gz"


def corpus_path(sample: bool = False, path: Path | None = None) -> Path:
    """``path``, else the shared corpus, else (or with ``sample``) the sample
    the tests carry."""
    if path is not None:
        return path
    return CORPUS if CORPUS.exists() and not sample else SAMPLE


def corpus(sample: bool = False, path: Path | None = None) -> list[str]:
    """The statements of :func:`corpus_path`."""
    with gzip.open(corpus_path(sample, path), "rt", encoding="utf-8") as fh:
        return [json.loads(line)["sql"] for line in fh]


def fmt_shard(seed: int, count: int, path: Path, shard: int, shards: int) -> int:
    """Check shard ``shard`` of ``shards`` of the ``count`` inputs of the
    formatter campaign ``seed`` (those numbered ``shard`` modulo ``shards``):
    save and print each finding and the progress every 10,000 inputs checked;
    return the number of findings."""
    start = time.monotonic()
    found = checked = 0
    mine = len(range(shard, count, shards))
    for i, (text, case) in enumerate(fmt_inputs(seed, count, corpus(path=path))):
        if i % shards != shard:
            continue
        problem = fmt_check(text, case)
        checked += 1
        if problem is not None:
            found += 1
            record(text, problem, target="fmt", case=case.to_dict(), open=True)
            print(f"[{i}] {text[:160]!r} {case}\n    {problem[:300]}", flush=True)
        if checked % 10_000 == 0 or checked == mine:
            minutes = (time.monotonic() - start) / 60
            print(
                f"[shard {shard + 1}/{shards}] {checked:,} of {mine:,} inputs, {found} findings, {minutes:.1f} min",
                flush=True,
            )
    return found


def fmt_run(seed: int, count: int, path: Path, jobs: int) -> int:
    """The formatter campaign ``seed`` of ``count`` inputs in ``jobs``
    processes (the same inputs whatever ``jobs``); prints the figures and
    returns the number of findings."""
    print(f"seed {seed}: {count:,} inputs, {jobs} jobs, statements from {path}", flush=True)
    start = time.monotonic()
    if jobs == 1:
        found = fmt_shard(seed, count, path, 0, 1)
    else:
        with ProcessPoolExecutor(jobs) as pool:
            shards = [pool.submit(fmt_shard, seed, count, path, k, jobs) for k in range(jobs)]
            found = sum(f.result() for f in shards)
    seconds = time.monotonic() - start
    print(
        f"seed {seed}: {count:,} inputs in {seconds:,.0f} s ({count / seconds:,.0f}/s, {jobs} jobs), "
        f"{found} findings saved in fuzz/failures/",
        flush=True,
    )
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument(
        "--target",
        choices=["differential", "parse_no_crash", "fmt_idempotent", "fmt_valid", "fmt"],
        default="differential",
    )
    ap.add_argument("--count", type=int, default=None, help="stop after this many inputs (and not on time)")
    ap.add_argument("--sample", action="store_true", help="statements from the tests' corpus sample")
    ap.add_argument(
        "--corpus", type=Path, default=None, help=f"a corpus .jsonl.gz (default: {CORPUS}, else the sample)"
    )
    ap.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="processes for --target fmt --count (the same inputs for any number)",
    )
    ap.add_argument("--replay", action="store_true")
    args = ap.parse_args()
    if args.replay:
        bad = [row for row in saved() if replay(row)]
        for row in bad:
            print(row["sql"][:200], "->", row["problem"][:200])
        print(f"{len(bad)} of {len(saved())} saved findings still fail")
        return 1 if bad else 0
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    choose = random_chooser(rng)
    if args.target == "fmt" and args.count is not None:
        # a fixed number of inputs: the run tests/test_fuzz.py repeats with its seed
        return 1 if fmt_run(seed, args.count, corpus_path(args.sample, args.corpus), max(1, args.jobs)) else 0
    statements = corpus(args.sample, args.corpus)
    deadline = time.monotonic() + args.minutes * 60
    n = found = 0
    while (n < args.count) if args.count is not None else (time.monotonic() < deadline):
        n += 1
        if args.target == "fmt":
            for text, case, problem in campaign(rng.randrange(1 << 30), 1, statements):
                found += 1
                record(text, problem, target="fmt", case=case.to_dict(), open=True)
                print(f"[{n}] {text[:160]!r} {case}\n    {problem[:300]}")
            continue
        if args.target == "parse_no_crash":
            text = "".join(
                chr(rng.choice([rng.randrange(32, 127), rng.randrange(0, 0x3000)]))
                for _ in range(rng.randrange(80))
            )
            parse_no_crash(text)
            continue
        if rng.random() < 0.5:
            sql = generate(choose, budget=rng.randrange(4, 16))
        else:
            sql, _kind = mutate(rng.choice(statements), choose)
        if args.target in ("fmt_idempotent", "fmt_valid"):
            width = rng.choice([80, 40, 20, 1])
            try:
                (fmt_idempotent if args.target == "fmt_idempotent" else fmt_valid)(sql, width)
                problem = None
            except AssertionError as exc:
                problem = f"{args.target} at width {width}: {exc}"[:2000]
                record(sql, problem)
        else:
            problem = check(sql)
        if problem:
            found += 1
            print(f"[{n}] {sql[:160]!r}\n    {problem[:300]}")
    print(f"seed {seed}: {n} inputs, {found} findings saved in fuzz/failures/")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
