"""A large document in the language server: analysis, edits, and the
other documents meanwhile.

    python bench/lsp_big.py [--mb 10] [--edits 10] [--pause 0.3]

Opens a small document, then a generated file of about ``--mb`` megabytes
(distinct INSERTs, so that no statement is shared by the parse cache, with
an unknown column and a syntax error near the end).  Prints:

* the time from ``didOpen`` to its first diagnostics (published once it is
  parsed: the syntax errors) and to its complete diagnostics;
* while it is analysed, hover requests about the small document, one every
  50 ms: the median and the largest answer time (target: 100 ms);
* edit-to-diagnostics in the large file and in the small one (median of
  ``--edits`` one-character edits, each after ``--pause`` seconds), and
  their difference: what the size of the file costs an edit.
"""

from __future__ import annotations

import argparse
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
    return head + "".join(rows) + "SELECT nme FROM t;\nSELEC 1;\n"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--pause", type=float, default=0.3)
    args = parser.parse_args()
    text = big_text(args.mb)
    small_text = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, v REAL);\nSELECT abs(v) FROM t;\n"
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        client = Client(server_cmd(), workdir)
        client.initialize(workdir)
        small = (workdir / "small.sql").as_uri()
        big = (workdir / "big.sql").as_uri()
        open_doc(client, small, small_text)
        client.diagnostics(small, 1)
        t_open = time.perf_counter()
        open_doc(client, big, text)
        first: float | None = None
        complete: float | None = None
        hovers: list[float] = []
        hover = {"textDocument": {"uri": small}, "position": {"line": 1, "character": 8}}
        while complete is None:
            t0 = time.perf_counter()
            msg_id = client.request("textDocument/hover", hover)

            def seen(message: dict[str, Any], msg_id: int = msg_id) -> bool:
                nonlocal first, complete
                if (
                    message.get("method") == "textDocument/publishDiagnostics"
                    and message["params"]["uri"] == big
                ):
                    now = time.perf_counter()
                    first = first if first is not None else now
                    if len(message["params"]["diagnostics"]) == 2:
                        complete = now
                return message.get("id") == msg_id and "method" not in message

            t1, _ = client.wait(seen, timeout=600)
            hovers.append(t1 - t0)
            if t1 - t0 > 0.1:
                print(f"    slow hover at {t0 - t_open:6.2f} s: {(t1 - t0) * 1000:.0f} ms", file=sys.stderr)
            time.sleep(0.05)
        assert first is not None
        print(f"{len(text) / 1e6:.1f} MB file, {text.count(chr(10))} lines:")
        print(f"  didOpen -> first diagnostics (syntax errors)   {first - t_open:7.2f} s")
        print(f"  didOpen -> complete diagnostics                {complete - t_open:7.2f} s")
        print(
            f"  hover in another document meanwhile ({len(hovers)} requests): median "
            f"{statistics.median(hovers) * 1000:6.1f} ms, max {max(hovers) * 1000:6.1f} ms (target 100 ms)"
        )
        big_edits = edit_times(client, big, text, args.edits, args.pause, 1)
        small_edits = edit_times(client, small, small_text, args.edits, args.pause, 1)
        b, s = statistics.median(big_edits) * 1000, statistics.median(small_edits) * 1000
        print(f"  edit -> diagnostics: large file median {b:7.1f} ms (max {max(big_edits) * 1000:.1f})")
        print(f"                       small file median {s:7.1f} ms (max {max(small_edits) * 1000:.1f})")
        print(f"                       the size of the file costs an edit {b - s:+.1f} ms")
        client.close()


if __name__ == "__main__":
    main()
