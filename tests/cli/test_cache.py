"""The results cache of ``fmt`` and ``check`` (``syntaqlite/cli/cache.py``):
real files, the real command, in fresh processes.

The property every test comes back to: a run that uses the cache says
exactly what a run without it says (stdout, stderr, exit status), whatever
changed in between; and a second run over unchanged files formats and
checks nothing (``-v`` counts the hits).
"""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from syntaqlite.cli.cache import CACHE_DIR_NAME, LAYOUT, MAGIC

ROOT = Path(__file__).resolve().parents[2]


class Result:
    def __init__(self, proc: subprocess.CompletedProcess[bytes]) -> None:
        self.code = proc.returncode
        self.out = proc.stdout.decode()
        self.err = proc.stderr.decode()

    def shown(self) -> tuple[int, str, str]:
        """What a user sees, without ``-v``'s lines (their order differs:
        a cached run makes each file's settings before the first result)."""
        err = "".join(line for line in self.err.splitlines(keepends=True) if not line.startswith("debug: "))
        return self.code, self.out, err


def env_for(root: Path = ROOT, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SYNTAQLITE_")}
    env.update({"NO_COLOR": "1", "PYTHONPATH": str(root)})
    env.update(extra)
    return env


def cli(cwd: Path, *args: str, root: Path = ROOT, **extra: str) -> Result:
    proc = subprocess.run(
        [sys.executable, "-m", "syntaqlite", *args],
        capture_output=True,
        cwd=cwd,
        env=env_for(root, **extra),
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr.decode(), proc.stderr.decode()
    return Result(proc)


def hits(r: Result) -> tuple[int, int]:
    """(hits, misses) from the ``-v`` line."""
    for line in r.err.splitlines():
        if line.startswith("debug: cache: ") and " hit" in line:
            words = line.split()
            return int(words[2]), int(words[4])
    raise AssertionError(f"no cache line in:\n{r.err}")


def cache_files(project: Path, command: str) -> list[Path]:
    return sorted((project / CACHE_DIR_NAME / LAYOUT).glob(f"{command}-*"))


def fresh(cwd: Path, *args: str) -> tuple[int, str, str]:
    return cli(cwd, *args, "--no-cache").shown()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "ok.sql").write_text("SELECT a, b FROM t;\n")
    (tmp_path / "ugly.sql").write_text("select a,b from t\n")
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "q.sql").write_text("SELECT x FROM missing;\nSELECT count(a, b) FROM t;\n")
    return tmp_path


