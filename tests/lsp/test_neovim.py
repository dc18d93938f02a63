"""The same scenarios through a real editor: headless Neovim's built-in LSP
client, driven by ``../shared/tools/nvim_lsp_probe.sh`` (or
``$NVIM_LSP_PROBE``).  Skipped when ``nvim`` (or ``$NVIM_BIN``) or the probe
is missing."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from syntaqlite import format_sql

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(os.environ.get("NVIM_LSP_PROBE") or ROOT.parent / "shared" / "tools" / "nvim_lsp_probe.sh")
NVIM = os.environ.get("NVIM_BIN") or shutil.which("nvim")

pytestmark = [
    pytest.mark.skipif(NVIM is None, reason="nvim is not installed"),
    pytest.mark.skipif(not PROBE.is_file(), reason=f"{PROBE} not found"),
]

BROKEN = (
    "CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT);\n"
    "select id, email form accounts;\n"
    "SELECT substr(email, 1, 2) FROM accounts;\n"
    "SELECT * FROM \n"
)
CLEAN = (
    "create table accounts (id integer primary key, email text);\n"
    "select substr(email,1,2) from accounts where id=1;\n"
)


def probe(tmp_path: Path, text: str, line: int, col: int) -> dict[str, Any]:
    path = tmp_path / "query.sql"
    path.write_text(text, encoding="utf-8")
    command = f"{shlex.quote(sys.executable)} -m syntaqlite lsp"
    args = ["bash", str(PROBE), "--cmd", command, "--file", str(path), "--line", str(line), "--col", str(col)]
    if NVIM is not None:
        args += ["--nvim", NVIM]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.stdout.strip(), proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    assert result["done"], result
    assert result["server_exit"] is None or result["server_exit"]["code"] == 0, result
    assert not result["harness"]["server_left_running"]
    return result


def test_broken_file(tmp_path: Path) -> None:
    result = probe(tmp_path, BROKEN, 3, 14)
    assert result["server_info"]["name"] == "syntaqlite"
    diagnostics = result["diagnostics"]
    assert [(d["line"], d["col"], d["end_col"], d["code"], d["source"]) for d in diagnostics] == [
        (1, 22, 30, "syntax", "syntaqlite"),
        (3, 13, 13, "syntax", "syntaqlite"),
    ]
    assert diagnostics[0]["message"].startswith("syntax error near 'accounts'")
    assert "did you mean FROM?" in diagnostics[0]["message"]
    # completion after FROM: the document's table first
    assert result["completion_labels"][0] == "accounts"
    assert "json_each" in result["completion_labels"]
    names = [s["name"] for s in result["symbols"] if s["depth"] == 0]
    assert names[0] == "CREATE TABLE accounts"
    assert "SELECT … FROM accounts" in names
    # formatting refuses a file with syntax errors, with a message
    errors = [e for e in result["errors"] if e["step"] == "formatting"]
    assert len(errors) == 1 and errors[0]["kind"] == "lsp_error"
    assert "-32803" in errors[0]["message"] and "syntax error" in errors[0]["message"]
    assert result["formatted_text"] is None
    # nothing else went wrong
    assert [e for e in result["errors"] if e["step"] != "formatting"] == []


def test_clean_file(tmp_path: Path) -> None:
    result = probe(tmp_path, CLEAN, 1, 9)  # on "substr"
    assert result["ok"], result["errors"]
    assert result["diagnostics"] == []
    assert result["formatted_text"] == format_sql(CLEAN)
    assert "substr(X, Y[, Z])" in result["hover"]
    assert "email" in result["completion_labels"]  # an expression: columns of accounts


def test_completion_after_select(tmp_path: Path) -> None:
    result = probe(tmp_path, CLEAN + "SELECT \n", 2, 7)
    labels = result["completion_labels"]
    assert {"DISTINCT", "count", "substr", "CASE"} <= set(labels)
    assert [d["line"] for d in result["diagnostics"]] == [2]
    assert result["diagnostics"][0]["message"].startswith("incomplete input")
