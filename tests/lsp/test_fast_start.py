"""The front door answers ``initialize`` and the first ``didOpen`` exactly
as the server would (compared with the server started without the early
answers), hands its work and every message over to the server once, and
frames the stream."""

from __future__ import annotations

import io
import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from pygls.protocol import default_converter
from pytest_lsp import client_capabilities

from syntaqlite.lsp.fast import (
    CAPABILITIES,
    BrokenFraming,
    Invalid,
    Output,
    Wire,
    early_start,
    take_frame,
    write_capabilities,
)

TEXT = (
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
    "SELECT bdy FROM notes;\n"
    "SELECT * FROM users WHERE emial = 'x';\n"
    "CREATE TABLE notes (x);\n"
    "SELEC 1;\n"
    "SELECT 'é', 😀 FROM notes;\n"
    "SELECT id,\n  body\nFROM notes;\n"
)


def frame(message: dict[str, Any]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, fast: bool, cwd: Path) -> None:
        env = {**os.environ, "SYNTAQLITE_LSP_FAST": "1" if fast else "0"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "syntaqlite", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=cwd,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        data = b""
        while chunk := self.proc.stdout.read1(65536):
            data += chunk
            while (found := take_frame(data, 0)) is not None:
                message, end = found
                assert isinstance(message, dict)
                data = data[end:]
                self.messages.put(message)

    def send(self, message: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(frame(message))
        self.proc.stdin.flush()

    def until(self, match: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        seen = []
        while True:
            message = self.messages.get(timeout=30)
            seen.append(message)
            if match(message):
                return message, seen

    def stop(self) -> list[dict[str, Any]]:
        self.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
        _, seen = self.until(lambda m: m.get("id") == 99)
        self.send({"jsonrpc": "2.0", "method": "exit"})
        assert self.proc.wait(timeout=30) == 0
        return seen


def session(fast: bool, root: Path, capabilities: dict[str, Any], uri: str) -> tuple[Any, Any, list[Any]]:
    server = Server(fast, root)
    server.send(
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities},
        }
    )
    server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    server.send(
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": TEXT}},
        }
    )
    init, before = server.until(lambda m: m.get("id") == 1)
    published, more = server.until(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    rest = server.stop()
    return init["result"], published["params"], before + more + rest


def profiles() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {"minimal": {}}
    for name in ("visual-studio-code", "neovim"):
        out[name] = default_converter().unstructure(client_capabilities(name))
    out["utf-8 offered"] = {"general": {"positionEncodings": ["utf-8", "utf-16"]}}
    return out


@pytest.mark.parametrize("profile", list(profiles()))
def test_same_answers_as_the_server(profile: str, tmp_path: Path) -> None:
    (tmp_path / "syntaqlite.toml").write_text('schema = ["schema.sql"]\n', encoding="utf-8")
    (tmp_path / "schema.sql").write_text("CREATE TABLE users (id INTEGER, email TEXT);\n", encoding="utf-8")
    uri = (tmp_path / "q.sql").as_uri()
    caps = profiles()[profile]
    fast_init, fast_diags, fast_all = session(True, tmp_path, caps, uri)
    slow_init, slow_diags, _ = session(False, tmp_path, caps, uri)
    assert fast_init == slow_init
    assert fast_diags == slow_diags
    codes = [d["code"] for d in fast_diags["diagnostics"]]
    assert {"syntax", "unknown-column", "already-exists"} <= set(codes)
    # one answer to initialize: the server's own was dropped
    assert len([m for m in fast_all if m.get("id") == 1 and "method" not in m]) == 1
    # the document was analysed once: its diagnostics were published once
    publishes = [m for m in fast_all if m.get("method") == "textDocument/publishDiagnostics"]
    assert [m["params"]["version"] for m in publishes] == [1]


def test_capabilities_file_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "capabilities.json"
    write_capabilities(fresh)
    assert fresh.read_text(encoding="utf-8") == CAPABILITIES.read_text(encoding="utf-8"), (
        "run python -m syntaqlite.lsp.fast --write"
    )


def test_framing() -> None:
    two = frame({"jsonrpc": "2.0", "method": "a"}) + frame({"jsonrpc": "2.0", "method": "b"})
    first = take_frame(two, 0)
    assert first is not None and first[0] == {"jsonrpc": "2.0", "method": "a"}
    second = take_frame(two, first[1])
    assert second is not None and second[0] == {"jsonrpc": "2.0", "method": "b"}
    assert take_frame(two[:-1], first[1]) is None  # not all there yet
    typed = b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}"
    found = take_frame(typed, 0)
    assert found is not None and isinstance(found[0], Invalid) and found[0].code == -32600


