"""Memory of the language server over many edits (a soak test).

    python bench/lsp_soak.py [--edits 20000] [--batch 200] [--peer /tmp/peer-venv/bin/syntaqlite]

Opens a small document, then sends one-character incremental edits (typing
a character and deleting it again), ``--batch`` at a time, each batch
followed by a hover request whose answer shows the server has handled it
(as typing does, there is never a backlog of thousands of messages).
Prints the server's resident memory (VmRSS) after 1,000 edits, at every
tenth of the run, and after the last one; the target is the last within
10% of the one after 1,000.  ``--peer`` measures another server the same
way, in the same run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_latency import Client

TEXT = "CREATE TABLE t (a, b);\nSELECT a, b FROM t WHERE a = 1;\n"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def soak(cmd: list[str], edits: int, batch: int) -> list[tuple[int, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        client = Client(cmd, workdir)
        client.initialize(workdir)
        uri = (workdir / "soak.sql").as_uri()
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": TEXT}},
        )
        hover = {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 8}}
        client.response(client.request("textDocument/hover", hover))
        points: list[tuple[int, float]] = []
        marks = {1000, edits} | {edits * k // 10 for k in range(1, 10)}
        version = 1
        done = 0
        while done < edits:
            for _ in range(min(batch, edits - done)):
                version += 1
                done += 1
                if version % 2:
                    start, end, text = 29, 29, "2"
                else:
                    start, end, text = 29, 30, ""
                change = {
                    "range": {"start": {"line": 1, "character": start}, "end": {"line": 1, "character": end}},
                    "text": text,
                }
                client.notify(
                    "textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
                )
            client.response(client.request("textDocument/hover", hover))
            while not client.messages.empty():  # published diagnostics: drop them
                client.messages.get_nowait()
            if any(done - batch < m <= done for m in marks):
                points.append((done, rss_mb(client.proc.pid)))
        client.close()
        return points


def report(name: str, points: list[tuple[int, float]]) -> None:
    print(f"{name}: " + "  ".join(f"{n:>6}: {mb:6.1f} MB" for n, mb in points))
    first = next(mb for n, mb in points if n >= 1000)
    last = points[-1][1]
    growth = (last - first) / first * 100
    print(
        f"{name}: after {points[-1][0]} edits {last:.1f} MB, {growth:+.1f}% over the value after 1,000 "
        f"(target within 10%: {'met' if abs(growth) <= 10 else 'NOT met'})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=200)
    default_peer = "/tmp/peer-venv/bin/syntaqlite"
    parser.add_argument("--peer", default=default_peer if Path(default_peer).exists() else None)
    args = parser.parse_args()
    report("ours", soak([sys.executable, "-m", "syntaqlite", "lsp"], args.edits, args.batch))
    if args.peer and shutil.which(args.peer):
        # without PYTHONPATH: the peer's launcher would import this checkout's syntaqlite
        report("peer", soak(["env", "-u", "PYTHONPATH", args.peer, "lsp"], args.edits, args.batch))


if __name__ == "__main__":
    main()
