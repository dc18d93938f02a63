"""A large document in the language server: analysis, edits, and the
other documents meanwhile, next to a peer server.

    python bench/lsp_big.py [--mb 10] [--edits 10] [--pause 0.3] [--runs 1]
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
  their difference: what the size of the file costs an edit;
* (ours) a change to the project's schema file, open in the editor and not
  saved: the time to the first and to the complete diagnostics of the
  large file (the end of the work-done progress), and hovers meanwhile.

With ``--runs N``, our server is measured N times and the hovers of all
runs are summarised (median, 99th percentile, largest, and each run's
largest).

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


def hover_until(client: Client, small: str, done: Any, seen: Any, label: str, since: float) -> list[float]:
    """Hover in ``small`` every 50 ms until ``done()``, handing every message
    on the way to ``seen``; the answer times."""
    hovers: list[float] = []
    hover = {"textDocument": {"uri": small}, "position": {"line": 1, "character": 8}}
    while not done():
        t0 = time.perf_counter()
        msg_id = client.request("textDocument/hover", hover)

        def answer(message: dict[str, Any], msg_id: int = msg_id) -> bool:
            seen(message)
            return message.get("id") == msg_id and "method" not in message

        t1, _ = client.wait(answer, timeout=600)
        hovers.append(t1 - t0)
        if t1 - t0 > 0.1:
            print(
                f"    {label}: slow hover at {t0 - since:6.2f} s: {(t1 - t0) * 1000:.0f} ms", file=sys.stderr
            )
        time.sleep(0.05)
    return hovers


def hover_line(hovers: list[float]) -> str:
    return (
        f"({len(hovers)} requests): median {statistics.median(hovers) * 1000:6.1f} ms, "
        f"p99 {percentile(hovers, 0.99) * 1000:6.1f} ms, max {max(hovers) * 1000:6.1f} ms (target 100 ms)"
    )


SCHEMA = "CREATE TABLE extra (x);\n"
"""The project's schema file (ours): the large file does not use it, but a
change to it changes the catalog every statement is checked against."""


def measure(label: str, cmd: list[str], text: str, args: argparse.Namespace, ours: bool) -> dict[str, Any]:
    small_text = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, v REAL);\nSELECT abs(v) FROM t;\n"
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        if ours:
            (workdir / "syntaqlite.toml").write_text('schema = ["schema.sql"]\n', encoding="utf-8")
            (workdir / "schema.sql").write_text(SCHEMA, encoding="utf-8")
        client = Client(cmd, workdir)
        # work-done progress: its end marks the last publish of a long analysis
        client.initialize(workdir, {"window": {"workDoneProgress": True}})
        small = (workdir / "small.sql").as_uri()
        big = (workdir / "big.sql").as_uri()
        open_doc(client, small, small_text)
        client.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == small
        )
        t_open = time.perf_counter()
        open_doc(client, big, text)
        publishes: list[tuple[float, int, int]] = []  # time, count, how many in the first 10 lines
        progress: list[tuple[float, str]] = []  # time, kind

        def seen(message: dict[str, Any]) -> None:
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == big:
                diagnostics = message["params"]["diagnostics"]
                early = sum(1 for d in diagnostics if d["range"]["start"]["line"] < 10)
                publishes.append((time.perf_counter(), len(diagnostics), early))
            elif message.get("method") == "$/progress":
                progress.append((time.perf_counter(), message["params"]["value"]["kind"]))

        def done() -> bool:
            if not publishes:
                return False
            if ours:
                return publishes[-1][1] == EXPECTED and not running()
            return time.perf_counter() - publishes[-1][0] > 3.0

        def running() -> bool:
            kinds = [kind for _, kind in progress]
            return kinds.count("begin") > kinds.count("end")

        hovers = hover_until(client, small, done, seen, label, t_open)
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
        print(f"  hover in another document meanwhile {hover_line(hovers)}")
        figures["hovers"] = hovers
        try:
            big_edits = edit_times(client, big, text, args.edits, args.pause, 1)
            small_edits = edit_times(client, small, small_text, args.edits, args.pause, 1)
        except (TimeoutError, queue.Empty):
            print("  edit -> diagnostics: not measured (no diagnostics with the edit's version)")
        else:
            b, s = statistics.median(big_edits) * 1000, statistics.median(small_edits) * 1000
            figures["edit"] = (b, s)
            print(f"  edit -> diagnostics: large file median {b:7.1f} ms (max {max(big_edits) * 1000:.1f})")
            print(f"                       small file median {s:7.1f} ms (max {max(small_edits) * 1000:.1f})")
            print(f"                       the size of the file costs an edit {b - s:+.1f} ms")
        if ours:
            figures["schema_hovers"] = schema_change(client, workdir, big, small, label)
        client.close()
    return figures


def schema_change(client: Client, workdir: Path, big: str, small: str, label: str) -> list[float]:
    """Open the schema file, change it unsaved: the large file is checked
    again (progressively); hover in the small file meanwhile."""
    uri = (workdir / "schema.sql").as_uri()
    time.sleep(0.5)
    open_doc(client, uri, SCHEMA)
    time.sleep(0.5)
    publishes: list[float] = []
    kinds: list[str] = []

    def seen(message: dict[str, Any]) -> None:
        if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == big:
            publishes.append(time.perf_counter())
        elif message.get("method") == "$/progress" and kinds != ["begin", "end"]:
            kinds.append(message["params"]["value"]["kind"])
            kinds[:] = [k for k in kinds if k != "report"]

    t0 = time.perf_counter()
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": "CREATE TABLE extra (x, y);\n"}],
        },
    )
    hovers = hover_until(client, small, lambda: kinds == ["begin", "end"], seen, label, t0)
    print(f"  schema change -> first diagnostics published   {publishes[0] - t0:7.2f} s")
    print(
        f"  schema change -> complete diagnostics          {publishes[-1] - t0:7.2f} s ({len(publishes)} publishes)"
    )
    print(f"  hover in another document meanwhile {hover_line(hovers)}")
    return hovers


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
    parser.add_argument("--runs", type=int, default=1, help="runs of our server (the peer runs once)")
    args = parser.parse_args()
    text = big_text(args.mb)
    runs = [measure("ours", server_cmd(), text, args, ours=True) for _ in range(args.runs)]
    if args.runs > 1:
        hovers = [h for run in runs for h in run["hovers"] + run.get("schema_hovers", [])]
        maxima = ", ".join(f"{max(run['hovers'] + run.get('schema_hovers', [])) * 1000:.0f}" for run in runs)
        print(f"ours, {args.runs} runs: every hover while the large file is analysed {hover_line(hovers)}")
        print(f"  the largest of each run (ms): {maxima}")
        edits = [run["edit"] for run in runs if "edit" in run]
        if edits:
            print(
                "  edit -> diagnostics, large - small file, each run (ms): "
                + ", ".join(f"{b:.1f} - {s:.1f} = {b - s:+.1f}" for b, s in edits)
            )
    if args.peer and shutil.which(args.peer):
        # without PYTHONPATH: the peer's launcher would import this checkout's syntaqlite
        measure("peer", ["env", "-u", "PYTHONPATH", args.peer, "lsp"], text, args, ours=False)


if __name__ == "__main__":
    main()