@pytest.mark.parametrize(
    "data",
    [
        b"Content-Type: x\r\n\r\n{}",  # no Content-Length
        b"Content-Length: ten\r\n\r\n{}",
        b"Content-Length: -2\r\n\r\n{}",
        b"}garbage\r\n\r\n",
        b"Content-Length: 2\r\nContent-Type: text/plain; charset=latin-1\r\n\r\n{}",
        b"x" * 70000,  # headers that never end
    ],
)
def test_broken_framing(data: bytes) -> None:
    with pytest.raises(BrokenFraming):
        take_frame(data, 0)


@pytest.mark.parametrize(
    ("body", "code", "msg_id"),
    [
        (b'{"jsonrpc": "2.0", "id": 3, "method": "x"', -32700, None),
        (b'{"jsonrpc": "2.0", "id": 3, "method": "\xff"}', -32700, None),
        (b"[1, 2]", -32600, None),
        (b"17", -32600, None),
        (b'{"jsonrpc": "1.0", "id": 4, "method": "x"}', -32600, 4),
        (b'{"jsonrpc": "2.0", "id": 5, "method": 7}', -32600, 5),
        (b'{"jsonrpc": "2.0", "id": 6, "method": "x", "params": 1}', -32600, 6),
        (b'{"jsonrpc": "2.0", "id": [1], "method": "x"}', -32600, None),
        (b'{"jsonrpc": "2.0"}', -32600, None),
    ],
)
def test_invalid_messages(body: bytes, code: int, msg_id: object) -> None:
    found = take_frame(b"Content-Length: %d\r\n\r\n" % len(body) + body, 0)
    assert found is not None
    item = found[0]
    assert isinstance(item, Invalid) and item.code == code and item.id == msg_id


def test_output_drops_only_the_answered_initialize() -> None:
    out = io.BytesIO()
    writer = Output(out)  # type: ignore[arg-type]
    writer.drop_id = 1
    writer.write(frame({"jsonrpc": "2.0", "method": "window/logMessage", "params": {}}))
    writer.write(frame({"jsonrpc": "2.0", "id": 1, "result": {}}))
    writer.write(frame({"jsonrpc": "2.0", "id": 1, "result": {"again": True}}))
    sent = out.getvalue()
    assert b"logMessage" in sent and b'"again"' in sent
    assert sent.count(b'"id": 1') == 1


# -- requests answered while the server loads ------------------------------------------------

COMPLETE_AT = {"line": 1, "character": 7}  # "SELECT |bdy FROM notes"
HOVER_AT = {"line": 1, "character": 18}  # "notes"


def requests(uri: str, first_id: int) -> list[dict[str, Any]]:
    """Completion, hover, semantic tokens and folding ranges in ``uri``,
    with ids from ``first_id``."""
    doc = {"uri": uri}
    asked: list[tuple[str, dict[str, Any]]] = [
        ("textDocument/completion", {"textDocument": doc, "position": COMPLETE_AT}),
        ("textDocument/hover", {"textDocument": doc, "position": HOVER_AT}),
        ("textDocument/semanticTokens/full", {"textDocument": doc}),
        ("textDocument/foldingRange", {"textDocument": doc}),
        ("textDocument/documentSymbol", {"textDocument": doc}),
    ]
    return [
        {"jsonrpc": "2.0", "id": first_id + i, "method": method, "params": params}
        for i, (method, params) in enumerate(asked)
    ]


def opening(root: Path, uri: str, capabilities: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "rootUri": root.as_uri(), "capabilities": capabilities},
        },
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {
            "jsonrpc": "2.0",
            "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": TEXT}},
        },
    ]


