"""``syntaqlite fmt`` on real files, as a user runs it."""

from __future__ import annotations

import stat
from pathlib import Path

UGLY = "select a,b from t where x=1\n"
PRETTY = "SELECT a, b FROM t WHERE x = 1;\n"


def test_formats_in_place_atomically_keeping_mode(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "q.sql"
    f.write_text(UGLY)
    f.chmod(0o640)
    r = run("fmt", str(f))
    assert r.code == 0, r.err
    assert f.read_text() == PRETTY
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert "1 file reformatted, 0 unchanged" in r.err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".q.sql")]  # no temp file left
    r = run("fmt", str(f))
    assert r.code == 0 and "0 files reformatted, 1 unchanged" in r.err


def test_check_and_diff_write_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "q.sql"
    f.write_text(UGLY)
    r = run("fmt", "--check", str(f))
    assert r.code == 1 and f"would reformat: {f}" in r.out
    assert "1 file would be reformatted, 0 already formatted" in r.err
    r = run("fmt", "--diff", str(f))
    assert r.code == 1
    assert "-select a,b from t where x=1" in r.out and "+SELECT a, b FROM t WHERE x = 1;" in r.out
    assert f.read_text() == UGLY
    f.write_text(PRETTY)
    assert run("fmt", "--check", str(f)).code == 0


def test_stdin_to_stdout(run) -> None:  # type: ignore[no-untyped-def]
    r = run("fmt", stdin=UGLY)
    assert r.code == 0 and r.out == PRETTY
    r = run("fmt", "-", "--check", stdin=UGLY)
    assert r.code == 1 and r.out == ""
    r = run("fmt", "--diff", stdin=UGLY)
    assert r.code == 1 and "+SELECT a, b FROM t WHERE x = 1;" in r.out
    r = run("fmt", stdin="selec 1\n")  # does not parse: 2, as ruff (1 is "would change")
    assert r.code == 2 and r.out == "" and "<stdin>:1:1" in r.err