def test_a_second_run_hits_and_says_the_same(project: Path) -> None:
    for command in (["fmt", "--check"], ["check"]):
        first = cli(project, *command, "-v", ".")
        second = cli(project, *command, "-v", ".")
        assert hits(first) == (0, 3)
        assert hits(second) == (3, 0)
        assert first.shown() == second.shown() == fresh(project, *command, "-v", ".")
    assert (
        (project / CACHE_DIR_NAME / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (project / CACHE_DIR_NAME / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_changed_file_misses_and_is_judged_again(project: Path) -> None:
    cli(project, "fmt", "--check", ".")
    cli(project, "check", ".")
    (project / "ugly.sql").write_text("SELECT a, b FROM t;\n")  # now formatted
    (project / "queries" / "q.sql").write_text("SELECT x FROM missing;\n")
    r = cli(project, "fmt", "--check", "-v", ".")
    assert hits(r) == (1, 2)
    assert r.code == 0 and "would reformat" not in r.out
    r = cli(project, "check", "-v", ".")
    assert hits(r) == (1, 2)
    assert r.shown() == fresh(project, "check", "-v", ".")
    assert "count" not in r.out + r.err


def test_the_same_size_and_time_with_other_bytes_still_misses(project: Path) -> None:
    f = project / "ok.sql"
    cli(project, "fmt", "--check", ".")
    st = f.stat()
    f.write_text("select a, b from t;\n")  # same length
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    r = cli(project, "fmt", "--check", "-v", ".")
    assert hits(r) == (2, 1)
    assert "would reformat: ok.sql" in r.out


def test_fmt_writes_are_remembered_as_formatted(project: Path) -> None:
    r = cli(project, "fmt", "-v", ".")
    assert hits(r) == (0, 3)
    assert (project / "ugly.sql").read_text() == "SELECT a, b FROM t;\n"
    r = cli(project, "fmt", "--check", "-v", ".")
    assert hits(r) == (3, 0) and r.code == 0


def test_the_check_verdict_is_not_a_reason_to_skip_writing(project: Path) -> None:
    cli(project, "fmt", "--check", ".")  # remembers "ugly.sql would be reformatted"
    r = cli(project, "fmt", "-v", ".")
    assert (project / "ugly.sql").read_text() == "SELECT a, b FROM t;\n"
    assert "1 file reformatted" in r.err
    cli(project, "fmt", "--check", ".")
    (project / "ugly.sql").write_text("select a,b from t\n")
    r = cli(project, "fmt", "--diff", ".")
    assert r.code == 1 and "+SELECT a, b FROM t;" in r.out


FMT_VARIATIONS = [
    ["--line-width", "20"],
    ["--indent", "6"],
    ["--keyword-case", "lower"],
    ["--no-semicolons"],
    ["--column-names", "reformat"],
    ["--sqlite-version", "3.20.0"],
    ["--sqlite-cflag", "SQLITE_OMIT_WINDOWFUNC"],
]


def _formatted(text: str, options: list[str]) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "syntaqlite", "fmt", *options, "-"],
        input=text.encode(),
        capture_output=True,
        env=env_for(),
        timeout=60,
    )
    return proc.stdout.decode() if proc.returncode == 0 else text


@pytest.mark.parametrize("options", FMT_VARIATIONS, ids=lambda o: o[0])
def test_every_format_option_is_part_of_the_key(tmp_path: Path, options: list[str]) -> None:
    """Fails when the key leaves an option out: the file is formatted as
    the option wants, or as the defaults want, whichever makes the option
    change the verdict; the cached run must say what a fresh one says."""
    text = (
        "SELECT count(*) OVER (PARTITION BY grp ORDER BY t) AS total_amount, a+b, Other_Name "
        "FROM orders WHERE amount > 100 AND region IN ('north', 'south');\n"
    )
    q = tmp_path / "q.sql"
    for candidate in (_formatted(text, options), _formatted(text, [])):
        q.write_text(candidate)
        changed = fresh(tmp_path, "fmt", "--check", *options, "q.sql")
        if changed != fresh(tmp_path, "fmt", "--check", "q.sql"):
            break
    else:
        raise AssertionError("this option does not change the verdict on the file: a useless case")
    cli(tmp_path, "fmt", "--check", "q.sql")  # the defaults' verdict, cached
    assert cli(tmp_path, "fmt", "--check", *options, "q.sql").shown() == changed


def test_every_format_option_has_a_case() -> None:
    from syntaqlite.fmt.options import FormatOptions

    flags = {options[0].lstrip("-").replace("no-", "").replace("-", "_") for options in FMT_VARIATIONS}
    assert set(FormatOptions()._fields()) <= flags


# Where each field of the configuration reaches a cached result: a new
# field fails the test below until it is placed (and, if results depend
# on it, given a case above).
CONFIG_FIELDS = {
    "path": "not itself: the keys hold the effective values",
    "format": "fmt's key (the effective options): test_every_format_option_is_part_of_the_key",
    "format_keys": "which [format] keys the file sets: the language server's concern",
    "sqlite_version": "both keys (the target)",
    "sqlite_cflags": "both keys (the target)",
    "schema": "check's key (each schema file's name and bytes)",
    "schemas": "check's key (each schema file's name and bytes)",
    "checks": "check's key (the severities)",
    "declared": "check's key (the declarations)",
    "exclude": "discovery only",
    "python": "fmt's key for a .py file; check does not cache .py files",
    "max_file_size": "a file over it is an error, which is never cached",
    "cache_dir": "where the cache is",
}


def test_every_configuration_field_is_accounted_for() -> None:
    from syntaqlite.config import Config

    assert set(Config()._fields()) == set(CONFIG_FIELDS)


def test_a_configuration_change_is_a_miss(tmp_path: Path) -> None:
    (tmp_path / "q.sql").write_text("SELECT a FROM t;\n")
    assert cli(tmp_path, "fmt", "--check", "q.sql").code == 0
    (tmp_path / "syntaqlite.toml").write_text('[format]\nkeyword-case = "lower"\n')
    r = cli(tmp_path, "fmt", "--check", "q.sql")
    assert r.code == 1 and r.shown() == fresh(tmp_path, "fmt", "--check", "q.sql")


CHECK_VARIATIONS = {
    "--sqlite-version": (["--sqlite-version", "3.20.0"], ""),
    "--sqlite-cflag": (["--sqlite-cflag", "SQLITE_OMIT_JSON"], ""),
    "--ignore": (["--ignore", "unknown-table"], ""),
    "--schema": (["--schema", "other.sql"], ""),
    "sqlite-version": ([], 'sqlite-version = "3.20.0"\n'),
    "sqlite-cflags": ([], 'sqlite-cflags = ["SQLITE_OMIT_JSON"]\n'),
    "schema": ([], 'schema = ["other.sql"]\n'),
    "schemas": ([], '[schemas]\n"*.sql" = ["other.sql"]\n'),
    "check": ([], '[check]\nunknown-table = "off"\n'),
    "checks": ([], '[checks]\nunknown-table = "allow"\n'),
    "check.functions": ([], "[check.functions]\nmy_func = 1\n"),
    "check.collations": ([], '[check]\ncollations = ["natsort"]\n'),
    "check.modules": ([], "[check.modules]\nmy_module = true\n"),
}


@pytest.mark.parametrize("name", CHECK_VARIATIONS)
def test_every_check_input_is_part_of_the_key(tmp_path: Path, name: str) -> None:
    """Fails when the key leaves an input out: each one changes what this
    file gets, and the cached run must say what a fresh one says."""
    options, config = CHECK_VARIATIONS[name]
    (tmp_path / "q.sql").write_text(
        "SELECT x FROM other;\nSELECT my_func(1) FROM t ORDER BY 1 COLLATE natsort;\n"
        "SELECT json('[1]');\nSELECT row_number() OVER () FROM t;\nCREATE VIRTUAL TABLE v USING my_module;\n"
        "SELECT * FROM t AS a NATURAL JOIN t AS b;\n"
    )
    (tmp_path / "other.sql").write_text("CREATE TABLE other(x);\nCREATE TABLE t(a);\n")
    base = cli(tmp_path, "check", "q.sql")
    if config:
        (tmp_path / "syntaqlite.toml").write_text(config)
    changed = fresh(tmp_path, "check", *options, "q.sql")
    assert changed != base.shown(), "this input does not change what the file gets: a useless case"
    assert cli(tmp_path, "check", *options, "q.sql").shown() == changed


def test_a_schema_file_change_is_a_miss(tmp_path: Path) -> None:
    (tmp_path / "syntaqlite.toml").write_text('schema = ["schema.sql"]\n')
    (tmp_path / "schema.sql").write_text("CREATE TABLE t(a);\n")
    (tmp_path / "q.sql").write_text("SELECT b FROM t;\n")
    assert "no such column: b" in cli(tmp_path, "check", "q.sql").out
    (tmp_path / "schema.sql").write_text("CREATE TABLE t(a, b);\n")
    r = cli(tmp_path, "check", "-v", "q.sql")
    assert hits(r) == (0, 1)
    assert r.code == 0 and r.shown() == fresh(tmp_path, "check", "-v", "q.sql")


def test_a_schema_database_change_is_a_miss(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "app.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t(a)")
    con.commit()
    (tmp_path / "q.sql").write_text("SELECT b FROM t;\n")
    assert "no such column: b" in cli(tmp_path, "check", "--schema", "app.db", "q.sql").out
    con.execute("ALTER TABLE t ADD COLUMN b")
    con.commit()
    con.close()
    r = cli(tmp_path, "check", "--schema", "app.db", "q.sql")
    assert r.code == 0 and r.shown() == fresh(tmp_path, "check", "--schema", "app.db", "q.sql")


def test_another_build_does_not_reuse_results(tmp_path: Path) -> None:
    """A copy of the package whose check says something else: its results
    are its own, and the original's stay valid for the original."""
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "syntaqlite", copy / "syntaqlite", ignore=shutil.ignore_patterns("__pycache__"))
    project = tmp_path / "project"
    project.mkdir()
    (project / "q.sql").write_text("SELECT x FROM missing;\n")
    original = cli(project, "check", "-v", "q.sql")
    assert "no such table: missing" in original.out
    copied = cli(project, "check", "-v", "q.sql", root=copy)
    assert hits(copied) == (1, 0), "an identical copy is the same build"
    rule = copy / "syntaqlite" / "validator" / "rules" / "unknown_table.py"
    rule.write_text(rule.read_text().replace('f"no such {kind}', 'f"no such {kind} here'))
    changed = cli(project, "check", "-v", "q.sql", root=copy)
    assert hits(changed) == (0, 1)
    assert "no such table here: missing" in changed.out
    again = cli(project, "check", "-v", "q.sql")
    assert again.shown() == original.shown()
    assert len(cache_files(project, "check")) == 2  # the original build's, the changed copy's


