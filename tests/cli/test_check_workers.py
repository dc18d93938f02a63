"""``syntaqlite check`` over many SQL files in worker processes says exactly
what it says in one process, in the same order."""

from __future__ import annotations

from pathlib import Path


def _project(tmp_path: Path) -> Path:
    (tmp_path / "syntaqlite.toml").write_text('schema = ["schema.sql"]\n')
    (tmp_path / "schema.sql").write_text("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT);\n")
    for i in range(24):
        body = ["SELECT a, b FROM t;"]
        if i % 3 == 0:
            body.append(f"SELECT c{i} FROM t;")  # unknown column
        if i % 5 == 0:
            body.append("SELEC 1;")  # syntax error
        if i % 7 == 0:
            body.append("SELECT upper(b, b) FROM t;")  # wrong arity
        (tmp_path / f"q{i:02}.sql").write_text("\n".join(body) + "\n")
    (tmp_path / "unreadable.sql").write_bytes(b"SELECT '\xff';\n")  # not UTF-8: an error line, exit 2
    return tmp_path


def test_workers_report_what_one_process_reports(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = _project(tmp_path)
    for output in ("text", "concise", "json"):
        one = run("check", "-j", "1", "--format", output, str(project))
        many = run("check", "-j", "3", "--format", output, str(project))
        assert one.code == many.code == 2
        assert many.out == one.out
        assert many.err == one.err
    assert "unknown column" in one.out or "c0" in one.out


def test_verbose_checks_in_this_process(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = _project(tmp_path)
    r = run("check", "-v", "-j", "3", str(project))
    assert "debug: files checked in this process (-v)" in r.err


def test_the_pool_is_shut_down_before_the_command_exits(tmp_path: Path) -> None:
    """All results taken, the workers' pool is shut down by the command
    itself, not when its generator is collected at exit, where it raced the
    interpreter's own shutdown of the pool ("Exception ignored ... Bad file
    descriptor" on stderr, now and then)."""
    import os
    import subprocess
    import sys

    project = _project(tmp_path)
    probe = (
        "import sys\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "calls = []\n"
        "shutdown = ProcessPoolExecutor.shutdown\n"
        "def recording(self, *args, **kwargs):\n"
        "    calls.append(kwargs.get('wait', True))\n"
        "    return shutdown(self, *args, **kwargs)\n"
        "ProcessPoolExecutor.shutdown = recording\n"
        "from syntaqlite.cli import main\n"
        f"sys.argv = ['syntaqlite', 'check', '-j', '3', {str(project)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    print('shut down before exit:', calls)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    assert "shut down before exit: [True]" in proc.stdout, proc.stdout + proc.stderr
    assert "Exception ignored" not in proc.stderr
