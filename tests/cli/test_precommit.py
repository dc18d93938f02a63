"""The pre-commit hooks work as a user installs them: ``pre-commit
try-repo`` on a fresh git repository (installs syntaqlite from this checkout
into pre-commit's own environment)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _pre_commit() -> list[str]:
    exe = Path(sys.executable).with_name("pre-commit")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pre-commit")
    if found is None:
        pytest.skip("pre-commit is not installed")
    return [found]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.slow
def test_try_repo_formats_and_then_passes(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit try-repo needs a git checkout (this is an unpacked sdist)")
    repo = tmp_path / "project"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "t")
    (repo / "q.sql").write_text("select a,b from t where x=1\n")
    (repo / "ok.sql").write_text("SELECT 1;\n")
    _git(repo, "add", ".")
    # Each try-repo installs the checkout into a new environment: the pure
    # wheel (compiling is tests/test_compiled.py's; here it would take
    # minutes per install).
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
        "SYNTAQLITE_COMPILE": "0",
    }
    cmd = [*_pre_commit(), "try-repo", str(ROOT), "syntaqlite-fmt", "--all-files"]
    first = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert first.returncode == 1, first.stdout + first.stderr  # it changed a file
    assert "files were modified by this hook" in first.stdout
    assert (repo / "q.sql").read_text() == "SELECT a, b FROM t WHERE x = 1;\n"
    second = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert second.returncode == 0, second.stdout + second.stderr

    check = [*_pre_commit(), "try-repo", str(ROOT), "syntaqlite-fmt-check", "--all-files"]
    (repo / "q.sql").write_text("select 2\n")
    third = subprocess.run(check, cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert third.returncode == 1 and "would reformat: q.sql" in third.stdout
    assert (repo / "q.sql").read_text() == "select 2\n"

    # syntaqlite-check: the schema comes from the project's configuration.
    (repo / "syntaqlite.toml").write_text('schema = ["schema.sql"]\n')
    (repo / "schema.sql").write_text("CREATE TABLE t (a INTEGER, b TEXT);\n")
    (repo / "q.sql").write_text("SELECT a, c FROM t;\n")
    (repo / "ok.sql").write_text("SELECT a, b FROM t;\n")
    _git(repo, "add", ".")
    lint = [*_pre_commit(), "try-repo", str(ROOT), "syntaqlite-check", "--all-files"]
    fourth = subprocess.run(lint, cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert fourth.returncode == 1, fourth.stdout + fourth.stderr
    assert "error[unknown-column]: no such column: c" in fourth.stdout and "--> q.sql:1:11" in fourth.stdout
    (repo / "q.sql").write_text("SELECT a, b FROM t;\n")
    fifth = subprocess.run(lint, cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert fifth.returncode == 0, fifth.stdout + fifth.stderr


def _readme_precommit_config() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### pre-commit and CI", 1)[1]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert block.startswith("# .pre-commit-config.yaml")
    return block


@pytest.mark.slow
def test_readme_pre_commit_config_works_as_written(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "project"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "t")
    (repo / ".pre-commit-config.yaml").write_text(_readme_precommit_config())
    (repo / "syntaqlite.toml").write_text('schema = ["schema.sql"]\nextend-exclude = ["vendor/"]\n')
    (repo / "schema.sql").write_text("CREATE TABLE t (a INTEGER, b TEXT);\n")
    (repo / "q.sql").write_text("select a,b from t\n")
    (repo / "vendor").mkdir()
    (repo / "vendor" / "v.sql").write_text("select  nosuch from nowhere\n")  # excluded: left alone
    _git(repo, "add", ".")
    # syntaqlite "installed in the project's environment": this checkout's
    # command first on PATH.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "syntaqlite"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m syntaqlite "$@"\n')
    shim.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
    }
    cmd = [*_pre_commit(), "run", "--all-files"]
    first = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert first.returncode == 1, first.stdout + first.stderr  # fmt changed q.sql
    assert (repo / "q.sql").read_text() == "SELECT a, b FROM t;\n"
    assert (repo / "vendor" / "v.sql").read_text() == "select  nosuch from nowhere\n"
    _git(repo, "add", ".")
    second = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert second.returncode == 0, second.stdout + second.stderr
    (repo / "q.sql").write_text("SELECT c FROM t;\n")
    _git(repo, "add", ".")
    third = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=600)
    assert third.returncode == 1 and "error[unknown-column]: no such column: c" in third.stdout


def test_hooks_run_serially_with_force_exclude() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"syntaqlite-fmt", "syntaqlite-fmt-check", "syntaqlite-check"}
    for hook in hooks:
        assert hook["require_serial"] is True
        assert "--force-exclude" in hook["entry"].split()
