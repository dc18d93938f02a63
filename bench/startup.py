"""Start-up time of the command line, next to Python's own.

Runs each command N times (default 20), the commands interleaved so that a
busy machine slows them alike, and reports per command the median wall time,
the median CPU time (user + system of the child: steadier than wall time
when other processes share the cores) and both as ratios to ``python -c
pass`` measured in the same run.  The target (issue 15): ``fmt -`` on one
statement and ``check`` on one small file within 60 ms wall on an idle
2-core machine, where ``python -c pass`` takes about 10 ms.

The commands run the way the installed ``syntaqlite`` script runs them
(``from syntaqlite.cli import main``), from this checkout, with byte-code
caching on (a warm-up run writes the ``.pyc`` files first, as ``pip
install`` does).

    python bench/startup.py                  # 20 runs of each command
    python bench/startup.py --runs 50 --importtime
    python bench/startup.py --root DIR        # DIR from python -m syntaqlite_dev.compile DIR
    python bench/startup.py --against DIR     # also DIR's build (before a change, say), interleaved

``--against DIR`` runs every syntaqlite command from a second build too
(another checkout, or a wheel's site-packages), interleaved with the first,
and prints this build's median wall and CPU time as a ratio to that one's:
on a busy machine, where absolute times drift from run to run, the ratio
says which build starts faster.

``--importtime`` adds, per command, the modules whose own import time is
largest (``python -X importtime``, the minimum over 5 runs), and the number
of modules each command loads.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = "import sys; from syntaqlite.cli import main; sys.argv[0] = 'syntaqlite'; main()"


def environment(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("SYNTAQLITE_NO_CACHE", None)  # (set for one command below)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its .pyc files
    env["PYTHONPATH"] = os.pathsep.join([str(root), *filter(None, [env.get("PYTHONPATH")])])
    return env


def commands(small: Path) -> dict[str, tuple[list[str], bytes]]:
    py = sys.executable
    return {
        "python -c pass": ([py, "-c", "pass"], b""),
        "syntaqlite --version": ([py, "-c", SCRIPT, "--version"], b""),
        "echo 'SELECT 1' | syntaqlite fmt -": ([py, "-c", SCRIPT, "fmt", "-"], b"SELECT 1\n"),
        # the results cache (in the working directory) answers every run of
        # this one but the first; the next runs with SYNTAQLITE_NO_CACHE=1,
        # as a first run (a build without the cache ignores it)
        "syntaqlite check small.sql": ([py, "-c", SCRIPT, "check", str(small)], b""),
        "syntaqlite check small.sql (no cache)": ([py, "-c", SCRIPT, "check", str(small)], b""),
        "syntaqlite parse small.sql": ([py, "-c", SCRIPT, "parse", str(small)], b""),
    }


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished children so far."""
    try:
        import resource
    except ImportError:  # not on Unix: clock ticks, coarser
        t = os.times()
        return t.children_user + t.children_system
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(argv: list[str], stdin: bytes, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child)."""
    before = children_cpu()
    start = time.perf_counter()
    proc = subprocess.run(argv, input=stdin, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = children_cpu()
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"{' '.join(argv)} exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')}"
        )
    return wall, after - before


def import_profile(
    argv: list[str], stdin: bytes, env: dict[str, str], runs: int = 5
) -> tuple[int, list[tuple[int, str]]]:
    """(modules imported, [(own microseconds, module)] largest first): the
    minimum own time of each module over ``runs`` runs."""
    best: dict[str, int] = {}
    count = 0
    for _ in range(runs):
        proc = subprocess.run(
            [argv[0], "-X", "importtime", *argv[1:]],
            input=stdin,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        lines = [
            ln for ln in proc.stderr.decode(errors="replace").splitlines() if ln.startswith("import time:")
        ]
        count = 0
        for line in lines[1:]:  # the first line is the header
            own, _cumulative, name = line[len("import time:") :].split("|")
            module = name.strip()
            best[module] = min(best.get(module, 1 << 62), int(own))
            count += 1
    return count, sorted(((us, m) for m, us in best.items()), reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--importtime", action="store_true", help="also list the costliest imports")
    parser.add_argument("--top", type=int, default=12, help="modules listed per command with --importtime")
    parser.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="where the syntaqlite package is (default: this checkout; a directory built by"
        " `python -m syntaqlite_dev.compile DIR` times the compiled core)",
    )
    parser.add_argument(
        "--against",
        type=Path,
        default=None,
        help="a second build's directory (as --root): its commands run interleaved with these, and the"
        " ratios this/it are printed",
    )
    args = parser.parse_args()

    env = environment(args.root.resolve())

    def env_of(name: str, build: dict[str, str]) -> dict[str, str]:
        return {**build, "SYNTAQLITE_NO_CACHE": "1"} if name.endswith("(no cache)") else build

    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # `python -c` puts the working directory first on sys.path: not a checkout
        small = Path(tmp, "small.sql")
        small.write_text("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT);\nSELECT a, b FROM t WHERE a > 1;\n")
        cmds = commands(small)
        runs: dict[str, tuple[list[str], bytes, dict[str, str]]] = {
            name: (argv, stdin, env_of(name, env)) for name, (argv, stdin) in cmds.items()
        }
        if args.against is not None:
            other = environment(args.against.resolve())
            for name, (argv, stdin) in cmds.items():
                if name != "python -c pass":
                    runs[f"{name} [against]"] = (argv, stdin, env_of(name, other))
        for argv, stdin, run_env in runs.values():  # warm-up: .pyc files written, file caches hot
            run_once(argv, stdin, run_env)
        walls: dict[str, list[float]] = {name: [] for name in runs}
        cpus: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.runs):
            for name, (argv, stdin, run_env) in runs.items():
                wall, cpu = run_once(argv, stdin, run_env)
                walls[name].append(wall)
                cpus[name].append(cpu)

        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        argv = cmds["syntaqlite --version"][0]
        print(subprocess.run(argv, env=env, capture_output=True, text=True).stdout.strip())
        print(
            f"{args.runs} runs each, interleaved; {os.cpu_count()} cores, load average {load:.2f}; {sys.version.split()[0]}"
        )
        base_wall = statistics.median(walls["python -c pass"])
        base_cpu = statistics.median(cpus["python -c pass"])
        print(f"{'command':40s} {'wall ms':>8s} {'ratio':>6s} {'CPU ms':>8s} {'ratio':>6s}")
        for name in cmds:
            wall = statistics.median(walls[name])
            cpu = statistics.median(cpus[name])
            print(
                f"{name:40s} {wall * 1e3:8.1f} {wall / base_wall:6.2f} {cpu * 1e3:8.1f} {cpu / base_cpu:6.2f}"
            )
        print("60 ms on an idle machine where `python -c pass` takes 10 ms is a ratio of about 6.")
        if args.against is not None:
            against_version = subprocess.run(
                argv, env=environment(args.against.resolve()), capture_output=True, text=True
            )
            print(f"\nagainst: {against_version.stdout.strip()}")
            print(f"{'command':40s} {'wall ms':>8s} {'this/it':>7s} {'CPU ms':>8s} {'this/it':>7s}")
            for name in cmds:
                if name == "python -c pass":
                    continue
                there, here = f"{name} [against]", name
                wall, cpu = statistics.median(walls[there]), statistics.median(cpus[there])
                print(
                    f"{name:40s} {wall * 1e3:8.1f} {statistics.median(walls[here]) / wall:7.3f}"
                    f" {cpu * 1e3:8.1f} {statistics.median(cpus[here]) / cpu:7.3f}"
                )

        if args.importtime:
            for name, (argv, stdin) in cmds.items():
                if name == "python -c pass":
                    continue
                count, costs = import_profile(argv, stdin, env)
                print(f"\n{name}: {count} modules imported; largest own import times (us, min of 5 runs):")
                for us, module in costs[: args.top]:
                    print(f"  {us:8d}  {module}")


if __name__ == "__main__":
    main()
