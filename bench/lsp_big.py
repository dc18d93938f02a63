"""A large document in the language server: analysis, edits, and the
other documents meanwhile, next to a peer server.

    python bench/lsp_big.py [--mb 10] [--edits 10] [--pause 0.3]
                            [--peer /tmp/peer-venv/bin/syntaqlite | --peer '']

Opens a small document, then a generated file of about ``--mb`` megabytes
(distinct INSERTs, so that no statement is shared by the parse cache, with
an unknown column and a syntax error at the start, a third, two thirds and
the end).  Prints, for our server and then the peer's (``--peer``: its
command, started with ``lsp``):

* the time from ``didOpen`` to the first diagnostics published for it, to
  the first that has the errors at its start, and to the complete ones
  (ours: all 8; the peer's: its last publish, 3 s after which nothing came);
* while it is analysed, hover requests about the small document, one every
  50 ms: the median, 99th percentile and largest answer time (target:
  100 ms each);
* edit-to-diagnostics in the large file and in the small one (median of
  ``--edits`` one-character edits, each after ``--pause`` seconds), and
  their difference: what the size of the file costs an edit.

The load average is printed with the figures: the machine may be shared.
"""

from __future__ import annotations

import argparse
import queue
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lsp_latency import Client, position_of, server_cmd


def big_text(megabytes: float) -> str:
    head = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, v REAL);\n"
    rows: list[str] = []
    size = len(head)
    i = 0
    while size < megabytes * 1e6:
        row = f"INSERT INTO t (id, name, v) VALUES ({i}, 'name {i}', {i}.5);\n"
        rows.append(row)
        size += len(row)
        i += 1
    broken = "SELECT nme FROM t;\nSELEC 1;\n"
    for at in (2 * len(rows) // 3, len(rows) // 3, 0):
        rows.insert(at, broken)
    return head + "".join(rows) + broken


EXPECTED = 8  # our diagnostics for big_text: 4 unknown columns, 4 syntax errors


def open_doc(client: Client, uri: str, text: str) -> None:
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": text}},
    )


def edit_times(client: Client, uri: str, text: str, count: int, pause: float, version: int) -> list[float]:
    """Break and repair ``FROM`` in statements spread over the text."""
    spots = [i for i in range(len(text)) if text.startswith("VALUES", i)] or [len(text) // 2]
    chosen = spots[:: max(1, len(spots) // max(1, count // 2))][: max(1, count // 2)]
    times: list[float] = []
    for offset in chosen:
        for new_text, length in (("", 1), ("V", 0)):
            time.sleep(pause)
            version += 1
            change = {
                "range": {"start": position_of(text, offset), "end": position_of(text, offset + length)},
                "text": new_text,
            }
            text = text[:offset] + new_text + text[offset + length :]
            t0 = time.perf_counter()
            client.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
            )
            t1, _ = client.diagnostics(uri, version)
            times.append(t1 - t0)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(label: str, cmd: list[str], text: str, args: argparse.Namespace, ours: bool) -> None:
    small_text = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, v REAL);\nSELECT abs(v) FROM t;\n"
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        client = Client(cmd, workdir)
        client.initialize(workdir)
        small = (workdir / "small.sql").as_uri()
        big = (workdir / "big.sql").as_uri()
        open_doc(client, small, small_text)
        client.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == small
        )
        t_open = time.perf_counter()
        open_doc(client, big, text)
        publishes: list[tuple[float, int, int]] = []  # time, count, how many in the first 10 lines
        hovers: list[float] = []
        hover = {"textDocument": {"uri": small}, "position": {"line": 1, "character": 8}}

        def done() -> bool:
            if not publishes:
                return False
            if ours:
                return publishes[-1][1] == EXPECTED
            return time.perf_counter() - publishes[-1][0] > 3.0

        while not done():
            t0 = time.perf_counter()
            msg_id = client.request("textDocument/hover", hover)

            def seen(message: dict[str, Any], msg_id: int = msg_id) -> bool:
                if (
                    message.get("method") == "textDocument/publishDiagnostics"
                    and message["params"]["uri"] == big
                ):
                    diagnostics = message["params"]["diagnostics"]
                    early = sum(1 for d in diagnostics if d["range"]["start"]["line"] < 10)
                    publishes.append((time.perf_counter(), len(diagnostics), early))
                return message.get("id") == msg_id and "method" not in message

            t1, _ = client.wait(seen, timeout=600)
            hovers.append(t1 - t0)
            if t1 - t0 > 0.1:
                print(
                    f"    {label}: slow hover at {t0 - t_open:6.2f} s: {(t1 - t0) * 1000:.0f} ms",
                    file=sys.stderr,
                )
            time.sleep(0.05)
        first = publishes[0]
        with_start = next((p for p in publishes if p[2]), None)
        last = publishes[-1]
        print(f"{label}: {len(text) / 1e6:.1f} MB file, {text.count(chr(10))} lines (load average {load()}):")
        print(
            f"  didOpen -> first diagnostics published         {first[0] - t_open:7.2f} s ({first[1]} diagnostics)"
        )
        if with_start is not None:
            print(f"  didOpen -> the errors at the start published   {with_start[0] - t_open:7.2f} s")
        print(
            f"  didOpen -> complete diagnostics                {last[0] - t_open:7.2f} s "
            f"({last[1]} diagnostics, {len(publishes)} publishes)"
        )
        print(
            f"  hover in another document meanwhile ({len(hovers)} requests): median "
            f"{statistics.median(hovers) * 1000:6.1f} ms, p99 {percentile(hovers, 0.99) * 1000:6.1f} ms, "
            f"max {max(hovers) * 1000:6.1f} ms (target 100 ms)"
        )
        try:
            big_edits = edit_times(client, big, text, args.edits, args.pause, 1)
            small_edits = edit_times(client, small, small_text, args.edits, args.pause, 1)
        except (TimeoutError, queue.Empty):
            print("  edit -> diagnostics: not measured (no diagnostics with the edit's version)")
        else:
            b, s = statistics.median(big_edits) * 1000, statistics.median(small_edits) * 1000
            print(f"  edit -> diagnostics: large file median {b:7.1f} ms (max {max(big_edits) * 1000:.1f})")
            print(f"                       small file median {s:7.1f} ms (max {max(small_edits) * 1000:.1f})")
            print(f"                       the size of the file costs an edit {b - s:+.1f} ms")
        client.close()


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--pause", type=float, default=0.3)
    default_peer = "/tmp/peer-venv/bin/syntaqlite"
    parser.add_argument(
        "--peer",
        default=default_peer if Path(default_peer).exists() else "",
        help="the peer's command ('': none)",
    )
    args = parser.parse_args()
    text = big_text(args.mb)
    measure("ours", server_cmd(), text, args, ours=True)
    if args.peer and shutil.which(args.peer):
        # without PYTHONPATH: the peer's launcher would import this checkout's syntaqlite
        measure("peer", ["env", "-u", "PYTHONPATH", args.peer, "lsp"], text, args, ours=False)


if __name__ == "__main__":
    main()