def definition_request(uri: str, msg_id: int) -> dict[str, Any]:
    """A request the front door leaves to the server."""
    return {
        "jsonrpc": "2.0",
        "id": msg_id,
        "method": "textDocument/definition",
        "params": {"textDocument": {"uri": uri}, "position": HOVER_AT},
    }


def test_front_door_answers_requests_once(tmp_path: Path) -> None:
    uri = (tmp_path / "q.sql").as_uri()
    cancel = {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 10}}
    change = {
        "jsonrpc": "2.0",
        "method": "textDocument/didChange",
        "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "SELECT 1;"}]},
    }
    messages = [
        *opening(tmp_path, uri, profiles()["neovim"]),
        *requests(uri, 10),  # 10-14
        cancel,
        definition_request(uri, 20),  # the server's: it waits, and what follows is still answered
        *requests(uri, 30)[:1],
        change,  # an edit: from here on, everything is the server's
        *requests(uri, 40)[:1],
    ]
    read, write = os.pipe()
    os.write(write, b"".join(frame(m) for m in messages))
    out = io.BytesIO()
    wire = Wire(read)
    pending, early = early_start(wire, Output(out), None)  # type: ignore[arg-type]
    left = wire.next()  # what the server's reader reads next
    os.close(read)
    os.close(write)
    sent = []
    data, pos = out.getvalue(), 0
    while (found := take_frame(data, pos)) is not None:
        sent.append(found[0])
        pos = found[1]
    answers = {m["id"]: m["result"] for m in sent if isinstance(m, dict) and "id" in m}
    assert set(answers) == {1, *range(10, 15), 30}
    assert answers[10]["items"] and answers[11]["contents"]["value"]
    assert answers[12]["data"] and answers[13] and answers[14]
    assert answers[30] == answers[10]
    assert early.answered == {*range(10, 15), 30}
    # the server gets the rest, each once and in order: not the answered
    # requests, nor the cancel of one
    assert [(m.get("method"), m.get("id")) for m in pending if isinstance(m, dict)] == [
        ("initialize", 1),
        ("initialized", None),
        ("textDocument/didOpen", None),
        ("textDocument/definition", 20),
        ("textDocument/didChange", None),
    ]
    assert isinstance(left, dict) and left["id"] == 40


def opened(uri: str, text: str = "SELECT 1;\n") -> dict[str, Any]:
    return {
        "jsonrpc": "2.0",
        "method": "textDocument/didOpen",
        "params": {"textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": text}},
    }


@pytest.mark.parametrize("then", ["config", "schema", "same"])
def test_front_door_answers_across_other_documents(tmp_path: Path, then: str) -> None:
    """Opening or editing another document changes nothing the front door
    answers about the first one: its requests are still answered while the
    server loads (an editor opens several files at once, a large one takes
    a while to read); a configuration file, one of the first document's
    schema files or an edit of the first document hands everything over."""
    (tmp_path / "syntaqlite.toml").write_text('schema = ["schema.sql"]\n', encoding="utf-8")
    (tmp_path / "schema.sql").write_text("CREATE TABLE s (a);\n", encoding="utf-8")
    uri = (tmp_path / "q.sql").as_uri()
    other = (tmp_path / "other.sql").as_uri()
    edit = {
        "jsonrpc": "2.0",
        "method": "textDocument/didChange",
        "params": {"textDocument": {"uri": other, "version": 2}, "contentChanges": [{"text": "SELECT 2;"}]},
    }
    stop = {
        "config": opened((tmp_path / "sub" / "pyproject.toml").as_uri(), "[tool.syntaqlite]\n"),
        "schema": opened((tmp_path / "schema.sql").as_uri()),
        "same": {**edit, "params": {**edit["params"], "textDocument": {"uri": uri, "version": 2}}},
    }[then]
    messages = [
        *opening(tmp_path, uri, profiles()["neovim"]),
        opened(other, "SELECT 1;\n" * 500),
        *requests(uri, 10)[:2],
        edit,
        opened("untitled:Untitled-1"),
        *requests(uri, 30)[:1],
        stop,
        *requests(uri, 40)[:1],
    ]
    read, write = os.pipe()
    os.write(write, b"".join(frame(m) for m in messages))  # all there: no wait loads the server
    out = io.BytesIO()
    wire = Wire(read)
    pending, early = early_start(wire, Output(out), None)  # type: ignore[arg-type]
    left = wire.next()
    os.close(read)
    os.close(write)
    assert early.answered == {10, 11, 30}
    assert [(m.get("method"), get_uri(m)) for m in pending if isinstance(m, dict)][2:] == [
        ("textDocument/didOpen", uri),
        ("textDocument/didOpen", other),
        ("textDocument/didChange", other),
        ("textDocument/didOpen", "untitled:Untitled-1"),
        (stop["method"], get_uri(stop)),
    ]
    assert isinstance(left, dict) and left["id"] == 40


