"""Wall time and peak memory of ``fmt --check`` and ``check`` on dumps.

    python bench/dumps.py                           # both files, ours and the peer's
    python bench/dumps.py --statements 100000 --rows 20000      # a quick run
    python bench/dumps.py --peer /tmp/peer-venv/bin/syntaqlite
    python bench/dumps.py --python /tmp/venv/bin/python   # an installed build (the compiled wheel)
    python bench/dumps.py --jobs 2                  # fmt/check with -j 2

It builds two files in a temporary directory: ``--statements`` lines of
``SELECT 1;`` (one million: 10 MB) and one INSERT of ``--rows`` rows (200,000:
about 18 MB), the shapes of database dumps.  Then it runs each command on
each file as a user would (a fresh process: ``python -m syntaqlite``) and
prints its wall time, its CPU time (user and system, worker processes
included: on a loaded machine a steadier measure than the wall time), its
peak resident memory (the child's ``ru_maxrss``) and that memory per byte of
the file: ``fmt --check``, ``check`` and
``parse`` (its tree dump, to /dev/null).  With the peer syntaqlite (PyPI
``syntaqlite``, Rust and C; install it in its own environment and pass its
executable with ``--peer``, or let the script find ``/tmp/peer-venv``), its
``fmt --check``, ``analyze`` and ``parse`` run on the same files in the same run, and
the ratios of our wall and CPU times to its are printed (the target is at
most 10, of the wall time on an idle machine).
Ours is this checkout run by this Python, or with ``--python`` the
``syntaqlite`` installed for that interpreter (a wheel: compiled or not, its
``--version`` says, and the first line printed repeats it).  ``fmt`` and
``check`` pick their workers as for a user (``fmt`` splits one large file
among idle cores, cli/split.py); ``--jobs`` passes ``-j``.  The load
average is printed before and after: on a shared machine the ratios are
only as good as the load is low.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ours, and the peer's command that does the same (parse: both print the tree)
COMMANDS = (("fmt --check", ["fmt", "--check"]), ("check", ["analyze"]), ("parse", ["parse"]))
DEFAULT_PEER = Path("/tmp/peer-venv/bin/syntaqlite")


def build_statements(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(n // 10_000):
            fh.write("SELECT 1;\n" * 10_000)
        fh.write("SELECT 1;\n" * (n % 10_000))


def build_insert(path: Path, rows: int) -> None:
    rng = random.Random(7)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    with path.open("w", encoding="utf-8") as fh:
        fh.write("CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT, price REAL, note TEXT, tag TEXT);\n")
        fh.write("INSERT INTO items (id, name, price, note, tag) VALUES\n")
        for i in range(rows):
            name = " ".join(rng.choice(words) for _ in range(3))
            note = " ".join(rng.choice(words) for _ in range(4))
            sep = ",\n" if i + 1 < rows else ";\n"
            fh.write(f"  ({i}, '{name}', {rng.uniform(0, 1000):.2f}, '{note}', NULL){sep}")


def run(
    argv: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, int, int, float]:
    """Wall seconds, peak RSS in kB, exit status and CPU seconds (user and
    system, its worker processes included) of ``argv``."""
    start = time.perf_counter()
    # run from the temporary directory: ``python -m`` would find a checkout in the working directory
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    assert proc.stderr is not None
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        print(f"  {' '.join(argv[-3:])}: exit {code}: {err.strip()[:300]}", file=sys.stderr)
    return wall, usage.ru_maxrss, code, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--peer", type=Path, default=DEFAULT_PEER if DEFAULT_PEER.exists() else None)
    ap.add_argument("--only", choices=["statements", "insert"], help="one file only")
    ap.add_argument("--python", help="run the syntaqlite installed for this Python (default: this checkout)")
    ap.add_argument("--jobs", type=int, help="pass -j to fmt and check")
    ap.add_argument(
        "--commands",
        type=lambda v: v.split(","),
        default=["fmt", "check", "parse"],
        help="which of fmt,check,parse to run (default: all)",
    )
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="syntaqlite-dumps-"))
    try:
        files = {}
        if args.only in (None, "statements"):
            files["statements"] = tmp / "statements.sql"
            build_statements(files["statements"], args.statements)
        if args.only in (None, "insert"):
            files["insert"] = tmp / "insert.sql"
            build_insert(files["insert"], args.rows)
        if args.python:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
            ours = [args.python, "-m", "syntaqlite"]
        else:
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            ours = [sys.executable, "-m", "syntaqlite"]
        version = subprocess.run(
            [*ours, "--version"], env=env, capture_output=True, text=True, cwd=tmp
        ).stdout
        print(f"ours: {version.strip()}")
        print(f"load average: {_load()}")
        print(
            f"{'file':<11} {'MB':>6} {'command':<12} {'ours s':>8} {'CPU s':>7} {'ours MB':>8} {'x size':>7}",
            end="",
        )
        print(f" {'peer s':>8} {'CPU s':>7} {'peer MB':>8} {'ratio':>6} {'CPU':>6}" if args.peer else "")
        for label, path in files.items():
            size = path.stat().st_size
            for command, peer_command in COMMANDS:
                if command.split()[0] not in args.commands:
                    continue
                jobs = ["-j", str(args.jobs)] if args.jobs and command != "parse" else []
                wall, rss, _code, cpu = run([*ours, *command.split(), *jobs, str(path)], env, tmp)
                line = (
                    f"{label:<11} {size / 1e6:>6.1f} {command:<12} {wall:>8.1f} {cpu:>7.1f} {rss / 1024:>8.0f}"
                    f" {rss * 1024 / size:>7.1f}"
                )
                if args.peer:
                    peer_wall, peer_rss, _, peer_cpu = run(
                        [str(args.peer), *peer_command, str(path)], cwd=tmp
                    )
                    line += (
                        f" {peer_wall:>8.1f} {peer_cpu:>7.1f} {peer_rss / 1024:>8.0f} {wall / peer_wall:>6.1f}"
                        f" {cpu / peer_cpu:>6.1f}"
                    )
                print(line, flush=True)
        print(f"load average: {_load()}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
