"""Diagnostics on open and on change, full and incremental sync, never stale."""

from __future__ import annotations

import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import change, config, init_params, new_uri, open_doc, pos, published, rng, wait_diagnostics

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    yield
    await lsp_client.shutdown_session()


async def test_clean_file_gets_empty_diagnostics(client: LanguageClient) -> None:
    uri = new_uri()
    assert await open_doc(client, uri, "CREATE TABLE t (a);\nSELECT 1;\nSELECT a FROM t;\n") == []


async def test_syntax_error_on_open(client: LanguageClient) -> None:
    uri = new_uri()
    diags = await open_doc(client, uri, "SELECT 1;\nSELECT id, email FORM customers;\n")
    assert len(diags) == 1
    d = diags[0]
    assert d.range == rng(1, 22, 1, 31)
    assert d.code == "syntax"
    assert d.source == "syntaqlite"
    assert d.severity == types.DiagnosticSeverity.Error
    assert d.message.startswith("syntax error near 'customers'")
    assert "help: 'FORM' was read as an alias; did you mean FROM?" in d.message


async def test_incomplete_input_at_end(client: LanguageClient) -> None:
    uri = new_uri()
    diags = await open_doc(client, uri, "SELECT * FROM orders WHERE total >")
    assert len(diags) == 1
    assert diags[0].message.startswith("incomplete input")
    assert diags[0].range.start == pos(0, 34)


async def test_incremental_edits_fix_and_break(client: LanguageClient) -> None:
    uri = new_uri()
    text = "CREATE TABLE t (a INT);\nSELECT a FORM t;\nSELECT 2;\n"
    assert len(await open_doc(client, uri, text)) == 1
    # FORM -> FROM: replace "OR" (line 1, characters 10-12) with "RO"
    diags = await change(
        client, uri, 2, [types.TextDocumentContentChangePartial(range=rng(1, 10, 1, 12), text="RO")]
    )
    assert diags == []
    # break the last statement: insert "x" after SELECT
    diags = await change(
        client, uri, 3, [types.TextDocumentContentChangePartial(range=rng(2, 6, 2, 6), text=" ,")]
    )
    assert len(diags) == 1
    assert diags[0].range.start.line == 2


async def test_several_changes_in_one_notification(client: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(client, uri, "SELECT 1;\n")
    changes: list[types.TextDocumentContentChangeEvent] = [
        types.TextDocumentContentChangePartial(range=rng(1, 0, 1, 0), text="SELECT a FROM\n"),
        types.TextDocumentContentChangePartial(range=rng(2, 0, 2, 0), text="WHERE;\n"),
    ]
    diags = await change(client, uri, 2, changes)
    assert len(diags) == 1
    assert diags[0].range.start == pos(2, 0)  # "WHERE" where a table name was expected


async def test_full_sync_change(client: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(client, uri, "SELECT 1;")
    diags = await change(client, uri, 2, [types.TextDocumentContentChangeWholeDocument(text="SELEC 1;")])
    assert len(diags) == 1
    diags = await change(client, uri, 3, [types.TextDocumentContentChangeWholeDocument(text="SELECT 1;")])
    assert diags == []


async def test_trigger_body_is_one_statement(client: LanguageClient) -> None:
    uri = new_uri()
    text = (
        "CREATE TABLE t (a INT, b INT);\n"
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
        "  UPDATE t SET b = 1 WHERE a = new.a;\n"
        "  SELECT CASE WHEN 1 THEN 2 END;\n"
        "END;\n"
    )
    assert await open_doc(client, uri, text) == []
    # an error inside the body is reported inside the body
    diags = await change(
        client, uri, 2, [types.TextDocumentContentChangePartial(range=rng(2, 9, 2, 12), text="SET")]
    )
    assert len(diags) == 1 and diags[0].range.start.line == 2


async def test_rapid_edits_end_with_the_last_version(client: LanguageClient) -> None:
    """Typing: many edits in a row; the diagnostics published last are for
    the last version, and no older version is published after a newer one."""
    uri = new_uri()
    await open_doc(client, uri, "")
    text = ""
    typed = "SELECT a FROM t WHERE"
    version = 1
    for ch in typed:
        version += 1
        await change(
            client,
            uri,
            version,
            [types.TextDocumentContentChangePartial(range=rng(0, len(text), 0, len(text)), text=ch)],
            wait=False,
        )
        text += ch
        await asyncio.sleep(0.01)
    diags = await wait_diagnostics(client, uri, version)
    assert len(diags) == 1 and diags[0].message.startswith("incomplete input")
    await asyncio.sleep(0.4)
    versions = [p.version for p in published(client) if p.uri == uri]
    assert versions == sorted(versions)
    assert versions[-1] == version
    assert len(versions) < len(typed)  # coalesced


async def test_close_clears_diagnostics(client: LanguageClient) -> None:
    uri = new_uri()
    assert len(await open_doc(client, uri, "SELEC 1;")) == 1
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert await wait_diagnostics(client, uri, None) == []


async def test_many_statements_each_report(client: LanguageClient) -> None:
    uri = new_uri()
    text = "".join(f"SELECT {i} FROM;\n" if i % 10 == 0 else f"SELECT {i};\n" for i in range(100))
    diags = await open_doc(client, uri, text)
    assert [d.range.start.line for d in diags] == list(range(0, 100, 10))