def get_uri(message: dict[str, Any]) -> object:
    return message.get("params", {}).get("textDocument", {}).get("uri")


def exchange(fast: bool, root: Path, uri: str) -> dict[int, Any]:
    """Answers to the requests sent with didOpen (ids 10-14) and again after
    a request only the server answers (ids 30-34)."""
    server = Server(fast, root)
    for message in [*opening(root, uri, profiles()["neovim"]), *requests(uri, 10)]:
        server.send(message)
    server.send(definition_request(uri, 20))
    _, seen = server.until(lambda m: m.get("id") == 20)
    for message in requests(uri, 30):
        server.send(message)
    seen += server.until(lambda m: m.get("id") == 34)[1]
    seen += server.stop()
    ids = [*range(10, 15), *range(30, 35)]
    return {i: [m["result"] for m in seen if m.get("id") == i and "method" not in m] for i in ids}


def test_early_answers_are_the_servers(tmp_path: Path) -> None:
    (tmp_path / "syntaqlite.toml").write_text("", encoding="utf-8")
    uri = (tmp_path / "q.sql").as_uri()
    fast = exchange(True, tmp_path, uri)
    slow = exchange(False, tmp_path, uri)
    for i, answers in fast.items():
        assert len(answers) == 1, f"request {i} answered {len(answers)} times"
    assert fast == slow
    for i in range(10, 15):  # before and after the server is loaded
        assert fast[i] == fast[i + 20]
    labels = {item["label"] for item in fast[10][0]["items"]}
    assert {"body", "id", "substr", "DISTINCT"} <= labels
    assert "notes" in fast[11][0]["contents"]["value"]
    assert fast[12][0]["data"] and fast[13][0]
    assert [s["name"] for s in fast[14][0]][:2] == ["CREATE TABLE notes", "SELECT … FROM notes"]


def test_json_constants_are_lsprotocols() -> None:
    from lsprotocol import types

    from syntaqlite.lsp.features import completion

    kinds = types.CompletionItemKind
    assert (
        kinds.Field,
        kinds.Variable,
        kinds.Module,
        kinds.Class,
    ) == (completion.FIELD, completion.VARIABLE, completion.MODULE, completion.CLASS)
    assert (
        kinds.Interface,
        kinds.Struct,
        kinds.Function,
        kinds.Keyword,
    ) == (completion.INTERFACE, completion.STRUCT, completion.FUNCTION, completion.KEYWORD)
    from syntaqlite.lsp.features.symbols import K

    for name, value in vars(K).items():
        if not name.startswith("_"):
            assert getattr(types.SymbolKind, name) == value, name
    assert types.FoldingRangeKind.Comment.value == "comment"
    assert types.MarkupKind.Markdown.value == "markdown" and types.MarkupKind.PlainText.value == "plaintext"


@pytest.mark.parametrize("profile", list(profiles()))
def test_client_support_from_the_clients_json_and_from_lsprotocols(profile: str) -> None:
    """The front door reads the client's JSON, the server lsprotocol's
    object unstructured again: the same reading."""
    from lsprotocol import types

    from syntaqlite.lsp.client import ClientSupport

    raw = profiles()[profile]
    converter = default_converter()
    again = converter.unstructure(converter.structure(raw, types.ClientCapabilities))
    assert ClientSupport.from_json(raw) == ClientSupport.from_json(again)
    if profile == "visual-studio-code":
        support = ClientSupport.from_json(raw)
        assert support.markdown_hover and support.markdown_completion and support.related_information
