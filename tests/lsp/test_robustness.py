"""The server keeps serving: unknown methods, unopened documents, bad
params, a 10 MB document, an exception inside a feature."""

from __future__ import annotations

import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcMethodNotFound
from pytest_lsp import LanguageClient

from .conftest import (
    FAKE_SERVER,
    SERVER,
    change,
    config,
    init_params,
    new_uri,
    open_doc,
    pos,
    published,
    rng,
    wait_diagnostics,
    wait_for,
)
from .rpc import RawClient

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=config(FAKE_SERVER), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    yield
    await lsp_client.shutdown_session()


async def still_serving(client: LanguageClient) -> None:
    uri = new_uri()
    diags = await open_doc(client, uri, "SELECT abs(1) FORM t;")
    assert len(diags) == 1
    h = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(0, 8))
    )
    assert h is not None


async def test_unknown_method(client: LanguageClient) -> None:
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("syntaqlite/noSuchMethod", {"x": 1})
    client.protocol.notify("syntaqlite/noSuchNotification", {"x": 1})
    client.protocol.notify("$/someExtension", {})
    await still_serving(client)


async def test_unopened_document(client: LanguageClient) -> None:
    doc = types.TextDocumentIdentifier(uri=new_uri())
    assert (
        await client.text_document_hover_async(types.HoverParams(text_document=doc, position=pos(0, 0)))
        is None
    )
    assert (
        await client.text_document_completion_async(
            types.CompletionParams(text_document=doc, position=pos(0, 0))
        )
        is None
    )
    assert (
        await client.text_document_formatting_async(
            types.DocumentFormattingParams(
                text_document=doc, options=types.FormattingOptions(tab_size=2, insert_spaces=True)
            )
        )
        is None
    )
    assert (
        await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc))
        is None
    )
    # a change to a document that was never opened is ignored
    await change(
        client,
        doc.uri,
        2,
        [types.TextDocumentContentChangePartial(range=rng(0, 0, 0, 0), text="x")],
        wait=False,
    )
    await still_serving(client)


async def test_malformed_params() -> None:
    """Requests whose params do not fit get InvalidParams; bad notifications
    are dropped; a body that is not JSON (or not UTF-8) gets a parse error,
    a JSON value that is not a message an invalid-request error; the server
    goes on."""
    raw = RawClient(SERVER)
    try:
        raw.initialize()
        reply = raw.request(1, "textDocument/hover", {"textDocument": 5, "position": "here"})
        assert reply["error"]["code"] == -32602
        assert "textDocument/hover" in reply["error"]["message"]
        reply = raw.request(2, "textDocument/completion", {"position": {"line": "x"}})
        assert reply["error"]["code"] == -32602
        raw.send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": 3}}})
        raw.send({"method": "textDocument/didChange", "params": {"nonsense": True}})
        raw.write(b"{this is not json")
        reply = raw.wait(lambda m: "error" in m and m.get("id") is None)
        assert reply["error"]["code"] == -32700
        raw.write(b'{"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": {"x": "\xff"}}')
        reply = raw.wait(lambda m: "error" in m and m.get("id") is None)
        assert reply["error"]["code"] == -32700 and "UTF-8" in reply["error"]["message"]
        raw.write(b"[1, 2, 3]")
        reply = raw.wait(lambda m: "error" in m and m.get("id") is None)
        assert reply["error"]["code"] == -32600
        raw.write(b'{"jsonrpc": "1.0", "id": 9, "method": "textDocument/hover"}')
        reply = raw.wait(lambda m: m.get("id") == 9)
        assert reply["error"]["code"] == -32600
        raw.write(b'{"jsonrpc": "2.0", "id": 10, "method": 42}')
        reply = raw.wait(lambda m: m.get("id") == 10)
        assert reply["error"]["code"] == -32600
        logged = raw.wait(
            lambda m: m.get("method") == "window/logMessage" and "refused" in m["params"]["message"]
        )
        assert logged["params"]["type"] == 1
        reply = raw.request(3, "syntaqlite/unknown", None)
        assert reply["error"]["code"] == -32601
        uri = "file:///robust.sql"
        raw.send(
            {
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {"uri": uri, "languageId": "sql", "version": 1, "text": "SELEC 1;"}
                },
            }
        )
        diags = raw.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        assert len(diags["params"]["diagnostics"]) == 1
        reply = raw.request(
            4, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}}
        )
        assert "error" not in reply
    finally:
        assert raw.close() == 0


