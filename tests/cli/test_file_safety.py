"""``fmt`` and ``check`` treat the user's files as a careful editor would:
read-only files, symlinks, hard links, owners, files changed meanwhile,
unreadable files, symlink loops, databases given as schemas.  Everything
through the real command.  CI runs as root, whom permissions do not stop:
the permission tests run the command without root's capabilities
(``setpriv``), where its user still owns what root owns but mode bits apply.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import Run

UNFORMATTED = "select a,b from t where x=1\n"
FORMATTED = "SELECT a, b FROM t WHERE x = 1;\n"


def _command(args: tuple[str, ...], unprivileged: bool) -> list[str]:
    command = [sys.executable, "-m", "syntaqlite", *args]
    if unprivileged and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot drop root's capabilities")
        command = [setpriv, "--bounding-set=-all", "--inh-caps=-all", *command]
    return command


def run_as_user(*args: str, cwd: Path | None = None) -> Run:
    """The command as an ordinary user would run it: as root, without its
    capabilities (permission bits then apply)."""
    proc = subprocess.run(
        _command(args, True), capture_output=True, cwd=cwd, env={**os.environ, "NO_COLOR": "1"}, timeout=120
    )
    return Run(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def run_patched(patch: str, *args: str, cwd: Path | None = None) -> Run:
    """The real command, with ``patch`` (Python) run first in the same
    process: to stand for another program or a bug at an exact moment."""
    code = (
        textwrap.dedent(patch)
        + "\nimport sys\nfrom syntaqlite.cli import main\nsys.argv = ['syntaqlite', *sys.argv[1:]]\nmain()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def _no_temporary_files(directory: Path) -> bool:
    return not [p for p in directory.rglob("*") if p.name.endswith(".tmp")]


def test_read_only_file_is_reported_not_replaced(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ro, rw = tmp_path / "ro.sql", tmp_path / "rw.sql"
    ro.write_text(UNFORMATTED)
    rw.write_text(UNFORMATTED)
    ro.chmod(0o444)
    for command in (run, run_as_user):  # root, and root without its capabilities
        r = command("fmt", str(ro), str(rw))
        assert r.code == 2, r.err
        assert f"{ro}: read-only (mode 0444); not reformatted" in r.err
        assert "Traceback" not in r.err
        assert ro.read_text() == UNFORMATTED and stat.S_IMODE(ro.stat().st_mode) == 0o444
        assert rw.read_text() == FORMATTED
        rw.write_text(UNFORMATTED)


def test_symlink_target_is_formatted_and_the_link_kept(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "q.sql"
    target.write_text(UNFORMATTED)
    link = tmp_path / "link.sql"
    link.symlink_to(Path("real") / "q.sql")
    r = run("fmt", str(link))
    assert r.code == 0, r.err
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "q.sql")
    assert target.read_text() == FORMATTED
    assert _no_temporary_files(tmp_path)


def test_hard_links_owner_group_and_mode_are_kept(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = tmp_path / "a.sql"
    a.write_text(UNFORMATTED)
    b = tmp_path / "b.sql"
    os.link(a, b)
    inode = a.stat().st_ino
    r = run("fmt", str(a))
    assert r.code == 0, r.err
    assert a.stat().st_ino == inode and b.stat().st_ino == inode and a.stat().st_nlink == 2
    assert b.read_text() == FORMATTED
    if os.geteuid() != 0:
        return
    # A file of another user: root formats it, and it stays theirs.
    other = tmp_path / "other.sql"
    other.write_text(UNFORMATTED)
    os.chown(other, 65534, 65534)
    other.chmod(0o640)
    r = run("fmt", str(other))
    assert r.code == 0, r.err
    st = other.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o640)
    assert other.read_text() == FORMATTED
    # Without the right to give a file away, it is rewritten in place.
    other.write_text(UNFORMATTED)
    other.chmod(0o666)
    r = run_as_user("fmt", str(other))
    assert r.code == 0, r.err
    st = other.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o666)
    assert other.read_text() == FORMATTED
    assert _no_temporary_files(tmp_path)


def test_file_changed_on_disk_while_formatting_is_left_as_the_other_writer_left_it(tmp_path: Path) -> None:
    f = tmp_path / "q.sql"
    f.write_text(UNFORMATTED)
    # Another program appends a line after fmt has read the file.
    patch = """
    import syntaqlite.cli.fmt as fmt
    real = fmt.format_text
    def format_text(text, shown, *args):
        with open(shown, "a") as fh:
            fh.write("select 2\\n")
        return real(text, shown, *args)
    fmt.format_text = format_text
    """
    r = run_patched(patch, "fmt", str(f))
    assert r.code == 2, r.err
    assert f"{f}: changed on disk while it was being formatted; left as it is now" in r.err
    assert f.read_text() == UNFORMATTED + "select 2\n"
    assert _no_temporary_files(tmp_path)


def test_unreadable_files_are_reported_with_the_others(tmp_path: Path) -> None:
    locked = tmp_path / "locked.sql"
    locked.write_text(UNFORMATTED)
    locked.chmod(0o000)
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.sql").write_text(UNFORMATTED)
    fine = tmp_path / "fine.sql"
    fine.write_text(UNFORMATTED)
    closed.chmod(0o000)
    try:
        r = run_as_user("fmt", str(locked), str(closed / "inside.sql"), str(fine))
        assert r.code == 2, r.err
        assert f"{locked}: permission denied" in r.err
        assert f"{closed / 'inside.sql'}: permission denied" in r.err
        assert "Traceback" not in r.err
        assert fine.read_text() == FORMATTED
        r = run_as_user("check", str(locked), str(fine))
        assert r.code == 2 and f"{locked}: permission denied" in r.err
        r = run_as_user("fmt", "--check", str(tmp_path))
        assert r.code == 2 and f"{closed}: cannot search this directory: Permission denied" in r.err
    finally:
        closed.chmod(0o755)


def test_symlink_loops_in_directories_and_globs(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "self.sql").symlink_to("self.sql")
    sub = tmp_path / "d" / "e"
    sub.mkdir(parents=True)
    (sub / "q.sql").write_text(FORMATTED)
    for name in ("up1", "up2", "up3"):  # glob.glob would walk these for ever
        (sub / name).symlink_to("../..")
    r = run("fmt", "--check", ".", cwd=tmp_path)
    assert r.code == 2 and "error: self.sql: symlink loop" in r.err and "Traceback" not in r.err
    r = run("fmt", "--check", "**/*.sql", cwd=tmp_path)
    assert r.code == 2 and "error: self.sql: symlink loop" in r.err
    assert (
        "1 file would be reformatted" not in r.err
        and "0 files would be reformatted, 1 already formatted" in r.err
    )
    r = run("check", "self.sql", cwd=tmp_path)
    assert r.code == 2 and r.err.strip().splitlines()[0] == "error: self.sql: symlink loop"


def test_absolute_glob_in_configuration(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    schema_dir = tmp_path / "schema"
    schema_dir.mkdir()
    (schema_dir / "t.sql").write_text("CREATE TABLE t(a);\n")
    project = tmp_path / "project"
    project.mkdir()
    (project / "syntaqlite.toml").write_text(f'schema = ["{schema_dir}/*.sql"]\n')
    (project / "q.sql").write_text("SELECT a FROM t;\nSELECT b FROM t;\n")
    r = run("check", "--format", "concise", "q.sql", cwd=project)
    assert r.code == 1, r.err
    assert r.out == "q.sql:2:8: error[unknown-column] no such column: b\n"
    assert "no such table" not in r.out


def test_stdin_among_paths(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "a.sql"
    f.write_text(UNFORMATTED)
    r = run("fmt", "-", str(f), stdin="select 1")
    assert r.code == 2
    assert "'-' (standard input, formatted to standard output) cannot be combined with file paths" in r.err
    assert f.read_text() == UNFORMATTED
    r = run("check", "--format", "concise", "-", str(f), stdin="select nosuch")
    assert "<stdin>:1:8" in r.out and f"{f}:1:" in r.out


def _wal_database(path: Path) -> None:
    """A WAL database whose last table is only in its -wal file, as a
    program that is still running (or crashed) leaves it."""
    script = f"""
