"""The command line's conventions, as a ruff user expects them, through the
real command: exclusions, no paths on a terminal, --no-config, -v, -q,
--color and the colour variables, -e on fmt, --config everywhere, shell
completion, --fix and --unsafe-fixes, exit codes, pathspec under
``python -W error``, ``[schemas]`` globs, SARIF URIs, and the original
syntaqlite's configuration keys."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Run

UGLY = "select a,b from t where x=1\n"
PRETTY = "SELECT a, b FROM t WHERE x = 1;\n"


def sq(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    python_flags: tuple[str, ...] = (),
) -> Run:
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.run(
        [sys.executable, *python_flags, "-m", "syntaqlite", *args],
        input=(stdin or "").encode(),
        capture_output=True,
        cwd=cwd,
        env={**base, **(env or {})},
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def reformatted(out: str) -> list[str]:
    return sorted(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("would reformat"))


# ------------------------------------------------------------------ exclusions


def test_exclude_and_extend_exclude_in_configuration(tmp_path: Path) -> None:
    for name in ["a.sql", "migrations/m.sql", "vendor/v.sql", "node_modules/n.sql", "gen/g.sql"]:
        write(tmp_path / name, UGLY)
    # The defaults leave out node_modules/ (and .venv/, .git/ ...).
    r = sq("fmt", "--check", ".", cwd=tmp_path)
    assert reformatted(r.out) == ["a.sql", "gen/g.sql", "migrations/m.sql", "vendor/v.sql"]
    write(tmp_path / "syntaqlite.toml", 'extend-exclude = ["migrations/", "vendor"]\n')
    r = sq("fmt", "--check", ".", cwd=tmp_path)
    assert reformatted(r.out) == ["a.sql", "gen/g.sql"]
    # exclude replaces the defaults: node_modules/ is searched again.
    write(tmp_path / "syntaqlite.toml", 'exclude = ["gen/"]\n')
    r = sq("fmt", "--check", ".", cwd=tmp_path)
    assert reformatted(r.out) == ["a.sql", "migrations/m.sql", "node_modules/n.sql", "vendor/v.sql"]
    # check honours the same settings.
    r = sq("check", "--format", "concise", "-v", ".", cwd=tmp_path)
    assert "gen/g.sql" not in r.out and "debug: configuration:" in r.err


def test_exclude_options_and_force_exclude(tmp_path: Path) -> None:
    for name in ["a.sql", "migrations/m.sql", "b.sql"]:
        write(tmp_path / name, UGLY)
    r = sq("fmt", "--check", "--extend-exclude", "migrations", ".", cwd=tmp_path)
    assert reformatted(r.out) == ["a.sql", "b.sql"]
    r = sq("fmt", "--check", "--exclude", "b.sql", ".", cwd=tmp_path)
    assert reformatted(r.out) == ["a.sql", "migrations/m.sql"]
    # A file named on the command line is formatted whatever exclude says ...
    write(tmp_path / "syntaqlite.toml", 'extend-exclude = ["migrations/"]\n')
    r = sq("fmt", "--check", "migrations/m.sql", cwd=tmp_path)
    assert reformatted(r.out) == ["migrations/m.sql"]
    # ... unless --force-exclude (what pre-commit hooks pass): nothing to do, exit 0.
    r = sq("fmt", "--check", "--force-exclude", "migrations/m.sql", "a.sql", cwd=tmp_path)
    assert r.code == 1 and reformatted(r.out) == ["a.sql"]
    r = sq("fmt", "--check", "--force-exclude", "migrations/m.sql", cwd=tmp_path)
    assert r.code == 0 and r.out == ""
    r = sq("check", "--force-exclude", "-v", "migrations/m.sql", cwd=tmp_path)
    assert r.code == 0 and "migrations/m.sql: excluded" in r.err


def test_quoted_globs_honour_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "build/\n")
    for name in ["a.sql", "build/b.sql", "node_modules/pkg/c.sql", "src/d.sql"]:
        write(tmp_path / name, UGLY)
    r = sq("fmt", "--check", "**/*.sql", cwd=tmp_path)
    assert reformatted(r.out) == ["a.sql", "src/d.sql"]


def test_runs_under_python_warnings_as_errors(tmp_path: Path) -> None:
    """pathspec's GitIgnoreSpec, not the deprecated gitwildmatch factory."""
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "skip/\n")
    write(tmp_path / "a.sql", UGLY)
    write(tmp_path / "skip" / "b.sql", UGLY)
    write(tmp_path / "syntaqlite.toml", 'extend-exclude = ["x/"]\n')
    for command in (["fmt", "--check", "."], ["check", "."], ["fmt", "--check", "*.sql"]):
        r = sq(*command, cwd=tmp_path, python_flags=("-W", "error"))
        assert "Traceback" not in r.err and "Warning" not in r.err, r.err
    assert reformatted(sq("fmt", "--check", ".", cwd=tmp_path, python_flags=("-W", "error")).out) == ["a.sql"]