@pytest.mark.parametrize(
    "data",
    [
        b"Content-Type: application/json\r\n\r\n{}",  # no Content-Length
        b"Content-Length: 5\r\n\r\n"
        + b'{"jsonrpc": "2.0", "method": "initialized", "params": {}}',  # too short
        b"Content-Length: many\r\n\r\n{}",
    ],
)
async def test_broken_framing_ends_the_server(data: bytes) -> None:
    """Framing that cannot be followed: a line on stderr and in the client's
    log, and exit status 1 (the editor restarts the server)."""
    raw = RawClient(SERVER)
    try:
        raw.initialize()
        stdin = raw.proc.stdin
        assert stdin is not None
        stdin.write(data + b"\r\n\r\n")
        stdin.flush()
        logged = raw.wait(
            lambda m: m.get("method") == "window/logMessage" and "framing" in m["params"]["message"]
        )
        assert "stopping" in logged["params"]["message"]
        assert raw.proc.wait(timeout=20) == 1
        assert raw.proc.stderr is not None
        assert b"broken message framing" in raw.proc.stderr.read()
    finally:
        if raw.proc.poll() is None:
            raw.proc.kill()


async def test_positions_out_of_range(client: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(client, uri, "SELECT 1;")
    h = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(99, 99))
    )
    assert h is None
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(0, 500))
    )
    assert result is not None
    diags = await change(
        client, uri, 2, [types.TextDocumentContentChangePartial(range=rng(5, 0, 7, 3), text="\nSELEC 2;")]
    )
    assert len(diags) == 1 and diags[0].range.start.line == 1


async def test_exception_inside_a_feature(client: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(client, uri, "SELECT boom FROM t;")
    with pytest.raises(JsonRpcException) as info:
        await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(0, 8))
        )
    assert "boom in hover" in info.value.message
    await asyncio.sleep(0.1)
    assert any("boom in hover" in m.message and "Traceback" in m.message for m in client.log_messages)
    # the same document still gets answers from the other features
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert symbols is not None and len(symbols) == 1
    await still_serving(client)


async def test_ten_megabyte_document(client: LanguageClient) -> None:
    uri = new_uri("huge")
    text = "SELECT abs(a), b, c FROM some_table WHERE x = 1;\n" * 220_000 + "SELEC 1;\n"  # about 10.5 MB
    assert len(text) > 10_000_000
    # published progressively: the statements parsed so far, then all
    await open_doc(client, uri, text, timeout=300)
    await wait_for(lambda: any(p.uri == uri and p.diagnostics for p in published(client)), timeout=300)
    diags = [p for p in published(client) if p.uri == uri][-1].diagnostics
    assert [(d.range.start.line, d.message.split(":")[0]) for d in diags] == [
        (220_000, "syntax error near 'SELEC'")
    ]
    doc = types.TextDocumentIdentifier(uri=uri)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc, position=pos(3, 8)))
    assert hover is not None  # abs()
    # an edit to it
    diags = await change(
        client,
        uri,
        2,
        [types.TextDocumentContentChangePartial(range=rng(5, 0, 5, 0), text="SELEC 2;\n")],
        timeout=300,
    )
    assert [d.range.start.line for d in diags] == [5, 220_001]
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=doc))
    await wait_diagnostics(client, uri, None)
    await still_serving(client)
