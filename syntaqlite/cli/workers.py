"""How many worker processes ``syntaqlite fmt`` and ``check`` use for a set
of files.

* ``--jobs N``: N, at most one per file.
* Otherwise the smallest of:

  - the CPUs this process may run on (``os.sched_getaffinity``, which
    ``taskset``, cpusets and containers that pin CPUs restrict; else
    ``os.cpu_count()``),
  - less the other processes running on the machine at this moment (on
    Linux, the count of runnable tasks in ``/proc/loadavg``, an instant
    count, not the load average): when pre-commit, ``make -j`` or ``xargs
    -P`` already runs one process per core, each of them formats its files
    alone instead of adding workers to busy cores,
  - what the work pays for: one worker per :data:`FILES_PER_WORKER` files
    or per :data:`BYTES_PER_WORKER` bytes of SQL, whichever allows more (a
    worker costs a process start; a few small files are done sooner here).

One means no worker process: the files are done in this process.

A file of :data:`SPLIT_FROM` bytes or more that ``fmt`` does in this process
(fewer files than :data:`PARALLEL_FROM`, or one worker planned for them) is
formatted piece by piece by worker processes (cli/split.py):
:func:`plan_split` decides how many the same way, one per
:data:`SPLIT_FROM` bytes of the file.

``fmt -v`` prints the decisions.  A container sees its host's runnable
count (``/proc/loadavg`` is not namespaced): on a busy shared host, give
``-j``.
"""

from __future__ import annotations

import os

FILES_PER_WORKER = 4
BYTES_PER_WORKER = 256_000
PARALLEL_FROM = 4  # files; fewer are done in this process whatever the plan
SPLIT_FROM = 1_000_000  # bytes: a file done in this process is formatted by workers from this size


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def others_running(loadavg: str = "/proc/loadavg") -> int:
    """Runnable tasks on the machine besides this process, now (0 where
    the system does not say)."""
    try:
        with open(loadavg, encoding="ascii") as fh:
            running = fh.read().split()[3].split("/")[0]
        return max(0, int(running) - 1)
    except (OSError, IndexError, ValueError):
        return 0


def _free_cpus() -> tuple[int, str]:
    cpus = available_cpus()
    busy = others_running()
    return max(1, cpus - busy), (
        f"{cpus} CPU{'s' if cpus != 1 else ''} available, {busy} other "
        f"process{'es' if busy != 1 else ''} running"
    )


def plan_split(size: int, jobs: int | None) -> tuple[int, str]:
    """(workers, why) for one file of ``size`` bytes formatted piece by piece."""
    if size < SPLIT_FROM:
        return 1, f"{size:,} bytes, under {SPLIT_FROM:,}"
    if jobs is not None:
        return jobs, f"--jobs {jobs}"
    free, why = _free_cpus()
    by_work = -(-size // SPLIT_FROM)
    return min(free, by_work), f"{why}, {size:,} bytes worth {by_work}"


def plan(files: int, size: int, jobs: int | None) -> tuple[int, str]:
    """(workers, why) for ``files`` files of ``size`` bytes in all."""
    if files <= 0:
        return 1, "no files"
    if jobs is not None:
        n = max(1, min(jobs, files))
        return n, f"--jobs {jobs}"
    cpus = available_cpus()
    busy = others_running()
    free = max(1, cpus - busy)
    by_work = max(
        1, files // FILES_PER_WORKER, -(-size // BYTES_PER_WORKER) if size > BYTES_PER_WORKER else 1
    )
    n = max(1, min(free, by_work, files))
    return n, (
        f"{cpus} CPU{'s' if cpus != 1 else ''} available, {busy} other "
        f"process{'es' if busy != 1 else ''} running, {files} file{'s' if files != 1 else ''} "
        f"({size:,} bytes) worth {by_work}"
    )


ORPHAN_CHECK = 0.2  # seconds


def detach_worker(parent: int) -> None:
    """In a worker process (of ``fmt``'s or ``check``'s split of one large
    file): Ctrl-C is the parent's business (it finishes, or exits at once on
    a second Ctrl-C); when the parent is gone, however it ended, the worker
    ends too (within :data:`ORPHAN_CHECK` seconds)."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


def _end_with(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK)
    os._exit(1)
