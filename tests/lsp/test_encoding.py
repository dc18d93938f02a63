"""Position encodings: UTF-16 by default, UTF-8 when the client offers it.
Columns of non-ASCII text differ between the two."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import change, config, init_params, new_uri, open_doc, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")

TEXT = "SELECT 'é', 名前 FORM t"  # the error is at "t"
ASTRAL = "SELECT '😀', 名前 FORM t"


@pytest_lsp.fixture(config=config(), scope="module")
async def utf16(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    lsp_client.init_result = await lsp_client.initialize_session(init_params())  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=config(), scope="module")
async def utf8(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    lsp_client.init_result = await lsp_client.initialize_session(  # type: ignore[attr-defined]
        init_params(encodings=["utf-32", "utf-8", "utf-16"])
    )
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=config(), scope="module")
async def utf32_only(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    lsp_client.init_result = await lsp_client.initialize_session(  # type: ignore[attr-defined]
        init_params(encodings=["utf-32", "utf-16"])
    )
    yield
    await lsp_client.shutdown_session()


async def test_negotiation(utf16: LanguageClient, utf8: LanguageClient, utf32_only: LanguageClient) -> None:
    assert utf16.init_result.capabilities.position_encoding == "utf-16"  # type: ignore[attr-defined]
    assert utf8.init_result.capabilities.position_encoding == "utf-8"  # type: ignore[attr-defined]
    assert utf32_only.init_result.capabilities.position_encoding == "utf-16"  # type: ignore[attr-defined]


async def test_utf16_columns(utf16: LanguageClient) -> None:
    diags = await open_doc(utf16, new_uri(), TEXT)
    assert [d.range for d in diags] == [rng(0, 20, 0, 21)]
    diags = await open_doc(utf16, new_uri(), ASTRAL)
    assert [d.range for d in diags] == [rng(0, 21, 0, 22)]  # the emoji is two UTF-16 units


async def test_utf8_columns(utf8: LanguageClient) -> None:
    diags = await open_doc(utf8, new_uri(), TEXT)
    assert [d.range for d in diags] == [rng(0, 25, 0, 26)]  # é is 2 bytes, 名 and 前 3 each
    diags = await open_doc(utf8, new_uri(), ASTRAL)
    assert [d.range for d in diags] == [rng(0, 27, 0, 28)]


async def test_utf8_incremental_edit(utf8: LanguageClient) -> None:
    """An edit after non-ASCII text lands where the client meant it."""
    uri = new_uri()
    await open_doc(utf8, uri, TEXT)
    # FORM starts at character 15, byte 20: replace "OR" (bytes 21-23) with "RO"
    diags = await change(
        utf8, uri, 2, [types.TextDocumentContentChangePartial(range=rng(0, 21, 0, 23), text="RO")]
    )
    assert [d for d in diags if d.code == "syntax"] == []  # (t is unknown: a warning remains)


async def test_utf16_incremental_edit(utf16: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(utf16, uri, ASTRAL)
    # "FORM" starts at character 15, UTF-16 unit 16 (the emoji takes two)
    diags = await change(
        utf16, uri, 2, [types.TextDocumentContentChangePartial(range=rng(0, 17, 0, 19), text="RO")]
    )
    assert [d for d in diags if d.code == "syntax"] == []


async def test_utf8_completion_replace_range(utf8: LanguageClient) -> None:
    uri = new_uri()
    text = "SELECT '名前' AS n FRO"
    await open_doc(utf8, uri, text)
    result = await utf8.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=len(text.encode())),
        )
    )
    assert isinstance(result, types.CompletionList)
    item = next(i for i in result.items if i.label == "FROM")
    assert isinstance(item.text_edit, types.TextEdit)
    end = len(text.encode())
    assert item.text_edit.range == rng(0, end - 3, 0, end)


async def test_crlf_line_endings(utf16: LanguageClient) -> None:
    uri = new_uri()
    diags = await open_doc(utf16, uri, "SELECT 1;\r\nSELECT a FORM t;\r\n")
    assert [d.range for d in diags] == [rng(1, 14, 1, 15)]
