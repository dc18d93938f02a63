"""Each command imports only what it uses (issue 15: start-up time).

Every case runs in a fresh interpreter, as the ``syntaqlite`` script does,
and lists the modules loaded when it is done.  ``bench/startup.py`` measures
what the imports cost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The formatter proper: its options (syntaqlite.fmt.options) are configuration.
FORMATTER = {"syntaqlite.fmt.format", "syntaqlite.fmt.printer", "syntaqlite.fmt.rules", "syntaqlite.fmt.doc"}
VALIDATOR = {"syntaqlite.validator.checker", "syntaqlite.validator.catalog", "syntaqlite.validator.rules"}
LANGUAGE_SERVER = {"syntaqlite.lsp", "pygls", "lsprotocol"}
PARSER = {"syntaqlite.syntax.parser", "syntaqlite.syntax.lexer", "syntaqlite.syntax.nodes"}
# Defining a dataclass compiles its methods at import (~0.4 ms a class) and
# ``dataclasses`` loads ``inspect``: what start-up loads is a ``Record``.
DATACLASSES = {"dataclasses"}
# Loaded by a command only for an option that needs it: JSON output (the
# parser tables come from their marshal form), --help (importlib.util),
# --version (syntaqlite._compiled looks for compiled modules on disk), the
# warning about the other syntaqlite (shlex), Ctrl-C handling and worker
# processes for files (signal).  ``copy``: a file's catalog is a snapshot of
# the schema's, not a deep copy.
ON_DEMAND = {"json", "importlib.util", "syntaqlite._compiled", "shlex", "signal", "copy"}
# Loaded by the parser only when a text needs them: the table of features
# that older releases and builds lack (for a target other than the default),
# and the wording of syntax errors.
SYNTAX_ON_DEMAND = {"syntaqlite.syntax.features", "syntaqlite.syntax.errors"}

# No import of its own before the command runs (json, say, would hide that
# the command loads it): the arguments are the mode ("config" or "cli"), the
# text for stdin, then the command's arguments.
_PROBE = """
import io, sys
mode, stdin, *argv = sys.argv[1:]
if mode == "config":
    import syntaqlite.config
else:
    from syntaqlite.cli import main
    sys.argv = ["syntaqlite", *argv]
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()))
    try:
        main()
    except SystemExit:
        pass
print("\\n@@modules " + " ".join(sorted(sys.modules)))
"""


def run_python(*args: str, cwd: Path = ROOT, cache: bool = False) -> subprocess.CompletedProcess[str]:
    """``python *args`` in a fresh interpreter that imports this checkout
    (``cache``: with the results cache on, as outside the test suite)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if cache:
        env.pop("SYNTAQLITE_NO_CACHE", None)
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def loaded(argv: list[str] | None, stdin: str = "", cwd: Path = ROOT, cache: bool = False) -> set[str]:
    if argv is None:
        proc = run_python("-c", _PROBE, "config", stdin)
    else:
        proc = run_python("-c", _PROBE, "cli", stdin, *argv, cwd=cwd, cache=cache)
    marker = proc.stdout.rfind("@@modules ")
    assert marker >= 0, proc.stdout + proc.stderr
    return set(proc.stdout[marker + len("@@modules ") :].split())


def present(modules: set[str], banned: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == b or m.startswith(b + ".") for b in banned))


