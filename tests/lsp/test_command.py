"""The ``syntaqlite lsp`` command itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _frame(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_stdio_flag_is_accepted() -> None:
    """Editors that pass --stdio get the same server."""
    messages = [
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "capabilities": {}},
        },
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None},
        {"jsonrpc": "2.0", "method": "exit", "params": None},
    ]
    proc = subprocess.run(
        [sys.executable, "-m", "syntaqlite", "lsp", "--stdio"],
        input=b"".join(_frame(m) for m in messages),
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert b'"serverInfo"' in proc.stdout
    assert b'"name": "syntaqlite"' in proc.stdout


def test_missing_pygls_says_how_to_install() -> None:
    code = (
        "import sys; sys.modules['pygls'] = None; sys.argv = ['syntaqlite', 'lsp'];"
        "from syntaqlite.cli import main; main()"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env={**os.environ}
    )
    assert proc.returncode == 2
    # The hint installs into the environment the command runs from.
    assert f"{sys.executable} -m pip install 'pygls>=2.0,<3' 'lsprotocol>=2025.0.0'" in proc.stderr
    assert "Traceback" not in proc.stderr
    # An environment without pip (uv tool's): uv's pip, aimed at this interpreter.
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; sys.modules['pip'] = None; " + code],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert f"uv pip install --python {sys.executable} 'pygls>=2.0,<3'" in proc.stderr


def test_lsp_is_listed_in_help() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "syntaqlite", "--help"], capture_output=True, text=True, timeout=60
    )
    assert "lsp" in proc.stdout
