"""How many worker processes ``fmt`` uses (``syntaqlite/cli/workers.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from syntaqlite.cli import workers


@pytest.fixture
def machine(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """A machine with ``cpus`` CPUs and ``others`` other runnable processes."""
    state = {"cpus": 8, "others": 0}
    monkeypatch.setattr(workers, "available_cpus", lambda: state["cpus"])
    monkeypatch.setattr(workers, "others_running", lambda: state["others"])
    return state


def test_one_worker_per_idle_cpu_when_there_is_work(machine: dict[str, int]) -> None:
    assert workers.plan(600, 500_000, None)[0] == 8
    machine["others"] = 3
    assert workers.plan(600, 500_000, None)[0] == 5


def test_one_process_when_the_cores_are_already_busy(machine: dict[str, int]) -> None:
    # pre-commit (or xargs -P) already runs one process per core.
    machine["others"] = 7
    assert workers.plan(600, 500_000, None)[0] == 1
    machine["others"] = 40
    assert workers.plan(600, 500_000, None)[0] == 1


def test_workers_only_as_many_as_the_work_pays_for(machine: dict[str, int]) -> None:
    assert workers.plan(3, 1_000, None)[0] == 1
    assert workers.plan(8, 1_000, None)[0] == 2  # FILES_PER_WORKER files each
    assert workers.plan(2, 3_000_000, None)[0] == 2  # big files: one each at most


def test_jobs_wins_but_never_more_than_one_per_file(machine: dict[str, int]) -> None:
    machine["others"] = 40
    assert workers.plan(600, 1_000, 3) == (3, "--jobs 3")
    assert workers.plan(2, 1_000, 16)[0] == 2


def test_runnable_count_from_proc_loadavg(tmp_path: Path) -> None:
    loadavg = tmp_path / "loadavg"
    loadavg.write_text("3.10 2.05 1.00 5/812 40311\n")
    assert workers.others_running(str(loadavg)) == 4  # this process is one of the 5
    loadavg.write_text("garbage\n")
    assert workers.others_running(str(loadavg)) == 0
    assert workers.others_running(str(tmp_path / "missing")) == 0
    assert workers.available_cpus() >= 1


def test_verbose_says_how_many(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for i in range(10):
        (tmp_path / f"q{i}.sql").write_text("select 1;\n")
    r = run("fmt", "--check", "-v", str(tmp_path))
    assert r.code == 1
    assert "debug: workers: " in r.err and "10 files" in r.err
    r = run("fmt", "--check", "-v", "-j", "2", str(tmp_path))
    assert "debug: workers: 2 (--jobs 2)" in r.err


def test_a_large_file_alone_is_split_among_idle_cores(machine: dict[str, int]) -> None:
    size = 5 * workers.SPLIT_FROM
    assert workers.plan_split(workers.SPLIT_FROM - 1, None)[0] == 1  # small: no worker
    assert workers.plan_split(size, None)[0] == 5  # one per SPLIT_FROM bytes
    machine["others"] = 6
    assert workers.plan_split(size, None)[0] == 2  # what the other processes leave
    machine["others"] = 8
    assert workers.plan_split(size, None)[0] == 1
    assert workers.plan_split(size, 3)[0] == 3  # --jobs wins
