"""Ctrl-C during ``fmt`` of thousands of files, through the real command:
it stops within a second, starts no new file, finishes the writes in
flight (every file is its old or its new text, no temporary file is left),
says how many files it wrote and exits 130; a second Ctrl-C ends it at once,
without a traceback and without leaving a worker behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FILES = 2000
STATEMENT = "select a,b,c from t{i} where x=1 and y in (1,2,3) order by a;\n"
PER_FILE = 30


def _tree(root: Path) -> tuple[Path, str]:
    """FILES files to format, and the text ``fmt`` gives each (all alike
    but for the table name)."""
    import syntaqlite

    project = root / "many"
    project.mkdir()
    for i in range(FILES):
        (project / f"f{i:04}.sql").write_text(STATEMENT.format(i=i) * PER_FILE)
    return project, syntaqlite.format_sql(STATEMENT.format(i="_N_") * PER_FILE)


def _start(project: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "syntaqlite", "fmt", "-j", "2", *args, str(project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
        start_new_session=True,  # its own process group: workers are found by it
    )


def _wait_for_first_writes(project: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if sum(1 for p in project.glob("f00*.sql") if p.read_text().startswith("SELECT")) >= 5:
            return
        time.sleep(0.02)
    pytest.fail("fmt did not start writing files")


def _count_written(project: Path, expected: str) -> tuple[int, int]:
    """(files formatted, files as they were); anything else fails."""
    written = untouched = 0
    for i in range(FILES):
        text = (project / f"f{i:04}.sql").read_text()
        if text == expected.replace("t_N_", f"t{i}"):
            written += 1
        elif text == STATEMENT.format(i=i) * PER_FILE:
            untouched += 1
        else:
            pytest.fail(f"f{i:04}.sql is neither its old nor its new text")
    return written, untouched


def _finish(proc: subprocess.Popen[bytes]) -> str:
    """The command's stderr once it ends; what is still running if it hangs."""
    try:
        _out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        ps = subprocess.run(
            ["ps", "-o", "pid,ppid,stat,wchan:24,args", "-g", str(proc.pid)], capture_output=True
        )
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"fmt hung after SIGINT:\n{ps.stdout.decode()}")
    return err.decode()


def _group_gone(pgid: int) -> bool:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_ctrl_c_stops_within_a_second_and_reports_what_was_written(tmp_path: Path) -> None:
    project, expected = _tree(tmp_path)
    proc = _start(project)
    _wait_for_first_writes(project, proc)
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    text = _finish(proc)
    elapsed = time.monotonic() - sent
    assert proc.returncode == 130, text
    assert elapsed < 1.0, f"stopped {elapsed:.2f} s after SIGINT"
    assert "Traceback" not in text
    written, untouched = _count_written(project, expected)
    assert 0 < written < FILES and written + untouched == FILES
    assert f"interrupted: {written} files reformatted, 0 unchanged, {untouched} not started" in text
    assert not [p for p in project.iterdir() if p.name.endswith(".tmp")]
    assert _group_gone(proc.pid)


def test_second_ctrl_c_exits_at_once(tmp_path: Path) -> None:
    project, expected = _tree(tmp_path)
    for attempt in range(3):  # the second signal at different moments
        proc = _start(project)
        _wait_for_first_writes(project, proc)
        proc.send_signal(signal.SIGINT)
        time.sleep(0.01 * attempt)
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        text = _finish(proc)
        elapsed = time.monotonic() - sent
        assert proc.returncode == 130, text
        assert elapsed < 1.0, f"exited {elapsed:.2f} s after the second SIGINT"
        assert "Traceback" not in text
        assert _group_gone(proc.pid), "a worker process was left running"
        _count_written(project, expected)  # every file whole
        assert not [p for p in project.iterdir() if p.name.endswith(".tmp")]
        for p in project.iterdir():  # the next attempt starts afresh
            i = int(p.stem[1:])
            p.write_text(STATEMENT.format(i=i) * PER_FILE)
