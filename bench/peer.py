"""Timing the peer: the original syntaqlite (Rust/C, PyPI ``syntaqlite``),
through its Python API, in the same run as ours.

It shares our import name, so it lives in its own virtual environment and
runs in a subprocess of that environment's Python (isolated mode: neither
this checkout nor PYTHONPATH is on its path):

    python -m venv /tmp/peer-venv && /tmp/peer-venv/bin/pip install syntaqlite
    python bench/parse_speed.py --peer-python /tmp/peer-venv/bin/python

``SYNTAQLITE_PEER_PYTHON`` gives the default for ``--peer-python``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs inside the peer's environment: times each task over the statements,
# the best of `repeat` runs (wall time, or with "cpu" the process's CPU
# time), and prints the figures as JSON.
_WORKER = r"""
import gc, json, sys, time
import syntaqlite
path, tasks, repeat = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3])
clock = time.process_time if sys.argv[4:] == ["cpu"] else time.perf_counter
with open(path, encoding="utf-8") as fh:
    sqls = json.load(fh)
whole = ";\n".join(sqls) + ";\n"
sq = syntaqlite.Syntaqlite()
failures = {}

def parse_each():
    for s in sqls:
        sq.parse(s)

def parse_file():
    sq.parse(whole)

def format_each():
    failed = 0
    for s in sqls:
        try:
            sq.format_sql(s)
        except Exception:
            failed += 1
    failures["format"] = failed

fns = {"parse": parse_each, "parse_file": parse_file, "format": format_each}
times = {}
for task in tasks:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = clock()
        fns[task]()
        best = min(best, clock() - start)
    times[task] = best
print(json.dumps({"file": syntaqlite.__file__, "version": getattr(syntaqlite, "__version__", "?"),
                  "times": times, "failures": failures}))
"""


class PeerError(Exception):
    pass


def default_python() -> str | None:
    return os.environ.get("SYNTAQLITE_PEER_PYTHON") or None


def time_peer(
    python: str, sqls: list[str], tasks: list[str], repeat: int, cpu: bool = False
) -> dict[str, object]:
    """{"version", "file", "times": {task: best seconds}, "failures"}, or
    PeerError.  ``cpu``: the process's CPU time, not wall time (steadier on
    a loaded machine, the same on an idle one: the work is one thread)."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp, "statements.json")
        data.write_text(json.dumps(sqls), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SYNTAQLITE_PURE")}
        try:
            proc = subprocess.run(
                [
                    python,
                    "-I",
                    "-c",
                    _WORKER,
                    str(data),
                    ",".join(tasks),
                    str(repeat),
                    *(["cpu"] if cpu else []),
                ],
                capture_output=True,
                text=True,
                env=env,
                cwd=tmp,
            )
        except OSError as exc:
            raise PeerError(f"cannot run {python}: {exc}") from exc
    if proc.returncode != 0:
        raise PeerError(f"{python} failed:\n{proc.stderr[-2000:]}")
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    if Path(str(result["file"])).resolve().is_relative_to(ROOT):
        raise PeerError(f"{python} imports this checkout ({result['file']}), not the peer")
    return result


def describe_missing() -> str:
    return (
        "peer not timed: pass --peer-python (or set SYNTAQLITE_PEER_PYTHON) to the Python of a venv "
        "holding PyPI syntaqlite, e.g. python -m venv /tmp/peer-venv && /tmp/peer-venv/bin/pip install syntaqlite"
    )


def implementation() -> str:
    """Which of ours runs in this process (pure or compiled)."""
    from syntaqlite._compiled import implementation as which

    return which()


if __name__ == "__main__":
    print(__doc__, file=sys.stderr)
