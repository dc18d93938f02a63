"""Endless and enormous inputs: one clear line naming the input, its size
(or how much was read) and the limit, exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

LIMIT_HINT = "(raise it with --max-file-size or max-file-size in syntaqlite.toml)"


@pytest.mark.parametrize("command", ["parse", "tokenize", "check", "fmt"])
def test_endless_stream_is_refused(run, command: str) -> None:  # type: ignore[no-untyped-def]
    r = run(command, "--max-file-size", "1MB", "/dev/zero")
    assert r.code == 2
    line = f"error: /dev/zero: too large: more than 1,000,000 bytes read; the limit is 1 MB {LIMIT_HINT}"
    assert r.err.splitlines()[0] == line
    assert "Traceback" not in r.err


def test_endless_dev_zero_with_the_default_limit(run) -> None:  # type: ignore[no-untyped-def]
    r = run("parse", "/dev/zero")
    assert r.code == 2
    assert (
        r.err
        == f"error: /dev/zero: too large: more than 100,000,000 bytes read; the limit is 100 MB {LIMIT_HINT}\n"
    )


@pytest.mark.parametrize("command", ["parse", "check", "fmt"])
def test_large_stdin_is_refused(run, command: str) -> None:  # type: ignore[no-untyped-def]
    r = run(command, "--max-file-size", "1KiB", stdin=b"SELECT 1;\n" * 200)
    assert r.code == 2
    assert "<stdin>: too large: more than 1,024 bytes read; the limit is 1.02 kB" in r.err
    assert "Traceback" not in r.err


def test_large_file_names_its_size(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "dump.sql"
    f.write_text("SELECT 1;\n" * 150_000)  # 1.5 MB
    r = run("check", "--max-file-size", "1MB", str(f))
    assert r.code == 2
    assert f"error: {f}: too large: 1.5 MB (1,500,000 bytes); the limit is 1 MB {LIMIT_HINT}" in r.err
    assert run("check", "--max-file-size", "2MB", str(f)).code == 0
    # fmt leaves the file as it was
    r = run("fmt", "--max-file-size", "1000000", str(f))
    assert r.code == 2 and "too large: 1.5 MB" in r.err
    assert f.read_text() == "SELECT 1;\n" * 150_000


def test_limit_from_configuration(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "syntaqlite.toml").write_text('max-file-size = "16 B"\n')
    f = tmp_path / "q.sql"
    f.write_text("SELECT 1;\nSELECT 2;\n")
    for command in ("parse", "tokenize", "check", "fmt"):
        r = run(command, str(f))
        assert r.code == 2, command
        assert f"{f}: too large: 20 bytes; the limit is 16 bytes" in r.err, command
    # the command line wins over the configuration
    assert run("check", "--max-file-size", "1kB", str(f)).code == 0
    r = run("fmt", "--check", "--stdin-filename", str(f), stdin="SELECT 1;\nSELECT 2;\n", cwd=tmp_path)
    assert r.code == 2 and f"{f}: too large: more than 16 bytes read; the limit is 16 bytes" in r.err


@pytest.mark.parametrize("value", ["lots", "-1", "0", "1.5 parsecs"])
def test_bad_sizes(run, tmp_path: Path, value: str) -> None:  # type: ignore[no-untyped-def]
    r = run("parse", "--max-file-size", value, "-e", "SELECT 1")
    assert r.code == 2
    assert "Invalid value for '--max-file-size'" in r.err
    (tmp_path / "syntaqlite.toml").write_text(f"max-file-size = {value!r}\n")
    (tmp_path / "q.sql").write_text("SELECT 1;\n")
    r = run("check", "q.sql", cwd=tmp_path)
    assert r.code == 2
    assert f"syntaqlite.toml: max-file-size: {value!r}" in r.err
