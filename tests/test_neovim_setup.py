"""The shipped ``editors/neovim/syntaqlite.lua``, loaded by the real Neovim:
headless, with no user configuration, it runs the file's ``setup()`` (and
each snippet that version supports), opens a SQL file and waits for the
server's diagnostics.

Neovim is ``$NVIM_BIN`` or ``nvim`` on PATH (Debian 12's is 0.7.2, which
``.ci/run`` installs); ``$SYNTAQLITE_EXTRA_NVIM`` names more binaries
(``os.pathsep``-separated), e.g. a 0.11 one, to test them too.  Skipped
when there is none.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
LUA = ROOT / "editors" / "neovim" / "syntaqlite.lua"


def _binaries() -> list[str]:
    found = [os.environ.get("NVIM_BIN") or shutil.which("nvim") or ""]
    found += os.environ.get("SYNTAQLITE_EXTRA_NVIM", "").split(os.pathsep)
    return [b for b in dict.fromkeys(found) if b]


def _version(nvim: str) -> tuple[int, int]:
    out = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=60).stdout
    match = re.search(r"NVIM v(\d+)\.(\d+)", out)
    assert match, out
    return int(match.group(1)), int(match.group(2))


BINARIES = _binaries()

# Drives the shipped file: SQ_SETUP names the function to call.
DRIVER = r"""
local M = dofile(os.getenv('SQ_LUA'))
local cmd = vim.fn.json_decode(os.getenv('SQ_CMD'))
M[os.getenv('SQ_SETUP')]({ cmd = cmd, init_options = { sqliteVersion = '3.30.0', sqliteCflags = {} } })
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SQ_FILE')))
local got = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)()
local out = { waited = got, filetype = vim.bo.filetype, clients = {}, diagnostics = {} }
for _, c in pairs(clients) do
  table.insert(out.clients, { name = c.name, root = c.config.root_dir })
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(out.diagnostics, { line = d.lnum + 1, code = d.code or lsp.code, message = d.message })
end
local fh = io.open(os.getenv('SQ_OUT'), 'w')
fh:write(vim.fn.json_encode(out))
fh:close()
vim.cmd('qa!')
"""


def _run(nvim: str, setup: str, tmp_path: Path) -> dict[str, Any]:
    project = tmp_path / "project"
    (project / "queries").mkdir(parents=True)
    (project / "syntaqlite.toml").write_text("")
    sql = project / "queries" / "q.sql"
    sql.write_text("SELECT id FORM users;\nINSERT INTO t (a) VALUES (1) RETURNING a;\n")
    driver = tmp_path / "driver.lua"
    driver.write_text(DRIVER)
    out = tmp_path / "out.json"
    env = {
        **os.environ,
        "SQ_LUA": str(LUA),
        "SQ_CMD": json.dumps([sys.executable, "-m", "syntaqlite", "lsp"]),
        "SQ_SETUP": setup,
        "SQ_FILE": str(sql),
        "SQ_OUT": str(out),
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    proc = subprocess.run(
        [nvim, "--headless", "--clean", "-c", f"luafile {driver}"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert out.is_file(), f"nvim wrote nothing ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    result: dict[str, Any] = json.loads(out.read_text())
    result["stderr"] = proc.stderr
    result["project"] = str(project)
    return result


def _cases() -> list[Any]:
    cases = []
    for nvim in BINARIES:
        version = _version(nvim)
        names = ["setup", "setup_native"] + (["setup_config"] if version >= (0, 11) else [])
        for name in names:
            cases.append(pytest.param(nvim, name, id=f"nvim-{version[0]}.{version[1]}-{name}"))
    return cases


pytestmark = pytest.mark.skipif(not BINARIES, reason="nvim is not installed")


@pytest.mark.slow
@pytest.mark.parametrize(("nvim", "setup"), _cases())
def test_shipped_file_attaches_and_gets_diagnostics(nvim: str, setup: str, tmp_path: Path) -> None:
    result = _run(nvim, setup, tmp_path)
    assert result["filetype"] == "sql"
    assert result["waited"] is True, result
    assert [c["name"] for c in result["clients"]] == ["syntaqlite"]  # one client, not two
    # The root is the nearest directory with a marker: syntaqlite.toml.
    assert Path(result["clients"][0]["root"]).resolve() == Path(result["project"]).resolve()
    got = sorted((d["line"], d["code"]) for d in result["diagnostics"])
    assert got == [(1, "syntax"), (2, "syntax")], result
    # init_options reached the server: RETURNING is judged for SQLite 3.30.0.
    assert any("RETURNING requires SQLite 3.35.0" in d["message"] for d in result["diagnostics"])
    assert "Error" not in result["stderr"], result["stderr"]
