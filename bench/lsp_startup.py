"""Start-up of the language server, as an editor sees it, next to a peer.

    python bench/lsp_startup.py [--runs 5] [--lines 500] [--peer /tmp/peer-venv/bin/syntaqlite]

For each run a fresh server process is started; as soon as it is spawned
the client sends ``initialize``, waits for the answer, then sends
``initialized``, ``didOpen`` of a file of about ``--lines`` lines (the
examples' schema and queries, repeated) and at once a completion request
in it.  Prints the medians, measured from the process start:

* the ``initialize`` answer;
* the first ``publishDiagnostics`` for the file (target: <= 700 ms);
* the completion answer (target: <= 700 ms), with the number of items it
  has (an empty answer would not be a measure of anything).

``--peer`` names another server command started the same way with ``lsp``
(the PyPI ``syntaqlite`` package, Rust and C, installed in its own venv), so
both are measured in the same run on the same machine; the ratio is ours
over the peer's.  Our server runs with the interpreter that runs this
script (``python -m syntaqlite lsp``), with compiled bytecode written as an
installed package has it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_latency import Client, sample

TARGET_MS = 700


def one_run(cmd: list[str], workdir: Path, text: str) -> tuple[float, float, float, int]:
    path = workdir / "startup.sql"
    path.write_text(text, encoding="utf-8")
    client = Client(cmd, workdir)
    t_init = client.initialize(workdir)
    uri = path.as_uri()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": text}},
    )
    # a place to complete: after "SELECT " of the first query
    at = text.index("SELECT ") + len("SELECT ")
    line = text.count("\n", 0, at)
    character = at - (text.rfind("\n", 0, at) + 1)
    msg_id = client.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
    )
    seen: dict[str, float] = {}
    items: list[int] = []

    def both(message: dict[str, Any]) -> bool:
        if message.get("method") == "textDocument/publishDiagnostics" and "diagnostics" not in seen:
            seen["diagnostics"] = time.perf_counter()
        if message.get("id") == msg_id and "method" not in message:
            seen["completion"] = time.perf_counter()
            result = message.get("result")
            found = result.get("items") if isinstance(result, dict) else result
            items.append(len(found) if isinstance(found, list) else 0)
        return len(seen) == 2

    client.wait(both, timeout=120)
    client.close()
    start = client.started
    return t_init - start, seen["diagnostics"] - start, seen["completion"] - start, items[0]


def measure(name: str, cmd: list[str], runs: int, text: str) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        (workdir / "syntaqlite.toml").write_text("", encoding="utf-8")
        one_run(cmd, workdir, text)  # warm the file system cache (and write bytecode)
        results = [one_run(cmd, workdir, text) for _ in range(runs)]
    init, diagnostics, completion = (statistics.median(r[k] for r in results) * 1000 for k in range(3))
    counts = sorted({r[3] for r in results})
    print(
        f"{name:<10} initialize {init:7.1f} ms   first diagnostics {diagnostics:7.1f} ms"
        f"   first completion {completion:7.1f} ms ({'/'.join(map(str, counts))} items)"
    )
    return init, diagnostics, completion


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lines", type=int, default=500)
    default_peer = "/tmp/peer-venv/bin/syntaqlite"
    parser.add_argument(
        "--peer", default=default_peer if Path(default_peer).exists() else None, help="the peer's command"
    )
    args = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode
    text = sample(args.lines)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"start-up, {text.count(chr(10))}-line file, median of {args.runs} runs, from process start"
        f" (load average {load}):"
    )
    ours = measure("ours", [sys.executable, "-m", "syntaqlite", "lsp"], args.runs, text)
    print(
        f"           target <= {TARGET_MS} ms: first diagnostics "
        f"{'met' if ours[1] <= TARGET_MS else 'NOT met'}, first completion "
        f"{'met' if ours[2] <= TARGET_MS else 'NOT met'}"
    )
    if args.peer and shutil.which(args.peer):
        # without PYTHONPATH: the peer's launcher would import this checkout's syntaqlite
        peer = measure("peer", ["env", "-u", "PYTHONPATH", args.peer, "lsp"], args.runs, text)
        print(
            "ours/peer  "
            + "   ".join(
                f"{label} {a / b:5.1f}x"
                for label, a, b in zip(("initialize", "first diagnostics", "first completion"), ours, peer)
            )
        )
    else:
        print(
            "peer: not measured (install it with: python -m venv /tmp/peer-venv && /tmp/peer-venv/bin/pip install syntaqlite)"
        )


if __name__ == "__main__":
    main()