import os, sqlite3
con = sqlite3.connect({str(path)!r})
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA wal_autocheckpoint=0")
con.execute("CREATE TABLE first(a)")
con.commit()
con.execute("CREATE TABLE second(b)")
con.commit()
os._exit(0)
"""
    subprocess.run([sys.executable, "-c", script], check=True)
    Path(f"{path}-shm").unlink()
    assert Path(f"{path}-wal").stat().st_size > 0


def test_database_schema_leaves_no_file_beside_it(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    data.mkdir()
    db = data / "app.db"
    _wal_database(db)
    plain = data / "plain.db"
    con = sqlite3.connect(plain)
    con.execute("CREATE TABLE third(c)")
    con.commit()
    con.close()
    query = tmp_path / "q.sql"
    query.write_text(
        "SELECT a FROM first;\nSELECT b FROM second;\nSELECT c FROM third;\nSELECT z FROM second;\n"
    )
    before = sorted(p.name for p in data.iterdir())
    data.chmod(0o555)
    try:
        for command in (run, run_as_user):
            r = command(
                "check", "--format", "concise", "--schema", str(db), "--schema", str(plain), str(query)
            )
            assert r.out == f"{query}:4:8: error[unknown-column] no such column: z\n", r.err
            assert sorted(p.name for p in data.iterdir()) == before
    finally:
        data.chmod(0o755)
    # In a writable directory too: no -shm, no -wal appears.
    r = run("check", "--schema", str(plain), str(query))
    assert sorted(p.name for p in data.iterdir()) == before


def test_configuration_types_and_unknown_check_codes(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "q.sql").write_text(UNFORMATTED)
    config = tmp_path / "syntaqlite.toml"
    config.write_text("[format]\nline-width = true\n")
    r = run("fmt", "q.sql", cwd=tmp_path)
    assert r.code == 2 and "line-width must be a positive integer, not True" in r.err
    config.write_text("[format]\nindent = false\n")
    r = run("fmt", "q.sql", cwd=tmp_path)
    assert r.code == 2 and "indent must be an integer from 0 to 16, not False" in r.err
    config.write_text('[check]\nunknown-colum = "off"\n')
    r = run("check", "q.sql", cwd=tmp_path)
    assert r.code == 2 and "[check] unknown-colum: unknown check" in r.err
    assert (tmp_path / "q.sql").read_text() == UNFORMATTED


@pytest.mark.parametrize(
    ("encoding", "bom", "named"),
    [
        ("utf-16-le", b"\xff\xfe", "UTF-16 (little-endian)"),
        ("utf-16-be", b"", "UTF-16 (big-endian)"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
        ("utf-32-be", b"", "UTF-32 (big-endian)"),
    ],
)
def test_utf16_and_utf32_files_are_named(run, tmp_path: Path, encoding: str, bom: bytes, named: str) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "wide.sql"
    f.write_bytes(bom + "SELECT 1;\n".encode(encoding))
    for command in ("fmt", "check"):
        r = run(command, str(f))
        assert r.code == 2
        assert f"{f}: the file is {named} text; syntaqlite reads SQL files as UTF-8" in r.err, r.err
    assert f.read_bytes() == bom + "SELECT 1;\n".encode(encoding)


def test_lone_carriage_returns_end_lines(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "mac.sql"
    f.write_bytes(b"create table t(a);\rselect a\r  from t;\rselect b from t;\r")
    r = run("check", "--format", "concise", str(f))
    assert r.out == f"{f}:4:8: error[unknown-column] no such column: b\n"
    r = run("tokenize", str(f))
    assert '4:8\tID\t"b"' in r.out
    assert run("fmt", str(f)).code == 0
    assert f.read_bytes() == b"CREATE TABLE t (a);\rSELECT a FROM t;\rSELECT b FROM t;\r"


def test_control_characters_in_messages_are_escaped(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "nul.sql"
    f.write_bytes(b"SELECT 1;\nSELECT \x00\x1b[31m FROM t;\n")
    r = run("check", str(f))
    assert r.code == 1
    assert "\x00" not in r.out + r.err and "\x1b" not in r.out + r.err
    assert "2 | SELECT \u2400\u241b[31m FROM t;" in r.out
    r = run("check", "--format", "concise", str(f))
    assert "\x00" not in r.out and "\\x00" in r.out
    r = run("fmt", str(tmp_path / "a\x07b.sql"))
    assert r.code == 2 and "a\\x07b.sql: no such file or directory" in r.err and "\x07" not in r.err
    named = tmp_path / "q\x1b.sql"
    named.write_text("select (")
    for output in ("text", "concise"):
        r = run("check", "--format", output, str(named))
        assert r.code == 1 and "q\\x1b.sql:1:" in r.out and "\x1b" not in r.out