# ------------------------------------------------------- no paths on a terminal


def _on_terminal(args: list[str], cwd: Path, typed: bytes = b"") -> Run:
    """Run with a pseudo-terminal as stdin (what an interactive shell gives)."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "syntaqlite", *args],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env={**os.environ, "NO_COLOR": "1"},
        )
        if typed:
            os.write(master, typed)
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(slave)
        os.close(master)
    return Run(proc.returncode, out.decode(), err.decode())


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_no_paths_on_a_terminal_means_the_current_directory(tmp_path: Path) -> None:
    write(tmp_path / "q.sql", UGLY)
    write(tmp_path / "sub" / "s.sql", "SELECT nme FROM (SELECT 1 AS name);\n")
    r = _on_terminal(["fmt", "--check"], tmp_path)
    assert r.code == 1 and reformatted(r.out) == ["q.sql"]
    r = _on_terminal(["check", "--format", "concise"], tmp_path)
    assert r.code == 1 and "sub/s.sql:1:8: error[unknown-column]" in r.out
    # parse reads stdin, and says so first instead of waiting silently.
    r = _on_terminal(["parse", "-q"], tmp_path, typed=b"SELECT 1;\n\x04")
    assert r.code == 0 and "reading SQL from standard input" in r.err


def test_no_paths_with_piped_stdin_reads_it(tmp_path: Path) -> None:
    r = sq("fmt", cwd=tmp_path, stdin=UGLY)
    assert r.code == 0 and r.out == PRETTY and "reading SQL" not in r.err


# ------------------------------------------------------------ shared options


def test_no_config_and_isolated(tmp_path: Path) -> None:
    write(tmp_path / "syntaqlite.toml", "[format]\nkeyword-case = 'lower'\n")
    write(tmp_path / "q.sql", UGLY)
    assert sq("fmt", "-", "--stdin-filename", "q.sql", cwd=tmp_path, stdin=UGLY).out == (
        "select a, b from t where x = 1;\n"
    )
    for flag in ("--no-config", "--isolated"):
        r = sq("fmt", flag, "-", "--stdin-filename", "q.sql", cwd=tmp_path, stdin=UGLY)
        assert r.out == PRETTY
    # A broken configuration is no obstacle when it is not read.
    write(tmp_path / "syntaqlite.toml", "nonsense = 1\n")
    assert sq("check", "q.sql", cwd=tmp_path).code == 2
    assert sq("check", "--no-config", "q.sql", cwd=tmp_path).code == 0
    assert sq("parse", "--isolated", "-q", "q.sql", cwd=tmp_path).code == 0
    r = sq("check", "--config", "x.toml", "--no-config", "q.sql", cwd=tmp_path)
    assert r.code == 2 and "cannot be used together" in r.err


def test_config_on_parse_and_tokenize(tmp_path: Path) -> None:
    old = write(tmp_path / "old.toml", 'sqlite-version = "3.34.0"\n')
    sql = "DELETE FROM t RETURNING *;"
    assert sq("parse", "-q", "-e", sql, cwd=tmp_path).code == 0
    r = sq("parse", "-q", "--config", str(old), "-e", sql, cwd=tmp_path)
    assert r.code == 1 and "RETURNING requires SQLite 3.35.0" in r.err
    # Before 3.35.0 RETURNING is a plain name, not a keyword.
    r = sq("tokenize", "--config", str(old), "-e", "SELECT returning", cwd=tmp_path)
    assert '\tID\t"returning"' in r.out
    r = sq("tokenize", "-e", "SELECT returning", cwd=tmp_path)
    assert '\tRETURNING\t"returning"' in r.out


@pytest.mark.parametrize("command", ["check", "fmt", "parse", "tokenize", "lsp"])
def test_quiet_on_every_command(command: str) -> None:
    r = sq(command, "--help")
    assert r.code == 0 and "-q, --quiet" in r.out
    assert "--config" in r.out and "--no-config" in r.out and "-v, --verbose" in r.out
    if command != "lsp":
        assert "--color [auto|always|never]" in r.out


def test_quiet_and_verbose_say_less_and_more(tmp_path: Path) -> None:
    f = write(tmp_path / "q.sql", "SELECT nme FROM (SELECT 1 AS name);\n")
    r = sq("check", str(f))
    assert "Found 1 error" in r.err
    r = sq("check", "-q", str(f))
    assert r.code == 1 and "error[unknown-column]" in r.out and r.err == ""
    r = sq("check", "-v", str(f))
    assert "debug: configuration: none (defaults)" in r.err
    r = sq("fmt", "--check", "-v", str(f))
    assert "debug: configuration: none (defaults) (1 file)" in r.err
    r = sq("tokenize", "-q", "-e", "SELECT 1 ?1a")
    assert r.code == 0 and r.out == ""
    r = sq("tokenize", "-q", "-e", "SELECT 1 #")
    assert r.code == 1 and r.out.strip().endswith('ILLEGAL\t"#"')
    empty = tmp_path / "empty"
    empty.mkdir()
    r = sq("fmt", "-q", "--check", str(empty))
    assert r.code == 0 and r.err == ""


def test_color_choice_and_environment(tmp_path: Path) -> None:
    f = write(tmp_path / "q.sql", "SELECT nme FROM (SELECT 1 AS name);\n")
    assert "\x1b[" not in sq("check", str(f)).out  # not a terminal
    assert "\x1b[" in sq("check", "--color", "always", str(f), env={"NO_COLOR": "1"}).out
    assert "\x1b[" not in sq("check", "--color", "never", str(f), env={"FORCE_COLOR": "1"}).out
    assert "\x1b[" in sq("check", str(f), env={"FORCE_COLOR": "1"}).out
    assert "\x1b[" not in sq("check", str(f), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).out
    # An empty NO_COLOR does not count (no-color.org), nor an empty FORCE_COLOR.
    assert "\x1b[" in sq("check", str(f), env={"FORCE_COLOR": "1", "NO_COLOR": ""}).out
    assert "\x1b[" not in sq("check", str(f), env={"FORCE_COLOR": ""}).out
    # Every command that renders diagnostics follows it.
    assert "\x1b[" in sq("parse", "-q", "--color", "always", "-e", "SELEC 1").err
    assert "\x1b[" in sq("fmt", "--color", "always", "-e", "SELEC 1").err


def test_fmt_expr(tmp_path: Path) -> None:
    r = sq("fmt", "-e", UGLY)
    assert r.code == 0 and r.out == PRETTY
    r = sq("fmt", "--check", "-e", UGLY)
    assert r.code == 1 and "would reformat: <expr>" in r.err
    r = sq("fmt", "-e", "SELEC 1")
    assert r.code == 2 and "<expr>:1:1" in r.err
    r = sq("fmt", "-e", "SELECT 1", "x.sql")
    assert r.code == 2 and "cannot be used together" in r.err


def test_shell_completion(tmp_path: Path) -> None:
    for shell in ("bash", "zsh", "fish"):
        r = sq("generate-shell-completion", shell)
        assert r.code == 0 and "_SYNTAQLITE_COMPLETE" in r.out
    # The script's protocol answers with the real options.
    r = sq(
        env={
            "_SYNTAQLITE_COMPLETE": "bash_complete",
            "COMP_WORDS": "syntaqlite check --for",
            "COMP_CWORD": "2",
        }
    )
    assert "plain,--format" in r.out.splitlines() and "plain,--force-exclude" in r.out.splitlines()
    assert sq("generate-shell-completion", "tcsh").code == 2


def test_version_says_which_syntaqlite() -> None:
    r = sq("--version")
    assert r.code == 0 and r.out.startswith("syntaqlite 0.") and "syntaqlite-py" in r.out


# ----------------------------------------------------------------------- fixes


def test_fix_applies_safe_fixes_and_unsafe_on_request(tmp_path: Path) -> None:
    f = write(
        tmp_path / "q.sql", 'SELECT "it\'s" FROM (SELECT 1 AS a);\nSELECT nme FROM (SELECT 1 AS name);\n'
    )
    r = sq("check", str(f))
    assert r.code == 1 and "1 problem fixable with --fix (1 more with --fix --unsafe-fixes)." in r.err
    r = sq("check", "--fix", str(f))
    # The double-quoted string is safe to fix (SQLite already reads it so);
    # the did-you-mean rename is not.
    assert f.read_text() == "SELECT 'it''s' FROM (SELECT 1 AS a);\nSELECT nme FROM (SELECT 1 AS name);\n"
    assert r.code == 1 and "Fixed 1 problem." in r.err and "--unsafe-fixes" in r.err
    r = sq("check", "--fix", "--unsafe-fixes", str(f))
    assert r.code == 0 and "Fixed 1 problem." in r.err
    assert f.read_text().endswith("SELECT name FROM (SELECT 1 AS name);\n")
    assert sq("check", "--unsafe-fixes", str(f)).code == 2
    # stdin: the fixed text on stdout, the diagnostics left on stderr.
    r = sq("check", "--fix", "-", stdin='SELECT "x" FROM (SELECT 1 AS a);\n')
    assert r.code == 0 and r.out == "SELECT 'x' FROM (SELECT 1 AS a);\n"


def test_json_and_sarif_say_which_fixes_are_safe(tmp_path: Path) -> None:
    write(
        tmp_path / "my query#1.sql", 'SELECT "x" FROM (SELECT 1 AS a);\nSELECT nme FROM (SELECT 1 AS name);\n'
    )
    rows = json.loads(sq("check", "--format", "json", ".", cwd=tmp_path).out)
    assert [(row["code"], row["fix"]["applicability"]) for row in rows] == [
        ("double-quoted-string", "safe"),
        ("unknown-column", "unsafe"),
    ]
    sarif = json.loads(sq("check", "--format", "sarif", ".", cwd=tmp_path).out)
    results = sarif["runs"][0]["results"]
    assert [r["fixes"][0]["properties"]["applicability"] for r in results] == ["safe", "unsafe"]
    # artifactLocation.uri is a URI reference: percent-encoded.
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"my%20query%231.sql"}
    absolute = json.loads(sq("check", "--format", "sarif", str(tmp_path / "my query#1.sql")).out)
    uri = absolute["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == (tmp_path / "my query#1.sql").as_uri() and uri.startswith("file:///")


# ------------------------------------------------------------------- configuration


def test_schemas_globs_match_as_schema_globs_do(tmp_path: Path) -> None:
    write(tmp_path / "s.sql", "CREATE TABLE t (a INTEGER);\n")
    write(tmp_path / "syntaqlite.toml", '[schemas]\n"q[12].sql" = ["s.sql"]\n"sub/**/*.sql" = ["s.sql"]\n')
    for name in ("q1.sql", "q3.sql", "sub/x/y.sql"):
        write(tmp_path / name, "SELECT b FROM t;\n")
    r = sq("check", "--format", "concise", ".", cwd=tmp_path)
    assert "q1.sql:1:8: error[unknown-column] no such column: b" in r.out  # a character class
    assert "sub/x/y.sql:1:8: error[unknown-column]" in r.out
    assert "q3.sql:1:15: warning[unknown-table] no such table: t" in r.out  # no schema: a warning
    write(tmp_path / "syntaqlite.toml", '[schemas]\n"sub/**.sql" = ["s.sql"]\n')
    r = sq("check", ".", cwd=tmp_path)
    assert r.code == 2 and "'**' can only be a whole path component" in r.err


def test_the_original_syntaqlites_keys(tmp_path: Path) -> None:
    """A syntaqlite.toml written for the original syntaqlite works here."""
    write(
        tmp_path / "syntaqlite.toml",
        '[format]\nindent-width = 4\nline-width = 20\nkeyword-case = "lower"\n\n'
        '[checks]\nschema = "allow"\nunknown-column = "deny"\n',
    )
    r = sq("fmt", "-", "--stdin-filename", "q.sql", cwd=tmp_path, stdin="SELECT aaaa, bbbb, cccc FROM t\n")
    assert r.out == "select\n    aaaa,\n    bbbb,\n    cccc\nfrom t;\n"
    write(
        tmp_path / "q.sql",
        "CREATE TABLE t (a);\nSELECT nosuch(a) FROM t;\nSELECT b FROM t;\nSELECT 1 FROM u;\n",
    )
    r = sq("check", "--format", "concise", "q.sql", cwd=tmp_path)
    # schema = "allow" silences the four schema checks; unknown-column = "deny" wins for its own.
    assert r.out.splitlines() == ["q.sql:3:8: error[unknown-column] no such column: b"]
    write(tmp_path / "syntaqlite.toml", "[format]\nindent = 2\nindent-width = 4\n")
    r = sq("fmt", "-e", "SELECT 1", cwd=tmp_path)
    assert r.code == 2 and "both indent and indent-width" in r.err
    write(tmp_path / "syntaqlite.toml", '[checks]\nschema = "loud"\n')
    r = sq("check", "q.sql", cwd=tmp_path)
    assert r.code == 2 and 'use "allow", "warn" or "deny"' in r.err


def _lsp_messages(args: list[str], tmp_path: Path) -> list[str]:
    """The diagnostics' messages the server publishes for two documents (the
    first answered by the fast start, the second by the server itself)."""
    from tests.lsp.rpc import RawClient

    client = RawClient([sys.executable, "-m", "syntaqlite", "lsp", *args])
    messages = []
    try:
        client.initialize()
        for i in (1, 2):
            uri = (tmp_path / f"q{i}.sql").as_uri()
            item = {"uri": uri, "languageId": "sql", "version": 1, "text": "DELETE FROM t RETURNING *;\n"}
            client.send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
            published = client.wait(
                lambda m, uri=uri: (
                    m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                )
            )
            messages.append(" | ".join(d["message"] for d in published["params"]["diagnostics"]))
    finally:
        assert client.close() == 0
    return messages


def test_lsp_config_and_no_config(tmp_path: Path) -> None:
    write(tmp_path / "old.toml", 'sqlite-version = "3.34.0"\n')
    write(tmp_path / "syntaqlite.toml", 'sqlite-version = "3.30.0"\n')
    nearest = _lsp_messages([], tmp_path)
    assert all("checking for 3.30.0" in m for m in nearest), nearest
    chosen = _lsp_messages(["--config", str(tmp_path / "old.toml")], tmp_path)
    assert all("checking for 3.34.0" in m for m in chosen), chosen
    isolated = _lsp_messages(["--no-config"], tmp_path)  # the latest SQLite: RETURNING is fine
    assert all("no such table: t" in m and "RETURNING" not in m for m in isolated), isolated
    r = sq("lsp", "--config", str(tmp_path / "missing.toml"))
    assert r.code == 2 and "missing.toml" in r.err