@pytest.fixture(scope="module", autouse=True)
def tables_cached() -> None:
    """The parser tables' marshal form in ``__pycache__``, as the first run
    of a checkout writes it (the probes run with the environment's
    PYTHONDONTWRITEBYTECODE, which would leave them reading the JSON)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.run(
        [sys.executable, "-c", "import syntaqlite.syntax._tables as t; print(t.CACHE_PATH)"],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()).is_file() or (ROOT / "syntaqlite/syntax/tables.marshal").is_file()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("imports") / "small.sql"
    path.write_text("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT);\nSELECT a, b FROM t WHERE a > 1;\n")
    return str(path)


def test_configuration_does_not_import_the_formatter() -> None:
    modules = loaded(None)
    assert "syntaqlite.config" in modules
    assert present(modules, FORMATTER | LANGUAGE_SERVER | {"syntaqlite.syntax.parser"}) == []
    # Not the validator's declarations either: only a [check] table that
    # declares functions, collations or modules loads them.
    assert present(modules, {"syntaqlite.validator"} | DATACLASSES) == []


def test_version_imports_no_syntax() -> None:
    modules = loaded(["--version"])
    assert (
        present(
            modules,
            {"syntaqlite.syntax", "syntaqlite.config", "syntaqlite.fmt", "syntaqlite.validator"}
            | DATACLASSES,
        )
        == []
    )
    # Nor pathlib (and through it urllib.parse and ipaddress), nor --help's importlib.util.
    assert present(modules, {"pathlib", "importlib.util", "shlex"}) == []


def test_check_does_not_import_the_formatter(small: str) -> None:
    modules = loaded(["check", small])
    assert "syntaqlite.validator.checker" in modules
    assert present(modules, FORMATTER | LANGUAGE_SERVER | {"sqlite3", "difflib"}) == []
    # SQL files only: the front end for SQL inside Python is not loaded.
    assert present(modules, {"syntaqlite.python.check", "syntaqlite.python.finder"}) == []
    assert present(modules, DATACLASSES | ON_DEMAND) == []


def test_syntax_errors_and_other_targets_load_their_modules(small: str, tmp_path: Path) -> None:
    for argv, stdin in (
        (["check", small], ""),
        (["parse", small], ""),
        (["fmt", "-"], "select 1"),
    ):
        assert present(loaded(argv, stdin), SYNTAX_ON_DEMAND) == [], argv
    broken = tmp_path / "broken.sql"
    broken.write_text("SELECT FROM;\n")
    modules = loaded(["check", str(broken)])
    assert "syntaqlite.syntax.errors" in modules
    assert "syntaqlite.syntax.features" not in modules
    old = tmp_path / "old.sql"
    old.write_text("SELECT a -> 'x' FROM t;\n")
    assert loaded(["check", "--sqlite-version", "3.37.0", str(old)]) >= SYNTAX_ON_DEMAND


def test_check_loads_json_only_for_json_output(small: str) -> None:
    assert "json" in loaded(["check", "--format", "json", small])


def test_a_check_module_loads_when_it_reports(small: str, tmp_path: Path) -> None:
    """The checks' modules say how a finding is worded: a file without
    findings loads the few whose helpers the checker consults, one with
    findings those that report them, ``--explain all`` every one."""
    clean = present(loaded(["check", small]), {"syntaqlite.validator.rules"})
    assert len(clean) < 8, clean
    assert "syntaqlite.validator.rules.unknown_table" not in clean
    bad = tmp_path / "bad.sql"
    bad.write_text("SELECT * FROM nope;\n")
    assert "syntaqlite.validator.rules.unknown_table" in loaded(["check", str(bad)])
    every = present(loaded(["check", "--explain", "all"]), {"syntaqlite.validator.rules"})
    assert len(every) > 50


def test_parse_imports_neither_formatter_nor_validator(small: str) -> None:
    modules = loaded(["parse", small])
    assert "syntaqlite.syntax.parser" in modules
    assert present(modules, FORMATTER | VALIDATOR | LANGUAGE_SERVER | {"sqlite3"} | DATACLASSES) == []
    assert present(modules, {"syntaqlite.validator"}) == []


def test_fmt_does_not_import_the_validator(small: str) -> None:
    modules = loaded(["fmt", "-"], "select 1")
    assert "syntaqlite.fmt.printer" in modules
    assert present(modules, VALIDATOR | LANGUAGE_SERVER | {"sqlite3", "difflib"} | DATACLASSES) == []
    assert present(modules, ON_DEMAND) == []
    assert present(modules, {"syntaqlite.validator"}) == []


def test_a_run_the_cache_answers_loads_no_parser_formatter_or_validator(tmp_path: Path) -> None:
    """Every file known to the results cache: hashing and one cache read,
    none of the machinery that would make the results."""
    (tmp_path / "clean.sql").write_text("SELECT 1;\n")
    (tmp_path / "findings.sql").write_text("select x from nope\n")
    for command in (["fmt", "--check", "."], ["check", "."]):
        first = loaded(command, cwd=tmp_path, cache=True)
        assert "syntaqlite.syntax.parser" in first  # it had to make them
        modules = loaded(command, cwd=tmp_path, cache=True)
        assert "syntaqlite.cli.cache" in modules
        assert present(modules, FORMATTER | VALIDATOR | PARSER - {"syntaqlite.syntax.lexer"}) == []
        # (dataclasses: pathspec, which the directory's walk uses, loads it)
        assert present(modules, LANGUAGE_SERVER | {"hashlib", "json", "sqlite3"}) == []
    assert "syntaqlite.cli.cache" not in loaded(["check", "-e", "SELECT 1"], cwd=tmp_path, cache=True)
    assert "syntaqlite.cli.cache" not in loaded(["fmt", "-"], "select 1", cwd=tmp_path, cache=True)
    assert "syntaqlite.cli.cache" not in loaded(["check", "--no-cache", "."], cwd=tmp_path, cache=True)


def test_a_pyproject_without_our_table_is_not_parsed(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    probe = (
        "import sys; from pathlib import Path; from syntaqlite.config import find_config; "
        "print(find_config(Path('.')).path, 'tomllib' in sys.modules)"
    )
    proc = run_python("-c", probe, cwd=tmp_path)
    assert proc.stdout.split() == ["None", "False"], proc.stderr


def test_a_configuration_that_declares_functions_loads_them(tmp_path: Path) -> None:
    (tmp_path / "syntaqlite.toml").write_text("[check.functions]\nregexp = 2\n")
    probe = (
        "import sys; from pathlib import Path; from syntaqlite.config import load; "
        "c = load(Path('syntaqlite.toml')); print(len(c.declarations.function('regexp')), "
        "'syntaqlite.validator.declared' in sys.modules, load(Path('syntaqlite.toml')) == c)"
    )
    proc = run_python("-c", probe, cwd=tmp_path)
    assert proc.stdout.split() == ["1", "True", "True"], proc.stderr


def test_the_console_script_loads_typing_under_the_paused_collector() -> None:
    """``syntaqlite.cli:main`` pauses the garbage collector while click and
    the command load; what ``import syntaqlite.cli`` loads before it runs,
    the collector walks.  ``typing`` (and the ``re``, ``enum`` ... it loads)
    waits for the pause."""
    probe = (
        "import sys; before = set(sys.modules); import syntaqlite.cli; "
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    proc = run_python("-c", probe)
    assert proc.returncode == 0, proc.stderr
    assert {"syntaqlite", "syntaqlite.cli"} <= set(proc.stdout.split()), proc.stdout
    assert not {"typing", "re", "enum"} & set(proc.stdout.split()), proc.stdout


def test_import_syntaqlite_loads_nothing_else() -> None:
    proc = run_python(
        "-c", "import sys, syntaqlite; print(sorted(m for m in sys.modules if 'syntaqlite' in m))"
    )
    assert proc.stdout.strip() == "['syntaqlite']", proc.stderr