def test_a_package_file_with_the_same_size_and_time_is_still_another_build(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "syntaqlite", copy / "syntaqlite", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "q.sql").write_text("SELECT x FROM missing;\n")
    cli(tmp_path, "check", "q.sql", root=copy)
    rule = copy / "syntaqlite" / "validator" / "rules" / "unknown_table.py"
    st = rule.stat()
    text = rule.read_text()
    rule.write_text(text.replace('f"no such {kind}', 'f"NO such {kind}'))
    os.utime(rule, ns=(st.st_atime_ns, st.st_mtime_ns))
    # The file's change time moved (it cannot be set back): the build is
    # computed again from the files' bytes.
    r = cli(tmp_path, "check", "-v", "q.sql", root=copy)
    assert hits(r) == (0, 1) and "NO such table: missing" in r.out


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "foreign", "wrong-entries"])
def test_a_damaged_cache_file_is_ignored_and_rewritten(project: Path, damage: str) -> None:
    cli(project, "check", ".")
    (path,) = cache_files(project, "check")
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00\xffnot marshal" * 10)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "foreign":
        path.write_bytes(marshal.dumps((MAGIC, "v0", "check", "x", {})))
    else:
        loaded = marshal.loads(data)
        entries = {k: (v[0], v[1], ("not", "diagnostics")) for k, v in loaded[4].items()}
        path.write_bytes(marshal.dumps((*loaded[:4], entries)))
    r = cli(project, "check", "-v", ".")
    assert hits(r)[0] == 0
    assert r.shown() == fresh(project, "check", "-v", ".")
    assert hits(cli(project, "check", "-v", ".")) == (3, 0)


