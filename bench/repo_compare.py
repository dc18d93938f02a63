"""Whole repositories: ``syntaqlite fmt --check`` and ``syntaqlite check`` over
600 files of real SQL, next to the original syntaqlite's CLI on the same
files, in the same run (issue 15: at most 2x its wall time).

The files are written to a directory (``--out``, default a temporary one):

* ``real/<project>/...``: every ``.sql`` file of the public applications
  ``bench/real_schemas.py`` lists (schemas, migrations, queries), read from
  their local mirrors (``--mirrors``, default /work/.mirror; a project
  without a mirror is skipped), with the placeholders their migration
  runners substitute substituted; a file that still does not parse (another
  dialect's SQL) is left out, so that both tools format every file;
  at most ``--real`` of them (default 300);
* ``corpus/<test file>.sql``: the rest, up to ``--files``, from the shared
  corpus of SQLite's own test statements (``--corpus``): the statements
  SQLite's parser accepts, one file per SQLite test file, in its order.

Each command runs ``--runs`` times (default 3), ours and the peer's
alternately so that a busy machine slows both alike; the table gives the
median wall time, the CPU time of the process and its children, and the
ratio ours / peer.  Ours runs three ways, each labelled: **cold**
(``--no-cache``: every file parsed, formatted or checked), **first** (the
same work with an empty results cache, which the run fills: a new cache
directory each time) and **warm** (the same files again, unchanged, with
the cache the first run filled: what a second run in CI with a restored
cache, or pre-commit on a repository, costs).  The peer has no cache: its
one figure is compared with each.  Ours runs as the installed script does, from this
checkout (``--root DIR`` for a compiled copy: ``python -m
syntaqlite_dev.compile DIR``), with its default number of workers (``-j``
passes ``--jobs``); both ignore configuration files (``--no-config``).

    python bench/repo_compare.py                       # peer: /tmp/peer-venv/bin/syntaqlite
    python bench/repo_compare.py --peer PATH --runs 5 --files 600
    python bench/repo_compare.py --out /tmp/repo --keep  # keep the files

The peer's ``analyze`` is its ``check``.  Exit statuses are shown: 0 clean,
1 findings (unformatted files, errors), anything else is a failure of the
run and stops the benchmark.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.real_schemas import PROJECTS, git, mirror_of, select_files  # noqa: E402
from syntaqlite import parse  # noqa: E402

SCRIPT = "import sys; from syntaqlite.cli import main; sys.argv[0] = 'syntaqlite'; main()"
DEFAULT_PEER = "/tmp/peer-venv/bin/syntaqlite"
DEFAULT_CORPUS = Path("/work/shared/corpus/sqlite-upstream.jsonl.gz")


def real_files(mirrors: Path, out: Path) -> list[Path]:
    """The ``.sql`` files of the real applications, written under ``out``."""
    written: list[Path] = []
    for project in PROJECTS:
        mirror = mirror_of(mirrors, project.repo)
        if mirror is None:
            continue
        commit = project.commit
        if git(mirror, "cat-file", "-e", commit + "^{commit}").returncode != 0:
            commit = "HEAD"
        listing = git(mirror, "ls-tree", "-r", "--name-only", commit).stdout.decode("utf-8", "replace")
        paths = listing.split("\n")
        seen: set[str] = set()
        for db in project.databases:
            if db.literals or db.sqldelight:
                continue  # SQL inside JavaScript or SQLDelight files: not .sql files
            for path in select_files(paths, db):
                if path.startswith("sql:") or not path.endswith(".sql") or path in seen:
                    continue
                seen.add(path)
                blob = git(mirror, "show", f"{commit}:{path}")
                if blob.returncode != 0:
                    continue
                text = blob.stdout.decode("utf-8", "replace")
                for placeholder, value in db.substitute:
                    text = text.replace(placeholder, value)
                if parse(text).errors:
                    continue
                target = out / "real" / project.name / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                written.append(target)
    return written


def corpus_files(corpus: Path, out: Path, count: int) -> list[Path]:
    """Up to ``count`` files of corpus statements SQLite's parser accepts,
    one per SQLite test file."""
    by_file: dict[str, list[str]] = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["v3_54_1"] == "ok":
                by_file.setdefault(row["file"], []).append(row["sql"])
    written: list[Path] = []
    for name, statements in by_file.items():
        if len(written) >= count:
            break
        # A statement ending in a "--" comment gets its semicolon on a line
        # of its own; one that does not parse alone here (a newer SQLite's
        # syntax) is left out, so that every file formats.
        ended = [s + ("\n;" if "--" in s.rsplit("\n", 1)[-1] else ";") for s in statements]
        text = "".join(s + "\n\n" for s in ended if not parse(s).errors)
        if not text:
            continue
        target = out / "corpus" / (name.replace("/", "_") + ".sql")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int]:
    before = children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(argv[:4])} ... exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')[-2000:]}"
        )
    return wall, children_cpu() - before, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=600)
    parser.add_argument("--real", type=int, default=300, help="at most this many application files")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peer", default=DEFAULT_PEER, help="the original syntaqlite's command")
    parser.add_argument("--root", type=Path, default=ROOT, help="where our syntaqlite package is")
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, help="where to write the files (default: a temporary directory)")
    parser.add_argument("--keep", action="store_true", help="keep --out's files")
    parser.add_argument("-j", "--jobs", type=int, help="our --jobs (default: the command's own choice)")
    args = parser.parse_args()
    if not Path(args.peer).exists():
        raise SystemExit(
            f"{args.peer}: not found (the original syntaqlite: pip install syntaqlite in its own venv)"
        )

    out = args.out or Path(tempfile.mkdtemp(prefix="syntaqlite-repo-"))
    if out.exists() and args.out is not None:
        shutil.rmtree(out / "real", ignore_errors=True)
        shutil.rmtree(out / "corpus", ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    try:
        files = real_files(args.mirrors, out)[: min(args.real, args.files)]
        real = len(files)
        files += corpus_files(args.corpus, out, args.files - len(files))
        size = sum(p.stat().st_size for p in files)
        lines = sum(p.read_bytes().count(b"\n") for p in files)
        print(
            f"{len(files)} files ({real} from {len({p.parts[len(out.parts) + 1] for p in files[:real]})} "
            f"applications, {len(files) - real} from the corpus), {size / 1e6:.1f} MB, {lines:,} lines, in {out}"
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("SYNTAQLITE_")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its .pyc files
        env["PYTHONPATH"] = str(args.root.resolve())
        env["NO_COLOR"] = "1"
        ours = [sys.executable, "-c", SCRIPT]
        jobs = ["--jobs", str(args.jobs)] if args.jobs else []
        names = [str(p.relative_to(out)) for p in files]
        caches = out / "bench-caches"
        commands = {
            "fmt --check": (
                [*ours, "fmt", "--check", "--no-config", *jobs],
                [args.peer, "--no-config", "fmt", "--check", *names],
            ),
            "check": (
                [*ours, "check", "--no-config", *jobs],
                [args.peer, "--no-config", "analyze", *names],
            ),
        }
        version = subprocess.run(
            [*ours, "--version"], env=env, cwd=out, capture_output=True, text=True
        ).stdout.strip()
        peer_version = subprocess.run([args.peer, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"ours: {version}\npeer: {peer_version}")
        for argv, _ in commands.values():  # warm-up: .pyc files, disk cache
            timed([*argv, "--no-cache", *names], env, out)
        print(
            f"{args.runs} runs each, alternating; {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.2f} at the start"
        )
        print(
            f"{'command':14s} {'ours':>6s} {'ours wall':>10s} {'ours CPU':>9s} {'peer wall':>10s} "
            f"{'peer CPU':>9s} {'ratio':>7s}  exit"
        )
        for name, (mine, theirs) in commands.items():
            ways = ("cold", "first", "warm")
            results: dict[str, list[tuple[float, float, int]]] = {way: [] for way in (*ways, "peer")}
            warm = caches / f"{name.split()[0]}-warm"
            shutil.rmtree(warm, ignore_errors=True)
            timed([*mine, "--cache-dir", str(warm), *names], env, out)  # fills the warm runs' cache
            for i in range(args.runs):
                first = caches / f"{name.split()[0]}-first-{i}"
                shutil.rmtree(first, ignore_errors=True)
                results["cold"].append(timed([*mine, "--no-cache", *names], env, out))
                results["peer"].append(timed(theirs, env, out))
                results["first"].append(timed([*mine, "--cache-dir", str(first), *names], env, out))
                results["warm"].append(timed([*mine, "--cache-dir", str(warm), *names], env, out))
            if len({r[2] for way in ways for r in results[way]}) != 1:
                raise SystemExit(f"{name}: the exit statuses differ between cold, first and warm runs")
            pw = statistics.median(r[0] for r in results["peer"])
            pc = statistics.median(r[1] for r in results["peer"])
            for way in ways:
                ow = statistics.median(r[0] for r in results[way])
                oc = statistics.median(r[1] for r in results[way])
                codes = f"{results[way][0][2]}/{results['peer'][0][2]}"
                print(
                    f"{name:14s} {way:>6s} {ow:9.2f}s {oc:8.2f}s {pw:9.2f}s {pc:8.2f}s {ow / pw:6.1f}x  {codes}"
                )
        print(f"load average {os.getloadavg()[0]:.2f} at the end; target: ratio <= 2.0x")
    finally:
        if args.out is None and not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
