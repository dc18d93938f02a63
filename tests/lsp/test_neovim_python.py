"""A Python file in a real editor: headless Neovim's LSP client attached to
``syntaqlite lsp`` on a ``.py`` buffer (``../shared/tools/nvim_lsp_probe.sh``).
Skipped when ``nvim`` (or ``$NVIM_BIN``) or the probe is missing."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(os.environ.get("NVIM_LSP_PROBE") or ROOT.parent / "shared" / "tools" / "nvim_lsp_probe.sh")
NVIM = os.environ.get("NVIM_BIN") or shutil.which("nvim")

pytestmark = [
    pytest.mark.skipif(NVIM is None, reason="nvim is not installed"),
    pytest.mark.skipif(not PROBE.is_file(), reason=f"{PROBE} not found"),
]

APP = '''\
import sqlite3

SCHEMA = """
CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
"""


def init(con):
    con.executescript(SCHEMA)


def find(con, uid, extra):
    con.execute("SELECT emial FROM accounts WHERE id = ?", (uid, extra))
    return con.execute("SELECT email, length(email) FROM accounts WHERE id = ?", (uid,))
'''


def test_python_buffer(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(APP, encoding="utf-8")
    command = f"{shlex.quote(sys.executable)} -m syntaqlite lsp"
    line = 13
    col = APP.splitlines()[line].index("length(e") + len("length(e")
    args = ["bash", str(PROBE), "--cmd", command, "--file", str(path), "--line", str(line), "--col", str(col)]
    if NVIM is not None:
        args += ["--nvim", NVIM]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.stdout.strip(), proc.stderr
    result = json.loads(proc.stdout)
    assert result["done"], result
    assert [(d["line"], d["col"], d["end_col"], d["code"]) for d in result["diagnostics"]] == [
        (12, 24, 29, "unknown-column"),
        (12, 59, 71, "parameter-mismatch"),
    ]
    assert result["diagnostics"][1]["message"] == (
        "Incorrect number of bindings supplied. The current statement uses 1, and there are 2 supplied."
    )
    # completion inside the SQL string: the columns of the table the module creates
    assert result["completion_labels"][:2] == ["id", "email"]
    # the Python file is the Python server's to format and outline
    assert result["formatted_text"] in (None, APP)
    assert not result["symbols"]
    assert not result["harness"]["server_left_running"]