def test_concurrent_runs_lose_nothing_and_corrupt_nothing(tmp_path: Path) -> None:
    for i in range(24):
        (tmp_path / f"q{i}.sql").write_text(f"SELECT a{i} FROM t{i % 5};\n")  # formatted: fmt writes none
    names = sorted(p.name for p in tmp_path.glob("*.sql"))
    # Six runs of each command on their own files, two more on all of them.
    runs = [(command, names[i::6]) for i in range(6) for command in (["check"], ["fmt"])]
    runs += [(command, names) for _ in range(2) for command in (["check"], ["fmt", "--check"])]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "syntaqlite", *command, "-j", "1", *group],
            cwd=tmp_path,
            env=env_for(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for command, group in runs
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode in (0, 1) and b"Traceback" not in err, err.decode()
    assert not list((tmp_path / CACHE_DIR_NAME).rglob("*.tmp"))
    assert hits(cli(tmp_path, "check", "-v", *names)) == (24, 0)
    assert hits(cli(tmp_path, "fmt", "--check", "-v", *names)) == (24, 0)


def test_an_unwritable_cache_directory_means_no_cache(project: Path) -> None:
    blocker = project / "file"
    blocker.write_text("")
    r = cli(project, "check", "-v", "--cache-dir", "file/cache", ".")
    assert "debug: cache: not written to file/cache" in r.err
    assert r.shown() == fresh(project, "check", "-v", ".")
    r = cli(project, "check", "--cache-dir", "file/cache", ".")
    assert "cache" not in r.err  # without -v, not a word about it


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_project_means_no_cache(project: Path) -> None:
    project.chmod(0o555)
    try:
        r = cli(project, "fmt", "--check", "-v", ".")
        assert "debug: cache: not written" in r.err
        assert r.shown() == fresh(project, "fmt", "--check", "-v", ".")
    finally:
        project.chmod(0o755)


def test_no_cache_reads_and_writes_nothing(project: Path) -> None:
    cli(project, "check", "--no-cache", ".")
    cli(project, "fmt", "--check", ".", SYNTAQLITE_NO_CACHE="1")
    assert not (project / CACHE_DIR_NAME).exists()
    cli(project, "check", ".")
    r = cli(project, "check", "-v", "--no-cache", ".")
    assert "cache" not in r.err


def test_the_cache_directory_settings(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    cli(project, "check", ".", SYNTAQLITE_CACHE_DIR=str(elsewhere / "env"))
    assert (elsewhere / "env" / LAYOUT).is_dir() and not (project / CACHE_DIR_NAME).exists()
    (project / "syntaqlite.toml").write_text('cache-dir = "build/cache"\n')
    cli(project / "queries", "check", "q.sql", SYNTAQLITE_CACHE_DIR=str(elsewhere / "env2"))
    assert (project / "build" / "cache" / LAYOUT).is_dir() and not (elsewhere / "env2").exists()
    cli(project, "check", "--cache-dir", str(elsewhere / "option"), ".")
    assert (elsewhere / "option" / LAYOUT).is_dir()
    (project / "syntaqlite.toml").write_text("cache-dir = 3\n")
    assert "cache-dir must be" in cli(project, "check", ".").err


def test_the_cache_sits_in_the_project_root(project: Path) -> None:
    (project / "syntaqlite.toml").write_text("")
    cli(project / "queries", "check", "q.sql")
    assert (project / CACHE_DIR_NAME).is_dir() and not (project / "queries" / CACHE_DIR_NAME).exists()


def test_the_cache_directory_is_not_searched(project: Path) -> None:
    cli(project, "check", ".")
    (project / CACHE_DIR_NAME / "stray.sql").write_text("select from;\n")
    r = cli(project, "check", ".")
    assert "stray" not in r.out + r.err


def test_clean_removes_the_caches(project: Path) -> None:
    cli(project, "check", ".")
    (project / "sub").mkdir()
    (project / "sub" / "x.sql").write_text("SELECT 1;\n")
    cli(project / "sub", "check", "x.sql")
    assert (project / "sub" / CACHE_DIR_NAME).is_dir()
    (project / "other" / CACHE_DIR_NAME).mkdir(parents=True)  # not one of ours: left alone
    r = cli(project, "clean")
    assert r.code == 0, r.err
    assert not (project / CACHE_DIR_NAME).exists() and not (project / "sub" / CACHE_DIR_NAME).exists()
    assert (project / "other" / CACHE_DIR_NAME).is_dir() and "left alone" in r.err


REPORT_FILES = {
    "a.sql": "SELECT x FROM missing;\nSELECT coutn(a) FROM t;\nSELECT a FROM t AS s, t AS s;\n",
    "b.sql": "CREATE TABLE u(id INTEGER PRIMARY KEY, v);\nSELECT v, w FROM u WHERE id = 'x';\n",
    "c.sql": "SELECT 1;\nSELECT * FROM;\n",
    "d.sql": "SELECT 1;\n",
    "e.sql": "CREATE VIEW v AS SELECT a FROM t;\nSELECT b FROM v;\n",
}


@pytest.mark.parametrize("output", ["text", "concise", "json", "github", "sarif"])
def test_every_output_format_is_the_same_from_the_cache(tmp_path: Path, output: str) -> None:
    (tmp_path / "schema.sql").write_text("CREATE TABLE t(a, b);\n")
    (tmp_path / "syntaqlite.toml").write_text(
        'schema = ["schema.sql"]\n[check]\nunknown-function = "warning"\n'
    )
    for name, text in REPORT_FILES.items():
        (tmp_path / name).write_text(text)
    names = sorted(REPORT_FILES)
    for strict in ([], ["--strict"]):
        args = ["check", "--format", output, *strict, *names]
        first = cli(tmp_path, *args, "-v")
        second = cli(tmp_path, *args, "-v")
        assert hits(second) == (len(names), 0)
        expected = fresh(tmp_path, *args, "-v")
        assert first.shown() == second.shown() == expected
        assert expected[0] == 1 and expected[1]


def test_a_file_that_does_not_parse_is_reported_every_time(tmp_path: Path) -> None:
    (tmp_path / "bad.sql").write_text("SELECT * FROM;\n")
    for _ in range(2):
        r = cli(tmp_path, "fmt", "--check", "bad.sql")
        assert r.code == 2 and "bad.sql:1:" in r.err


def test_a_schema_with_syntax_errors_is_warned_about_every_time(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text("CREATE TABLE t(a);\nCREATE TABLE oops(;\n")
    (tmp_path / "q.sql").write_text("SELECT a FROM t;\n")
    runs = [cli(tmp_path, "check", "--schema", "schema.sql", "q.sql") for _ in range(2)]
    assert runs[0].shown() == runs[1].shown()
    assert "warning: schema schema.sql:2:" in runs[1].err


def test_stdin_and_expressions_bypass_the_cache(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "syntaqlite", "fmt", "-v", "-"],
        input=b"select 1",
        capture_output=True,
        cwd=tmp_path,
        env=env_for(),
        timeout=60,
    )
    assert proc.stdout == b"SELECT 1;\n"
    cli(tmp_path, "check", "-e", "SELECT 1")
    assert not (tmp_path / CACHE_DIR_NAME).exists()


def test_fix_bypasses_the_cache(tmp_path: Path) -> None:
    (tmp_path / "s.sql").write_text("CREATE TABLE t(a);\nSELECT coutn(a) FROM t;\n")
    before = cli(tmp_path, "check", "s.sql")
    assert before.code == 1
    r = cli(tmp_path, "check", "-v", "--fix", "--unsafe-fixes", "s.sql")
    assert "debug: cache" not in r.err
    after = cli(tmp_path, "check", "s.sql")
    assert after.code == 0 and after.shown() == fresh(tmp_path, "check", "s.sql")


def test_a_written_file_that_does_not_format_to_itself_is_not_remembered(tmp_path: Path) -> None:
    """A formatter that is not idempotent on a file (here one made so)
    must not make the next run skip the file it wrote."""
    (tmp_path / "q.sql").write_text("select 1\n")
    patched = (
        "import sys\n"
        "import syntaqlite.cli.fmt as fmt\n"
        "real = fmt.format_text\n"
        "def format_text(text, *args, **kwargs):\n"
        "    out = real(text, *args, **kwargs)\n"
        "    if out.new_text is not None:\n"
        "        out.new_text += '-- again\\n'\n"
        "    elif out.status == 'unchanged':\n"
        "        out.status, out.new_text = 'changed', text + '-- again\\n'\n"
        "    return out\n"
        "fmt.format_text = format_text\n"
        "from syntaqlite.cli import main\n"
        "sys.argv = ['syntaqlite', 'fmt', 'q.sql']\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", patched], capture_output=True, cwd=tmp_path, env=env_for(), timeout=60
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert (tmp_path / "q.sql").read_text() == "SELECT 1;\n-- again\n"
    r = cli(tmp_path, "fmt", "--check", "-v", "q.sql")
    assert hits(r) == (0, 1)


def test_python_files_formatted_with_python_are_cached(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        'import sqlite3\ncon = sqlite3.connect(":memory:")\ncon.execute("""select a,b from t""")\n'
    )
    args = ["fmt", "--check", "--python", "app.py"]
    first = cli(tmp_path, *args, "-v")
    second = cli(tmp_path, *args, "-v")
    assert hits(second) == (1, 0)
    assert first.shown() == second.shown() == fresh(tmp_path, *args, "-v")
    assert first.code == 1
    without = cli(tmp_path, "fmt", "--check", "app.py")  # not read as Python: an error, never cached
    assert without.code == 2 and without.shown() == fresh(tmp_path, "fmt", "--check", "app.py")
