"""Memory stays flat while a document is edited: nothing is kept per
message (pygls kept a future for every notification, about 2 KB an edit)."""

from __future__ import annotations

from pathlib import Path

from .conftest import SERVER
from .rpc import RawClient

TEXT = "CREATE TABLE t (a, b);\nSELECT a, b FROM t WHERE a = 1;\n"


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def edit(raw: RawClient, uri: str, version: int) -> None:
    """Type a character after ``a = 1`` on odd versions, delete it on even ones."""
    if version % 2:
        change = {
            "range": {"start": {"line": 1, "character": 29}, "end": {"line": 1, "character": 29}},
            "text": "2",
        }
    else:
        change = {
            "range": {"start": {"line": 1, "character": 29}, "end": {"line": 1, "character": 30}},
            "text": "",
        }
    raw.send(
        {
            "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        }
    )


def settle(raw: RawClient, msg_id: int, uri: str) -> None:
    """Wait until the server has handled everything sent so far."""
    raw.request(
        msg_id, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 8}}
    )


def test_rss_is_flat_over_edits() -> None:
    raw = RawClient(SERVER)
    uri = "file:///memory.sql"
    try:
        raw.initialize()
        raw.send(
            {
                "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": TEXT}},
            }
        )
        version = 1
        rss = []
        for batch in range(24):  # 6,000 edits, 250 at a time (as typing: no backlog of thousands)
            for _ in range(250):
                version += 1
                edit(raw, uri, version)
            settle(raw, batch, uri)
            raw.seen.clear()
            rss.append(rss_kb(raw.proc.pid))
        before, after = rss[3], rss[-1]  # after 1,000 edits, after 6,000
        # 2 KB an edit would be 10 MB here
        assert after - before < 2000, f"RSS grew from {before} KB to {after} KB over 5,000 edits: {rss}"
    finally:
        raw.close()
