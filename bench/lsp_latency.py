"""Latency of the language server, driven over stdio like an editor would.

    python bench/lsp_latency.py [--edits 30] [--lines 5000] [--pause 0.3]

Prints:

* start-up: time from starting ``python -m syntaqlite lsp`` to the first
  ``publishDiagnostics`` for a 500-line file (initialize, initialized and
  didOpen sent as soon as the server answers), split into the time to the
  ``initialize`` answer (mostly importing pygls/lsprotocol) and from
  ``didOpen`` to the diagnostics;
* edit-to-diagnostics on a 5,000-line file: median and p95 over one-character
  edits (incremental sync), each sent after a pause (``--pause``, longer than
  the server's 150 ms debounce, as when someone types a character and
  stops), timed until the ``publishDiagnostics`` carrying the new version;
  half of the edits break a statement and half repair it, so the published
  diagnostics really change;
* a burst: characters typed 40 ms apart, then the time from the last one to
  the diagnostics for it (the debounce is in that figure);
* completion latency (median) at a few places in the 5,000-line file.

A small JSON-RPC client is built in; the server runs with the interpreter
that runs this script.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


class Client:
    """A minimal LSP client over a subprocess's stdin/stdout."""

    def __init__(self, cmd: list[str], cwd: Path) -> None:
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd
        )
        self.messages: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
        self.next_id = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = stream.read(length)
            self.messages.put((time.perf_counter(), json.loads(body)))

    def send(self, message: dict[str, Any]) -> None:
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode()
        stdin = self.proc.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> int:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, match: Any, timeout: float = 30.0) -> tuple[float, dict[str, Any]]:
        """The first message (and when it arrived) for which ``match`` is
        true; answers requests from the server with null on the way."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("no matching message from the server")
            at, msg = self.messages.get(timeout=left)
            if "method" in msg and "id" in msg:  # a request from the server
                self.send({"id": msg["id"], "result": None})
            if match(msg):
                return at, msg

    def response(self, msg_id: int) -> tuple[float, dict[str, Any]]:
        return self.wait(lambda m: m.get("id") == msg_id and "method" not in m)

    def diagnostics(self, uri: str, version: int) -> tuple[float, dict[str, Any]]:
        return self.wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version") == version
            )
        )

    def initialize(self, root: Path, capabilities: dict[str, Any] | None = None) -> float:
        caps: dict[str, Any] = {"general": {"positionEncodings": ["utf-16"]}}
        msg_id = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": {**caps, **(capabilities or {})},
            },
        )
        at, _ = self.response(msg_id)
        self.notify("initialized", {})
        return at

    def close(self) -> None:
        try:
            msg_id = self.request("shutdown", None)
            self.response(msg_id)
            self.notify("exit", None)
            self.proc.wait(timeout=5)
        except Exception:  # noqa: BLE001 - best effort
            self.proc.kill()


def sample(lines: int) -> str:
    """SQL of about ``lines`` lines, from the example files; every statement
    of every copy is made unique (a trailing comment), so that nothing is
    shared between copies by the server's cache of parsed statements."""
    unit = (EXAMPLES / "schema.sql").read_text(encoding="utf-8") + "\n"
    unit += (EXAMPLES / "queries.sql").read_text(encoding="utf-8") + "\n"
    per = unit.count("\n")
    return "".join(unit.replace(";\n", f"; -- {i}\n") for i in range(max(1, lines // per)))


def server_cmd() -> list[str]:
    return [sys.executable, "-m", "syntaqlite", "lsp"]


def startup(workdir: Path) -> tuple[float, float, float]:
    text = sample(500)
    path = workdir / "startup.sql"
    path.write_text(text, encoding="utf-8")
    client = Client(server_cmd(), ROOT)
    t_init = client.initialize(workdir)
    uri = path.as_uri()
    t_open = time.perf_counter()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": text}},
    )
    t_diag, _ = client.diagnostics(uri, 1)
    client.close()
    return t_init - client.started, t_diag - t_open, t_diag - client.started


def position_of(text: str, offset: int) -> dict[str, int]:
    line = text.count("\n", 0, offset)
    return {"line": line, "character": offset - (text.rfind("\n", 0, offset) + 1)}


def edits(workdir: Path, lines: int, count: int, pause: float) -> dict[str, Any]:
    text = sample(lines)
    path = workdir / "big.sql"
    path.write_text(text, encoding="utf-8")
    client = Client(server_cmd(), ROOT)
    client.initialize(workdir)
    uri = path.as_uri()
    version = 1
    t_open = time.perf_counter()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": text}},
    )
    t_first, _ = client.diagnostics(uri, version)
    total_lines = text.count("\n")
    # edit places: the "FROM" of statements spread over the file
    spots: list[int] = []
    at = 0
    while True:
        at = text.find(" FROM ", at + 1)
        if at < 0:
            break
        spots.append(at + 1)
    step = max(1, len(spots) // max(1, count // 2))
    chosen = spots[::step][: count // 2]
    times: list[float] = []
    counts: list[int] = []
    for offset in chosen:
        # break the statement ("FROM" -> "FRM"), then repair it
        for new_text, rng_len, insert in (("", 1, offset + 1), ("R", 0, offset + 1)):
            time.sleep(pause)
            version += 1
            start = position_of(text, insert)
            end = position_of(text, insert + rng_len)
            change = {"range": {"start": start, "end": end}, "text": new_text}
            text = text[:insert] + new_text + text[insert + rng_len :]
            t0 = time.perf_counter()
            client.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
            )
            t1, msg = client.diagnostics(uri, version)
            times.append(t1 - t0)
            counts.append(len(msg["params"]["diagnostics"]))
    # a burst of typing: characters 40 ms apart at the end of the file
    time.sleep(pause)
    t_last = 0.0
    for ch in "SELECT 1":
        version += 1
        pos = position_of(text, len(text))
        text += ch
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": pos, "end": pos}, "text": ch}],
            },
        )
        t_last = time.perf_counter()
        time.sleep(0.04)
    t_burst, _ = client.diagnostics(uri, version)
    # completion at the start of a few statements' WHERE clauses
    completion: list[float] = []
    at = 0
    places: list[int] = []
    while len(places) < 20:
        at = text.find("WHERE ", at + 1)
        if at < 0:
            break
        places.append(at + len("WHERE "))
    for offset in places[:: max(1, len(places) // 10)]:
        t0 = time.perf_counter()
        msg_id = client.request(
            "textDocument/completion", {"textDocument": {"uri": uri}, "position": position_of(text, offset)}
        )
        t1, reply = client.response(msg_id)
        assert reply.get("result") is not None, reply
        completion.append(t1 - t0)
    client.close()
    return {
        "lines": total_lines,
        "open": t_first - t_open,
        "edit_times": times,
        "diagnostic_counts": counts,
        "burst_after_last_keystroke": t_burst - t_last,
        "completion_times": completion,
    }


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--lines", type=int, default=5000)
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between edits (default 0.3)")
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        runs = [startup(workdir) for _ in range(3)]
        init, open_to_diag, total = (statistics.median(x) for x in zip(*runs))
        print("start-up, 500-line file (median of 3 runs):")
        print(f"  process start -> initialize answered   {init * 1000:7.1f} ms")
        print(f"  didOpen -> first diagnostics           {open_to_diag * 1000:7.1f} ms")
        print(f"  process start -> first diagnostics     {total * 1000:7.1f} ms   (target < 500 ms)")
        result = edits(workdir, args.lines, args.edits, args.pause)
        times = result["edit_times"]
        print(f"{result['lines']}-line file: didOpen -> first diagnostics {result['open'] * 1000:.1f} ms")
        print(f"one-character edits on a {result['lines']}-line file ({len(times)} edits, incremental sync):")
        print(
            f"  edit -> new diagnostics   median {statistics.median(times) * 1000:6.1f} ms"
            f"   p95 {p95(times) * 1000:6.1f} ms   max {max(times) * 1000:6.1f} ms   (target median < 50 ms)"
        )
        print(f"  diagnostics published per version: {sorted(set(result['diagnostic_counts']))}")
        print(
            f"  burst (8 keystrokes 40 ms apart): last keystroke -> diagnostics "
            f"{result['burst_after_last_keystroke'] * 1000:6.1f} ms (includes the 150 ms debounce)"
        )
        comp = result["completion_times"]
        print(
            f"completion ({len(comp)} requests): median {statistics.median(comp) * 1000:6.1f} ms"
            f"   max {max(comp) * 1000:6.1f} ms   (target median < 50 ms)"
        )


if __name__ == "__main__":
    main()