def test_file_that_does_not_parse_is_left_untouched(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.sql"
    original = b"select 1;\r\nSELECT a FORM t;\n  -- keep me exactly\n"
    bad.write_bytes(original)
    good = tmp_path / "good.sql"
    good.write_text(UGLY)
    r = run("fmt", str(tmp_path))
    assert r.code == 2  # a file that does not parse: 2, as ruff
    assert bad.read_bytes() == original
    assert good.read_text() == PRETTY
    assert f"{bad}:2:15" in r.err and "^" in r.err
    assert "1 file reformatted, 0 unchanged, 1 failed to parse" in r.err


def test_usage_and_io_errors(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = run("fmt", str(tmp_path / "missing.sql"))
    assert r.code == 2 and "no such file or directory" in r.err
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run("fmt", str(empty))  # nothing to do: a warning, as check (and ruff) say it
    assert r.code == 0 and "warning: " in r.err and "no SQL files" in r.err
    r = run("fmt", "--check", str(empty))
    assert r.code == 0 and "no SQL files" in r.err
    latin = tmp_path / "latin.sql"
    latin.write_bytes(b"SELECT 'caf\xe9';\n")
    r = run("fmt", str(latin))
    assert r.code == 2 and f"{latin}:1:12: not valid UTF-8" in r.err
    assert "Traceback" not in r.err
    r = run("fmt", "--check", "--diff", str(latin))
    assert r.code == 2
    r = run("fmt", "--line-width", "0", str(latin))
    assert r.code == 2


def test_configuration_is_discovered_and_flags_override(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path / "project"
    (project / "sql").mkdir(parents=True)
    (project / "syntaqlite.toml").write_text(
        '[format]\nkeyword-case = "lower"\nindent = 4\nline-width = 30\n'
    )
    f = project / "sql" / "q.sql"
    f.write_text("select customer_id, sum(total) from orders where status = 'paid';\n")
    assert run("fmt", str(f)).code == 0
    assert f.read_text() == ("select customer_id, sum(total)\nfrom orders\nwhere status = 'paid';\n")
    assert run("fmt", "--keyword-case", "upper", str(f)).code == 0
    assert f.read_text().startswith("SELECT customer_id")
    r = run("fmt", "--stdin-filename", str(f), stdin="select 1\n")
    assert r.out == "select 1;\n"


def test_pyproject_configuration(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pyproject.toml").write_text("[tool.syntaqlite.format]\nsemicolons = false\n")
    f = tmp_path / "q.sql"
    f.write_text("select 1;\n")
    assert run("fmt", str(f)).code == 0
    assert f.read_text() == "SELECT 1\n"


def test_pyproject_table_spelled_with_escapes(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Only a pyproject.toml with neither the word nor a \u escape is skipped unparsed.
    (tmp_path / "pyproject.toml").write_text('[tool."synta\\u0071lite".format]\nsemicolons = false\n')
    f = tmp_path / "q.sql"
    f.write_text("select 1;")
    assert run("fmt", str(f)).code == 0
    assert f.read_text() == "SELECT 1\n"
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n[broken\n")
    f.write_text("select 1")
    assert run("fmt", str(f)).code == 0  # not ours: neither read nor reported
    assert f.read_text() == "SELECT 1;\n"


def test_bad_configuration_is_reported(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "syntaqlite.toml").write_text('[format]\nkeyword-case = "shouting"\n')
    f = tmp_path / "q.sql"
    f.write_text(UGLY)
    r = run("fmt", str(f))
    assert r.code == 2 and "keyword-case must be one of" in r.err and "syntaqlite.toml" in r.err
    (tmp_path / "syntaqlite.toml").write_text("[format\n")
    r = run("fmt", str(f))
    assert r.code == 2 and "invalid TOML" in r.err
    assert f.read_text() == UGLY


def test_directories_globs_and_gitignore(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("generated/\n*.skip.sql\n")
    for name in ["a.sql", "nested/b.sql", "generated/c.sql", "d.skip.sql", "notes.txt"]:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(UGLY)
    r = run("fmt", "--check", str(tmp_path))
    changed = sorted(Path(line.split(": ", 1)[1]).name for line in r.out.splitlines())
    assert changed == ["a.sql", "b.sql"]
    # A quoted glob honours .gitignore as a directory does.
    r = run("fmt", "--check", str(tmp_path / "*.sql"))
    assert "a.sql" in r.out and "d.skip.sql" not in r.out
    r = run("fmt", "--check", str(tmp_path / "**" / "*.sql"))
    changed = sorted(Path(line.split(": ", 1)[1]).name for line in r.out.splitlines())
    assert changed == ["a.sql", "b.sql"]
    r = run("fmt", "--check", str(tmp_path / "generated" / "c.sql"))
    assert "c.sql" in r.out  # so does a file argument


def test_crlf_files_stay_crlf(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "w.sql"
    f.write_bytes(b"select 1 -- one\r\n;\r\nselect 2\r\n")
    assert run("fmt", str(f)).code == 0
    assert f.read_bytes() == b"SELECT 1; -- one\r\nSELECT 2;\r\n"


def test_many_files_in_parallel(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for i in range(40):
        (tmp_path / f"f{i:02}.sql").write_text(f"select {i}, x from t{i}\n")
    r = run("fmt", "-j", "2", str(tmp_path))
    assert r.code == 0 and "40 files reformatted, 0 unchanged" in r.err
    assert all(p.read_text().startswith("SELECT ") for p in tmp_path.glob("*.sql"))


def test_column_names_option(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # An unaliased a+b names its column "a+b": kept as written by default.
    f = tmp_path / "q.sql"
    f.write_text("select a+b from t\n")
    assert run("fmt", "--check", str(f)).code == 1
    assert run("fmt", str(f)).code == 0 and f.read_text() == "SELECT a+b FROM t;\n"
    assert run("fmt", "--column-names", "reformat", str(f)).code == 0
    assert f.read_text() == "SELECT a + b FROM t;\n"
    f.write_text("select a+b from t\n")
    (tmp_path / "syntaqlite.toml").write_text('[format]\ncolumn-names = "reformat"\n')
    assert run("fmt", str(f)).code == 0 and f.read_text() == "SELECT a + b FROM t;\n"
    (tmp_path / "syntaqlite.toml").write_text('[format]\ncolumn-names = "rename"\n')
    r = run("fmt", str(f))
    assert r.code == 2 and "column-names must be one of preserve, reformat, not 'rename'" in r.err
